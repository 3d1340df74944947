/**
 * The site as the shipped nginx configuration (deploy/nginx/gongkai.conf) serves it: the global
 * setup serves the build with that very file, so what is asserted here is what a stock Debian
 * server gives once the file is installed — security headers on every page kind, compression,
 * cache lifetimes, file types, the 404 page, and pages that live with the Content-Security-Policy.
 */
import { statSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { listFiles } from '../../scripts/lib/run-build.ts';
import { readNginxTemplate } from '../../scripts/lib/nginx-config.ts';
import { t } from '../../src/lib/i18n/strings.ts';
import { launchBrowser, openSession, PHONE, settle, site, urlOf } from './support/browser.ts';
import { PAGE_KINDS } from './support/page-kinds.ts';

interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body as sent, before any decompression. */
  readonly bytes: number;
}

/** A request as a browser sends it (accepting gzip), answered with the raw bytes on the wire. */
function fetchRaw(url: string): Promise<RawResponse> {
  return new Promise((resolveResponse, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip, deflate' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolveResponse({ status: response.statusCode ?? 0, headers: response.headers, bytes }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

const header = (response: RawResponse, name: string): string => String(response.headers[name] ?? '');

/** The policy as the shipped file writes it, so the test and the file cannot drift apart. */
const SHIPPED_CSP = /add_header Content-Security-Policy "([^"]+)"/.exec(readNginxTemplate())?.[1] ?? '';

const files = listFiles(site.siteDir);
/** The largest built file matching `pattern`: big enough to be compressed (gzip_min_length). */
const firstFile = (pattern: RegExp): string => {
  const size = (f: string) => statSync(join(site.siteDir, f)).size;
  const file = files.filter((f) => pattern.test(f)).sort((a, b) => size(b) - size(a))[0];
  if (!file) throw new Error(`the build has no file matching ${pattern}`);
  return file;
};

describe('security headers on every page kind', () => {
  it('the shipped policy is the one the issue asks for', () => {
    expect(SHIPPED_CSP).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; /);
    expect(SHIPPED_CSP).toContain("img-src 'self' data:");
    expect(SHIPPED_CSP).toContain('frame-ancestors');
  });

  for (const page of PAGE_KINDS) {
    it(`${page.kind} answers ${page.status} with the CSP, nosniff, Referrer-Policy, frame-ancestors and gzip`, async () => {
      const response = await fetchRaw(urlOf(page.path));
      expect(response.status).toBe(page.status);
      expect(header(response, 'content-type')).toBe('text/html; charset=utf-8');
      expect(header(response, 'content-security-policy')).toBe(SHIPPED_CSP);
      expect(header(response, 'x-content-type-options')).toBe('nosniff');
      expect(header(response, 'referrer-policy')).not.toBe('');
      expect(header(response, 'cache-control')).toBe('no-cache');
      expect(header(response, 'content-encoding')).toBe('gzip');
    });
  }
});

