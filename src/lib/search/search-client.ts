/**
 * The site's search on top of Pagefind's JS API, shared by the search page and the quality
 * measurement (so what is measured is what people get). No DOM here: the Pagefind module is
 * passed in, and tests pass a fake.
 *
 * A query becomes one Pagefind phrase search per term (`phraseQueries`); with several terms a
 * page must match every one. The first `rankWindow` results are loaded and reordered by
 * `rankResults` (title first, then verbatim text); later ones keep Pagefind's order, so a query
 * downloads only the fragments it shows plus that window.
 */
import type { SearchFilter } from './filters.ts';
import { rankResults, type LoadedResult } from './rank.ts';
import { INDEX_SEPARATOR, phraseQueries } from './segment.ts';

/** The part of Pagefind's result data the site uses. */
export interface PagefindData {
  readonly url: string;
  readonly content: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
  readonly filters?: Readonly<Record<string, readonly string[]>>;
}

export interface PagefindResult {
  readonly id: string;
  readonly score: number;
  data(): Promise<PagefindData>;
}

export interface PagefindResponse {
  readonly results: readonly PagefindResult[];
}

/** The part of the `pagefind.js` module the site uses. */
export interface PagefindModule {
  options(options: Readonly<Record<string, unknown>>): Promise<void>;
  search(term: string, options?: { filters?: Readonly<Record<string, string>> }): Promise<PagefindResponse | null>;
}

/** A result ready to show. */
export interface SearchHit extends LoadedResult {
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

export interface SiteSearchResult {
  readonly query: string;
  /** How many pages match. */
  readonly count: number;
  /** Results `start` to `end` (exclusive) in the final order, loading what they need. */
  slice(start: number, end: number): Promise<SearchHit[]>;
}

export interface SiteSearchOptions {
  /** How many of Pagefind's first results are loaded and reordered; measured in scripts/search-quality.ts. */
  readonly rankWindow?: number;
}

export const DEFAULT_RANK_WINDOW = 20;

const clean = (text: string | undefined): string => (text ?? '').split(INDEX_SEPARATOR).join('');

async function load(result: PagefindResult): Promise<SearchHit> {
  const data = await result.data();
  return {
    url: data.url,
    title: clean(data.meta['title']) || data.url,
    content: clean(data.content),
    filters: data.filters ?? {},
  };
}

/** Pages matching every phrase, best first: by the sum of their scores when there are several. */
async function matchAll(pagefind: PagefindModule, phrases: readonly string[], filters: Readonly<Record<string, string>>): Promise<PagefindResult[]> {
  const responses = await Promise.all(phrases.map((phrase) => pagefind.search(phrase, { filters })));
  const lists = responses.map((response) => response?.results ?? []);
  const [first, ...rest] = lists;
  if (!first) return [];
  if (rest.length === 0) return [...first];
  const scores = new Map(first.map((r) => [r.id, r.score]));
  for (const list of rest) {
    const here = new Map(list.map((r) => [r.id, r.score]));
    for (const [id, score] of scores) {
      const other = here.get(id);
      if (other === undefined) scores.delete(id);
      else scores.set(id, score + other);
    }
  }
  return first.filter((r) => scores.has(r.id)).sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0));
}

export async function siteSearch(
  pagefind: PagefindModule,
  query: string,
  filters: Partial<Record<SearchFilter, string>> = {},
  options: SiteSearchOptions = {},
): Promise<SiteSearchResult> {
  const phrases = phraseQueries(query);
  const matches = phrases.length === 0 ? [] : await matchAll(pagefind, phrases, filters as Record<string, string>);
  const window = Math.min(options.rankWindow ?? DEFAULT_RANK_WINDOW, matches.length);
  const loaded = new Map<number, Promise<SearchHit>>();
  const loadAt = (position: number, result: PagefindResult): Promise<SearchHit> => {
    const existing = loaded.get(position);
    if (existing) return existing;
    const promise = load(result);
    loaded.set(position, promise);
    return promise;
  };
  let ranked: Promise<SearchHit[]> | undefined;
  const head = (): Promise<SearchHit[]> =>
    (ranked ??= Promise.all(matches.slice(0, window).map((r, i) => loadAt(i, r))).then((hits) => rankResults(hits, query)));
  return {
    query,
    count: matches.length,
    async slice(start, end) {
      const stop = Math.min(end, matches.length);
      const out: SearchHit[] = [];
      if (start < window) out.push(...(await head()).slice(start, Math.min(stop, window)));
      const tail = matches.slice(Math.max(start, window), stop);
      out.push(...(await Promise.all(tail.map((r, i) => loadAt(Math.max(start, window) + i, r)))));
      return out;
    },
  };
}
