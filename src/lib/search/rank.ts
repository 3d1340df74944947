/**
 * Ordering and showing search results. Pagefind's phrase search finds the pages that hold the
 * typed characters in a row (across whitespace, not across punctuation), and the search client
 * orders them by what Pagefind knows before any page is loaded. People expect the page that is
 * *about* what they typed first: its title names it. So among the results whose text is loaded
 * (the first page of results), the order is
 *   0. the title, or a short name of the page's department (aliases.ts), names every term as a
 *      whole: at the start of a name, not inside a longer one (人大代表活动经费 → that project's
 *      page before 仁和区区级人大代表活动经费; 收支总表 → the 收支总表 before 财政拨款收支总表;
 *      荷塘区人大常委会 → that department's overview);
 *   1. the title contains every term;
 *   2. the text contains every term verbatim;
 *   3. the rest (a match across a line break, or the two halves of a relaxed term);
 * within groups 0 and 1 the shorter title first (the page about the query rather than one of
 * its parts: a department's overview before its tables), otherwise the incoming order.
 * Quotation marks are ignored throughout (三公经费 matches “三公”经费), as the index drops them.
 */
import { INDEX_SEPARATOR, queryTerms, withoutQuoteMarks } from './segment.ts';

/** What the ranking needs of a loaded Pagefind result. */
export interface LoadedResult {
  readonly url: string;
  readonly title: string;
  /** The indexed text of the page (`result.data().content`). */
  readonly content: string;
  /** Short names of the department the page is about (its `aliases` search metadata). */
  readonly aliases?: readonly string[];
}

const withoutSeparators = (text: string): string => text.split(INDEX_SEPARATOR).join('');
/** The text matched against: no index separators, no quotation marks. */
const stripSeparators = (text: string): string => withoutQuoteMarks(withoutSeparators(text));

/** Whether `text` holds every term of `query` exactly as typed (case-insensitive for Latin letters). */
export function containsEveryTerm(text: string, query: string): boolean {
  const haystack = stripSeparators(text).toLowerCase();
  const terms = queryTerms(query);
  return terms.length > 0 && terms.every((term) => haystack.includes(term.toLowerCase()));
}

const HAN = /\p{Script=Han}/u;

const WORD = /[\p{L}\p{N}]/u;

/**
 * Whether `term` occurs in `text` where a name starts: at the beginning or after a character
 * that is not Han. A term that starts with a digit or letter (a year, a code) starts a name
 * after anything but another digit or letter: 2025 is whole in 办公室2025年, not in 12025.
 */
function startsAName(text: string, term: string): boolean {
  const haystack = stripSeparators(text).toLowerCase();
  const needle = term.toLowerCase();
  const boundary = HAN.test(needle[0] ?? '') ? (c: string) => !HAN.test(c) : (c: string) => !WORD.test(c) || HAN.test(c);
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (at === 0 || boundary(haystack[at - 1] ?? '')) return true;
  }
  return false;
}

export type MatchTier = 0 | 1 | 2 | 3;

/** See the module comment: 0 is the best match, 3 a match across punctuation only. */
export function matchTier(result: LoadedResult, query: string): MatchTier {
  const terms = queryTerms(query);
  const names = [result.title, ...(result.aliases ?? [])];
  if (terms.length > 0 && terms.every((term) => names.some((name) => startsAName(name, term)))) return 0;
  if (containsEveryTerm(result.title, query)) return 1;
  if (containsEveryTerm(result.content, query)) return 2;
  return 3;
}

/** `results` reordered by {@link matchTier}; the sort is stable. */
export function rankResults<T extends LoadedResult>(results: readonly T[], query: string): T[] {
  return results
    .map((result, index) => ({ result, index, tier: matchTier(result, query), length: [...stripSeparators(result.title)].length }))
    .sort((a, b) => a.tier - b.tier || (a.tier <= 1 ? a.length - b.length : 0) || a.index - b.index)
    .map(({ result }) => result);
}

export interface ExcerptPart {
  readonly text: string;
  readonly mark: boolean;
}

/** An amount as the pages print it: `1,234.56`. */
const AMOUNT = /\d[\d,]*\.\d{2}\b/;

/**
 * Where the passage should be: the first occurrence of a term that has an amount shortly after
 * it (a table row or a figure: the number the reader is after), else the first occurrence.
 */
function passageCentre(lower: string, terms: readonly string[], reach: number): number {
  const occurrences: number[] = [];
  for (const term of terms.filter((t) => t !== '')) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) occurrences.push(at);
  }
  occurrences.sort((a, b) => a - b);
  const withAmount = occurrences.find((at) => AMOUNT.test(lower.slice(at, at + reach)));
  return withAmount ?? occurrences[0] ?? 0;
}

/**
 * A short passage of `content` around a verbatim occurrence of a term (one followed by an
 * amount when there is one), split into plain and highlighted parts (the component renders
 * them as text and `<mark>`, so nothing from the page is ever parsed as HTML). Whole terms are
 * highlighted, not single characters.
 */
export function excerpt(content: string, query: string, radius = 40): ExcerptPart[] {
  const text = withoutSeparators(content);
  const lower = text.toLowerCase();
  const terms = queryTerms(query).map((t) => withoutQuoteMarks(t).toLowerCase());
  const centre = passageCentre(lower, terms, radius * 2);
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
