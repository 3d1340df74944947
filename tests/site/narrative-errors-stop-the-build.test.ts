/**
 * A narrative reference the data cannot answer stops the build, naming notes.md with the line and
 * column of the reference, and nothing is published.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runBuild } from '../../scripts/lib/run-build.ts';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.build-staging', `test-narrative-${process.pid}`);
const content = join(work, 'content');
const outDir = join(work, 'site');
const notes = join(content, 'disclosures/430202/001/2024/notes.md');

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(root, 'content'), content, { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('fails with narrative.unknownReference at notes.md:line:column and writes no site', async () => {
  const lines = readFileSync(notes, 'utf8').split('\n');
  const line = lines.length + 2;
  writeFileSync(notes, `${lines.join('\n')}\n\n本部门支出{{支出合计}}万元，其中{{不存在的数字}}万元。\n`);
  const column = '本部门支出{{支出合计}}万元，其中'.length + 1;
  const env: Record<string, string | undefined> = { ...process.env, CONTENT_DIR: content };
  delete env['SITE_BASE'];
  const failing = runBuild({ root, env, outDir });
  // Validation stops it before Astro runs; the other findings are the content's warnings.
  await expect(failing).rejects.toMatchObject({
    name: 'ContentError',
    findings: expect.arrayContaining([
      expect.objectContaining({ code: 'narrative.unknownReference', severity: 'error', file: expect.stringMatching(/notes\.md$/), line, column }),
    ]),
  });
  await expect(failing).rejects.toThrow('narrative.unknownReference');
  await expect(failing).rejects.toThrow(`notes.md:${line}:${column}`);
  expect(existsSync(outDir)).toBe(false);
});
