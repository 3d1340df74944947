/**
 * Property test: SYNTHETIC disclosures of every template and phase — Shanghai 部门预算 (random facts
 * over the real 2024 catalogue, every fund and a non-fiscal source, blank and printed-0 styles, whole
 * 元 or cents), Hunan 部门预算 and Shanghai 部门决算 (at the grain their tables give:
 * tests/support/synthetic-tables-grain.ts) — are written to the site's own XLSX download, imported
 * back, and give byte-identical table CSVs. `IMPORT_PROPERTY_RUNS` sets the number of disclosures
 * (200 by default, the issue's figure: 72 Shanghai 部门预算, 56 Hunan, 72 决算; about 20 s here,
 * a Hunan disclosure, 23 tables and two forms, taking about twice as long as a Shanghai one).
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/load.ts';
import { readContentFiles } from '../content/read-content-dir.ts';
import { tableToCsv } from '../export/table-csv.ts';
import { tableWorkbook } from '../export/xlsx.ts';
import { buildTables } from '../templates/build-tables.ts';
import { syntheticShanghai } from '../../../tests/support/synthetic-shanghai.ts';
import { syntheticHunan, syntheticShanghaiFinal } from '../../../tests/support/synthetic-tables-grain.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { importFile } from './import-file.ts';

const RUNS = Number(process.env['IMPORT_PROPERTY_RUNS'] ?? 200);
const catalogueFiles = readContentFiles('content/catalogues').map((f) => ({
  path: `content/catalogues/${f.path.split('catalogues/')[1] ?? ''}`,
  text: f.text,
}));
const catalogues = loadContent(catalogueFiles, 'content').catalogues;
const catalogue = catalogues.get(2024);
if (!catalogue) throw new Error('no 2024 catalogue');

interface Template {
  readonly name: string;
  readonly region: string;
  readonly regionName: string;
  /** Share of the runs (a Hunan disclosure has 23 tables to prove, a Shanghai one 9 or 10). */
  readonly share: number;
  readonly folder: (seed: number) => string;
  readonly files: (catalogue: Catalogue, seed: number) => { disclosure: string; ledger: string };
  readonly department: (seed: number) => string | undefined;
}

const TEMPLATES: readonly Template[] = [
  {
    name: 'Shanghai 部门预算 (shanghai-budget)',
    region: '310107',
    regionName: '上海市普陀区',
    share: 0.36,
    folder: (seed) => `content/disclosures/310107/syn${seed}/2024`,
    files: (c, seed) => syntheticShanghai(c, seed),
    department: (seed) => `syn${seed}`,
  },
  {
    name: 'Hunan 部门预算 (hunan-budget)',
    region: '430202',
    regionName: '株洲市荷塘区',
    share: 0.28,
    folder: () => 'content/disclosures/430202/001/2024',
    files: syntheticHunan,
    department: () => undefined,
  },
  {
    name: 'Shanghai 部门决算 (shanghai-final)',
    region: '310107',
    regionName: '上海市普陀区',
    share: 0.36,
    folder: (seed) => `content/disclosures/310107/fin${seed}/2024-final`,
    files: syntheticShanghaiFinal,
    department: (seed) => `fin${seed}`,
  },
];

describe.each(TEMPLATES)('synthetic disclosures of $name', (template) => {
  const runs = Math.max(1, Math.round(RUNS * template.share));
  it(`import back from their XLSX downloads to byte-identical table CSVs (${runs} disclosures)`, async () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= runs; seed++) {
      const files = template.files(catalogue, seed);
      const folder = template.folder(seed);
      const loaded = loadContent(
        [
          { path: `${folder}/disclosure.yaml`, text: files.disclosure },
          { path: `${folder}/ledger.yaml`, text: files.ledger },
        ],
        'content',
        catalogues,
      );
      const d = loaded.disclosures[0];
      const errors = loaded.findings.filter((f) => f.severity === 'error');
      if (!d || errors.length > 0) throw new Error(`seed ${seed} does not load: ${errors.map((e) => e.en).join('; ')}`);
      const tables = buildTables(d);
      const department = template.department(seed);
      const result = await importFile({
        fileName: `syn${seed}.xlsx`,
        bytes: await tableWorkbook(d, tables, 'stamp'),
        region: template.region,
        regionName: template.regionName,
        year: 2024,
        ...(department === undefined ? {} : { department }),
        root: 'content',
        catalogueFiles,
      });
      if (!result.disclosure) {
        failures.push(`seed ${seed}: ${result.issues.map((i) => `${i.at} ${i.en}`).join('; ')}`);
        continue;
      }
      expect(result.disclosure.template).toBe(d.template);
      expect(result.disclosure.phase).toBe(d.phase);
      const imported = buildTables(result.disclosure);
      for (const table of tables) {
        const other = imported.find((t) => t.id === table.id);
        if (!other || tableToCsv(other) !== tableToCsv(table)) failures.push(`seed ${seed}: ${table.id} differs`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
