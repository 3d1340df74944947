/**
 * Post-build step: the Pagefind search index of the built site, written to `<site>/pagefind/`
 * (its JS, WASM and index files are served from the site itself, never from a CDN).
 *
 * Pages are handed to Pagefind one by one (`addHTMLFile`) rather than as a folder so that the
 * indexed copy can be prepared for Chinese search (`separateHanInHtml`: a zero-width boundary
 * around each Han character; see src/lib/search/segment.ts for why) while the published HTML
 * stays byte for byte what Astro wrote. Which parts of a page are indexed is decided by the
 * pages themselves: `data-pagefind-body` on <main>, `data-pagefind-ignore` on chrome and amount
 * cells, `data-pagefind-meta` / `data-pagefind-filter` for titles and filters.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { separateHanInHtml } from '../../src/lib/search/segment.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { listFiles } from './run-build.ts';

/** The index language: every page is `<html lang="zh-CN">`, and one language means one index. */
export const SEARCH_LANGUAGE = 'zh-cn';

/** Where the index goes inside the site; the search page loads `${BASE_URL}pagefind/pagefind.js`. */
export const PAGEFIND_DIR = 'pagefind';

/**
 * Pagefind's ready-made search UIs, written next to the index. The site has its own small UI
 * (src/components/SearchResults.astro) on Pagefind's JS API, so these are not published.
 */
const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export interface IndexSiteOptions {
  /** Site paths (as `routes` gives them) not to index: by default the search page itself. */
  readonly exclude?: readonly string[];
  /** Prepares each page's HTML for the indexer; by default {@link separateHanInHtml}. Measurements pass others. */
  readonly prepareHtml?: (html: string) => string;
  readonly log?: (line: string) => void;
  /**
   * Where the index goes, relative to the site: by default {@link PAGEFIND_DIR}. A shard's index
   * goes to {@link shardIndexDir} and keeps only its data: the search page loads Pagefind's
   * script and WASM once, from the site's own index, and merges the shards' indexes into it.
   */
  readonly outputDir?: string;
  /** Word locations per index chunk: by default {@link INDEX_CHUNK_SIZE}. */
  readonly indexChunkSize?: number;
}

/**
 * Word locations (a word's occurrences on a page, plus one per page) per index chunk: Pagefind's
 * own 20,000. A search downloads, in every index it searches, the chunk holding each word of the
 * query, and with one Han character a word (segment.ts) a four-character query needs four chunks
 * an index; a rare character costs a whole chunk of its neighbours (on the sample 89–97 % of the
 * chunk bytes a query loaded). Smaller chunks download much less (4,000: the sample's largest first
 * search 272.0 → 156.8 KB; 1,000 SYNTHETIC disclosures 6–33 % less, README, Search) and find the
 * same pages, but not in the same order: Pagefind's loose search, which orders the phrase matches
 * (search-client.ts), extends a character only to the longer words of the chunks it loaded, so
 * the order depends on how the index is cut; at 1,000 disclosures a department's overview fell
 * out of the first 10 results for its name. Kept at Pagefind's value until the ordering does not
 * depend on the cut. Pagefind 1.6 reads it from {@link CHUNK_SIZE_VARIABLE}.
 */
export const INDEX_CHUNK_SIZE = 20_000;
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/**
 * `start()` with `name` set in this process's environment, then the environment as it was:
 * Pagefind's binary, which `createIndex` starts, reads its settings from the environment it
 * inherits.
 */
