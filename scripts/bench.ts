/**
 * `npm run bench`: figures, printed, never asserted.
 *
 *   npm run bench                     the table engine, content loading and a small full build
 *                                     (scripts/bench-engine.ts)
 *   npm run bench -- --scale 1000     writes 1,000 SYNTHETIC disclosures (npm run synth), builds
 *                                     them from cold exactly as `npm run build` does (a separate
 *                                     process; shards as it plans them) and prints wall time, the
 *                                     peak resident memory summed over the whole process tree
 *                                     (build, shard processes, Pagefind's binary), pages, files,
 *                                     per-phase times; then bare Astro's time for as many pages,
 *                                     the I/O floor (writing the same files from memory) and the
 *                                     ratios; then a one-disclosure edit rebuilt incrementally.
 *   --keep                            keeps the content and the built site in .build-staging/
 *
 * Heavy: at 1,000 it takes minutes and GBs. Never run it in CI or a test.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContentDir } from '../src/lib/content/read-content-dir.ts';
import { shardCacheDirFor } from './lib/build-shards.ts';
import { sampleTree } from './lib/process-tree.ts';
import { createProgress } from './lib/progress.ts';
import { SHARD_SUMMARY_FILE } from './lib/shard-summary.ts';
import { listFiles, workbookCacheDirFor, type BuildResult } from './lib/run-build.ts';
import type { ShardedBuildResult } from './lib/build-shards.ts';
import { synthesise } from './lib/synth.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { scale: { type: 'string' }, keep: { type: 'boolean' } }, allowPositionals: true });

const progress = createProgress();
const line = (label: string, value: string) => console.log(`${label.padEnd(40)} ${value}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;

interface Run {
  readonly seconds: number;
  readonly peakBytes: number;
  readonly peakProcesses: number;
  readonly code: number;
  readonly output: string;
}

/** Runs a command as its own process tree, sampling the tree's memory. */
function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd = root): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = sampleTree(child.pid ?? -1);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const { peakBytes, peakProcesses } = sampler.stop();
      done({ seconds: (performance.now() - started) / 1000, peakBytes, peakProcesses, code: code ?? 1, output });
    });
  });
}

function requireSuccess(run: Run, what: string): void {
  if (run.code === 0) return;
  console.error(run.output.slice(-4000));
  throw new Error(`bench: ${what} failed (exit ${run.code})`);
}