describe('compression, types and cache lifetimes', () => {
  const cases: readonly { what: string; file: string; type: string; gzip: boolean | 'too small to matter'; immutable: boolean }[] = [
    { what: 'a stylesheet', file: firstFile(/^_astro\/.*\.css$/), type: 'text/css; charset=utf-8', gzip: true, immutable: true },
    { what: 'a script', file: firstFile(/^_astro\/.*\.js$/), type: 'text/javascript; charset=utf-8', gzip: true, immutable: true },
    { what: "Pagefind's script", file: 'pagefind/pagefind.js', type: 'text/javascript; charset=utf-8', gzip: true, immutable: false },
    {
      what: "Pagefind's entry JSON",
      file: 'pagefind/pagefind-entry.json',
      type: 'application/json; charset=utf-8',
      gzip: 'too small to matter',
      immutable: false,
    },
    { what: 'the data package JSON', file: 'data/datapackage.json', type: 'application/json; charset=utf-8', gzip: true, immutable: false },
    { what: 'a table CSV', file: firstFile(/\.csv$/), type: 'text/csv; charset=utf-8', gzip: true, immutable: false },
    {
      what: 'a workbook',
      file: firstFile(/\.xlsx$/),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      gzip: false,
      immutable: false,
    },
    { what: 'a Pagefind fragment (already gzip)', file: firstFile(/\.pf_fragment$/), type: 'application/octet-stream', gzip: false, immutable: true },
    { what: "Pagefind's metadata", file: firstFile(/\.pf_meta$/), type: 'application/octet-stream', gzip: false, immutable: true },
    {
      what: "Pagefind's WASM (already gzip)",
      file: firstFile(/^pagefind\/wasm\..*\.pagefind$/),
      type: 'application/octet-stream',
      gzip: false,
      immutable: false,
    },
    { what: 'the checksum manifest', file: 'data/SHA256SUMS', type: 'text/plain; charset=utf-8', gzip: true, immutable: false },
  ];
  for (const c of cases) {
    it(`${c.what} (${c.file}) is ${c.type}${c.gzip === true ? ', gzipped' : ''}${c.immutable ? ', cached for a year' : ', revalidated'}`, async () => {
      const response = await fetchRaw(urlOf(c.file));
      expect(response.status).toBe(200);
      expect(header(response, 'content-type')).toBe(c.type);
      expect(header(response, 'x-content-type-options')).toBe('nosniff');
      if (c.gzip !== 'too small to matter') expect(header(response, 'content-encoding')).toBe(c.gzip ? 'gzip' : '');
      expect(header(response, 'cache-control')).toBe(c.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    });
  }

  it('the overview with its stylesheet and scripts goes over the wire at under half its size', async () => {
    const overview = PAGE_KINDS.find((p) => p.kind === '*/*/*/');
    if (!overview) throw new Error('no overview page in the build');
    const html = await fetchRaw(urlOf(overview.path));
    const assets = files.filter((f) => f.startsWith('_astro/'));
    const sent = [html, ...(await Promise.all(assets.map((f) => fetchRaw(urlOf(f)))))].reduce((sum, r) => sum + r.bytes, 0);
    const onDisk = [`${overview.path}index.html`, ...assets].reduce((sum, f) => sum + statSync(join(site.siteDir, f)).size, 0);
    console.log(`overview + assets: ${(onDisk / 1024).toFixed(0)} KB on disk, ${(sent / 1024).toFixed(0)} KB sent`);
    expect(sent).toBeLessThan(onDisk / 2);
  });
});

describe('missing pages and the sub-path', () => {
  it('a missing page under the sub-path gets the Chinese 404 page with status 404', async () => {
    const response = await fetch(urlOf('no-such-page/'));
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain(`<title>${t('notFound.title')}`);
    expect(html).toContain(`href="${site.base}search/"`);
  });

  it('a path outside the sub-path gets the same 404 page, and nothing of the site', async () => {
    const response = await fetch(`${site.origin}/no-such-page`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(t('notFound.title'));
  });

  it('the sub-path without its slash redirects to the site', async () => {
    const response = await fetch(`${site.origin}${site.base.replace(/\/$/, '')}`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(site.base);
  });
});

describe('the pages live with the Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('no page kind causes a single CSP violation, scrolled to its end, with its scripts, charts and search run', async () => {
    const session = await openSession(browser, PHONE);
    const violations: string[] = [];
    try {
      await session.context.exposeBinding('reportCspViolation', (_source, text: string) => void violations.push(text));
      await session.context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
            `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} (${location.pathname})`,
          );
        });
      });
      const page = await session.newPage();
      for (const kind of PAGE_KINDS) {
        const response = await page.goto(urlOf(kind.path), { waitUntil: 'load' });
        expect(response?.status(), kind.path).toBe(kind.status);
        await settle(page);
        if (kind.kind.startsWith('search/?')) {
          // A search runs Pagefind's WASM, which the policy must allow.
          await page.waitForSelector('gk-search-results[data-state="done"]');
          expect(await page.locator('.search-results li').count()).toBeGreaterThan(0);
        }
      }
      expect(violations).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
