/**
 * Property test: SYNTHETIC Shanghai disclosures (random facts over the real 2024 catalogue, every
 * fund and a non-fiscal source, blank and printed-0 styles, whole 元 or cents) are written to the
 * site's own XLSX download, imported back, and give byte-identical table CSVs. `IMPORT_PROPERTY_RUNS`
 * sets the number of disclosures (200 by default).
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/load.ts';
import { readContentFiles } from '../content/read-content-dir.ts';
import { tableToCsv } from '../export/table-csv.ts';
import { tableWorkbook } from '../export/xlsx.ts';
import { buildTables } from '../templates/build-tables.ts';
import { syntheticShanghai } from '../../../tests/support/synthetic-shanghai.ts';
import { importFile } from './import-file.ts';

const RUNS = Number(process.env['IMPORT_PROPERTY_RUNS'] ?? 200);
const catalogueFiles = readContentFiles('content/catalogues').map((f) => ({
  path: `content/catalogues/${f.path.split('catalogues/')[1] ?? ''}`,
  text: f.text,
}));
const catalogues = loadContent(catalogueFiles, 'content').catalogues;
const catalogue = catalogues.get(2024);
if (!catalogue) throw new Error('no 2024 catalogue');
const synthetic = (seed: number) => syntheticShanghai(catalogue, seed);

describe(`${RUNS} synthetic Shanghai disclosures`, () => {
  it('import back from their XLSX downloads to byte-identical table CSVs', async () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= RUNS; seed++) {
      const files = synthetic(seed);
      const folder = `content/disclosures/310107/syn${seed}/2024`;
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
      const result = await importFile({
        fileName: `syn${seed}.xlsx`,
        bytes: await tableWorkbook(d, tables, 'stamp'),
        region: '310107',
        regionName: '上海市普陀区',
        year: 2024,
        department: `syn${seed}`,
        root: 'content',
        catalogueFiles,
      });
      if (!result.disclosure) {
        failures.push(`seed ${seed}: ${result.issues.map((i) => `${i.at} ${i.en}`).join('; ')}`);
        continue;
      }
      const imported = buildTables(result.disclosure);
      for (const table of tables) {
        const other = imported.find((t) => t.id === table.id);
        if (!other || tableToCsv(other) !== tableToCsv(table)) failures.push(`seed ${seed}: ${table.id} differs`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
