import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentDir } from '../content/read-content-dir.ts';
import { hasErrors } from '../findings.ts';
import { routes } from '../site/routes.ts';
import { buildTables } from '../templates/build-tables.ts';
import { tableToCsv } from './table-csv.ts';
import { openDataFiles } from './datapackage.ts';
import { sha256Manifest, type ManifestFile } from './manifest.ts';
import { tableWorkbook } from './xlsx.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Every downloadable file of the sample content, as the build would write them. */
async function downloads(): Promise<ManifestFile[]> {
  const result = loadContentDir('content');
  expect(hasErrors(result.findings)).toBe(false);
  const files: ManifestFile[] = [];
  for (const d of result.disclosures) {
    const tables = buildTables(d);
    files.push(...tables.filter((t) => t.provided).map((t) => ({ path: routes.tableCsv(d, t), bytes: encode(tableToCsv(t)) })));
    files.push({ path: routes.workbook(d), bytes: await tableWorkbook(d, tables, 'manifest-test') });
  }
  files.push(...openDataFiles(result.disclosures, buildTables).map((f) => ({ path: f.path, bytes: encode(f.text) })));
  return files;
}

const workDir = mkdtempSync(join(tmpdir(), 'gongkai-manifest-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function writeSite(files: readonly ManifestFile[], manifest: string): void {
  for (const f of files) {
    mkdirSync(dirname(join(workDir, f.path)), { recursive: true });
    writeFileSync(join(workDir, f.path), f.bytes);
  }
  mkdirSync(dirname(join(workDir, routes.manifest())), { recursive: true });
  writeFileSync(join(workDir, routes.manifest()), manifest);
}

const hasSha256sum = spawnSync('sha256sum', ['--version']).status === 0;

describe('sha256Manifest', async () => {
  const files = await downloads();
  const manifest = sha256Manifest(files);
  const lines = manifest.split('\n');

  it('has one "<hex>  <path>" line per file, sorted by path, ending in a newline', () => {
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(files.length);
    for (const line of lines) expect(line).toMatch(/^[0-9a-f]{64} {2}\S.*$/);
    const paths = lines.map((l) => l.slice(66));
    expect(paths).toEqual([...files.map((f) => f.path)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(paths).toContain(routes.workbook(loadContentDir('content').disclosures[0] ?? ({} as never)));
  });

  it('gives each file the SHA-256 of its bytes', () => {
    for (const line of lines) {
      const file = files.find((f) => f.path === line.slice(66));
      expect(line.slice(0, 64)).toBe(
        createHash('sha256')
          .update(file?.bytes ?? new Uint8Array())
          .digest('hex'),
      );
    }
  });

  it('does not depend on the order the files are given in', () => {
    expect(sha256Manifest([...files].reverse())).toBe(manifest);
  });

  it.skipIf(!hasSha256sum)('is accepted by sha256sum -c run from the site root, and catches a changed file', () => {
    writeSite(files, manifest);
    expect(() => execFileSync('sha256sum', ['--check', '--strict', '--quiet', routes.manifest()], { cwd: workDir })).not.toThrow();
    const victim = files.find((f) => f.path.endsWith('.csv'));
    if (!victim) throw new Error('no CSV among the downloads');
    writeFileSync(join(workDir, victim.path), encode('tampered'));
    const check = spawnSync('sha256sum', ['--check', '--quiet', routes.manifest()], { cwd: workDir, encoding: 'utf8' });
    expect(check.status).not.toBe(0);
    expect(check.stdout).toContain(victim.path);
  });

  it('refuses paths it could not write unambiguously', () => {
    const bytes = encode('x');
    expect(() =>
      sha256Manifest([
        { path: 'a.csv', bytes },
        { path: 'a.csv', bytes },
      ]),
    ).toThrow(/twice/);
    expect(() => sha256Manifest([{ path: '/abs.csv', bytes }])).toThrow();
    expect(() => sha256Manifest([{ path: 'new\nline.csv', bytes }])).toThrow();
    expect(() => sha256Manifest([{ path: 'back\\slash.csv', bytes }])).toThrow();
  });
});
