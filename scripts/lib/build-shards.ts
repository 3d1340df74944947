/**
 * `npm run build` for a site too large for one process. Each shard is built in two stages, each
 * its own process: its pages and downloads (`node scripts/build.ts --shard k/n --without-index`),
 * then its search index (index-child.ts). Memory is bounded by the largest shard's larger stage
 * (or, with two jobs, one stage of each kind), never by the site. Then the portal step merges
 * them. Shard outputs are kept in `.build-cache/shards/` between builds: a shard whose content
 * and generator did not change is not rebuilt, and its files stay byte-identical.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../../src/lib/content/read-content-dir.ts';
import { mergeSite } from './build-site.ts';
import { indexShardOutput, listFiles, sayer, type BuildOptions, type BuildResult } from './run-build.ts';
import { countRegions, planShards, runInStages, type Shard, type ShardSpec } from './shards.ts';

export interface ShardedBuildOptions extends Omit<BuildOptions, 'postBuild' | 'shard' | 'deferShardIndex'> {
  /** How many shards. */
  readonly count: number;
  /**
   * Stage processes at a time (default 1: one stage of one shard, the smallest peak). Two index a
   * shard while the next renders, on two cores (see {@link runInStages}).
   */
  readonly jobs?: number;
  /** Where shard outputs are kept between builds; default `.build-cache/shards/<content folder hash>`. */
  readonly fragmentsDir?: string;
}

export interface ShardRun {
  readonly id: string;
  readonly rebuilt: boolean;
  readonly seconds: number;
  readonly result: BuildResult;
}

export interface ShardedBuildResult extends BuildResult {
  readonly shards: readonly ShardRun[];
  readonly merge: BuildResult;
}

/** Where `npm run build` keeps a content folder's shard outputs between builds. */
export const shardCacheDirFor = (root: string, dir: string): string =>
  join(root, '.build-cache', 'shards', createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12));

const BUILD_SCRIPT = fileURLToPath(new URL('../build.ts', import.meta.url));

/** Runs `node scripts/build.ts <args>`; resolves with its --report, rejects with what it printed. */
function runChild(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  log: (line: string) => void,
  prefix: string,
  report: string,
): Promise<BuildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BUILD_SCRIPT, ...args, '--report', report], { env: { ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const forward = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim() !== '') log(`${prefix} ${line}`);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolvePromise(JSON.parse(readFileSync(report, 'utf8')) as BuildResult);
      reject(new Error(`gongkai: ${prefix} ${signal ? `was killed by ${signal}` : `failed (exit ${code})`}:\n${tail.trim()}`));
    });
  });
}

/** The first stage of a shard in its own process: check, pages and downloads, its summary marked unindexed. */
const renderShard = (shard: ShardSpec, outDir: string, env: Readonly<Record<string, string | undefined>>, log: (line: string) => void, report: string) =>
  runChild(['--shard', `${shard.index}/${shard.count}`, '--out', outDir, '--without-index'], env, log, `[${shard.index}-of-${shard.count}]`, report);

/** A shard's build result with its index stage (`indexSeconds` undefined: nothing was indexed), its files counted again. */
function withIndexStage(rendered: BuildResult, indexSeconds: number | undefined): BuildResult {
  if (indexSeconds === undefined) return rendered;
  const written = listFiles(rendered.outDir);
  return {
    ...rendered,
    files: written.length,
    pages: written.filter((f) => f.endsWith('.html')).length,
    phases: [...rendered.phases, { phase: 'search index', seconds: indexSeconds }],
    rebuilt: true,
  };
}

export interface ShardBuildOptions extends Pick<BuildOptions, 'root' | 'env' | 'log' | 'progress'> {
  readonly shard: ShardSpec;
  readonly outDir: string;
}

/**
 * `npm run build -- --shard k/n`: one shard's two stages one after the other, the pages in a
 * child process that has ended (and freed its memory) before the index starts.
 */
export async function buildShard(options: ShardBuildOptions): Promise<BuildResult> {
  const reports = mkdtempSync(join(tmpdir(), 'gongkai-shard-'));
  try {
    options.progress?.phase(`gongkai: shard ${options.shard.index}-of-${options.shard.count}: pages and downloads`);
    const rendered = await renderShard(options.shard, options.outDir, options.env, sayer(options), join(reports, 'report.json'));
    options.progress?.phase(`gongkai: shard ${options.shard.index}-of-${options.shard.count}: search index`);
    const result = withIndexStage(rendered, await indexShardOutput(options.outDir));
    options.progress?.clear();
    return result;
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

export async function buildInShards(options: ShardedBuildOptions): Promise<ShardedBuildResult> {
  const dir = resolve(options.root, contentDir(options.env));
  const plan = planShards(countRegions(dir), options.count);
  const fragmentsDir = resolve(options.fragmentsDir ?? shardCacheDirFor(options.root, dir));
  mkdirSync(fragmentsDir, { recursive: true });
  // Outputs of an earlier plan (another shard count) would never be merged again.
  for (const name of readdirSync(fragmentsDir))
    if (!plan.some((s) => s.id === name) && !name.startsWith('.')) rmSync(join(fragmentsDir, name), { recursive: true, force: true });
  const reports = join(fragmentsDir, `.reports-${process.pid}`);
  mkdirSync(reports, { recursive: true });
  const env = { ...options.env, CONTENT_DIR: dir };
  const rendered = new Map<string, { result: BuildResult; seconds: number }>();
  const runs: ShardRun[] = [];
  let done = 0;
  options.progress?.phase('gongkai: shards', plan.length);
  const forward = sayer(options);
  try {
    await runInStages(
      plan,
      options.jobs ?? 1,
      async (shard: Shard) => {
        const started = performance.now();
        const result = await renderShard(shard, join(fragmentsDir, shard.id), env, forward, join(reports, `${shard.id}.json`));
        rendered.set(shard.id, { result, seconds: (performance.now() - started) / 1000 });
      },
      async (shard: Shard) => {
        const first = rendered.get(shard.id);
        if (!first) throw new Error(`gongkai: shard ${shard.id} was indexed before its pages were built`);
        const indexSeconds = await indexShardOutput(join(fragmentsDir, shard.id));
        const result = withIndexStage(first.result, indexSeconds);
        runs.push({ id: shard.id, rebuilt: result.rebuilt, seconds: first.seconds + (indexSeconds ?? 0), result });
        options.progress?.count(++done);
      },
    );
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
  runs.sort((a, b) => plan.findIndex((s) => s.id === a.id) - plan.findIndex((s) => s.id === b.id));
  const fragments = plan.map((s) => join(fragmentsDir, s.id)).filter((f) => existsSync(f));
  const merge = await mergeSite({ ...options, fragments });
  return { ...merge, shards: runs, merge };
}
