/**
 * Search quality, measured in a real browser on a built site: recall, top-10 precision and the
 * bytes a first search downloads, for every query of a query file.
 *
 * Ground truth: a page is relevant to a query when its indexed text contains the query verbatim.
 * The indexed text is read back from Pagefind itself (`result.data().content` of every page,
 * via a filter-less `search(null)`), not recomputed from the HTML: that is exactly the text
 * Pagefind extracted (data-pagefind-body minus data-pagefind-ignore, entities decoded, the
 * zero-width index separators stripped), so the truth cannot drift from Pagefind's own rules,
 * and a page Pagefind failed to index cannot count as found. The number of pages read back is
 * checked against the page count in pagefind-entry.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e-tools.ts';
import type { StaticServer } from './search-quality-server.ts';

export const TARGETS = {
  /** Share of relevant pages found among all results. */
  recall: 1,
  /** Share of the first 10 results that are relevant. */
  precisionAt10: 0.95,
  /** Bytes a fresh page load plus one search downloads. */
  firstQueryBytes: 300_000,
} as const;

export const TOP = 10;

/** The search-intent set: the share of queries whose page must be among the first {@link INTENT_TOP} results. */
export const INTENT_TARGET = 0.95;
export const INTENT_TOP = 3;

/** A query people type and the words of the title of the page it must find. */
export interface Intent {
  readonly query: string;
  /** Every word must be in the page's title (quotation marks aside). */
  readonly expected: readonly string[];
}

/** `query => words` lines; `#` starts a comment. A line without `=>` is an error, not a silent skip. */
export function parseIntents(text: string): Intent[] {
  return parseQueries(text).map((line) => {
    const [query, expected, ...rest] = line.split('=>').map((part) => part.trim());
    if (!query || !expected || rest.length > 0) throw new Error(`search intent line is not \`query => title words\`: ${line}`);
    return { query, expected: expected.split(/\s+/) };
  });
}

