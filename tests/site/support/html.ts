/**
 * A small HTML reader for tests of the site's own output (well-formed, from Astro): elements with
 * attributes and children, text decoded. Not a general HTML parser: no implied end tags beyond
 * the void elements, no foreign content.
 */

export interface Element {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly Node[];
}
export type Node = Element | string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style']);
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

export const decode = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? m;
  });

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function parseHtml(html: string): Element {
  const root: { tag: string; attrs: Record<string, string>; children: Node[] } = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  const tag =
    /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/gi;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(html))) {
    const current = stack[stack.length - 1]!;
    if (match.index > last) current.children.push(decode(html.slice(last, match.index)));
    last = tag.lastIndex;
    const [, closing, opening, rawAttrs = '', selfClosing] = match;
    if (closing) {
      const name = closing.toLowerCase();
      const at = stack.map((e) => e.tag).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    if (!opening) continue;
    const name = opening.toLowerCase();
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(ATTRIBUTE)) attrs[a[1]!.toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? '');
    const element = { tag: name, attrs, children: [] as Node[] };
    current.children.push(element);
    if (RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, last);
      element.children.push(html.slice(last, end < 0 ? html.length : end));
      last = end < 0 ? html.length : html.indexOf('>', end) + 1;
      tag.lastIndex = last;
      continue;
    }
    if (!VOID.has(name) && !selfClosing) stack.push(element);
  }
  if (last < html.length) stack[stack.length - 1]!.children.push(decode(html.slice(last)));
  return root;
}

export const isElement = (node: Node): node is Element => typeof node !== 'string';

/** Every element below `root` (depth first, document order) that matches. */
export function findAll(root: Element, match: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    for (const child of e.children) {
      if (!isElement(child)) continue;
      if (match(child)) out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

export const byTag = (root: Element, tag: string): Element[] => findAll(root, (e) => e.tag === tag);

export function first(root: Element, match: (e: Element) => boolean): Element {
  const found = findAll(root, match)[0];
  if (!found) throw new Error('no matching element');
  return found;
}

/** Text content, whitespace collapsed. */
export function textOf(node: Node): string {
  const raw = (n: Node): string => (isElement(n) ? (RAW_TEXT.has(n.tag) ? '' : n.children.map(raw).join('')) : n);
  return raw(node).replace(/\s+/g, ' ').trim();
}

export const hasClass = (e: Element, name: string): boolean => (e.attrs['class'] ?? '').split(/\s+/).includes(name);
