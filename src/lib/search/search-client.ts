/**
 * The site's search on top of Pagefind's JS API, shared by the search page and the quality
 * measurement (so what is measured is what people get). No DOM here: the Pagefind module is
 * passed in, and tests pass a fake.
 *
 * A query becomes one Pagefind phrase search per term (`phraseQuery`); with several terms a
 * page must match every one. The first `rankWindow` results are loaded and reordered by
 * `rankResults` (title first, then verbatim text); later ones keep the score order, so a query
 * downloads only the fragments it shows.
 */
import type { SearchFilter } from './filters.ts';
import { rankResults, type LoadedResult } from './rank.ts';
import { INDEX_SEPARATOR, phraseQuery, queryTerms } from './segment.ts';

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
  /** The metadata fields (e.g. `title`) that matched the search terms. */
  readonly matchedMetaFields?: readonly string[];
  data(): Promise<PagefindData>;
}

export interface PagefindResponse {
  readonly results: readonly PagefindResult[];
}

/** The part of the `pagefind.js` module the site uses. */
export interface PagefindModule {
  options(options: Readonly<Record<string, unknown>>): Promise<void>;
  /** Adds another index (a shard's `pagefind/` folder, by URL path) to every search. */
  mergeIndex?(path: string, options?: Readonly<Record<string, unknown>>): Promise<void>;
  search(term: string, options?: { filters?: Readonly<Record<string, string>> }): Promise<PagefindResponse | null>;
}

/** A result ready to show. */
export interface SearchHit extends LoadedResult {
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

export interface SiteSearchResult {
  readonly query: string;
  /** The terms the results hold verbatim: the query's, or the parts of a relaxed term. */
  readonly matched: readonly string[];
  /** Whether nothing held the query verbatim and `matched` are the parts of its term. */
  readonly relaxed: boolean;
  /** How many pages match. */
  readonly count: number;
  /** Results `start` to `end` (exclusive) in the final order, loading what they need. */
  slice(start: number, end: number): Promise<SearchHit[]>;
}

export interface SiteSearchOptions {
  /** How many of Pagefind's first results are loaded and reordered; measured in scripts/search-quality.ts. */
  readonly rankWindow?: number;
}

/** The first page of results: only the fragments shown are downloaded. */
export const DEFAULT_RANK_WINDOW = 10;

/** The search metadata naming a department's short names (aliases.ts), separated by {@link ALIAS_SEPARATOR}. */
export const ALIASES_META = 'aliases';
export const ALIAS_SEPARATOR = '、';

const clean = (text: string | undefined): string => (text ?? '').split(INDEX_SEPARATOR).join('');

async function load(result: PagefindResult): Promise<SearchHit> {
  const data = await result.data();
  return {
    url: data.url,
    title: clean(data.meta['title']) || data.url,
    content: clean(data.content),
    aliases: clean(data.meta[ALIASES_META])
      .split(ALIAS_SEPARATOR)
      .filter((alias) => alias !== ''),
    filters: data.filters ?? {},
  };
}

/**
 * Pages holding every term verbatim, best first. A phrase search finds them, but Pagefind gives
 * every phrase match the same score (1), in index order. So the same characters are also
 * searched loosely (unquoted: every character somewhere on the page), and the phrase matches are
 * ordered by what that search knows without loading a page: first the pages whose title holds
 * the characters (`matchedMetaFields`), then Pagefind's BM25 score. The loose search needs the
 * same index chunks, so it costs no download.
 */
async function matchEveryTerm(pagefind: PagefindModule, terms: readonly string[], filters: Readonly<Record<string, string>>): Promise<PagefindResult[]> {
  const phrases = terms.map(phraseQuery);
  const [exact, loose] = await Promise.all([
    Promise.all(phrases.map((phrase) => pagefind.search(phrase, { filters }))),
    Promise.all(phrases.map((phrase) => pagefind.search(phrase.replace(/"/g, ''), { filters }))),
  ]);
  const [first, ...rest] = exact.map((response) => response?.results ?? []);
  if (!first) return [];
  const inEvery = rest.reduce((ids, list) => new Set(list.filter((r) => ids.has(r.id)).map((r) => r.id)), new Set(first.map((r) => r.id)));
  const score = new Map<string, number>();
  const titleMatches = new Map<string, number>();
  const aliasMatches = new Set<string>();
  for (const response of loose) {
    for (const r of response?.results ?? []) {
      score.set(r.id, (score.get(r.id) ?? 0) + r.score);
      if (r.matchedMetaFields?.some((field) => field === 'title' || field === ALIASES_META)) titleMatches.set(r.id, (titleMatches.get(r.id) ?? 0) + 1);
      if (r.matchedMetaFields?.includes(ALIASES_META)) aliasMatches.add(r.id);
    }
  }
  const titled = (id: string) => (titleMatches.get(id) === terms.length ? 0 : 1);
  // For a place or department with a qualifier (荷塘区 2024), its overview (the page with its
  // short names) comes before its many tables, whose titles also name it and which BM25 prefers
  // for being short: otherwise it falls outside the first results loaded and ranked. Not for a
  // single term: the loose search matches the short names character by character (人大代表活动经费
  // "matches" 人大常委会), and loading every overview's long text would cost the download budget.
  const aliased = (id: string) => (terms.length > 1 && aliasMatches.has(id) ? 0 : 1);
  return first
    .filter((r) => inEvery.has(r.id))
    .sort((a, b) => titled(a.id) - titled(b.id) || aliased(a.id) - aliased(b.id) || (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0));
}

/**
 * When a single term has no verbatim match, the nearest looser question: the term cut in two
 * parts of at least two characters, each found verbatim (三公经费 → 三公 + 经费, which finds
 * “三公”经费: Pagefind's phrases do not cross punctuation). Cuts nearest the middle first.
 */
export function relaxations(term: string): string[][] {
  const chars = [...term];
  const cuts: number[] = [];
  for (let at = 2; at <= chars.length - 2; at += 1) cuts.push(at);
  cuts.sort((a, b) => Math.abs(a - chars.length / 2) - Math.abs(b - chars.length / 2) || a - b);
  return cuts.map((at) => [chars.slice(0, at).join(''), chars.slice(at).join('')]);
}

export async function siteSearch(
  pagefind: PagefindModule,
  query: string,
  filters: Partial<Record<SearchFilter, string>> = {},
  options: SiteSearchOptions = {},
): Promise<SiteSearchResult> {
  const terms = queryTerms(query);
  let matched = terms;
  let matches = terms.length === 0 ? [] : await matchEveryTerm(pagefind, terms, filters as Record<string, string>);
  const [only] = terms;
  if (matches.length === 0 && terms.length === 1 && only !== undefined) {
    for (const parts of relaxations(only)) {
      matches = await matchEveryTerm(pagefind, parts, filters as Record<string, string>);
      if (matches.length > 0) {
        matched = parts;
        break;
      }
    }
  }
  const rankedQuery = matched.join(' ');
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
    (ranked ??= Promise.all(matches.slice(0, window).map((r, i) => loadAt(i, r))).then((hits) => rankResults(hits, rankedQuery)));
  return {
    query,
    matched,
    relaxed: matched !== terms,
    count: matches.length,
    async slice(start, end) {
      const stop = Math.min(end, matches.length);
      const out: SearchHit[] = [];
      if (start < window) out.push(...(await head()).slice(start, Math.min(stop, window)));
      const from = Math.max(start, window);
      out.push(...(await Promise.all(matches.slice(from, stop).map((r, i) => loadAt(from + i, r)))));
      return out;
    },
  };
}
