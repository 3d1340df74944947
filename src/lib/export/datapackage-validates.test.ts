/**
 * The open data read by a real Data Package validator (npm `datapackage`, frictionless
 * datapackage-js, offline: its profiles ship with it): the descriptor is valid and every row of
 * every tabular resource casts to its schema's types; the JSON summary's records cast to the same
 * schema (npm `tableschema`). Files are written to a temporary folder as the site publishes them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Package } from 'datapackage';
import { Schema } from 'tableschema';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentDir } from '../content/read-content-dir.ts';
import { hasErrors } from '../findings.ts';
import { routes } from '../site/routes.ts';
import { buildTables } from '../templates/build-tables.ts';
import { BOM } from './csv.ts';
import { openDataFiles, packageOf, type OpenDataFile } from './datapackage.ts';

const result = loadContentDir('content');
const files = openDataFiles(result.disclosures, buildTables);
const root = mkdtempSync(join(tmpdir(), 'gongkai-datapackage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes the files into a fresh folder and returns the path of its datapackage.json. */
function publish(name: string, published: readonly OpenDataFile[]): string {
  const dir = join(root, name);
  for (const file of published) {
    const to = join(dir, file.path);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, file.text);
  }
  return join(dir, routes.dataPackage());
}

/** Reads every tabular resource with types cast; returns per resource its row count or the validator's error. */
async function readAll(descriptorPath: string): Promise<{ valid: boolean; errors: string[]; rows: Record<string, number | string> }> {
  const pkg = await Package.load(descriptorPath, { strict: false });
  const rows: Record<string, number | string> = {};
  for (const resource of pkg.resources.filter((r) => r.tabular)) {
    try {
      rows[resource.name] = (await resource.read({ keyed: true, cast: true })).length;
    } catch (error) {
      const inner = (error as { errors?: { message: string }[] }).errors ?? [];
      rows[resource.name] = [(error as Error).message, ...inner.slice(0, 2).map((e) => e.message)].join(' / ');
    }
  }
  return { valid: pkg.valid, errors: pkg.errors.map((e) => e.message), rows };
}

describe('the open data under a Data Package validator', () => {
  expect(hasErrors(result.findings)).toBe(false);

  it('has a valid descriptor, and every row of every CSV resource casts to its declared types', async () => {
    const read = await readAll(publish('site', files));
    expect(read.errors).toEqual([]);
    expect(read.valid).toBe(true);
    const tabular = packageOf(files).resources.filter((r) => r.profile === 'tabular-data-resource');
    expect(Object.keys(read.rows).sort()).toEqual(tabular.map((r) => r.name).sort());
    for (const [name, count] of Object.entries(read.rows)) {
      expect(typeof count, `${name}: ${String(count)}`).toBe('number');
      expect(count, name).toBeGreaterThan(0);
    }
  });

  it('has the JSON summary’s records cast to the summary’s schema, equal to the CSV’s rows', async () => {
    const pkg = packageOf(files);
    const json = pkg.resources.find((r) => r.format === 'json');
    if (!json) throw new Error('the package lists the JSON summary');
    // tableschema's own typings say load() returns the Schema; it returns a promise of it.
    const schema = await (Schema.load(json.schema) as unknown as Promise<Schema>);
    expect(schema.valid).toBe(true);
    const records = JSON.parse(files.find((f) => f.path.endsWith(json.path))?.text ?? '[]') as Record<string, unknown>[];
    expect(records.length).toBeGreaterThan(0);
    const names = json.schema.fields.map((f) => f.name);
    for (const record of records) {
      expect(Object.keys(record)).toEqual(names);
      schema.castRow(names.map((n) => record[n] ?? ''));
    }
    const csv =
      (await (await Package.load(publish('json', files), { strict: false })).resources.find((r) => r.name === 'summary')?.read({ keyed: true })) ?? [];
    expect(csv).toHaveLength(records.length);
  });

  it('fails a resource whose row does not cast to its schema (a year that is not an integer)', async () => {
    const broken = files.map((f) => (f.path === routes.summaryCsv() ? { ...f, text: f.text.replace(/\r\n(\d{4}),/, '\r\ntwenty,') } : f));
    expect(broken.find((f) => f.path === routes.summaryCsv())?.text).toContain('\r\ntwenty,');
    const read = await readAll(publish('broken-row', broken));
    expect(read.rows['summary']).toMatch(/"twenty" in column "year" is not type "integer"/);
  });

  it('fails every CSV that starts with a byte-order mark while the descriptor declares utf-8', async () => {
    const withBom = files.map((f) => (f.path.endsWith('.csv') ? { ...f, text: BOM + f.text } : f));
    const read = await readAll(publish('bom', withBom));
    expect(Object.keys(read.rows).length).toBeGreaterThan(0);
    for (const [name, outcome] of Object.entries(read.rows)) expect(String(outcome), name).toMatch(/header name 'year' is missing/);
  });

  it('publishes the open-data CSVs without a byte-order mark, as the descriptor declares utf-8', () => {
    const pkg = packageOf(files);
    for (const resource of pkg.resources) expect(resource.encoding).toBe('utf-8');
    const dir = dirname(dirname(publish('bytes', files)));
    for (const file of files) expect(readFileSync(join(dir, file.path)).subarray(0, 3).equals(Buffer.from(BOM, 'utf8')), file.path).toBe(false);
  });
});
