/**
 * The per-disclosure downloads (each published table's CSV and XLSX, the XLSX workbook of all
 * tables), written outside Astro's per-route loop: an Astro endpoint costs far more than the
 * 0.03 ms the CSV writer needs, and the workbooks are made by worker threads on the other core
 * while pages render.
 *
 * Workbooks are cached by content hash (the hash of the generator and of the disclosure's own
 * files): `<cacheDir>/<hash>.xlsx` the disclosure's workbook, `<cacheDir>/<hash>.<tableId>.xlsx`
 * each table's. An unchanged disclosure's workbooks are never made again and stay byte-identical.
 * A cache file appears by rename, the disclosure's workbook last, so a killed build never leaves
 * half a workbook in the cache and a disclosure counts as cached only when all of its are.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { tableToCsv } from '../../src/lib/export/table-csv.ts';
import { tablesWithOwnWorkbook, type WorkbookDisclosure } from '../../src/lib/export/xlsx.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { chartCsvFiles } from '../../src/lib/site/chart-downloads.ts';
import type { DisclosureEntry, SiteData } from '../../src/lib/site/site-data.ts';
import { unitPages, unitTables } from '../../src/lib/site/unit-pages.ts';
import type { WorkbookAnswer, WorkbookJob } from './xlsx-worker.ts';

export interface WorkbookRequest {
  readonly entry: DisclosureEntry;
  /** Content hash of the disclosure and the generator: the cache key and the cover's stamp. */
  readonly hash: string;
}

export interface WorkbookOptions {
  readonly cacheDir: string;
  /** Worker threads; default: one less than the cores, at least one. */
  readonly workers?: number;
  /** Called as workbooks finish (made or found in the cache). */
  readonly onCount?: (done: number, total: number) => void;
}

export interface WorkbookSummary {
  readonly made: number;
  readonly cached: number;
}

/** The cache file of a disclosure's workbook. */
export const workbookCacheFile = (cacheDir: string, hash: string): string => join(cacheDir, `${hash}.xlsx`);
/** The cache file of one table's own workbook. */
export const tableWorkbookCacheFile = (cacheDir: string, hash: string, tableId: string): string => join(cacheDir, `${hash}.${tableId}.xlsx`);

/** Whether every workbook of a request is in the cache. */
const isCached = (cacheDir: string, request: WorkbookRequest): boolean =>
  existsSync(workbookCacheFile(cacheDir, request.hash)) &&
  tablesWithOwnWorkbook(request.entry.tables).every((table) => existsSync(tableWorkbookCacheFile(cacheDir, request.hash, table.id)));

/** Writes a cache file by rename, so it is either whole or absent. */
function writeCacheFile(file: string, bytes: Uint8Array): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** The stamp on a workbook's cover: its disclosure's content hash, short. */
export const workbookStamp = (hash: string): string => hash.slice(0, 12);

const workbookDisclosure = (entry: DisclosureEntry): WorkbookDisclosure => {
  const { year, phase, region, department, units, provenance } = entry.disclosure;
  return { year, phase, region, department, units, provenance };
};

export interface WorkbookRun {
  /** Settles when every workbook is in the cache. */
  readonly done: Promise<WorkbookSummary>;
  /** Starts one more worker thread (when the pages are rendered and a core is free). */
  addWorker(): void;
}

