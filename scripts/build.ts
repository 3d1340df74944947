/**
 * `npm run build`: validate the content, build the site into a staging folder, post-process it,
 * and only then replace dist/. A failed build exits non-zero with a message naming what
 * happened and leaves the previous dist/ exactly as it was. The same content always builds the
 * same bytes.
 *
 *   npm run build                           the whole site into dist/; content of more than
 *                                           GONGKAI_SHARD_SIZE (200) disclosures is built as
 *                                           shards, one process each, then merged
 *   npm run build -- --shards 4             the same with 4 shards
 *   npm run build -- --shard 2/4 --out DIR  one shard into DIR (a CI matrix job): its pages and
 *                                           downloads in a child process, then its search index
 *   --without-index                         (with --shard) the pages and downloads only, in this
 *                                           process; the summary stays unindexed until the index
 *   npm run build -- --merge DIR… [--out D] the portal step over shard outputs (the job after)
 *   --report FILE                           writes the result (phase times, counts) as JSON
 *   GONGKAI_JOBS=2                          stage processes at a time (default 1): one shard is
 *                                           indexed while the next one renders
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/lib/content/read-content-dir.ts';
import { buildInShards, buildShard } from './lib/build-shards.ts';
import { buildSite, mergeSite } from './lib/build-site.ts';
import { createProgress } from './lib/progress.ts';
import type { BuildResult } from './lib/run-build.ts';
import { autoShardCount, countRegions, DEFAULT_SHARD_SIZE, parseShardSpec } from './lib/shards.ts';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  options: {
    report: { type: 'string' },
    shard: { type: 'string' },
    shards: { type: 'string' },
    merge: { type: 'boolean' },
    out: { type: 'string' },
    'without-index': { type: 'boolean' },
  },
  allowPositionals: true,
});

async function main(): Promise<BuildResult> {
  const log = (line: string) => console.log(line);
  const progress = createProgress();
  const outDir = values.out ? resolve(values.out) : undefined;
  const common = { root, env: process.env, log, progress, ...(outDir ? { outDir } : {}) };
  if (values.merge) {
    if (positionals.length === 0) throw new Error('usage: npm run build -- --merge <shard output>… [--out dir]');
    return mergeSite({ ...common, fragments: positionals.map((p) => resolve(p)) });
  }
  if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]} (shard outputs go after --merge)`);
  if (values.shard) {
    const shard = parseShardSpec(values.shard);
    const shardOut = outDir ?? resolve(root, 'shards', `${shard.index}-of-${shard.count}`);
    return values['without-index']
      ? buildSite({ ...common, shard, outDir: shardOut, deferShardIndex: true })
      : buildShard({ ...common, shard, outDir: shardOut });
  }
  if (values['without-index']) throw new Error('--without-index goes with --shard k/n');
  const size = Number(process.env['GONGKAI_SHARD_SIZE'] ?? DEFAULT_SHARD_SIZE);
  const count = values.shards ? Number(values.shards) : autoShardCount(countRegions(resolve(root, contentDir(process.env))), size);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--shards takes a whole number, not ${values.shards}`);
  if (count === 1) return buildSite(common);
  return buildInShards({ ...common, count, jobs: Number(process.env['GONGKAI_JOBS'] ?? 1) });
}

try {
  const result = await main();
  const timing = result.phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join(', ');
  console.log(`gongkai: 构建完成 / built ${result.files} files (${result.pages} pages) into ${result.outDir} (stamp ${result.stamp}; ${timing})`);
  if (values.report) writeFileSync(values.report, `${JSON.stringify(result, null, 2)}\n`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error('gongkai: 构建失败，原有网站保持不变 / build failed, the previous site is left unchanged');
  process.exitCode = 1;
}
