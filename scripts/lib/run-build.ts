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
import { complianceOf } from '../../src/lib/compliance/site-compliance.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ContentFile } from '../../src/lib/content/load.ts';
import { contentDir, loadContentDir, readContentFiles } from '../../src/lib/content/read-content-dir.ts';
import { scanContentDir, type ContentTree } from '../../src/lib/content/content-tree.ts';
import { ContentError, formatFinding, hasErrors } from '../../src/lib/findings.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { buildSiteData, entryFromSummary, provideSiteData, sortEntries, summaryEntry, tablesOf, type SiteData } from '../../src/lib/site/site-data.ts';
import type { DisclosureRule } from '../../src/lib/validate/rule.ts';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import { generatorFingerprint, hashContentFiles } from './fingerprint.ts';
import { QUIET, type Progress } from './progress.ts';
import { cleanStaleStaging, freeBytes, isDiskFull, publish, publishTarget, recoverTarget } from './publish.ts';
import { indexSiteInChild, shardIndexDir } from './search-index.ts';
import { mergeOpenData, openDataParts, SHARD_SUMMARY_FILE, SHARD_UNINDEXED_FILE, type ShardSummary } from './shard-summary.ts';
import { countRegions, inShard, planShards, type Shard, type ShardSpec } from './shards.ts';
import { makeWorkbooks, placeWorkbooks, pruneWorkbookCache, siteWriter, writeChartCsvs, writeTableCsvs, type WorkbookRequest } from './write-downloads.ts';

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
  /** Post-build steps run on the staging folder before it replaces dist/ (not for a shard). */
  readonly postBuild?: readonly ((stagingDir: string, stamp: string) => Promise<void>)[];
  /** Builds this shard of the content into a site fragment for the portal step instead of the whole site. */
  readonly shard?: ShardSpec;
  /**
   * A shard's search index is left to {@link indexShardOutput}, run once this process has ended
   * and its memory is free: the output carries its summary as {@link SHARD_UNINDEXED_FILE} until then.
   */
  readonly deferShardIndex?: boolean;
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
  /** False when a shard's output was up to date and nothing was built. */
  readonly rebuilt: boolean;
}

/** The one file that carries the build stamp (and the generator that made the site). */
export const BUILD_INFO_FILE = 'build.json';

