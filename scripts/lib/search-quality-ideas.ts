/**
 * The ideas tried on the way to the site's search, re-measured on a copy of a built site:
 * each idea re-indexes the copy its own way (Pagefind only; the pages are not rebuilt) and
 * sends each query in its own form straight to Pagefind's JS API. `search-quality.ts --ideas`
 * prints them next to the site's real search page, so the README's table can be reproduced.
 */
import { cpSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadContentDir } from '../../src/lib/content/read-content-dir.ts';
import { INDEX_SEPARATOR, mapHtmlText, phraseQuery, separateHanInHtml } from '../../src/lib/search/segment.ts';
import { listFiles } from './run-build.ts';
import { indexSite, PAGEFIND_DIR } from './search-index.ts';
import { DownloadMeter, indexedPages, relevantPages, scoreResults, settle, TOP, type QueryMeasure } from './search-quality.ts';
import { serveStatic } from './search-quality-server.ts';

export interface Idea {
  readonly name: string;
  readonly description: string;
  readonly prepareHtml: (html: string) => string;
  /** The string handed to `pagefind.search` for what someone typed. */
  readonly pagefindQuery: (query: string) => string;
}

const wordSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const icuWords = (text: string): string[] => [...wordSegmenter.segment(text)].map((s) => s.segment);

/** Text segmented by ICU (Node's `Intl.Segmenter`, as Chromium segments queries), words joined by the index separator. */
export const icuSegment = (text: string): string => icuWords(text).join(INDEX_SEPARATOR);

/**
 * Domain terms first: the longest dictionary term at each position is cut out and segmented on
 * its own (as a query for exactly that term is), the text between terms by ICU in context.
 */
export function dictionarySegmenter(terms: Iterable<string>): (text: string) => string {
  const byFirst = new Map<string, string[]>();
  for (const term of new Set(terms)) {
    if ([...term].length < 2) continue;
    const first = term[0] ?? '';
    byFirst.set(first, [...(byFirst.get(first) ?? []), term]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return (text) => {
    const words: string[] = [];
    let rest = '';
    for (let i = 0; i < text.length;) {
      const term = byFirst.get(text[i] ?? '')?.find((candidate) => text.startsWith(candidate, i));
      if (term) {
        words.push(...icuWords(rest), ...icuWords(term));
        rest = '';
        i += term.length;
      } else {
        rest += text[i];
        i += 1;
      }
    }
    words.push(...icuWords(rest));
    return words.join(INDEX_SEPARATOR);
  };
}

/** Names people search for, from the content: catalogue 科目, projects, departments, units, regions, indicators. */
export function domainTerms(contentDir: string): string[] {
  const loaded = loadContentDir(contentDir);
  const terms: string[] = [];
  for (const catalogue of loaded.catalogues.values()) {
    for (const list of [catalogue.functional, catalogue.econDept, catalogue.econGov]) for (const entry of list.values()) terms.push(entry.name);
  }
  for (const d of loaded.disclosures) {
    terms.push(d.region.name, d.department.name, ...d.units.map((u) => u.name), ...d.projects.map((p) => p.name));
    for (const form of d.projectForms) terms.push(form.name, ...form.indicators.flatMap((i) => [i.level1, i.level2, i.name]));
    for (const i of d.unitForm?.indicators ?? []) terms.push(i.level1, i.level2, i.name);
  }
  return terms.map((t) => t.trim()).filter((t) => /\p{Script=Han}/u.test(t));
}

export function ideas(contentDir: string): Idea[] {
  const quoted = (q: string) => `"${q}"`;
  const dictionary = dictionarySegmenter(domainTerms(contentDir));
  return [
    { name: 'defaults', description: 'Pagefind defaults: jieba at index time, the browser segments the query', prepareHtml: (h) => h, pagefindQuery: (q) => q },
    { name: 'phrase', description: 'defaults + the query sent as a quoted phrase', prepareHtml: (h) => h, pagefindQuery: quoted },
    {
      name: 'icu',
      description: 'index segmented by ICU like the browser, phrase query',
      prepareHtml: (h) => mapHtmlText(h, icuSegment),
      pagefindQuery: quoted,
    },
    {
      name: 'icu+dictionary',
      description: 'domain dictionary (catalogues, projects, names, indicators) then ICU, phrase query',
      prepareHtml: (h) => mapHtmlText(h, dictionary),
      pagefindQuery: quoted,
    },
    {
      name: 'unigram',
      description: 'one token per Han character (index and query), phrase of characters, Pagefind order',
      prepareHtml: separateHanInHtml,
      pagefindQuery: phraseQuery,
    },
  ];
}

/** Bytes of an index's data files (word index, filters, fragments, metadata), without the JS and WASM. */
export function indexSize(pagefindDir: string): number {
  return listFiles(pagefindDir)
    .filter((f) => /^(index|fragment|filter)\//.test(f) || f.endsWith('.pf_meta'))
    .reduce((total, f) => total + statSync(join(pagefindDir, f)).size, 0);
}

/** Re-indexes a copy of `siteDir` the idea's way and measures every query straight on Pagefind. */
export async function measureIdea(
  browser: Browser,
  idea: Idea,
  siteDir: string,
  workDir: string,
  base: string,
  queries: readonly string[],
): Promise<{ measures: QueryMeasure[]; indexBytes: number }> {
  const copy = join(workDir, idea.name.replace(/[^a-z0-9]+/gi, '-'));
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  cpSync(siteDir, copy, { recursive: true, filter: (source) => !source.startsWith(join(siteDir, PAGEFIND_DIR)) });
  await indexSite(copy, { prepareHtml: idea.prepareHtml });
  const server = await serveStatic(copy, base);
  try {
    const pages = await indexedPages(browser, server, copy);
    const indexBytes = indexSize(join(copy, PAGEFIND_DIR));
    const measures: QueryMeasure[] = [];
    for (const query of queries) {
      const context = await browser.newContext();
      try {
        const meter = new DownloadMeter(context, server.origin);
        server.takeServed();
        const page = await context.newPage();
        // The search page without a query (its own script stays idle): the same page weight as the site's row.
        await page.goto(`${server.siteUrl}search/`);
        const args = { siteUrl: server.siteUrl, term: idea.pagefindQuery(query), top: TOP };
        await page.evaluate(async ({ siteUrl, term, top }) => {
          const pagefind = await import(`${siteUrl}pagefind/pagefind.js`);
          await pagefind.options({ baseUrl: new URL(siteUrl).pathname, noWorker: true });
          const response = await pagefind.search(term);
          (window as unknown as { ideaResults: unknown }).ideaResults = response.results;
          await Promise.all(response.results.slice(0, top).map((r: { data(): Promise<unknown> }) => r.data()));
        }, args);
        await settle(page);
        const bytes = await meter.total(server.takeServed());
        const ranked = await page.evaluate(async () => {
          const results = (window as unknown as { ideaResults: { data(): Promise<{ url: string; meta: { title?: string } }> }[] }).ideaResults;
          return Promise.all(
            results.map(async (r) => {
              const data = await r.data();
              return { url: new URL(data.url, location.href).pathname, title: (data.meta.title ?? '').replace(/\u200B/g, '') };
            }),
          );
        });
        measures.push(scoreResults(query, ranked, relevantPages(pages, query), bytes));
      } finally {
        await context.close();
      }
    }
    return { measures, indexBytes };
  } finally {
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  }
}
