/**
 * Build safety: a failed build leaves the previous site exactly as it was, and the same content
 * always builds the same bytes.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/findings.ts';
import { buildSite, POST_BUILD_STEPS } from '../../scripts/lib/build-site.ts';
import { generatorFingerprint } from '../../scripts/lib/fingerprint.ts';
import { BUILD_INFO_FILE, BuildError, listFiles, runBuild, type BuildResult } from '../../scripts/lib/run-build.ts';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.build-staging', 'test-build-safety');

/** Every file of a folder with its SHA-256, for byte-for-byte comparison. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

describe('the build never publishes a broken site and is reproducible', () => {
  const first = join(work, 'first');
  const second = join(work, 'second');
  const env: Record<string, string | undefined> = { ...process.env, CONTENT_DIR: join(root, 'content') };
  delete env['SITE_BASE'];

  let results: BuildResult[] = [];
  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const cacheDir = join(work, 'cache');
    results = [await buildSite({ root, env, outDir: first, cacheDir }), await buildSite({ root, env, outDir: second, cacheDir })];
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds byte-identical output from the same content twice', () => {
    const a = snapshot(first);
    const b = snapshot(second);
    expect(Object.keys(a).length).toBeGreaterThan(25);
    expect(b).toEqual(a);
  });

  it('writes the build stamp into build.json and the manifest, and into no page', () => {
    const [result] = results;
    if (!result) throw new Error('no build');
    expect(JSON.parse(readFileSync(join(first, BUILD_INFO_FILE), 'utf8'))).toMatchObject({ stamp: result.stamp, generator: generatorFingerprint(root) });
    expect(readFileSync(join(first, 'data/SHA256SUMS'), 'utf8')).toMatch(new RegExp(`  ${BUILD_INFO_FILE}\n`));
    const pages = listFiles(first).filter((f) => f.endsWith('.html'));
    expect(pages.filter((f) => readFileSync(join(first, f), 'utf8').includes(result.stamp))).toEqual([]);
  });

  it('takes an unchanged disclosure’s workbook from the cache instead of making it again', () => {
    const [cold, warm] = results;
    expect(cold?.workbooks.made).toBe(cold?.disclosures);
    expect(warm?.workbooks).toEqual({ made: 0, cached: cold?.disclosures });
  });

  it('says the disk is full when a step fails for lack of space, removes its staging folder and keeps the previous site', async () => {
    const before = snapshot(first);
    const full = async () => {
      throw Object.assign(new Error('Failed to write file: No space left on device (os error 28)'), { code: 'ENOSPC' });
    };
    const failing = runBuild({ root, env, outDir: first, cacheDir: join(work, 'cache'), postBuild: [POST_BUILD_STEPS[0] ?? full, full] });
    await expect(failing).rejects.toBeInstanceOf(BuildError);
    await expect(failing).rejects.toThrow(/the disk is full[\s\S]*No space left on device[\s\S]*is unchanged/);
    const staging = join(root, '.build-staging');
    expect(existsSync(staging) ? readdirSync(staging).filter((name) => name === `site-${process.pid}`) : []).toEqual([]);
    expect(snapshot(first)).toEqual(before);
  });

  it('leaves the previous dist/ byte-identical when the content has an error', async () => {
    const before = snapshot(first);
    const broken = join(work, 'broken-content');
    cpSync(join(root, 'content'), broken, { recursive: true });
    const ledger = join(broken, 'disclosures/430202/001/2024/ledger.yaml');
    writeFileSync(ledger, readFileSync(ledger, 'utf8').replace('amount: 194.57}', 'amount: 194.575}'));
    const failing = buildSite({ root, env: { ...env, CONTENT_DIR: broken }, outDir: first });
    await expect(failing).rejects.toBeInstanceOf(ContentError);
    await expect(failing).rejects.toThrow(/ledger\.yaml:\d+:\d+/);
    expect(snapshot(first)).toEqual(before);
  });
});
