/**
 * A site built as shards and merged is the site built whole, page for page (the search index
 * layout, the search page that names the indexes and the build stamp aside); and a rebuild
 * after editing one disclosure rebuilds only that disclosure's shard.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, mergeSite } from '../../scripts/lib/build-site.ts';
import { BUILD_INFO_FILE, listFiles, type BuildResult } from '../../scripts/lib/run-build.ts';
import { PAGEFIND_DIR, shardIndexDir } from '../../scripts/lib/search-index.ts';
import { SHARD_SUMMARY_FILE } from '../../scripts/lib/shard-summary.ts';
import { countRegions, planShards } from '../../scripts/lib/shards.ts';
import { routes } from '../../src/lib/site/routes.ts';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.build-staging', `test-shards-${process.pid}`);
const content = join(work, 'content');
const COUNT = 3;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, sha(join(dir, f))]));
/** What may differ between a merged and a whole build: how the search index is laid out, and the stamp. */
const layoutAside = (path: string) =>
  !path.startsWith(`${PAGEFIND_DIR}/`) && path !== `${routes.search()}index.html` && path !== BUILD_INFO_FILE && path !== routes.manifest();

describe('a site built as shards', () => {
  const whole = join(work, 'whole');
  const merged = join(work, 'merged');
  const fragments = join(work, 'fragments');
  const shardIds = Array.from({ length: COUNT }, (_, i) => `${i + 1}-of-${COUNT}`);
  const env: Record<string, string | undefined> = { ...process.env, CONTENT_DIR: content };
  delete env['SITE_BASE'];
  let firstRun: BuildResult[] = [];

  /** One after another: each is a whole Astro build in this process. */
  const buildShards = async (): Promise<BuildResult[]> => {
    const results: BuildResult[] = [];
    for (const [i, id] of shardIds.entries())
      results.push(await buildSite({ root, env, shard: { index: i + 1, count: COUNT }, outDir: join(fragments, id), cacheDir: join(work, 'cache', id) }));
    return results;
  };

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    cpSync(join(root, 'content'), content, { recursive: true });
    await buildSite({ root, env, outDir: whole, cacheDir: join(work, 'cache', 'whole') });
    firstRun = await buildShards();
    await mergeSite({ root, env, outDir: merged, fragments: shardIds.map((id) => join(fragments, id)) });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('splits the sample content so that every shard holds disclosures', () => {
    expect(planShards(countRegions(content), COUNT).every((s) => s.disclosures > 0)).toBe(true);
    expect(firstRun.every((r) => r.rebuilt && r.disclosures > 0)).toBe(true);
  });

  it('merges into exactly the pages and downloads of the whole build', () => {
    const a = Object.entries(snapshot(whole)).filter(([path]) => layoutAside(path));
    const b = Object.entries(snapshot(merged)).filter(([path]) => layoutAside(path));
    expect(a.length).toBeGreaterThan(100);
    expect(Object.fromEntries(b)).toEqual(Object.fromEntries(a));
  });

  it('lists the same downloads with the same checksums in the manifest', () => {
    const lines = (dir: string) =>
      readFileSync(join(dir, routes.manifest()), 'utf8')
        .split('\n')
        .filter((l) => !l.endsWith(`  ${BUILD_INFO_FILE}`));
    expect(lines(merged)).toEqual(lines(whole));
  });

  it('gives each shard its own search index, which the search page merges, and publishes no shard summary', () => {
    const files = listFiles(merged);
    for (const id of shardIds) expect(files).toContain(`${shardIndexDir(id)}pagefind-entry.json`);
    const searchPage = readFileSync(join(merged, routes.search(), 'index.html'), 'utf8');
    for (const id of shardIds) expect(searchPage).toContain(shardIndexDir(id));
    expect(files.filter((f) => f.endsWith(SHARD_SUMMARY_FILE))).toEqual([]);
  });

  it('rebuilds only the shard of an edited disclosure; the others are not rebuilt and stay byte-identical', async () => {
    const before = Object.fromEntries(shardIds.map((id) => [id, snapshot(join(fragments, id))]));
    const mtimes = Object.fromEntries(shardIds.map((id) => [id, statSync(join(fragments, id, SHARD_SUMMARY_FILE)).mtimeMs]));
    const [edited] = planShards(countRegions(content), COUNT).at(-1)?.regions ?? [];
    const folder = join(content, 'disclosures', edited ?? '');
    const disclosureFile = listFiles(folder).find((f) => f.endsWith('disclosure.yaml')) ?? '';
    const file = join(folder, disclosureFile);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(provenance:\n {2}title: )(.*)$/m, '$1$2（修订）'));
    const second = await buildShards();
    expect(second.map((r) => r.rebuilt)).toEqual(shardIds.map((_, i) => i === COUNT - 1));
    for (const id of shardIds.slice(0, -1)) {
      expect(snapshot(join(fragments, id))).toEqual(before[id]);
      expect(statSync(join(fragments, id, SHARD_SUMMARY_FILE)).mtimeMs).toBe(mtimes[id]);
    }
    expect(snapshot(join(fragments, shardIds.at(-1) ?? ''))).not.toEqual(before[shardIds.at(-1) ?? '']);
  });
});
