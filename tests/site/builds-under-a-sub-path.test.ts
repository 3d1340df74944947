/**
 * The whole site built under a sub-path (`SITE_BASE=/yjsgk/`), as a portal would host it: every
 * internal href and src resolves to a file of the output (and every #anchor to an id in it),
 * nothing points outside the base, and nothing is loaded from another host.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { listFiles } from '../../scripts/lib/run-build.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { getSiteData } from '../../src/lib/site/site-data.ts';

const root = resolve(import.meta.dirname, '../..');
const BASE = '/yjsgk/';
// Same filesystem as the staging folder, which the build renames into place.
const outDir = join(root, '.build-staging', `test-sub-path-${process.pid}`);
// Vitest puts its own import.meta.env values (BASE_URL=/, MODE=test, DEV=1 …) into process.env,
// and Vite lets process.env.BASE_URL override the configured base; the build must not see them.
const VITEST_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'] as const;
const saved = Object.fromEntries(['SITE_BASE', ...VITEST_ENV].map((name) => [name, process.env[name]]));

let files: string[] = [];
let pages: string[] = [];
let seconds = 0;

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  const env: Record<string, string | undefined> = { ...process.env, SITE_BASE: BASE, CONTENT_DIR: join(root, 'content') };
  for (const name of VITEST_ENV) {
    delete process.env[name];
    delete env[name];
  }
  const started = performance.now();
  await buildSite({ root, env, outDir });
  seconds = (performance.now() - started) / 1000;
  files = listFiles(outDir);
  pages = files.filter((f) => f.endsWith('.html'));
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

interface Link {
  readonly page: string;
  readonly url: string;
}

/** Every href and src of a page (attribute values, entities decoded). */
function linksOf(page: string): Link[] {
  const html = readFileSync(join(outDir, page), 'utf8');
  return [...html.matchAll(/\s(?:href|src)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => ({
    page,
    url: (m[1] ?? m[2] ?? m[3] ?? '').replace(/&amp;/g, '&'),
  }));
}

/** The output file a site URL names: `dir/` → `dir/index.html`. */
const fileFor = (path: string): string => {
  const decoded = decodeURIComponent(path);
  return decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
};

const idsOf = new Map<string, Set<string>>();
function ids(file: string): Set<string> {
  let found = idsOf.get(file);
  if (!found) {
    const html = readFileSync(join(outDir, file), 'utf8');
    found = new Set([...html.matchAll(/\sid=(?:"([^"]*)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? ''));
    idsOf.set(file, found);
  }
  return found;
}

describe(`the site built under ${BASE}`, () => {
  it('has every page of the site data: home, year and region indexes, overviews, all tables, projects, glossary, indicators', () => {
    const site = getSiteData(join(root, 'content'));
    const expected = [
      routes.home(),
      routes.glossary(),
      routes.indicators(),
      ...new Set(site.entries.map((e) => routes.year(e.disclosure.year))),
      ...site.entries.flatMap((e) => [routes.disclosure(e.disclosure), ...e.tables.map((t) => routes.table(e.disclosure, t))]),
    ].map(fileFor);
    expect(expected.filter((f) => !files.includes(f))).toEqual([]);
    console.info(`gongkai: ${pages.length} pages, ${files.length} files under ${BASE} in ${seconds.toFixed(1)} s`);
  });

  it('links and loads nothing from another host', () => {
    const external = pages.flatMap(linksOf).filter((l) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(l.url) && !l.url.startsWith('data:'));
    expect(external).toEqual([]);
  });

  it('keeps every internal link under the base', () => {
    const outside = pages
      .flatMap(linksOf)
      .filter((l) => !/^(?:#|data:|mailto:)/.test(l.url))
      .filter((l) => !l.url.startsWith(BASE));
    expect(outside).toEqual([]);
  });

  it('resolves every internal href and src to a file of the output, and every #anchor to an id', () => {
    const missing: string[] = [];
    const missingAnchors: string[] = [];
    for (const link of pages.flatMap(linksOf)) {
      if (/^(?:data:|mailto:)/.test(link.url)) continue;
      const [path = '', fragment] = link.url.split('#');
      const target = path === '' ? link.page : fileFor(path.slice(BASE.length).split('?')[0] ?? '');
      if (path !== '' && !existsSync(join(outDir, target))) {
        missing.push(`${link.page} → ${link.url}`);
        continue;
      }
      if (fragment && target.endsWith('.html') && !ids(target).has(decodeURIComponent(fragment))) missingAnchors.push(`${link.page} → ${link.url}`);
    }
    // Downloads (…/tables/NN.csv, the workbook, data/…) are produced by the export endpoints and
    // build steps; a link to one that is not produced is listed here like any other broken link.
    expect([...new Set(missing)]).toEqual([]);
    expect([...new Set(missingAnchors)]).toEqual([]);
  });

  it('loads the chart code only from the site’s own bundle (dynamic imports resolve too)', () => {
    const scripts = files.filter((f) => f.startsWith('_astro/') && f.endsWith('.js'));
    // The module that imports Chart.js (src/components/charts/render-chart.ts) is its own chunk.
    const chartChunk = scripts.filter((f) => /\/render-chart\.[\w-]+\.js$/.test(f));
    expect(chartChunk.length).toBe(1);
    for (const script of scripts) {
      const code = readFileSync(join(outDir, script), 'utf8');
      for (const m of code.matchAll(/import\(\s*[`'"](\.\/[^`'"]+)[`'"]\s*\)|from\s*[`'"](\.\/[^`'"]+)[`'"]/g)) {
        expect(existsSync(join(outDir, '_astro', (m[1] ?? m[2] ?? '').slice(2))), `${script} imports ${m[1] ?? m[2]}`).toBe(true);
      }
    }
    // The overview pages load the chart element, never Chart.js itself up front.
    const withCharts = getSiteData(join(root, 'content')).entries.find((e) => e.summary.hasFinancialTables);
    if (!withCharts) throw new Error('the content has no disclosure with financial tables');
    const overview = readFileSync(join(outDir, fileFor(routes.disclosure(withCharts.disclosure))), 'utf8');
    expect(overview).toContain('<budget-chart');
    expect(overview).not.toContain(chartChunk[0]!.split('/').at(-1));
  });
});