export interface BuildInfo {
  readonly stamp: string;
  readonly generator: string;
  readonly disclosures: number;
  /** A site merged from shards: each shard's id, regions and content hash. */
  readonly shards?: readonly { readonly id: string; readonly regions: readonly string[]; readonly hash: string }[];
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
    site.entries.map((entry) => [
      entry.disclosure.id,
      hashContentFiles(catalogueHash, byFolder.get(dirname(rel(entry.disclosure.files.disclosure))) ?? [], rel),
    ]),
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

/** Where a content folder's workbooks are cached: one cache per folder, so pruning one never removes another's. */
export const workbookCacheDirFor = (root: string, dir: string): string =>
  join(root, '.build-cache', 'workbooks', createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12));

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Phase timing and progress of one build. */
class Phases {
  readonly times: PhaseTime[] = [];
  current = 'cleanup';
  #started = performance.now();
  readonly progress: Progress;
  constructor(progress: Progress) {
    this.progress = progress;
  }
  start(name: string, total?: number): void {
    this.times.push({ phase: this.current, seconds: (performance.now() - this.#started) / 1000 });
    this.current = name;
    this.#started = performance.now();
    this.progress.phase(`gongkai: ${name}`, total);
  }
  finish(): PhaseTime[] {
    this.start('done');
    this.progress.clear();
    return this.times.filter((p) => p.phase !== 'cleanup' || p.seconds >= 0.05);
  }
}

interface StagingContext {
  readonly options: Pick<BuildOptions, 'root' | 'env' | 'log' | 'progress'>;
  readonly outDir: string;
  readonly phases: Phases;
  readonly stamp: string;
  readonly dir: string;
}

/**
 * Runs `work` on a fresh staging folder with Astro's environment set, then publishes it to
 * `outDir`. On failure the staging folder goes and the error names the phase (a full disk is
 * said as such); the site at `outDir` is untouched.
 */
async function inStaging(context: StagingContext, work: (staging: string) => Promise<void>): Promise<void> {
  const { options, outDir, phases } = context;
  const stagingRoot = resolve(options.root, '.build-staging');
  const staging = join(stagingRoot, `site-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(stagingRoot, { recursive: true });
  // Astro's config and pages read these variables. Vite reads BASE_URL/MODE/DEV from the
  // environment and would override the configured base; a test runner (Vitest) sets them, so a
  // build started from a test must not see them.
  const passed = { GONGKAI_OUT_DIR: staging, GONGKAI_BUILD_STAMP: context.stamp, CONTENT_DIR: context.dir, SITE_BASE: options.env['SITE_BASE'] };
  const cleared = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'] as const;
  const savedVite = Object.fromEntries(cleared.map((name) => [name, process.env[name]]));
  for (const name of cleared) delete process.env[name];
  const saved = Object.fromEntries(Object.keys(passed).map((name) => [name, process.env[name]]));
  for (const [name, value] of Object.entries(passed)) restore(name, value);
  try {
    await work(staging);
    phases.start('publish');
    publish(staging, outDir);
  } catch (error) {
    provideSiteData(undefined);
    phases.progress.clear();
    const diskFull = isDiskFull(error, staging);
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof ContentError) throw error;
    const free = freeBytes(staging);
    const detail = diskFull
      ? `磁盘已满 / the disk is full (${free === null ? 'free space unknown' : `${Math.round(free / 1024 / 1024)} MB free`} after removing the staging folder)`
      : message(error);
    throw new BuildError(
      phases.current,
      `gongkai: 构建在“${phases.current}”阶段失败 / the build failed while ${phases.current}: ${detail}${diskFull ? `\n  ${message(error)}` : ''}\n  staging folder removed; ${publishTarget(outDir)} is unchanged`,
      diskFull,
      { cause: error },
    );
  } finally {
    for (const [name, value] of Object.entries(saved)) restore(name, value);
    for (const [name, value] of Object.entries(savedVite)) restore(name, value);
  }
}

/** Astro renders the pages of `site` into the staging folder (GONGKAI_OUT_DIR). */
async function renderPages(options: Pick<BuildOptions, 'root' | 'env'>, site: SiteData): Promise<void> {
  provideSiteData(site);
  try {
    const { build } = await import('astro');
    await build({ root: options.root, logLevel: options.env['GONGKAI_LOG_LEVEL'] === 'info' ? 'info' : 'warn' });
  } finally {
    provideSiteData(undefined);
  }
}

/** Cleans up after killed builds; returns nothing, logs what it did. */
function cleanUp(options: BuildOptions, outDir: string, say: (line: string) => void): void {
  for (const line of [...cleanStaleStaging(resolve(options.root, '.build-staging')), ...recoverTarget(publishTarget(outDir))]) say(`gongkai: ${line}`);
}

/** A log line said on its own line: the progress line (on a terminal) is cleared first. */
export function sayer(options: Pick<BuildOptions, 'log' | 'progress'>): (line: string) => void {
  return (line) => {
    options.progress?.clear();
    options.log?.(line);
  };
}

/** The shard `spec` of a content folder: which regions, from the folder names alone. */
export function shardOf(dir: string, spec: ShardSpec): Shard {
  const shard = planShards(countRegions(dir), spec.count)[spec.index - 1];
  if (!shard) throw new Error(`no shard ${spec.index} of ${spec.count}`);
  return shard;
}

/** The content files of a shard (catalogues and its regions' disclosures), and the shard's hash. */
export function shardFiles(root: string, dir: string, shard: Pick<Shard, 'regions'>): { files: ContentFile[]; hash: string } {
  const rel = relativeTo(dir);
  const files = readContentFiles(dir).filter((f) => inShard(shard, rel(f.path)));
  return { files, hash: hashContentFiles(generatorFingerprint(root), files, rel) };
}

const readSummary = (dir: string, file: string = SHARD_SUMMARY_FILE): ShardSummary | undefined => {
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8')) as ShardSummary;
  } catch {
    return undefined;
  }
};

/**
 * The second stage of a shard built with `deferShardIndex`: its search index, in its own process
 * (index-child.ts), then its summary under the name the portal step reads. Does nothing to an
 * output whose index is complete. An index stage that was killed left the summary unindexed, so
 * the next build indexes again from scratch (the pages are not built again).
 * @returns the seconds spent, or undefined when there was nothing to index.
 */
export async function indexShardOutput(outDir: string): Promise<number | undefined> {
  const summary = readSummary(outDir, SHARD_UNINDEXED_FILE);
  if (!summary) return undefined;
  const started = performance.now();
  const indexDir = shardIndexDir(summary.id);
  rmSync(join(outDir, indexDir), { recursive: true, force: true });
  if (summary.entries.length > 0) await indexSiteInChild(outDir, undefined, indexDir);
  renameSync(join(outDir, SHARD_UNINDEXED_FILE), join(outDir, SHARD_SUMMARY_FILE));
  return (performance.now() - started) / 1000;
}

/**
 * Builds the whole site (no `shard`), or one shard of it into a site fragment (`shard`): its
 * disclosures' pages and downloads, its own search index under pagefind/shards/<id>/, and the
 * summary the portal step merges (`_shard.json`). A shard whose content and generator are
 * unchanged since its output was built is not built again (`rebuilt: false`).
 */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const say = sayer(options);
  const dir = resolve(options.root, contentDir(options.env));
  const outDir = resolve(options.outDir ?? join(options.root, 'dist'));
  const phases = new Phases(options.progress ?? QUIET);
  cleanUp(options, outDir, say);

  // 1. Content first, read and parsed once: a wrong number never reaches the builder.
  phases.start('check');
  const shard = options.shard ? shardOf(dir, options.shard) : undefined;
  // Each shard its own cache: shards pruning one shared cache at once would remove each other's workbooks.
  const cacheDir = resolve(options.cacheDir ?? join(workbookCacheDirFor(options.root, dir), shard?.id ?? 'site'));
  // Read once, through the same guarded walk as \`npm run check\` (links, sizes, encodings are findings).
  const tree: ContentTree = existsSync(dir) && statSync(dir).isDirectory() ? scanContentDir(dir) : { files: [], paths: [], findings: [] };
  const inThisShard = (path: string) => !shard || inShard(shard, relativeTo(dir)(path));
  const files = tree.files.filter((f) => inThisShard(f.path));
  const stamp = contentStamp(options.root, dir, files);
  const shardHash = hashContentFiles(generatorFingerprint(options.root), files, relativeTo(dir));
  // A shard whose index another process makes: its summary is written unindexed, and an unindexed one is up to date.
  const deferIndex = shard !== undefined && options.deferShardIndex === true;
  const unindexed = deferIndex && readSummary(outDir, SHARD_UNINDEXED_FILE)?.hash === shardHash;
  if (shard && (readSummary(outDir)?.hash === shardHash || unindexed)) {
    say(`gongkai: shard ${shard.id} unchanged since it was built: not rebuilt${unindexed ? ' (its search index is still to be made)' : ''}`);
    const written = listFiles(outDir);
    return {
      outDir,
      stamp,
      files: written.length,
      pages: written.filter((f) => f.endsWith('.html')).length,
      disclosures: shard.disclosures,
      workbooks: { made: 0, cached: 0 },
      phases: phases.finish(),
      rebuilt: false,
    };
  }
  const loaded =
    shard && shard.regions.length === 0
      ? { disclosures: [], catalogues: new Map(), findings: [], expected: [] }
      : loadContentDir(dir, { files, paths: tree.paths.filter(inThisShard), findings: tree.findings });
  const findings = validateContent(loaded, files, options.rules ?? [], tablesOf);
  for (const f of findings.filter((x) => x.severity === 'warning')) say(formatFinding(f));
  if (hasErrors(findings)) {
    phases.progress.clear();
    throw new ContentError(findings);
  }
  const warnings = findings.filter((f) => f.severity === 'warning');
  const site: SiteData = {
    ...buildSiteData(loaded.disclosures, warnings, loaded.expected),
    ...(shard ? { renders: { disclosures: true, portal: false } } : {}),
  };
  const hashes = disclosureHashes(options.root, dir, files, site);
  const requests: WorkbookRequest[] = site.entries.map((entry) => ({ entry, hash: hashes.get(entry.disclosure.id) ?? '' }));
  let workbooks = { made: 0, cached: 0 };
  const indexesHere = site.entries.length > 0 && !deferIndex;
  const downloadsPhase = indexesHere ? 'downloads and search index' : 'downloads';

  await inStaging({ options, outDir, phases, stamp, dir }, async (staging) => {
    // 2. The workbooks start now, on other cores, and are awaited after the pages.
    const making = makeWorkbooks(requests, { cacheDir, onCount: (done) => phases.current === downloadsPhase && phases.progress.count(done) });
    phases.start('pages');
    if (site.entries.length > 0 || !shard) await renderPages(options, site);
    if (shard) keepOnlyDisclosurePages(staging, site);
    // 3. The CSVs beside the pages; then the search index (its own process) while the last
    // workbooks are made, on every core now that the pages are done.
    phases.start(downloadsPhase, requests.length);
    writeTableCsvs(staging, site.entries);
    writeChartCsvs(staging, site);
    making.addWorker();
    const indexing = indexesHere ? indexSiteInChild(staging, undefined, shard ? shardIndexDir(shard.id) : undefined) : Promise.resolve();
    const [made] = await Promise.all([making.done, indexing]);
    workbooks = made;
    placeWorkbooks(staging, requests, cacheDir);
    pruneWorkbookCache(cacheDir, requests);
    if (shard) {
      const summary: ShardSummary = {
        id: shard.id,
        hash: shardHash,
        generator: generatorFingerprint(options.root),
        entries: site.entries.map((entry) => summaryEntry(entry, complianceOf(site, entry))),
        ...openDataParts(site.entries),
        warnings,
      };
      writeFileSync(join(staging, deferIndex ? SHARD_UNINDEXED_FILE : SHARD_SUMMARY_FILE), JSON.stringify(summary));
      return;
    }
    const info: BuildInfo = { stamp, generator: generatorFingerprint(options.root), disclosures: site.entries.length };
    writeFileSync(join(staging, BUILD_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
    for (const step of options.postBuild ?? []) {
      phases.start(step.name.replace(/Step$/, '') || 'post-build');
      await step(staging, stamp);
    }
  });
  log(`gongkai: ${shard ? `shard ${shard.id}: ${site.entries.length} disclosure(s), ` : ''}0 errors, ${warnings.length} warning(s)`);
  const written = listFiles(outDir);
  return {
    outDir,
    stamp,
    files: written.length,
    pages: written.filter((f) => f.endsWith('.html')).length,
    disclosures: site.entries.length,
    workbooks,
    phases: phases.finish(),
    rebuilt: true,
  };
}

/**
 * A shard's Astro output holds the site-wide pages too (Astro renders every static route);
 * they belong to the portal step, which renders them from all shards. Keeps the disclosures'
 * folders and the shared assets.
 */
function keepOnlyDisclosurePages(staging: string, site: SiteData): void {
  mkdirSync(staging, { recursive: true });
  const keep = new Set([ASSETS_DIR, ...site.entries.map((e) => routes.disclosure(e.disclosure).split('/')[0] ?? '')]);
  for (const name of readdirSync(staging)) if (!keep.has(name)) rmSync(join(staging, name), { recursive: true, force: true });
}

/**
 * Puts every file of `from` at the same path under `to` as a hard link (a copy across file
 * systems): a fragment of a province's site is hundreds of megabytes that need not be written
 * again. Safe because no build ever writes into a published file; it always writes a new tree.
 * Files both trees hold (Astro's hashed assets) are the same bytes and stay as they are.
 */
function linkTree(from: string, to: string, include: (path: string) => boolean): void {
  const site = siteWriter(to);
  for (const path of listFiles(from)) {
    if (!include(path) || existsSync(join(to, path))) continue;
    site.link(join(from, path), path);
  }
}

/** Astro's folder of hashed assets (CSS, scripts): the same bytes from every shard of one generator. */
const ASSETS_DIR = '_astro';

export interface MergeOptions extends Pick<BuildOptions, 'root' | 'env' | 'outDir' | 'log' | 'progress' | 'postBuild'> {
  /** The shards' output folders (each with its `_shard.json`). */
  readonly fragments: readonly string[];
}

/**
 * The portal step: combines shard fragments into the site. The site-wide pages (home, years,
 * regions, indicators, open data, search) are rendered from the shards' summaries, the portal
 * pages get the site's own search index (with Pagefind's script), the fragments are copied in
 * beside them, and the search page merges every shard's index at query time.
 */
export async function runMerge(options: MergeOptions): Promise<BuildResult> {
  const say = sayer(options);
  const outDir = resolve(options.outDir ?? join(options.root, 'dist'));
  const phases = new Phases(options.progress ?? QUIET);
  cleanUp(options, outDir, say);
  phases.start('merge');
  const generator = generatorFingerprint(options.root);
  const summaries = options.fragments.map((fragment) => {
    const summary = readSummary(fragment);
    if (!summary && existsSync(join(fragment, SHARD_UNINDEXED_FILE)))
      throw new Error(
        `gongkai: shard ${fragment} has its pages but not its search index (the index stage did not finish); build it again with npm run build -- --shard k/n --out ${fragment}, which indexes it without building its pages again`,
      );
    if (!summary)
      throw new Error(`gongkai: ${fragment} is not a shard's output (no ${SHARD_SUMMARY_FILE}); build it with npm run build -- --shard k/n --out ${fragment}`);
    if (summary.generator !== generator)
      throw new Error(`gongkai: shard ${summary.id} (${fragment}) was built by ${summary.generator}, this is ${generator}: rebuild it`);
    return { fragment, summary };
  });
  const ids = new Map<string, string>();
  for (const { summary } of summaries) {
    for (const entry of summary.entries) {
      const other = ids.get(entry.disclosure.id);
      if (other) throw new Error(`gongkai: ${entry.disclosure.id} is in shards ${other} and ${summary.id}: shards must not overlap`);
      ids.set(entry.disclosure.id, summary.id);
    }
  }
  const entries = sortEntries(summaries.flatMap(({ summary }) => summary.entries.map(entryFromSummary)));
  const withIndex = summaries
    .filter(({ summary }) => summary.entries.length > 0)
    .map(({ summary }) => summary.id)
    .sort();
  const site: SiteData = {
    entries,
    warnings: summaries.flatMap(({ summary }) => summary.warnings),
    renders: { disclosures: false, portal: true },
    searchIndexes: withIndex.map(shardIndexDir),
    openData: mergeOpenData(
      entries.map((e) => e.disclosure),
      summaries.map((s) => s.summary),
    ),
  };
  const stamp = createHash('sha256')
    .update(
      `${generator}\n${summaries
        .map((s) => s.summary.hash)
        .sort()
        .join('\n')}`,
    )
    .digest('hex')
    .slice(0, 12);
  await inStaging({ options, outDir, phases, stamp, dir: resolve(options.root, contentDir(options.env)) }, async (staging) => {
    phases.start('pages');
    await renderPages(options, site);
    phases.start('search index');
    await indexSiteInChild(staging);
    phases.start('fragments', summaries.length);
    summaries.forEach(({ fragment }, i) => {
      linkTree(fragment, staging, (path) => path !== SHARD_SUMMARY_FILE);
      phases.progress.count(i + 1);
    });
    const shards = summaries.map(({ summary }) => ({
      id: summary.id,
      regions: [...new Set(summary.entries.map((e) => e.disclosure.region.code))].sort(),
      hash: summary.hash,
    }));
    const info: BuildInfo = { stamp, generator, disclosures: entries.length, shards };
    writeFileSync(join(staging, BUILD_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
    for (const step of options.postBuild ?? []) {
      phases.start(step.name.replace(/Step$/, '') || 'post-build');
      await step(staging, stamp);
    }
  });
  options.log?.(`gongkai: merged ${summaries.length} shard(s), ${entries.length} disclosure(s)`);
  const written = listFiles(outDir);
  return {
    outDir,
    stamp,
    files: written.length,
    pages: written.filter((f) => f.endsWith('.html')).length,
    disclosures: entries.length,
    workbooks: { made: 0, cached: 0 },
    phases: phases.finish(),
    rebuilt: true,
  };
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
