/**
 * Build safety: a failed build leaves the previous site exactly as it was, and the same content
 * always builds the same bytes.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/findings.ts';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { listFiles } from '../../scripts/lib/run-build.ts';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.build-staging', 'test-build-safety');

/** Every file of a folder with its SHA-256, for byte-for-byte comparison. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

describe('the build never publishes a broken site and is reproducible', () => {
  const first = join(work, 'first');
  const second = join(work, 'second');
  const env: Record<string, string | undefined> = { ...process.env, CONTENT_DIR: join(root, 'content') };
  delete env['SITE_BASE'];

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    await buildSite({ root, env, outDir: first });
    await buildSite({ root, env, outDir: second });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds byte-identical output from the same content twice', () => {
    const a = snapshot(first);
    const b = snapshot(second);
    expect(Object.keys(a).length).toBeGreaterThan(25);
    expect(b).toEqual(a);
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
