import { describe, expect, it } from 'vitest';
import { nginxConfig } from './e2e-nginx.ts';

const options = { prefix: '/tmp/gongkai-e2e-x', siteConfig: '/tmp/gongkai-e2e-x/gongkai.conf', asRoot: false, stockMimeTypes: '/etc/nginx/mime.types' };

describe('the test run nginx.conf', () => {
  it('keeps the pid, logs and temp paths inside the prefix', () => {
    const conf = nginxConfig(options);
    expect(conf).toContain('daemon off;');
    const paths = [...conf.matchAll(/^\s*(?:pid|error_log|access_log|\w+_temp_path)\s+(\S+?);?(?:\s|$)/gm)].map((m) => m[1] ?? '');
    expect(paths).toHaveLength(8);
    for (const path of paths) expect(path.startsWith('/tmp/gongkai-e2e-x/')).toBe(true);
  });

  it('includes the shipped site configuration after the stock http settings it must override', () => {
    const conf = nginxConfig(options);
    expect(conf).toMatch(/include \/etc\/nginx\/mime\.types;[\s\S]*gzip on;[\s\S]*include \/tmp\/gongkai-e2e-x\/gongkai\.conf;/);
    expect(conf).not.toMatch(/^\s*(listen|location|add_header)\b/m);
  });

  it('names the root user only when nginx is started by root', () => {
    expect(nginxConfig(options)).not.toMatch(/^user /m);
    expect(nginxConfig({ ...options, asRoot: true })).toMatch(/^user root;$/m);
  });
});
