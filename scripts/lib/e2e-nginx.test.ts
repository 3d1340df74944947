import { describe, expect, it } from 'vitest';
import { nginxConfig } from './e2e-nginx.ts';

const options = { prefix: '/tmp/gongkai-e2e-x', root: '/tmp/gongkai-e2e-x/www', port: 40123, base: '/yjsgk/', asRoot: false };

describe('nginxConfig', () => {
  it('keeps the pid, logs and temp paths inside the prefix and listens on 127.0.0.1 only', () => {
    const conf = nginxConfig(options);
    expect(conf).toContain('daemon off;');
    expect(conf).toContain('listen 127.0.0.1:40123;');
    const paths = [...conf.matchAll(/^\s*(?:pid|error_log|access_log|\w+_temp_path)\s+(\S+?);?(?:\s|$)/gm)].map((m) => m[1] ?? '');
    expect(paths).toHaveLength(8);
    for (const path of paths) expect(path.startsWith('/tmp/gongkai-e2e-x/')).toBe(true);
  });

  it('serves the site under its sub-path and nothing outside it', () => {
    const conf = nginxConfig(options);
    expect(conf).toMatch(/location \/yjsgk\/ \{\s*try_files \$uri \$uri\/ =404;/);
    expect(conf).toMatch(/location \/ \{\s*return 404;/);
  });

  it('types CSV as UTF-8 text, XLSX and wasm exactly, and Pagefind fragments as untouched bytes', () => {
    const conf = nginxConfig(options);
    expect(conf).toMatch(/^\s*text\/csv csv;$/m);
    expect(conf).toMatch(/charset_types [^;]*\btext\/csv\b/);
    expect(conf).toMatch(/^\s*application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet xlsx;$/m);
    expect(conf).toMatch(/^\s*application\/wasm wasm;$/m);
    expect(conf).toMatch(/^\s*application\/octet-stream [^;]*\bpf_fragment\b/m);
    expect(conf).toContain('gzip off;');
  });

  it('names the root user only when nginx is started by root', () => {
    expect(nginxConfig(options)).not.toMatch(/^user /m);
    expect(nginxConfig({ ...options, asRoot: true })).toMatch(/^user root;$/m);
  });
});
