/**
 * A site built as shards and merged is the site built whole, page for page (the search index
 * layout, the search page that names the indexes and the build stamp aside); and a rebuild
 * after editing one disclosure rebuilds only that disclosure's shard. The same whole build is the
 * reference for the import: every sample disclosure's own XLSX download, imported into a fresh
 * content folder, builds to byte-identical table pages and CSV downloads.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, mergeSite } from '../../scripts/lib/build-site.ts';
import { BUILD_INFO_FILE, indexShardOutput, listFiles, type BuildResult } from '../../scripts/lib/run-build.ts';
import { PAGEFIND_DIR, shardIndexDir } from '../../scripts/lib/search-index.ts';
import { SHARD_SUMMARY_FILE, SHARD_UNINDEXED_FILE } from '../../scripts/lib/shard-summary.ts';
import { countRegions, planShards } from '../../scripts/lib/shards.ts';
import { loadContentDir, readContentFiles } from '../../src/lib/content/read-content-dir.ts';
import { tableWorkbook } from '../../src/lib/export/xlsx.ts';
import { importFile } from '../../src/lib/import/import-file.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.build-staging', `test-shards-${process.pid}`);
const content = join(work, 'content');
const COUNT = 3;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, sha(join(dir, f))]));
/** What may differ between a merged and a whole build: how the search index is laid out, and the stamp. */
const layoutAside = (path: string) =>
  !path.startsWith(`${PAGEFIND_DIR}/`) && path !== `${routes.search()}index.html` && path !== BUILD_INFO_FILE && path !== routes.manifest();

const whole = join(work, 'whole');
const env: Record<string, string | undefined> = { ...process.env, CONTENT_DIR: content };
delete env['SITE_BASE'];

// One whole build of the sample content, the reference of both the sharded build and the import.
beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(root, 'content'), content, { recursive: true });
  await buildSite({ root, env, outDir: whole, cacheDir: join(work, 'cache', 'whole') });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a site built as shards', () => {
  const merged = join(work, 'merged');
  const fragments = join(work, 'fragments');
  const shardIds = Array.from({ length: COUNT }, (_, i) => `${i + 1}-of-${COUNT}`);
  let firstRun: BuildResult[] = [];

  /** One after another: each is a whole Astro build in this process. */
  const buildShards = async (): Promise<BuildResult[]> => {
    const results: BuildResult[] = [];
    for (const [i, id] of shardIds.entries())
      results.push(await buildSite({ root, env, shard: { index: i + 1, count: COUNT }, outDir: join(fragments, id), cacheDir: join(work, 'cache', id) }));
    return results;
  };

  beforeAll(async () => {
    firstRun = await buildShards();
    await mergeSite({ root, env, outDir: merged, fragments: shardIds.map((id) => join(fragments, id)) });
  });

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

  it('builds a shard in two stages, pages then search index, into the same files as in one; the portal step refuses it in between', async () => {
    const twoStage = join(work, 'two-stage');
    const options = { root, env, shard: { index: 1, count: COUNT }, outDir: twoStage, cacheDir: join(work, 'cache', 'two-stage'), deferShardIndex: true };
    expect((await buildSite(options)).rebuilt).toBe(true);
    expect(listFiles(twoStage)).toContain(SHARD_UNINDEXED_FILE);
    expect(listFiles(twoStage).filter((f) => f.startsWith(PAGEFIND_DIR))).toEqual([]);
    await expect(mergeSite({ root, env, outDir: join(work, 'refused'), fragments: [twoStage] })).rejects.toThrow(/not its search index/);
    // Built again before its index: the pages are not built again, the index is still to make.
    expect((await buildSite(options)).rebuilt).toBe(false);
    expect(await indexShardOutput(twoStage)).toBeGreaterThan(0);
    expect(snapshot(twoStage)).toEqual(snapshot(join(fragments, shardIds[0] ?? '')));
    expect(await indexShardOutput(twoStage)).toBeUndefined();
  });
});

