import { describe, expect, it } from 'vitest';
import { readNginxTemplate, renderNginxConfig } from './nginx-config.ts';

const template = readNginxTemplate();
const render = (overrides: Partial<Parameters<typeof renderNginxConfig>[1]> = {}) =>
  renderNginxConfig(template, { base: '/yjsgk/', root: '/var/www/gongkai', listen: '80', serverName: '_', ...overrides });

describe('the shipped nginx configuration', () => {
  it('is filled in completely: no placeholder survives rendering', () => {
    const conf = render();
    expect(conf).not.toMatch(/\{\{|\}\}/);
    expect(conf).toMatch(/^\s*listen 80;$/m);
    expect(conf).toMatch(/^\s*root \/var\/www\/gongkai;$/m);
    expect(conf).toMatch(/^\s*location \/yjsgk\/ \{$/m);
    expect(conf).toMatch(/^\s*error_page 404 \/yjsgk\/404\.html;$/m);
  });

  it('types CSV as UTF-8 text, XLSX and WASM exactly, and Pagefind files as bytes that are not compressed again', () => {
    const conf = render();
    expect(conf).toMatch(/^\s*text\/csv\s+csv;$/m);
    expect(conf).toMatch(/charset_types [^;]*\btext\/csv\b/);
    expect(conf).toMatch(/^\s*application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet xlsx;$/m);
    expect(conf).toMatch(/^\s*application\/wasm\s+wasm;$/m);
    expect(conf).toMatch(/^\s*application\/octet-stream\s[^;]*\bpf_fragment\b/m);
    const gzipTypes = /gzip_types ([^;]*);/.exec(conf)?.[1]?.split(/\s+/) ?? [];
    expect(gzipTypes).toEqual(expect.arrayContaining(['text/css', 'text/javascript', 'application/json']));
    expect(gzipTypes).not.toContain('application/octet-stream');
  });

  it('sends the security headers on every reply, errors included', () => {
    const conf = render();
    for (const header of ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Cache-Control']) {
      expect(conf).toMatch(new RegExp(`^\\s*add_header ${header} .* always;$`, 'm'));
    }
    expect(conf).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(conf).toContain('frame-ancestors');
  });

  it('keeps hashed assets for a year and revalidates everything else, under the sub-path it was given', () => {
    const conf = render({ base: '/a/b/' });
    expect(conf).toContain('"~^/a/b/_astro/" "public, max-age=31536000, immutable";');
    expect(conf).toMatch(/default "no-cache";/);
  });

  it('redirects the sub-path without its slash and answers 404 outside it', () => {
    const conf = render();
    expect(conf).toMatch(/location = \/yjsgk \{\s*return 301 \/yjsgk\/;/);
    expect(conf).toMatch(/location \/ \{\s*return 404;/);
    expect(conf).not.toContain('gongkai:sub-path-only');
  });

  it('serves a site built for the server root without the sub-path-only blocks, which would clash', () => {
    const conf = render({ base: '/' });
    expect(conf).not.toMatch(/location = /);
    expect(conf.match(/^\s*location \/ \{$/gm)).toHaveLength(1);
    expect(conf).toMatch(/^\s*error_page 404 \/404\.html;$/m);
  });

  it('refuses values nginx would misread rather than writing a broken file', () => {
    expect(() => render({ base: '/y j/' })).toThrow(/sub-path/);
    expect(() => render({ base: '/a.*/' })).toThrow(/sub-path/);
    expect(() => render({ root: 'relative/dir' })).toThrow(/absolute/);
    expect(() => render({ root: '/srv/a;b' })).toThrow(/absolute/);
    expect(() => render({ listen: '80; include /x' })).toThrow(/listen/);
    expect(() => renderNginxConfig('x {{NOPE}}', { base: '/', root: '/r', listen: '80', serverName: '_' })).toThrow(/unknown placeholder/);
  });
});
