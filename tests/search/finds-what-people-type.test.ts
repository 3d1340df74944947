/**
 * The search page in a real browser, on a real build: the site is built (with its search index)
 * under the sub-path /yjsgk/ into .build-staging/, served from 127.0.0.1, and searched in Debian's
 * headless Chromium. Skipped with a message only where /usr/bin/chromium is missing outside CI;
 * in CI a missing browser fails.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { CHROMIUM_PATH } from '../../scripts/lib/e2e-tools.ts';
import { launchChromium } from '../../scripts/lib/search-quality.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/search-quality-server.ts';
import { projectPages } from '../../src/lib/site/page-data.ts';
import { routes, withBase } from '../../src/lib/site/routes.ts';
import { getSiteData } from '../../src/lib/site/site-data.ts';

const root = resolve(import.meta.dirname, '../..');
const base = '/yjsgk/';
const outDir = join(root, '.build-staging', 'test-search-site');
const contentDir = join(root, 'content');
const chromiumMissing = !existsSync(CHROMIUM_PATH);
if (chromiumMissing && !process.env['CI']) {
  console.warn(`tests/search: skipped, no Chromium at ${CHROMIUM_PATH} (install the Debian package: sudo apt-get install chromium)`);
}

interface Hit {
  readonly url: string;
  readonly title: string;
}

describe.skipIf(chromiumMissing && !process.env['CI'])('search finds what people type', () => {
  let server: StaticServer;
  let browser: Browser;
  const offSite: string[] = [];

  beforeAll(async () => {
    const env: Record<string, string | undefined> = { ...process.env, CONTENT_DIR: contentDir, SITE_BASE: base };
    // Vitest puts its own import.meta.env into process.env (BASE_URL=/), and Astro's build would
    // take the pages' import.meta.env.BASE_URL from there instead of from SITE_BASE.
    const vitestBaseUrl = process.env['BASE_URL'];
    delete process.env['BASE_URL'];
    try {
      await buildSite({ root, env, outDir });
    } finally {
      if (vitestBaseUrl !== undefined) process.env['BASE_URL'] = vitestBaseUrl;
    }
    server = await serveStatic(outDir, base);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  async function open(path: string, javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(server.origin)) offSite.push(request.url());
    });
    await page.goto(`${server.siteUrl}${path}`);
    return page;
  }

  async function searchResults(page: Page): Promise<Hit[]> {
    await page.waitForSelector('gk-search-results[data-state="done"], gk-search-results[data-state="error"]');
    expect(await page.getAttribute('gk-search-results', 'data-state')).toBe('done');
    return page.evaluate(async () => {
      const element = document.querySelector('gk-search-results') as HTMLElement & { results?: { count: number; slice(a: number, b: number): Promise<Hit[]> } };
      const results = element.results;
      return results ? (await results.slice(0, results.count)).map((hit) => ({ url: hit.url, title: hit.title })) : [];
    });
  }

  it('lists the 人大代表活动经费 project page first', async () => {
    const entry = getSiteData(contentDir).entries.find((e) => e.disclosure.region.code === '430202');
    const project = entry && projectPages(entry).find((p) => p.name === '人大代表活动经费');
    expect(project, 'the 荷塘区 2024 content names a project 人大代表活动经费').toBeDefined();
    if (!entry || !project) return;
    const page = await open(`search/?q=${encodeURIComponent('人大代表活动经费')}`);
    const hits = await searchResults(page);
    expect(hits[0]?.url).toBe(withBase(base, routes.project(entry.disclosure, project.id)));
    const firstLink = page.locator('gk-search-results .search-results h2 a').first();
    expect(await firstLink.getAttribute('href')).toBe(hits[0]?.url);
    expect(await page.locator('gk-search-results .search-results mark').first().textContent()).toBe('人大代表活动经费');
    await page.context().close();
  });

  it('offers the 平罗县 pages first when searching 平罗县', async () => {
    const page = await open(`search/?q=${encodeURIComponent('平罗县')}`);
    const hits = await searchResults(page);
    // 平罗县's pages: its disclosure (640221/…) and its region page (regions/640221/). Its tables
    // that were not provided are not in the index: at least the overview, region page and projects.
    const pingluo = getSiteData(contentDir).entries.find((e) => e.disclosure.region.code === '640221');
    const expectedPages = Math.min(10, 2 + (pingluo ? projectPages(pingluo).length : 0));
    const isPingluo = hits.map((hit) => hit.url.includes('640221/'));
    expect(isPingluo.filter(Boolean).length).toBeGreaterThanOrEqual(expectedPages);
    // Every 平罗县 page comes before any other page that merely mentions it (home, year lists).
    const firstOther = isPingluo.indexOf(false);
    expect(firstOther === -1 ? isPingluo.length : firstOther).toBeGreaterThan(isPingluo.lastIndexOf(true));
    expect(await page.locator('gk-search-results .search-results li').count()).toBe(Math.min(10, hits.length));
    await page.context().close();
  });

  it('opens a ?q= link with its results, its filters applied and the form filled in', async () => {
    const page = await open(`search/?q=${encodeURIComponent('收支总表')}&region=${encodeURIComponent('平罗县')}`);
    const hits = await searchResults(page);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.url.startsWith(`${base}640221/`))).toBe(true);
    expect(await page.inputValue('#search-q')).toBe('收支总表');
    expect(await page.inputValue('select[name="region"]')).toBe('平罗县');
    expect(await page.locator('gk-search-results .search-status').textContent()).toContain(String(hits.length));
    expect(await page.locator('gk-search-results .search-results li').count()).toBe(Math.min(10, hits.length));
    await page.context().close();
  });

  it('searches from the box in every page header', async () => {
    const page = await open('');
    await page.fill('#site-search-q', '平罗县');
    await Promise.all([page.waitForURL(/\/yjsgk\/search\/\?q=/), page.press('#site-search-q', 'Enter')]);
    expect((await searchResults(page)).length).toBeGreaterThan(0);
    await page.context().close();
  });

  it('says, without JavaScript, that search needs it and where else to look', async () => {
    const page = await open(`search/?q=${encodeURIComponent('平罗县')}`, false);
    expect(await page.locator('main').textContent()).toContain('搜索需要启用 JavaScript');
    await page.context().close();
  });

  it('loads everything from the site itself', () => {
    expect(offSite).toEqual([]);
  });
});
