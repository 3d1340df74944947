/**
 * The e2e site is built as shards and merged (scripts/test-e2e.ts), as a province's CI would
 * build it: the search page searches every shard's index at once, so a term every shard holds
 * finds pages of each shard, and the result links work.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_INFO_FILE, type BuildInfo } from '../../scripts/lib/run-build.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { launchBrowser, openSession, routeOf, site, visit, type Session } from './support/browser.ts';
import { siteData } from './support/content.ts';

const info = JSON.parse(readFileSync(join(site.siteDir, BUILD_INFO_FILE), 'utf8')) as BuildInfo;

/**
 * A term on a page of every disclosure: the title of a table every disclosure publishes, or, where
 * templates differ (Hunan's, Shanghai's budget and final tables share no title), a word in a table
 * title of every disclosure.
 */
function termInEveryDisclosure(): string {
  const [first, ...rest] = siteData.entries;
  const title = first?.tables.find((t) => t.provided && rest.every((e) => e.tables.some((o) => o.provided && o.title === t.title)))?.title;
  if (title) return title.replace(/表$/, '');
  const word = '支出';
  if (!siteData.entries.every((e) => e.tables.some((t) => t.provided && t.title.includes(word))))
    throw new Error(`not every disclosure publishes a table whose title holds ${word}`);
  return word;
}

describe('search on a site built as shards', () => {
  let browser: Browser;
  let session: Session;
  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openSession(browser);
  });
  afterAll(async () => {
    session.assertClean();
    await session.close();
    await browser.close();
  });

  it('was built as three shards and merged', () => {
    expect(info.shards?.map((s) => s.id)).toEqual(['1-of-3', '2-of-3', '3-of-3']);
  });

  it('finds pages of every shard for a term they all hold, and their links open', async () => {
    const term = termInEveryDisclosure();
    const page = await session.newPage();
    await visit(page, `${routes.search()}?q=${encodeURIComponent(term)}`, 'the search page');
    await page.waitForFunction(() => document.querySelector('gk-search-results')?.getAttribute('data-state') === 'done', undefined, { timeout: 20_000 });
    const urls = await page.evaluate(async () => {
      const element = document.querySelector('gk-search-results') as
        (Element & { results?: { count: number; slice(a: number, b: number): Promise<{ url: string }[]> } }) | null;
      const results = element?.results;
      return results ? (await results.slice(0, results.count)).map((hit) => hit.url) : [];
    });
    const regions = new Set(urls.map((url) => routeOf(new URL(url, page.url()).href).split('/')[0]));
    for (const shard of info.shards ?? []) {
      expect(
        shard.regions.some((region) => regions.has(region)),
        `results from shard ${shard.id} (${shard.regions.join(', ')}) for “${term}”`,
      ).toBe(true);
    }
    const first = urls[0];
    if (!first) throw new Error(`no result for ${term}`);
    await visit(page, routeOf(new URL(first, page.url()).href), 'the first result');
  });
});