/** Makes every requested workbook that is not in the cache yet, on worker threads. */
export function makeWorkbooks(requests: readonly WorkbookRequest[], options: WorkbookOptions): WorkbookRun {
  mkdirSync(options.cacheDir, { recursive: true });
  const missing = requests.filter((r) => !isCached(options.cacheDir, r));
  let done = requests.length - missing.length;
  options.onCount?.(done, requests.length);
  const summary: WorkbookSummary = { made: missing.length, cached: requests.length - missing.length };
  if (missing.length === 0) return { done: Promise.resolve(summary), addWorker() {} };
  const queue = [...missing.entries()];
  const running: Promise<void>[] = [];
  let failed: Error | undefined;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./xlsx-worker.ts', import.meta.url));
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        if (error) {
          failed ??= error;
          queue.length = 0;
          reject(error);
        } else resolve();
      };
      const next = () => {
        const item = queue.shift();
        if (!item) return finish();
        const [id, request] = item;
        const job: WorkbookJob = { id, disclosure: workbookDisclosure(request.entry), tables: request.entry.tables, stamp: workbookStamp(request.hash) };
        worker.postMessage(job);
      };
      worker.on('message', (answer: WorkbookAnswer) => {
        const request = missing[answer.id];
        if (!request) return finish(new Error(`workbook worker answered an unknown job ${answer.id}`));
        if ('error' in answer) return finish(new Error(`workbook of ${request.entry.disclosure.id} failed: ${answer.error}`));
        try {
          for (const table of answer.tables) writeCacheFile(tableWorkbookCacheFile(options.cacheDir, request.hash, table.id), table.bytes);
          writeCacheFile(workbookCacheFile(options.cacheDir, request.hash), answer.bytes);
        } catch (error) {
          return finish(error as Error);
        }
        options.onCount?.(++done, requests.length);
        next();
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => finish(code === 0 ? undefined : new Error(`workbook worker stopped (exit ${code})`)));
      next();
    });
  const start = () => {
    if (queue.length > 0 && !failed) running.push(runWorker());
  };
  const initial = Math.max(1, Math.min(options.workers ?? availableParallelism() - 1, missing.length));
  for (let i = 0; i < initial; i++) start();
  // Workers started later join `running`; wait until no worker is left and the queue is empty.
  const all = async (): Promise<WorkbookSummary> => {
    for (let seen = 0; seen < running.length; seen = running.length) await Promise.all(running);
    return summary;
  };
  const promise = all();
  promise.catch(() => {});
  return { done: promise, addWorker: start };
}

/**
 * Writes files into a site folder, making each parent folder once: a recursive mkdir per file
 * showed in a build's CPU profile as seconds of mkdir calls. Workbooks come from the cache as hard links (a copy across
 * file systems): the cache never rewrites a file in place (a new one is renamed over it), so the
 * site's link keeps the bytes it was given.
 */
export function siteWriter(siteDir: string) {
  const made = new Set<string>();
  const target = (path: string): string => {
    const to = join(siteDir, path);
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    return to;
  };
  return {
    write: (path: string, data: string | Uint8Array): void => writeFileSync(target(path), data),
    link: (from: string, path: string): void => linkOrCopy(from, target(path)),
  };
}

/** A hard link of `from` at `to`, or a copy where the file system cannot link it. */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if (!['EXDEV', 'EPERM', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(from, to);
  }
}

/** Puts each disclosure's workbook, and each of its tables' workbooks, from the cache into the site. */
export function placeWorkbooks(siteDir: string, requests: readonly WorkbookRequest[], cacheDir: string): void {
  const site = siteWriter(siteDir);
  for (const { entry, hash } of requests) {
    site.link(workbookCacheFile(cacheDir, hash), routes.workbook(entry.disclosure));
    for (const table of tablesWithOwnWorkbook(entry.tables))
      site.link(tableWorkbookCacheFile(cacheDir, hash, table.id), routes.tableXlsx(entry.disclosure, table));
  }
}

/** Removes cached workbooks no request of this build used (a full build knows them all). */
export function pruneWorkbookCache(cacheDir: string, requests: readonly WorkbookRequest[]): void {
  if (!existsSync(cacheDir)) return;
  const used = new Set(requests.map((r) => r.hash));
  for (const name of readdirSync(cacheDir)) {
    if (name.endsWith('.partial') || !used.has(name.slice(0, name.indexOf('.')))) rmSync(join(cacheDir, name), { force: true });
  }
}

/** Writes each published table's CSV beside its page (a table not provided has no rows to write). Returns how many. */
export function writeTableCsvs(siteDir: string, entries: readonly DisclosureEntry[]): number {
  const site = siteWriter(siteDir);
  let written = 0;
  for (const entry of entries) {
    for (const table of tablesWithOwnWorkbook(entry.tables)) {
      site.write(routes.tableCsv(entry.disclosure, table), tableToCsv(table));
      written++;
    }
    // Each 所属单位's published tables, linked from its page (单位 views, src/lib/site/unit-pages.ts).
    for (const page of unitPages(entry)) {
      for (const table of tablesWithOwnWorkbook(unitTables(page))) {
        site.write(routes.unitTableCsv(entry.disclosure, page.unit.code, table), tableToCsv(table));
        written++;
      }
    }
  }
  return written;
}

/** Writes each chart's data CSV beside the page that draws it (src/lib/site/chart-downloads.ts). Returns how many. */
export function writeChartCsvs(siteDir: string, site: SiteData): number {
  const files = chartCsvFiles(site);
  const writer = siteWriter(siteDir);
  for (const { path, text } of files) writer.write(path, text);
  return files.length;
}