/** A bare Astro project rendering `pages` small table pages: Astro's own rate on this machine. */
function bareAstro(dir: string, pages: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `export default { output: 'static', outDir: './dist', build: { format: 'directory' }, devToolbar: { enabled: false } };\n`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }));
}
const { n } = Astro.params;
const rows = Array.from({ length: 30 }, (_, i) => i);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>表 {n}</title></head>
<body><main><h1>合成表 {n}</h1><table>{rows.map((r) => <tr><th>科目{r}</th><td>{(r * 1.5).toFixed(2)}</td><td>{(r * 2.25).toFixed(2)}</td></tr>)}</table></main></body></html>
`,
  );
}

/** Writes every file of `site` from memory into `to`: the floor any generator of these files pays. */
function ioFloor(site: string, to: string): { seconds: number; bytes: number; files: number } {
  const files = listFiles(site).map((path) => ({ path, bytes: readFileSync(join(site, path)) }));
  rmSync(to, { recursive: true, force: true });
  const started = performance.now();
  for (const file of files) {
    const target = join(to, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
  const seconds = (performance.now() - started) / 1000;
  rmSync(to, { recursive: true, force: true });
  return { seconds, bytes: files.reduce((n, f) => n + f.bytes.length, 0), files: files.length };
}

async function scale(count: number): Promise<void> {
  const work = join(root, '.build-staging', `bench-${count}`);
  const content = join(work, 'content');
  const out = join(work, 'dist');
  const report = join(work, 'report.json');
  const node = process.execPath;
  console.log(`gongkai scale benchmark: ${count} SYNTHETIC disclosures, node ${process.version}, ${(await import('node:os')).availableParallelism()} cores`);

  rmSync(work, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  const catalogue = loadContentDir(join(root, 'content')).catalogues.get(2024);
  if (!catalogue) throw new Error('content/catalogues/2024 is missing');
  cpSync(join(root, 'content', 'catalogues'), join(content, 'catalogues'), { recursive: true });
  const synthetic = synthesise(catalogue, count);
  progress.phase('bench: writing SYNTHETIC content', synthetic.length);
  for (const [i, d] of synthetic.entries()) {
    progress.count(i + 1);
    for (const file of d.files) {
      mkdirSync(dirname(join(content, file.path)), { recursive: true });
      writeFileSync(join(content, file.path), file.text);
    }
  }
  progress.clear();
  // From cold: no workbook and no shard output from an earlier run.
  rmSync(workbookCacheDirFor(root, content), { recursive: true, force: true });
  rmSync(shardCacheDirFor(root, content), { recursive: true, force: true });

  const env = { ...process.env, CONTENT_DIR: content, CI: '1' };
  // On a terminal: the phase and how many shards are built so far.
  const shardsDone = () =>
    existsSync(shardCacheDirFor(root, content))
      ? readdirSync(shardCacheDirFor(root, content)).filter((id) => existsSync(join(shardCacheDirFor(root, content), id, SHARD_SUMMARY_FILE))).length
      : 0;
  progress.phase('bench: full build, shards built');
  const ticker = setInterval(() => progress.count(shardsDone()), 1000);
  const build = await measure(node, ['scripts/build.ts', '--out', out, '--report', report], env).finally(() => {
    clearInterval(ticker);
    progress.clear();
  });
  requireSuccess(build, 'the build');
  const result = JSON.parse(readFileSync(report, 'utf8')) as BuildResult | ShardedBuildResult;
  const files = listFiles(out);
  const bytes = files.reduce((n, f) => n + statSync(join(out, f)).size, 0);
  line('full build: wall time', s(build.seconds));
  line('full build: peak memory, process tree', `${mb(build.peakBytes)} (summed RSS of up to ${build.peakProcesses} processes, sampled every 100 ms)`);
  line('pages / files / bytes', `${result.pages} HTML pages, ${files.length} files, ${mb(bytes)}`);
  const perUnit = `${((build.seconds / count) * 1000).toFixed(0)} ms and ${(build.peakBytes / count / 1024 / 1024).toFixed(1)} MB per disclosure`;
  line('per disclosure', perUnit);
  if ('shards' in result) {
    for (const shard of result.shards) {
      line(
        `  shard ${shard.id}`,
        `${s(shard.seconds)}: ${shard.result.disclosures} disclosures; ${shard.result.phases.map((p) => `${p.phase} ${s(p.seconds)}`).join(', ')}`,
      );
    }
    line('  portal step (merge)', result.merge.phases.map((p) => `${p.phase} ${s(p.seconds)}`).join(', '));
  } else {
    line('  phases', result.phases.map((p) => `${p.phase} ${s(p.seconds)}`).join(', '));
  }

  const bare = join(work, 'bare-astro');
  bareAstro(bare, result.pages);
  progress.phase('bench: bare Astro');
  const astro = await measure(node, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], { ...process.env }, bare);
  progress.clear();
  requireSuccess(astro, 'the bare Astro build');
  line(
    'bare Astro, same page count',
    `${s(astro.seconds)} (${(result.pages / astro.seconds).toFixed(0)} pages/s; gongkai ${(result.pages / build.seconds).toFixed(0)} pages/s)`,
  );
  const floor = ioFloor(out, join(work, 'floor'));
  line('I/O floor: same files from memory', `${s(floor.seconds)} (${floor.files} files, ${mb(floor.bytes)})`);
  line('ratios', `build / bare Astro ${(build.seconds / astro.seconds).toFixed(2)}, build / I/O floor ${(build.seconds / floor.seconds).toFixed(0)}`);

  // Incremental: one disclosure's provenance edited, the same build again.
  const first = listFiles(join(content, 'disclosures')).find((f) => f.endsWith('disclosure.yaml'));
  if (first) {
    const file = join(content, 'disclosures', first);
    writeFileSync(file, readFileSync(file, 'utf8').replace('部门预算（SYNTHETIC）', '部门预算（SYNTHETIC，修订）'));
    progress.phase('bench: incremental build');
    const again = await measure(node, ['scripts/build.ts', '--out', out, '--report', report], env);
    progress.clear();
    requireSuccess(again, 'the incremental build');
    const second = JSON.parse(readFileSync(report, 'utf8')) as BuildResult | ShardedBuildResult;
    const rebuilt =
      'shards' in second
        ? `${second.shards.filter((x) => x.rebuilt).length} of ${second.shards.length} shards rebuilt`
        : `${second.workbooks.made} workbook(s) made, ${second.workbooks.cached} from the cache`;
    line('one disclosure edited, built again', `${s(again.seconds)}, peak ${mb(again.peakBytes)}; ${rebuilt}`);
  }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

if (values.scale) {
  const count = Number(values.scale);
  if (!Number.isInteger(count) || count < 1) throw new Error('--scale takes a number of disclosures, e.g. --scale 1000');
  await scale(count);
} else if (existsSync(join(root, 'scripts', 'bench-engine.ts'))) {
  await import('./bench-engine.ts');
}
