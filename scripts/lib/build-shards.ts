/**
 * `npm run build` for a site too large for one process: each shard is built by its own process
 * (`node scripts/build.ts --shard k/n`), so memory is bounded by the largest shard, never by the
 * site; then the portal step merges them. Shard outputs are kept in `.build-cache/shards/`
 * between builds: a shard whose content and generator did not change is not rebuilt, and its
 * files stay byte-identical.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../../src/lib/content/read-content-dir.ts';
import { mergeSite } from './build-site.ts';
import type { BuildOptions, BuildResult } from './run-build.ts';
import { countRegions, planShards } from './shards.ts';

export interface ShardedBuildOptions extends Omit<BuildOptions, 'postBuild' | 'shard'> {
  /** How many shards. */
  readonly count: number;
  /** Shard processes at a time (default 1: memory stays that of one shard). */
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

export async function buildInShards(options: ShardedBuildOptions): Promise<ShardedBuildResult> {
  const log = options.log ?? (() => {});
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
  const runs: ShardRun[] = [];
  const queue = [...plan];
  const jobs = Math.max(1, options.jobs ?? 1);
  let done = 0;
  options.progress?.phase('gongkai: shards', plan.length);
  try {
    await Promise.all(
      Array.from({ length: Math.min(jobs, plan.length) }, async () => {
        for (let shard = queue.shift(); shard; shard = queue.shift()) {
          const started = performance.now();
          const prefix = `[${shard.id}]`;
          const result = await runChild(
            ['--shard', `${shard.index}/${shard.count}`, '--out', join(fragmentsDir, shard.id)],
            env,
            (line) => {
              options.progress?.clear();
              log(line);
            },
            prefix,
            join(reports, `${shard.id}.json`),
          );
          runs.push({ id: shard.id, rebuilt: result.rebuilt, seconds: (performance.now() - started) / 1000, result });
          options.progress?.count(++done);
        }
      }),
    );
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
  runs.sort((a, b) => plan.findIndex((s) => s.id === a.id) - plan.findIndex((s) => s.id === b.id));
  const fragments = plan.map((s) => join(fragmentsDir, s.id)).filter((f) => existsSync(f));
  const merge = await mergeSite({ ...options, fragments });
  return { ...merge, shards: runs, merge };
}