describe('the sample content imported from its own XLSX downloads into a fresh content folder', () => {
  const imported = join(work, 'imported');
  const importedContent = join(work, 'content-imported');
  const built = join(work, 'imported-site');
  const tablePage = /(^|\/)tables\/[^/]+\/index\.html$/u;
  const written: string[] = [];

  beforeAll(async () => {
    // The sample as the repository has it (the shard test above edits its copy).
    const sample = loadContentDir(join(root, 'content'));
    const catalogueFiles = readContentFiles(join(root, 'content', 'catalogues')).map((f) => ({
      path: `content/catalogues/${f.path.split('catalogues/')[1] ?? ''}`,
      text: f.text,
    }));
    mkdirSync(imported, { recursive: true });
    cpSync(join(root, 'content', 'catalogues'), join(importedContent, 'catalogues'), { recursive: true });
    for (const d of sample.disclosures) {
      const file = join(imported, `${d.id}.xlsx`);
      writeFileSync(file, await tableWorkbook(d, buildTables(d), 'stamp'));
      const result = await importFile({
        fileName: `${d.id}.xlsx`,
        bytes: new Uint8Array(readFileSync(file)),
        region: d.region.code,
        regionName: d.region.name,
        year: d.year,
        department: d.department.code,
        root: 'content',
        catalogueFiles,
      });
      if (!result.files) throw new Error(`${d.id}: ${result.issues.map((i) => `${i.at} ${i.en}`).join('; ')}`);
      const folder = join(importedContent, result.folder);
      mkdirSync(folder, { recursive: true });
      for (const [name, text] of Object.entries(result.files)) writeFileSync(join(folder, name), text);
      written.push(result.folder);
    }
    // As a clerk builds it: `npm run build` in its own process. A second build inside this test
    // process renders with the first build's content (Astro keeps state between builds in one
    // process), so it would compare the sample with itself.
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts'), '--out', built], {
      cwd: root,
      env: { ...env, CONTENT_DIR: importedContent, CI: '1' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`the build of the imported content failed:\n${run.stdout}\n${run.stderr}`);
  });

  it('holds every sample disclosure, both templates and both phases', () => {
    expect(written.sort()).toEqual(
      loadContentDir(join(root, 'content'))
        .disclosures.map((d) => `disclosures/${d.region.code}/${d.department.code}/${d.year}${d.phase === 'final' ? '-final' : ''}`)
        .sort(),
    );
  });

  it('builds to byte-identical table pages and table CSVs', () => {
    const pages = listFiles(whole).filter((f) => tablePage.test(f));
    // The tables' CSVs: a 决算's chart of 年初预算 against 决算 differs, as the 年初预算数 are in no table to import.
    const csvs = listFiles(whole).filter((f) => f.endsWith('.csv') && f.includes('/tables/'));
    expect(pages.length).toBeGreaterThan(100);
    expect(csvs.length).toBeGreaterThan(80);
    expect(
      listFiles(built)
        .filter((f) => tablePage.test(f))
        .sort(),
    ).toEqual(pages.sort());
    // Table pages are compared whole: no line is masked (the 来源 line with the imported file's
    // name and SHA-256 is on the overview pages only; the test below says so).
    for (const file of [...pages, ...csvs]) expect(sha(join(built, file)), file).toBe(sha(join(whole, file)));
  });

  it('shows the import’s provenance (file and SHA-256) on the overview pages, never on a table page', () => {
    const pages = listFiles(built).filter((f) => tablePage.test(f));
    for (const file of pages) expect(readFileSync(join(built, file), 'utf8'), file).not.toMatch(/[0-9a-f]{64}/u);
    const overviews = listFiles(built).filter((f) => f.endsWith('index.html') && !tablePage.test(f));
    expect(overviews.some((f) => readFileSync(join(built, f), 'utf8').includes('310107-ptczj-2024-final.xlsx'))).toBe(true);
  });
});
