/**
 * One page of every kind the build produced, found in the built site itself (so a new kind of
 * page is covered without editing the tests: a department's history `*\/*\/`, a unit's page
 * `*\/*\/*\/units/*\/`, a region's coverage `*\/coverage/`), plus the two that are not files: the search page
 * with a query and the 404 page a missing path gets.
 */
import { listFiles } from '../../../scripts/lib/run-build.ts';
import { routes } from '../../../src/lib/site/routes.ts';
import { site } from './browser.ts';
import { sampleEntry } from './content.ts';

export interface PageKind {
  /** e.g. `*\/*\/*\/tables/*\/` */
  readonly kind: string;
  /** A file name for screenshots: `home`, `region-tables-table`. */
  readonly name: string;
  /** The route path to open (relative to the site base). */
  readonly path: string;
  /** The HTTP status the server must answer. */
  readonly status: 200 | 404;
}

/**
 * A page's kind: its path with every segment that holds a code, year or id generalised, and the
 * sorted views of a comparison (`compare/2025/by-reception/`, one per figure) as one kind `by-*`.
 */
export const kindOf = (path: string): string =>
  path
    .replace(/\?.*$/, '')
    .split('/')
    .map((segment) => (/\d/.test(segment) ? '*' : /^by-[a-z-]+$/.test(segment) ? 'by-*' : segment))
    .join('/');

const nameOf = (kind: string): string => (kind === '' ? 'home' : kind.replace(/\*\//g, '').replace(/\/$/, '').replace(/\//g, '-') || 'disclosure');

function collect(): PageKind[] {
  const sample = sampleEntry().disclosure;
  const samplePrefix = routes.disclosure(sample);
  const byKind = new Map<string, string>();
  // The sample disclosure's pages first, so the pages shown are the richest ones.
  const files = listFiles(site.siteDir)
    .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind/'))
    .map((file) => file.slice(0, -'index.html'.length))
    .sort((a, b) => Number(b.startsWith(samplePrefix)) - Number(a.startsWith(samplePrefix)));
  for (const path of files) {
    const kind = kindOf(path);
    if (!byKind.has(kind)) byKind.set(kind, path);
  }
  // Names stay unique (screenshot files): a department's history `*/*/` and its year `*/*/*/` would both be `disclosure`.
  const taken = new Map<string, number>();
  const uniqueName = (kind: string): string => {
    const name = kind === '*/*/' ? 'department' : nameOf(kind);
    const seen = taken.get(name) ?? 0;
    taken.set(name, seen + 1);
    return seen === 0 ? name : `${name}-${seen + 1}`;
  };
  const kinds: PageKind[] = [...byKind].map(([kind, path]) => ({ kind, name: uniqueName(kind), path, status: 200 }));
  const query = sample.department.name;
  return [
    ...kinds.filter((k) => k.path !== routes.search()),
    { kind: 'search/?q=', name: 'search-results', path: `${routes.search()}?q=${encodeURIComponent(query)}`, status: 200 },
    { kind: '404', name: 'not-found', path: 'no-such-page/', status: 404 },
  ];
}

export const PAGE_KINDS: readonly PageKind[] = collect();
