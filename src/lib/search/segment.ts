/**
 * Chinese tokens that the index and every browser agree on.
 *
 * Pagefind 1.6 segments a Chinese query in the browser with `Intl.Segmenter`, and the index at
 * build time with jieba. Chrome, Firefox and Safari segment differently from each other and from
 * jieba, so a multi-character word boundary that differs between the two sides loses the page
 * (山海关区 indexed as 山海|关区, typed as 山海关|区) or matches fragments of other words
 * (商品和服务 indexed as 商品|和服|务). No dictionary can fix the browser's side. A single Han
 * character is the one token no segmenter splits further, so both sides use it:
 *  - the index gets a zero-width space between a Han character and its neighbours
 *    (`separateHanForIndex`), which Pagefind treats as a word boundary and strips again from the
 *    text it shows (`result.data().content`);
 *  - each query term becomes a quoted phrase of those single characters (`phraseQuery`), and
 *    Pagefind's phrase search then means "the page holds these characters in this order".
 * Pagefind's phrase search does not cross punctuation, so a phrase match is a verbatim match
 * (whitespace aside). Measured with scripts/search-quality.ts.
 */

/** U+200B ZERO WIDTH SPACE: a word boundary for Pagefind's indexer, invisible and stripped from results. */
export const INDEX_SEPARATOR = '\u200B';

/**
 * Between a Han character and any neighbour that is not already a boundary (whitespace or a
 * separator). Digits and Latin letters stay together (`2024`, `30217`, `CSV`), but `表N` is
 * `表|22`, as the query side splits it.
 */
const HAN_EDGE = /(?<=\p{Script=Han})(?=[^\s\u200B])|(?<=[^\s\u200B])(?=\p{Script=Han})/gu;

/**
 * Quotation marks inside terms: official titles quote words (“三公”经费, “人大代表之家”), and a
 * Pagefind phrase does not cross punctuation, so 三公经费 as typed found no page verbatim. The
 * indexed copy drops them (the published page keeps them), and so does every query.
 */
export const QUOTE_MARKS = /[“”‘’「」『』＂]/g;

/** `text` without the quotation marks people never type inside a term. */
export const withoutQuoteMarks = (text: string): string => text.replace(QUOTE_MARKS, '');

/** `text` with a zero-width space at every Han character's edge; removing them gives `text` back. */
export function separateHanForIndex(text: string): string {
  return text.replace(HAN_EDGE, INDEX_SEPARATOR);
}

/**
 * Tags, comments and raw-text elements, whose insides are not page text: a comment, a raw-text
 * element whole, or one tag (a closing tag's `/` in group 2, its name in group 3 unless it is a
 * declaration such as `<!DOCTYPE html>`, its attributes in group 4). Attribute values are matched
 * as quoted strings so that a `>` inside one does not end the tag.
 */
