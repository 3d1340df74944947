/**
 * Ordering and showing search results. Pagefind's phrase search finds the pages that hold the
 * typed characters in a row (across whitespace, not across punctuation), and the search client
 * orders them by what Pagefind knows before any page is loaded. People expect the page that is
 * *about* what they typed first: its title names it. So among the results whose text is loaded
 * (the first page of results), the order is
 *   0. the title names every term as a whole: at the start of a name, not inside a longer one
 *      (人大代表活动经费 → that project's page before 仁和区区级人大代表活动经费; 收支总表 → the 收支总表
 *      before 财政拨款收支总表);
 *   1. the title contains every term;
 *   2. the text contains every term verbatim;
 *   3. the rest (a match across a line break, or the two halves of a relaxed term);
 * and the incoming order within each group.
 */
import { INDEX_SEPARATOR, queryTerms } from './segment.ts';

/** What the ranking needs of a loaded Pagefind result. */
export interface LoadedResult {
  readonly url: string;
  readonly title: string;
  /** The indexed text of the page (`result.data().content`). */
  readonly content: string;
}

const stripSeparators = (text: string): string => text.split(INDEX_SEPARATOR).join('');

/** Whether `text` holds every term of `query` exactly as typed (case-insensitive for Latin letters). */
export function containsEveryTerm(text: string, query: string): boolean {
  const haystack = stripSeparators(text).toLowerCase();
  const terms = queryTerms(query);
  return terms.length > 0 && terms.every((term) => haystack.includes(term.toLowerCase()));
}

const HAN = /\p{Script=Han}/u;

/** Whether `term` occurs in `text` where a name starts: at the beginning or after a character that is not Han. */
function startsAName(text: string, term: string): boolean {
  const haystack = stripSeparators(text).toLowerCase();
  const needle = term.toLowerCase();
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (at === 0 || !HAN.test(haystack[at - 1] ?? '')) return true;
  }
  return false;
}

export type MatchTier = 0 | 1 | 2 | 3;

/** See the module comment: 0 is the best match, 3 a match across punctuation only. */
export function matchTier(result: LoadedResult, query: string): MatchTier {
  const terms = queryTerms(query);
  if (terms.length > 0 && terms.every((term) => startsAName(result.title, term))) return 0;
  if (containsEveryTerm(result.title, query)) return 1;
  if (containsEveryTerm(result.content, query)) return 2;
  return 3;
}

/** `results` reordered by {@link matchTier}; the sort is stable. */
export function rankResults<T extends LoadedResult>(results: readonly T[], query: string): T[] {
  return results
    .map((result, index) => ({ result, index, tier: matchTier(result, query) }))
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .map(({ result }) => result);
}

export interface ExcerptPart {
  readonly text: string;
  readonly mark: boolean;
}

/**
 * A short passage of `content` around the first verbatim occurrence of a term, split into plain
 * and highlighted parts (the component renders them as text and `<mark>`, so nothing from the
 * page is ever parsed as HTML). Whole terms are highlighted, not single characters.
 */
export function excerpt(content: string, query: string, radius = 40): ExcerptPart[] {
  const text = stripSeparators(content);
  const lower = text.toLowerCase();
  const terms = queryTerms(query).map((t) => t.toLowerCase());
  const first = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0));
  const centre = Number.isFinite(first) ? first : 0;
  const start = Math.max(0, centre - radius);
  const end = Math.min(text.length, centre + radius * 2);
  const window = text.slice(start, end);
  const parts: ExcerptPart[] = [];
  const lowerWindow = window.toLowerCase();
  let position = 0;
  while (position < window.length) {
    const hits = terms
      .map((term) => ({ term, at: lowerWindow.indexOf(term, position) }))
      .filter((hit) => hit.at >= 0 && hit.term !== '')
      .sort((a, b) => a.at - b.at || b.term.length - a.term.length);
    const hit = hits[0];
    if (!hit) break;
    if (hit.at > position) parts.push({ text: window.slice(position, hit.at), mark: false });
    parts.push({ text: window.slice(hit.at, hit.at + hit.term.length), mark: true });
    position = hit.at + hit.term.length;
  }
  if (position < window.length) parts.push({ text: window.slice(position), mark: false });
  const ellipsis = '…';
  if (start > 0) parts.unshift({ text: ellipsis, mark: false });
  if (end < text.length) parts.push({ text: ellipsis, mark: false });
  return parts;
}