async function withEnvironment<T>(name: string, value: string, start: () => Promise<T>): Promise<T> {
  const before = process.env[name];
  process.env[name] = value;
  try {
    return await start();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}

/** A shard's search index inside the site: `pagefind/shards/<id>/`. */
export const shardIndexDir = (shardId: string): string => `${PAGEFIND_DIR}/shards/${shardId}/`;

/** What a merged index does not need: the primary index's script, worker and WASM serve it. */
const PRIMARY_ONLY_FILES = ['pagefind.js', 'pagefind-worker.js'];
const isWasm = (name: string): boolean => name.startsWith('wasm.') && name.endsWith('.pagefind');

export interface IndexSummary {
  /** Pages in the index. */
  readonly pages: number;
  /** Files written under `pagefind/`. */
  readonly files: number;
}

interface PagefindResponse {
  readonly errors: readonly string[];
}

/** Pagefind reports failures in an `errors` array rather than by throwing: make them fatal. */
function assertNoErrors<T extends PagefindResponse>(response: T, action: string): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind: ${action} failed:\n${response.errors.map((e) => `  ${e}`).join('\n')}`);
  }
  return response;
}

/** Pages handed to Pagefind at once (measured: see the README's figures). */
const INDEX_CONCURRENCY = Number(process.env['GONGKAI_INDEX_CONCURRENCY'] ?? 8);

/** The URL Pagefind records for a built file: `430202/001/2024/index.html` → `/430202/001/2024/`. */
export const pageUrl = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

export async function indexSite(siteDir: string, options: IndexSiteOptions = {}): Promise<IndexSummary> {
  const prepareHtml = options.prepareHtml ?? separateHanInHtml;
  const excluded = new Set((options.exclude ?? [routes.search()]).map((path) => pageUrl(`${path}index.html`)));
  const pages = listFiles(siteDir)
    .filter((file) => file.endsWith('.html') && !file.startsWith(`${PAGEFIND_DIR}/`))
    .map((file) => ({ file, url: pageUrl(file) }))
    .filter((page) => !excluded.has(page.url));
  try {
    const { index } = assertNoErrors(
      await withEnvironment(CHUNK_SIZE_VARIABLE, String(options.indexChunkSize ?? INDEX_CHUNK_SIZE), () =>
        pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE }),
      ),
      'creating the index',
    );
    if (!index) throw new Error('Pagefind: creating the index returned no index');
    // Several pages in flight at once: one at a time, each page waits for the round trip to
    // Pagefind's process before the next is read and sent.
    let next = 0;
    const feed = async () => {
      for (let page = pages[next++]; page; page = pages[next++]) {
        const html = prepareHtml(readFileSync(join(siteDir, page.file), 'utf8'));
        assertNoErrors(await index.addHTMLFile({ url: page.url, content: html }), `indexing ${page.file}`);
      }
    };
    await Promise.all(Array.from({ length: INDEX_CONCURRENCY }, feed));
    const outputDir = options.outputDir ?? PAGEFIND_DIR;
    const written = assertNoErrors(await index.writeFiles({ outputPath: join(siteDir, outputDir) }), 'writing the index');
    for (const file of UNUSED_UI_FILES) rmSync(join(written.outputPath, file), { force: true });
    if (outputDir !== PAGEFIND_DIR) {
      for (const file of readdirSync(written.outputPath))
        if (PRIMARY_ONLY_FILES.includes(file) || isWasm(file)) rmSync(join(written.outputPath, file), { force: true });
    }
    // Pagefind leaves out pages without data-pagefind-body (when others have it): count what it kept.
    const entry = JSON.parse(readFileSync(join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0);
    const files = listFiles(written.outputPath).length;
    options.log?.(`gongkai: search index of ${indexed} pages (${files} files in ${outputDir}/)`);
    return { pages: indexed, files };
  } finally {
    await pagefind.close();
  }
}

/**
 * {@link indexSite} in a child process (scripts/lib/index-child.ts): the index is built while
 * this process's memory is not in the way, and any way the indexer can fail becomes an Error
 * that says what happened (its exit status and the end of what it printed). `script` is for
 * tests, which stand in an indexer that dies.
 */
export function indexSiteInChild(
  siteDir: string,
  script: string = fileURLToPath(new URL('./index-child.ts', import.meta.url)),
  outputDir: string = PAGEFIND_DIR,
): Promise<IndexSummary> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, siteDir, outputDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) return resolve(JSON.parse(last) as IndexSummary);
      const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
      reject(new Error(`Pagefind: the search indexer ${how} before the index was complete${stderr.trim() ? `:\n${stderr.trim()}` : ''}`));
    });
  });
}