const unquoted = (text: string): string => text.replace(/[“”‘’「」『』"]/g, '');

/** Whether a result's title is the page an intent expects. */
export const isExpectedPage = (title: string, intent: Intent): boolean => intent.expected.every((word) => unquoted(title).includes(unquoted(word)));

export interface IntentMeasure {
  readonly query: string;
  readonly expected: string;
  /** 1-based position of the expected page among the results; null when it is not among them. */
  readonly rank: number | null;
  /** The first results' titles, to see what came instead. */
  readonly first: readonly string[];
}

export function scoreIntent(intent: Intent, ranked: readonly RankedResult[]): IntentMeasure {
  const at = ranked.findIndex((r) => isExpectedPage(r.title, intent));
  return { query: intent.query, expected: intent.expected.join(' '), rank: at < 0 ? null : at + 1, first: ranked.slice(0, INTENT_TOP).map((r) => r.title) };
}

export interface IntentSummary {
  readonly queries: number;
  readonly found: number;
  readonly success: number;
  readonly failures: readonly string[];
}

export function summariseIntents(measures: readonly IntentMeasure[], target = INTENT_TARGET): IntentSummary {
  const found = measures.filter((m) => m.rank !== null && m.rank <= INTENT_TOP).length;
  const success = measures.length === 0 ? 0 : found / measures.length;
  const failures =
    measures.length === 0
      ? ['no search intents']
      : success < target
        ? [`search intents found in the top ${INTENT_TOP}: ${percent(success)} < ${percent(target)}`]
        : [];
  return { queries: measures.length, found, success, failures };
}

export function formatIntentReport(measures: readonly IntentMeasure[], summary: IntentSummary): string {
  return [
    `== search intents: the expected page among the first ${INTENT_TOP} results`,
    ['query', 'expected page', 'rank', 'first results'].join('\t'),
    ...measures.map((m) =>
      [m.query, m.expected, m.rank === null ? 'not found' : String(m.rank), m.rank !== null && m.rank <= INTENT_TOP ? '' : m.first.join(' | ')].join('\t'),
    ),
    `-- ${summary.queries} intents: ${summary.found} found in the top ${INTENT_TOP} (${percent(summary.success)})`,
  ].join('\n');
}

/** The queries of a query file: one a line, `#` starts a comment. */
export function parseQueries(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
}

export interface QueryMeasure {
  readonly query: string;
  /** Relevant pages (ground truth). */
  readonly relevant: number;
  /** Results returned. */
  readonly results: number;
  /** Relevant pages among all results. */
  readonly found: number;
  /** Results among the first 10. */
  readonly top: number;
  /** Relevant pages among the first 10. */
  readonly relevantInTop: number;
  /** Bytes downloaded by a fresh page load plus this search (first 10 results shown). */
  readonly bytes: number;
  /**
   * Whether the first result's title contains the query, when some result's title does
   * (null when none does): do people get the page *about* what they typed first?
   */
  readonly titleFirst: boolean | null;
}

/** A result as the measurement sees it: its URL path and its title. */
export interface RankedResult {
  readonly url: string;
  readonly title: string;
}

export interface Summary {
  readonly queries: number;
  /** Σ found / Σ relevant (micro average): every relevant page counts once. */
  readonly recall: number;
  /** Σ relevantInTop / Σ top (micro average): every shown result counts once. */
  readonly precisionAt10: number;
  /** Mean of the per-query figures (queries without relevant pages / results left out). */
  readonly meanRecall: number;
  readonly meanPrecisionAt10: number;
  readonly maxBytes: number;
  readonly medianBytes: number;
  /** Share of the queries with a title match whose first result is one. */
  readonly titleFirst: number;
  /** Targets missed, in words; empty when all are met. */
  readonly failures: readonly string[];
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
const mean = (values: readonly number[]): number => (values.length === 0 ? 1 : values.reduce((a, b) => a + b, 0) / values.length);

export function summarise(measures: readonly QueryMeasure[], targets: typeof TARGETS = TARGETS): Summary {
  const sum = (pick: (m: QueryMeasure) => number) => measures.reduce((total, m) => total + pick(m), 0);
  const bytes = measures.map((m) => m.bytes).sort((a, b) => a - b);
  const recall = ratio(
    sum((m) => m.found),
    sum((m) => m.relevant),
  );
  const precisionAt10 = ratio(
    sum((m) => m.relevantInTop),
    sum((m) => m.top),
  );
  const meanRecall = mean(measures.filter((m) => m.relevant > 0).map((m) => m.found / m.relevant));
  const meanPrecisionAt10 = mean(measures.filter((m) => m.top > 0).map((m) => m.relevantInTop / m.top));
  const maxBytes = bytes.at(-1) ?? 0;
  const failures: string[] = [];
  if (measures.length === 0) failures.push('no queries');
  if (Math.min(recall, meanRecall) < targets.recall) failures.push(`recall ${percent(Math.min(recall, meanRecall))} < ${percent(targets.recall)}`);
  if (Math.min(precisionAt10, meanPrecisionAt10) < targets.precisionAt10) {
    failures.push(`top-10 precision ${percent(Math.min(precisionAt10, meanPrecisionAt10))} < ${percent(targets.precisionAt10)}`);
  }
  if (maxBytes >= targets.firstQueryBytes) failures.push(`first-query download ${kb(maxBytes)} ≥ ${kb(targets.firstQueryBytes)}`);
  return {
    queries: measures.length,
    recall,
    precisionAt10,
    meanRecall,
    meanPrecisionAt10,
    maxBytes,
    medianBytes: bytes[Math.floor((bytes.length - 1) / 2)] ?? 0,
    titleFirst: mean(measures.filter((m) => m.titleFirst !== null).map((m) => (m.titleFirst ? 1 : 0))),
    failures,
  };
}

export const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

/** A per-query table and the overall figures, as printed by scripts/search-quality.ts. */
export function formatReport(title: string, measures: readonly QueryMeasure[], summary: Summary): string {
  const rows = measures.map((m) =>
    [
      m.query,
      String(m.relevant),
      String(m.results),
      m.relevant === 0 ? '—' : percent(m.found / m.relevant),
      m.top === 0 ? '—' : `${percent(m.relevantInTop / m.top)} (${m.relevantInTop}/${m.top})`,
      kb(m.bytes),
      m.titleFirst === null ? '—' : m.titleFirst ? 'yes' : 'no',
    ].join('\t'),
  );
  return [
    `== ${title}`,
    ['query', 'relevant', 'results', 'recall', 'top-10 precision', 'first-query bytes', 'title first'].join('\t'),
    ...rows,
    `-- ${summary.queries} queries: recall ${percent(summary.recall)} (mean ${percent(summary.meanRecall)}), ` +
      `top-10 precision ${percent(summary.precisionAt10)} (mean ${percent(summary.meanPrecisionAt10)}), ` +
      `first-query download max ${kb(summary.maxBytes)} (median ${kb(summary.medianBytes)}), ` +
      `title match first ${percent(summary.titleFirst)}`,
  ].join('\n');
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/** Every indexed page's URL path and text, read back from Pagefind in the browser. */
export async function indexedPages(browser: Browser, server: StaticServer, siteDir: string): Promise<Map<string, string>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.siteUrl);
    const pages = await page.evaluate(async (siteUrl: string) => {
      const pagefind = await import(`${siteUrl}pagefind/pagefind.js`);
      await pagefind.options({ baseUrl: new URL(siteUrl).pathname, noWorker: true });
      const all = await pagefind.search(null);
      return Promise.all(
        all.results.map(async (result: { data(): Promise<{ url: string; content: string }> }) => {
          const data = await result.data();
          return [new URL(data.url, siteUrl).pathname, data.content] as const;
        }),
      );
    }, server.siteUrl);
    const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const expected = Object.values(entry.languages).reduce((n, language) => n + language.page_count, 0);
    if (pages.length !== expected) throw new Error(`Pagefind returned ${pages.length} pages, its index holds ${expected}`);
    return new Map(pages);
  } finally {
    await context.close();
  }
}

/** The URL paths of the pages whose indexed text contains `query` verbatim. */
export function relevantPages(pages: ReadonlyMap<string, string>, query: string): Set<string> {
  return new Set([...pages].filter(([, content]) => content.includes(query)).map(([url]) => url));
}

/** Scores a ranked result list against the ground truth. */
export function scoreResults(query: string, ranked: readonly RankedResult[], relevant: ReadonlySet<string>, bytes: number): QueryMeasure {
  const urls = ranked.map((r) => r.url);
  const top = urls.slice(0, TOP);
  const titled = ranked.map((r) => r.title.includes(query));
  return {
    query,
    relevant: relevant.size,
    results: ranked.length,
    found: new Set(urls.filter((url) => relevant.has(url))).size,
    top: top.length,
    relevantInTop: top.filter((url) => relevant.has(url)).length,
    bytes,
    titleFirst: titled.includes(true) ? titled[0] === true : null,
  };
}

/**
 * Counts what a browser context downloads: Playwright's request sizes (from the DevTools
 * protocol). Chromium reports a dedicated worker's script with an empty body, so each path's
 * body is taken as the larger of what the browser reports and what the server sent.
 */
export class DownloadMeter {
  #headers = 0;
  readonly #bodies = new Map<string, number>();
  readonly #pending: Promise<void>[] = [];

  constructor(context: BrowserContext, origin: string) {
    context.on('requestfinished', (request) => {
      this.#pending.push(
        request.sizes().then((sizes) => {
          const path = new URL(request.url()).pathname;
          this.#headers += sizes.responseHeadersSize;
          if (request.url().startsWith(origin)) this.#bodies.set(path, (this.#bodies.get(path) ?? 0) + sizes.responseBodySize);
        }),
      );
    });
  }

  /** Total bytes so far; `served` is the server's own count for the same requests. */
  async total(served: ReadonlyMap<string, number>): Promise<number> {
    return (await this.byPath(served)).reduce((sum, [, bytes]) => sum + bytes, this.#headers);
  }

  /** Body bytes per request path so far (headers left out), as {@link total} counts them. */
  async byPath(served: ReadonlyMap<string, number>): Promise<[string, number][]> {
    await Promise.all(this.#pending);
    return [...new Set([...this.#bodies.keys(), ...served.keys()])].map((path) => [path, Math.max(this.#bodies.get(path) ?? 0, served.get(path) ?? 0)]);
  }

  /** Response header bytes so far. */
  get headers(): number {
    return this.#headers;
  }
}

/** What a downloaded file is, for the breakdown of a search's bytes. */
export type DownloadKind = 'page' | 'pagefind.js' | 'wasm' | 'meta' | 'index' | 'filter' | 'fragment' | 'other';

/** The kind of a request path: Pagefind's files by their extension, the page and its assets otherwise. */
export function downloadKind(path: string): DownloadKind {
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_filter')) return 'filter';
  if (path.endsWith('.pf_fragment')) return 'fragment';
  if (/\/pagefind\/wasm\.[^/]*\.pagefind$/.test(path)) return 'wasm';
  if (/\/pagefind\/pagefind(-worker)?\.js$/.test(path)) return 'pagefind.js';
  if (path.endsWith('/') || /\.(html|css|js)$/.test(path)) return 'page';
  return 'other';
}

/** Bytes and file counts per {@link DownloadKind}, largest first. */
export function breakdown(files: readonly (readonly [string, number])[]): { kind: DownloadKind; files: number; bytes: number }[] {
  const kinds = new Map<DownloadKind, { kind: DownloadKind; files: number; bytes: number }>();
  for (const [path, bytes] of files) {
    const kind = downloadKind(path);
    const entry = kinds.get(kind) ?? { kind, files: 0, bytes: 0 };
    entry.files += 1;
    entry.bytes += bytes;
    kinds.set(kind, entry);
  }
  return [...kinds.values()].sort((a, b) => b.bytes - a.bytes || a.kind.localeCompare(b.kind));
}

/** Waits until the page's network has been quiet for a moment (fragments load after a render). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

/**
 * Measures one query through the site's own search page (`/search/?q=`), as a visitor would
 * use it: fresh browser context, page load, search, first 10 results shown. Returns the ranked
 * URL paths of all results and the bytes of that first search.
 */
export async function searchThroughPage(
  browser: Browser,
  server: StaticServer,
  query: string,
): Promise<{ ranked: RankedResult[]; shown: string[]; bytes: number }> {
  const context = await browser.newContext();
  try {
    const meter = new DownloadMeter(context, server.origin);
    server.takeServed();
    const page = await context.newPage();
    await page.goto(`${server.siteUrl}search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('gk-search-results[data-state="done"], gk-search-results[data-state="error"]');
    if ((await page.getAttribute('gk-search-results', 'data-state')) === 'error') throw new Error(`search page failed for ${query}`);
    await settle(page);
    const bytes = await meter.total(server.takeServed());
    const shown = await page.$$eval('gk-search-results .search-results h2 a', (links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    const ranked = await page.evaluate(async () => {
      type Hit = { url: string; title: string };
      const element = document.querySelector('gk-search-results') as
        (HTMLElement & { results?: { count: number; slice(a: number, b: number): Promise<Hit[]> } }) | null;
      const results = element?.results;
      if (!results) return [];
      return (await results.slice(0, results.count)).map((hit) => ({ url: new URL(hit.url, location.href).pathname, title: hit.title }));
    });
    return { ranked, shown, bytes };
  } finally {
    await context.close();
  }
}
