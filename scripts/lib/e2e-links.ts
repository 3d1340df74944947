/**
 * The static link check behind the browser tests: every href/src/srcset/action in the built
 * HTML, and every url() in the built CSS, must resolve to a file of the site under its sub-path
 * (e.g. /yjsgk/), and every #fragment to an id on the target page. Nothing may load from another
 * host; only plain links (<a>, <area>) may point away, and those are listed, not refused.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './run-build.ts';

export interface Reference {
  readonly tag: string;
  readonly attribute: string;
  readonly value: string;
}

/** Attributes whose value is a URL (srcset holds several). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'poster', 'data', 'formaction', 'xlink:href']);
/** Elements whose content is not markup, so an `<a href>` inside a script's string is no link. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
/** Elements whose external URLs are only followed when a person clicks them. */
const NAVIGATION_TAGS = new Set(['a', 'area']);

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface Tag {
  readonly name: string;
  readonly attributes: readonly (readonly [name: string, value: string])[];
}

/** The start tags of an HTML document with their attributes (values decoded), skipping comments and raw text. */
export function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const lower = html.toLowerCase();
  const tagStart = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!?[a-zA-Z][^\s/>]*/g;
  const attribute = /\s*([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\s*\/?>|\s+|\//y;
  let match: RegExpExecArray | null;
  while ((match = tagStart.exec(html)) !== null) {
    const token = match[0];
    if (token.startsWith('<!')) continue;
    const name = token.slice(1).toLowerCase();
    const attributes: [string, string][] = [];
    let position = tagStart.lastIndex;
    let closed = false;
    while (position < html.length) {
      attribute.lastIndex = position;
      const a = attribute.exec(html);
      // A stray character (a lone quote, say): browsers skip it, and so do we.
      if (!a) {
        position++;
        continue;
      }
      position = attribute.lastIndex;
      if (a[1] === undefined && a[0].endsWith('>')) {
        closed = true;
        break;
      }
      if (a[1] !== undefined) attributes.push([a[1].toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? '')]);
    }
    tagStart.lastIndex = position;
    if (!closed) break;
    tags.push({ name, attributes });
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, tagStart.lastIndex);
      tagStart.lastIndex = end < 0 ? html.length : end;
    }
  }
  return tags;
}

/** Every URL-valued attribute of the document. */
export function extractReferences(html: string): Reference[] {
  const references: Reference[] = [];
  for (const tag of startTags(html)) {
    for (const [attribute, value] of tag.attributes) {
      if (!URL_ATTRIBUTES.has(attribute)) continue;
      if (tag.name === 'object' && attribute !== 'data') continue;
      if (attribute === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) references.push({ tag: tag.name, attribute, value: url });
        }
      } else references.push({ tag: tag.name, attribute, value: value.trim() });
    }
  }
  return references;
}

/** Ids (and legacy `<a name>`) a fragment can point at. */
export function fragmentTargets(html: string): Set<string> {
  const ids = new Set<string>();
  for (const tag of startTags(html)) {
    for (const [name, value] of tag.attributes) if (name === 'id' || (name === 'name' && tag.name === 'a')) ids.add(value);
  }
  return ids;
}

/** `url(...)` references in a stylesheet. */
export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
    const url = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (url) urls.push(url);
  }
  return urls;
}

export type Resolution =
  | { readonly kind: 'internal'; readonly path: string; readonly fragment: string; readonly query: string }
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'outside'; readonly pathname: string }
  | { readonly kind: 'ignored' };

const PROBE_ORIGIN = 'http://site.invalid';

/**
 * Where a reference written in `fromPath` (a file path relative to the site root) leads: a path
 * relative to the site root, another host, or a path on this host outside the sub-path.
 */
