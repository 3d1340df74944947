/**
 * The build pipeline behind `npm run build`, as a function so tests can run it on fixtures:
 *   0. clean up what a killed build left (stale staging folders, a half-done swap);
 *   1. read, parse and check the content once (errors stop here: nothing is written), derive
 *      every table once, and hand that data to Astro's pages in this same process;
 *   2. Astro renders the pages into a staging folder while worker threads make the workbooks;
 *   3. the CSVs and workbooks are written beside the pages, then the post-build steps (search
 *      index in its own process, checksums) run over the complete staging site;
 *   4. the staging site replaces dist/ (see publish.ts).
 * Every failure names its phase and what happened; a full disk is said as such. The staging
 * folder goes on any failure, and the previous site stays as it was.
 *
 * The build stamp (content and generator) is written once, to `build.json` (listed in the
 * manifest), not into every page: a one-cent edit changes only what depends on it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ContentFile } from '../../src/lib/content/load.ts';
import { contentDir, loadContentDir, readContentFiles } from '../../src/lib/content/read-content-dir.ts';
import { ContentError, formatFinding, hasErrors } from '../../src/lib/findings.ts';
import { buildSiteData, provideSiteData, tablesOf, type SiteData } from '../../src/lib/site/site-data.ts';
import type { DisclosureRule } from '../../src/lib/validate/rule.ts';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import { generatorFingerprint, hashContentFiles } from './fingerprint.ts';
import { QUIET, type Progress } from './progress.ts';
import { cleanStaleStaging, freeBytes, isDiskFull, publish, publishTarget, recoverTarget } from './publish.ts';
import { makeWorkbooks, placeWorkbooks, pruneWorkbookCache, writeTableCsvs, type WorkbookRequest } from './write-downloads.ts';

export interface BuildOptions {
  /** The project root (where astro.config.mjs is). */
  readonly root: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the finished site goes; default `<root>/dist`. A symbolic link is followed. */
  readonly outDir?: string;
  readonly log?: (line: string) => void;
  /** Phase and count of long work, on a terminal. */
  readonly progress?: Progress;
  /** Checks beyond the standard validation (the narrative's figure references). */
  readonly rules?: readonly DisclosureRule[];
  /** Post-build steps run on the staging folder before it replaces dist/. */
  readonly postBuild?: readonly ((stagingDir: string, stamp: string) => Promise<void>)[];
  /**
   * Where workbooks are cached by content hash; default `<root>/.build-cache/workbooks/<content
   * folder hash>`, one cache per content folder so that pruning one never removes another's.
   */
  readonly cacheDir?: string;
}

export interface PhaseTime {
  readonly phase: string;
  readonly seconds: number;
}

export interface BuildResult {
  readonly outDir: string;
  readonly stamp: string;
  readonly files: number;
  /** HTML pages written. */
  readonly pages: number;
  readonly disclosures: number;
  /** Workbooks made this time, and found unchanged in the cache. */
  readonly workbooks: { readonly made: number; readonly cached: number };
  readonly phases: readonly PhaseTime[];
}

/** The one file that carries the build stamp (and the generator that made the site). */
export const BUILD_INFO_FILE = 'build.json';

export interface BuildInfo {
  readonly stamp: string;
  readonly generator: string;
  readonly disclosures: number;
}

/** A build that failed after the content was accepted: the message says in which phase and why. */
export class BuildError extends Error {
  override readonly name = 'BuildError';
  readonly phase: string;
  readonly diskFull: boolean;
  constructor(phase: string, message: string, diskFull: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.phase = phase;
    this.diskFull = diskFull;
  }
}

const relativeTo = (dir: string) => {
  const base = resolve(dir);
  return (path: string): string => relative(base, resolve(path)).split('\\').join('/');
};

/** A short hash of the content and of the generator (version, lock file, source): the same input, the same stamp. */
export function buildStamp(root: string, dir: string): string {
  return contentStamp(root, dir, readContentFiles(dir));
}

function contentStamp(root: string, dir: string, files: readonly ContentFile[]): string {
  return hashContentFiles(generatorFingerprint(root), files, relativeTo(dir)).slice(0, 12);
}

/**
 * The content hash of each disclosure: the generator, the catalogues and the disclosure's own
 * folder. It keys the workbook cache, so a workbook is remade exactly when what it shows may have changed.
 */