const MARKUP =
  /<!--[\s\S]*?-->|<(script|style|template|textarea)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w-]*)?((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

/** `html` with `transform` applied to the text between tags; markup, attributes and scripts unchanged. */
export function mapHtmlText(html: string, transform: (text: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of html.matchAll(MARKUP)) {
    out += transform(html.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + transform(html.slice(last));
}

/** `data-pagefind-meta="key:value"`: metadata such as the title, which Pagefind also searches and ranks by. */
const META_ATTRIBUTE = /(\sdata-pagefind-meta=")([^"]*)(")/g;

/** A table cell's opening tag, and the `headers` attribute in it. */
const CELL_TAG = /<t[dh]\b[^>]*>/g;
const HEADERS_ATTRIBUTE = /\sheaders="[^"]*"/g;

/**
 * `html` without the `headers` attributes of its table cells. They name each cell's header
 * cells for screen readers (the published page keeps them), Pagefind never reads them, and on a
 * wide table they are more than half the page's bytes, all of which the indexer would parse.
 */
export function withoutCellHeaders(html: string): string {
  return html.replace(CELL_TAG, (tag) => tag.replace(HEADERS_ATTRIBUTE, ''));
}

/** Elements without a closing tag: their opening tag never starts a subtree to skip. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const IGNORE_ATTRIBUTE = /\sdata-pagefind-ignore(?![\w-])(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+)))?/;

/**
 * `html` with the insides of the elements Pagefind is told to ignore (`data-pagefind-ignore`)
 * emptied, the elements themselves kept: the site header and breadcrumbs, the row view that
 * repeats a table for phones, empty amount cells. Pagefind would parse them only to drop them;
 * without them a shard's index is byte-identical and made about a tenth faster (README, At
 * scale). An element ignored for the
 * index only (not `="all"`) keeps its insides when they carry Pagefind metadata or filters,
 * which Pagefind still reads there.
 */
export function withoutIgnoredContent(html: string): string {
  let out = '';
  let copied = 0;
  let skipping: { name: string; depth: number; all: boolean; innerStart: number } | undefined;
  for (const match of html.matchAll(MARKUP)) {
    const [tag, , closing, rawName, attributes = ''] = match;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    const opens = closing === '' && !VOID_ELEMENTS.has(name) && !attributes.endsWith('/');
    if (skipping) {
      if (name !== skipping.name) continue;
      skipping.depth += opens ? 1 : closing === '/' ? -1 : 0;
      if (skipping.depth > 0) continue;
      const inner = html.slice(skipping.innerStart, match.index);
      if (skipping.all || !inner.includes('data-pagefind-')) {
        out += html.slice(copied, skipping.innerStart);
        copied = match.index;
      }
      skipping = undefined;
      continue;
    }
    if (!opens) continue;
    const ignore = IGNORE_ATTRIBUTE.exec(attributes);
    if (ignore) skipping = { name, depth: 1, all: (ignore[1] ?? ignore[2] ?? ignore[3]) === 'all', innerStart: match.index + tag.length };
  }
  return out + html.slice(copied);
}

/**
 * The HTML Pagefind should index: every text node without quotation marks
 * ({@link withoutQuoteMarks}) and, like every `data-pagefind-meta` value, separated with
 * {@link separateHanForIndex}, so a title matches a query character by character like the text
 * does. Meta values keep their quotation marks: the title shown in a result is the official one.
 * Other markup, filter values and scripts are left byte for byte as they were, but for the table
 * cells' `headers` ({@link withoutCellHeaders}) and what Pagefind ignores
 * ({@link withoutIgnoredContent}). Only the copy handed to the indexer changes; the published
 * page is not touched.
 */
export function separateHanInHtml(html: string): string {
  return mapHtmlText(withoutCellHeaders(withoutIgnoredContent(html)), (text) => separateHanForIndex(withoutQuoteMarks(text))).replace(
    META_ATTRIBUTE,
    (_, start: string, value: string, end: string) => {
      const colon = value.indexOf(':');
      return colon < 0 ? `${start}${value}${end}` : `${start}${value.slice(0, colon + 1)}${separateHanForIndex(value.slice(colon + 1))}${end}`;
    },
  );
}

/**
 * The words of what someone typed: whitespace (ASCII or full-width) separates them, and quote
 * marks are dropped because Pagefind reads a quoted query as one phrase and every query is
 * sent as phrases anyway.
 */
export function queryTerms(query: string): string[] {
  return query
    .normalize('NFC')
    .replace(/["“”＂‘’「」『』]/g, ' ')
    .split(/\s+/)
    .filter((term) => term !== '');
}

/**
 * The Pagefind phrase query for one term: `人大代表` → `"人 大 代 表"`. Pagefind lower-cases and
 * drops punctuation itself; the spaces keep every browser's segmenter from joining the
 * characters again.
 */
export function phraseQuery(term: string): string {
  return `"${term.replace(HAN_EDGE, ' ').replace(/\s+/g, ' ')}"`;
}
