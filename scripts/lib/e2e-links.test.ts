import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSiteLinks, cssUrls, extractReferences, fragmentTargets, resolveReference } from './e2e-links.ts';

describe('extractReferences', () => {
  it('finds href, src, srcset and action values with entities decoded, in any quoting', () => {
    const html = `<a href="/yjsgk/search/?q=a&amp;b=1">x</a><img src='/yjsgk/a.png' srcset="/yjsgk/a1.png 1x, /yjsgk/a2.png 2x"><form action=/yjsgk/search/><input></form>`;
    expect(extractReferences(html).map((r) => `${r.tag} ${r.attribute} ${r.value}`)).toEqual([
      'a href /yjsgk/search/?q=a&b=1',
      'img src /yjsgk/a.png',
      'img srcset /yjsgk/a1.png',
      'img srcset /yjsgk/a2.png',
      'form action /yjsgk/search/',
    ]);
  });

  it('ignores markup inside scripts, styles and comments', () => {
    const html = `<script>const s = '<a href="/nowhere/">';</script><style>a{}</style><!-- <a href="/old/"> --><a href="/yjsgk/">home</a>`;
    expect(extractReferences(html).map((r) => r.value)).toEqual(['/yjsgk/']);
  });

  it('keeps reading after a stray quote in a tag', () => {
    expect(extractReferences(`<a " href="/yjsgk/x/">x</a><a href="/yjsgk/y/">y</a>`).map((r) => r.value)).toEqual(['/yjsgk/x/', '/yjsgk/y/']);
  });
});

describe('fragmentTargets and cssUrls', () => {
  it('collects ids and anchor names', () => {
    expect([...fragmentTargets(`<main id="main"><a name="top"></a><div name="no"></div></main>`)].sort()).toEqual(['main', 'top']);
  });

  it('reads url() in every quoting', () => {
    expect(cssUrls(`a{background:url("x.png")} b{background:url( 'y.svg' )} c{background:url(z.woff2)}`)).toEqual(['x.png', 'y.svg', 'z.woff2']);
  });
});

describe('resolveReference', () => {
  it('resolves absolute and relative paths against the page under the sub-path', () => {
    expect(resolveReference('/yjsgk/years/2024/#t', '430202/index.html', '/yjsgk/')).toEqual({
      kind: 'internal',
      path: 'years/2024/',
      fragment: 't',
      query: '',
    });
    expect(resolveReference('../data/x.csv', '430202/index.html', '/yjsgk/')).toEqual({ kind: 'internal', path: 'data/x.csv', fragment: '', query: '' });
  });

  it('tells a path outside the sub-path and another host apart', () => {
    expect(resolveReference('/data/x.csv', 'index.html', '/yjsgk/')).toEqual({ kind: 'outside', pathname: '/data/x.csv' });
    expect(resolveReference('//cdn.example.com/x.js', 'index.html', '/yjsgk/').kind).toBe('external');
    expect(resolveReference('mailto:a@b.c', 'index.html', '/yjsgk/').kind).toBe('ignored');
  });
});

describe('checkSiteLinks', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  it('accepts a site whose links all land on files and ids, and reports each broken one with its reason', () => {
    dir = mkdtempSync(join(tmpdir(), 'links-'));
    write('index.html', `<link rel="stylesheet" href="/yjsgk/_astro/s.css"><a href="/yjsgk/a/#x">a</a><a href="https://www.gov.cn/">gov</a>`);
    write('a/index.html', `<h1 id="x">a</h1><a href="../">home</a>`);
    write('_astro/s.css', `body{background:url(bg.png)}`);
    write('_astro/bg.png', 'png');
    const clean = checkSiteLinks(dir, '/yjsgk/');
    expect(clean.problems).toEqual([]);
    expect(clean.targets).toEqual(['_astro/bg.png', '_astro/s.css', 'a/index.html', 'index.html']);
    expect(clean.externalLinks).toEqual(['https://www.gov.cn/']);

    write(
      'b/index.html',
      `<a href="/yjsgk/a/#nope">1</a><a href="/a/">2</a><script src="https://cdn.example.com/x.js"></script><a href="/yjsgk/a">3</a><img src="missing.png">`,
    );
    const reasons = checkSiteLinks(dir, '/yjsgk/').problems.map((p) => `${p.file}: ${p.reason}`);
    expect(reasons).toEqual([
      'b/index.html: #nope names no element id in a/index.html',
      "b/index.html: resolves to /a/, outside the site's sub-path /yjsgk/",
      'b/index.html: loads from another host (https://cdn.example.com/x.js); everything must be served from the site itself',
      'b/index.html: points at the folder a without its trailing slash (a redirect on every click)',
      'b/index.html: no file b/missing.png',
    ]);
  });
});