export function disclosureHashes(root: string, dir: string, files: readonly ContentFile[], site: SiteData): Map<string, string> {
  const rel = relativeTo(dir);
  const catalogues = files.filter((f) => rel(f.path).startsWith('catalogues/'));
  const catalogueHash = hashContentFiles(generatorFingerprint(root), catalogues, rel);
  const byFolder = new Map<string, ContentFile[]>();
  for (const file of files) {
    const folder = dirname(rel(file.path));
    const list = byFolder.get(folder);
    if (list) list.push(file);
    else byFolder.set(folder, [file]);
  }
  return new Map(
    site.entries.map((entry) => [entry.disclosure.id, hashContentFiles(catalogueHash, byFolder.get(dirname(rel(entry.disclosure.files.disclosure))) ?? [], rel)]),
  );
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const progress = options.progress ?? QUIET;
  const say = (line: string) => {
    progress.clear();
    log(line);
  };
  const dir = resolve(options.root, contentDir(options.env));
  const outDir = resolve(options.outDir ?? join(options.root, 'dist'));
  const stagingRoot = resolve(options.root, '.build-staging');
  const cacheDir = resolve(options.cacheDir ?? join(options.root, '.build-cache', 'workbooks', createHash('sha256').update(dir).digest('hex').slice(0, 12)));
  const phases: PhaseTime[] = [];
  let current = 'cleanup';
  let started = performance.now();
  const phase = (name: string, total?: number) => {
    phases.push({ phase: current, seconds: (performance.now() - started) / 1000 });
    current = name;
    started = performance.now();
    progress.phase(`gongkai: ${name}`, total);
  };

  // 0. What a killed build left: its staging folders, and a swap it did not finish.
  for (const line of [...cleanStaleStaging(stagingRoot), ...recoverTarget(publishTarget(outDir))]) say(`gongkai: ${line}`);

  // 1. Content first, read and parsed once: a wrong number never reaches the builder.
  phase('check');
  const files = existsSync(dir) && statSync(dir).isDirectory() ? readContentFiles(dir) : [];
  const loaded = loadContentDir(dir, files);
  const findings = validateContent(loaded, files, options.rules ?? [], tablesOf);
  for (const f of findings.filter((x) => x.severity === 'warning')) say(formatFinding(f));
  if (hasErrors(findings)) {
    progress.clear();
    throw new ContentError(findings);
  }
  const stamp = contentStamp(options.root, dir, files);
  const site = buildSiteData(loaded.disclosures, findings.filter((f) => f.severity === 'warning'));
  const hashes = disclosureHashes(options.root, dir, files, site);
  const requests: WorkbookRequest[] = site.entries.map((entry) => ({ entry, hash: hashes.get(entry.disclosure.id) ?? '' }));

  const staging = join(stagingRoot, `site-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(stagingRoot, { recursive: true });

  // Astro's config and pages read these variables. Vite reads BASE_URL/MODE/DEV from the
  // environment and would override the configured base; a test runner (Vitest) sets them, so a
  // build started from a test must not see them.
  const passed = { GONGKAI_OUT_DIR: staging, GONGKAI_BUILD_STAMP: stamp, CONTENT_DIR: dir, SITE_BASE: options.env['SITE_BASE'] };
  const cleared = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'] as const;
  const savedVite = Object.fromEntries(cleared.map((name) => [name, process.env[name]]));
  for (const name of cleared) delete process.env[name];
  const saved = Object.fromEntries(Object.keys(passed).map((name) => [name, process.env[name]]));
  for (const [name, value] of Object.entries(passed)) restore(name, value);
  let workbooks = { made: 0, cached: 0 };
  try {
    provideSiteData(site);
    // 2. The workbooks start now, on other cores, and are awaited after the pages.
    const making = makeWorkbooks(requests, { cacheDir, onCount: (done) => current === 'downloads' && progress.count(done) });
    making.catch(() => {});
    phase('pages');
    const { build } = await import('astro');
    await build({ root: options.root, logLevel: options.env['GONGKAI_LOG_LEVEL'] === 'info' ? 'info' : 'warn' });
    provideSiteData(undefined);
    // 3. The downloads beside the pages, then the steps over the complete site.
    phase('downloads', requests.length);
    writeTableCsvs(staging, site.entries);
    workbooks = await making;
    placeWorkbooks(staging, requests, cacheDir);
    pruneWorkbookCache(cacheDir, requests);
    const info: BuildInfo = { stamp, generator: generatorFingerprint(options.root), disclosures: site.entries.length };
    writeFileSync(join(staging, BUILD_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
    for (const step of options.postBuild ?? []) {
      phase(step.name.replace(/Step$/, '') || 'post-build');
      await step(staging, stamp);
    }
    // 4. Publish.
    phase('publish');
    publish(staging, outDir);
  } catch (error) {
    provideSiteData(undefined);
    progress.clear();
    const diskFull = isDiskFull(error, staging);
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof ContentError) throw error;
    const free = freeBytes(staging);
    const detail = diskFull
      ? `磁盘已满 / the disk is full (${free === null ? 'free space unknown' : `${Math.round(free / 1024 / 1024)} MB free`} after removing the staging folder)`
      : message(error);
    throw new BuildError(
      current,
      `gongkai: 构建在“${current}”阶段失败 / the build failed while ${current}: ${detail}${diskFull ? `\n  ${message(error)}` : ''}\n  staging folder removed; ${publishTarget(outDir)} is unchanged`,
      diskFull,
      { cause: error },
    );
  } finally {
    for (const [name, value] of Object.entries(saved)) restore(name, value);
    for (const [name, value] of Object.entries(savedVite)) restore(name, value);
  }
  phase('done');
  progress.clear();
  log(`gongkai: 0 errors, ${findings.length} warning(s)`);
  const written = listFiles(outDir);
  return {
    outDir,
    stamp,
    files: written.length,
    pages: written.filter((f) => f.endsWith('.html')).length,
    disclosures: site.entries.length,
    workbooks,
    phases: phases.filter((p) => p.phase !== 'cleanup' || p.seconds >= 0.05),
  };
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