export function resolveReference(value: string, fromPath: string, base: string): Resolution {
  if (value === '' || /^(mailto|tel|data|blob|about):/i.test(value)) return { kind: 'ignored' };
  const pageUrl = new URL(`${base}${fromPath}`, PROBE_ORIGIN);
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    return { kind: 'outside', pathname: value };
  }
  if (url.origin !== PROBE_ORIGIN) return { kind: 'external', url: url.href };
  const pathname = decodeURIComponent(url.pathname);
  if (!pathname.startsWith(base)) return { kind: 'outside', pathname };
  return { kind: 'internal', path: pathname.slice(base.length), fragment: decodeURIComponent(url.hash.slice(1)), query: url.search };
}

export interface LinkProblem {
  /** The file holding the reference, relative to the site root. */
  readonly file: string;
  readonly reference: string;
  readonly reason: string;
}

export interface LinkReport {
  readonly problems: readonly LinkProblem[];
  /** Internal targets (site-relative paths, with `index.html` for folders), for fetching over HTTP. */
  readonly targets: readonly string[];
  /** Links to other hosts from <a>/<area>: allowed, listed for review. */
  readonly externalLinks: readonly string[];
  readonly filesScanned: number;
  readonly referencesChecked: number;
}

/** Checks every HTML and CSS file under `siteDir` as served under `base` (`/yjsgk/`). */
export function checkSiteLinks(siteDir: string, base: string): LinkReport {
  const files = listFiles(siteDir);
  const fileSet = new Set(files);
  const problems: LinkProblem[] = [];
  const targets = new Set<string>();
  const external = new Set<string>();
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = fragmentTargets(readFileSync(join(siteDir, file), 'utf8'));
      idCache.set(file, ids);
    }
    return ids;
  };
  let checked = 0;

  const check = (file: string, reference: Reference): void => {
    checked++;
    const where = `<${reference.tag} ${reference.attribute}="${reference.value}">`;
    const problem = (reason: string): void => {
      problems.push({ file, reference: where, reason });
    };
    if (/^javascript:/i.test(reference.value)) return problem('javascript: URL');
    const resolved = resolveReference(reference.value, file, base);
    if (resolved.kind === 'ignored') return;
    if (resolved.kind === 'external') {
      if (NAVIGATION_TAGS.has(reference.tag)) external.add(resolved.url);
      else problem(`loads from another host (${resolved.url}); everything must be served from the site itself`);
      return;
    }
    if (resolved.kind === 'outside') return problem(`resolves to ${resolved.pathname}, outside the site's sub-path ${base}`);
    const target = targetFile(resolved.path, fileSet, siteDir);
    if (typeof target !== 'string') return problem(target.reason);
    targets.add(target);
    if (resolved.fragment && target.endsWith('.html') && !idsOf(target).has(resolved.fragment)) {
      problem(`#${resolved.fragment} names no element id in ${target}`);
    }
  };

  for (const file of files) {
    if (file.endsWith('.html')) {
      for (const reference of extractReferences(readFileSync(join(siteDir, file), 'utf8'))) check(file, reference);
    } else if (file.endsWith('.css')) {
      for (const url of cssUrls(readFileSync(join(siteDir, file), 'utf8'))) check(file, { tag: 'css', attribute: 'url', value: url });
    }
  }
  return { problems, targets: [...targets].sort(), externalLinks: [...external].sort(), filesScanned: files.length, referencesChecked: checked };
}

/** The file a site-relative path names, as a static server maps it. */
function targetFile(path: string, files: ReadonlySet<string>, siteDir: string): string | { reason: string } {
  if (path === '' || path.endsWith('/')) {
    const index = `${path}index.html`;
    return files.has(index) ? index : { reason: `no page at ${path || '(site root)'} (missing ${index})` };
  }
  if (files.has(path)) return path;
  const full = join(siteDir, path);
  if (existsSync(full) && statSync(full).isDirectory())
    return { reason: `points at the folder ${path} without its trailing slash (a redirect on every click)` };
  return { reason: `no file ${path}` };
}
