/**
 * Import figures for `npm run bench` (SYNTHETIC data): a flat line-level export in rows/s (parse
 * only, and the whole import: parse, write, load), and the time to import a Shanghai workbook of
 * about 300 table rows with its round-trip proof, and a Hunan workbook of the 23 tables. Prints
 * figures; asserts nothing.
 * Usage: node scripts/bench-import.ts [exportRows=5000]
 */
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/lib/content/load.ts';
import { readContentFiles } from '../src/lib/content/read-content-dir.ts';
import { tableWorkbook } from '../src/lib/export/xlsx.ts';
import { amountText } from '../src/lib/import/content-data.ts';
import { importFlatExport } from '../src/lib/import/flat-export.ts';
import { importFile } from '../src/lib/import/import-file.ts';
import { SOURCE_INFO } from '../src/lib/ledger/sources.ts';
import { buildTables } from '../src/lib/templates/build-tables.ts';
import { syntheticDisclosure } from '../tests/support/synthetic-disclosure.ts';
import { syntheticShanghai } from '../tests/support/synthetic-shanghai.ts';
import { syntheticHunan } from '../tests/support/synthetic-tables-grain.ts';

const root = resolve(import.meta.dirname, '..');
const exportRows = Number(process.argv[2] ?? 5000);
const catalogueFiles = readContentFiles(join(root, 'content', 'catalogues')).map((f) => ({
  path: `content/catalogues/${f.path.split('catalogues/')[1] ?? ''}`,
  text: f.text,
}));
const catalogues = loadContent(catalogueFiles, 'content').catalogues;
const catalogue = catalogues.get(2024);
if (!catalogue) throw new Error('content/catalogues/2024 is missing');
// Wall time on a shared machine says little: CPU time of this process is printed beside it.
let cpuAt = process.cpuUsage();
const seconds = (start: number) => (performance.now() - start) / 1000;
const cpuSeconds = (): number => {
  const used = process.cpuUsage(cpuAt);
  cpuAt = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};
const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);

// 1. A flat export of `exportRows` lines (one synthetic department, several units).
const d = syntheticDisclosure(catalogue, { seed: 7, units: 5, rows: exportRows, regionCode: '999901', departmentCode: '901' });
const header = '单位编码,单位名称,单位类型,功能分类科目编码,部门预算经济分类编码,资金性质,支出类型,项目编码,项目名称,金额';
const csv = [
  header,
  ...d.ledger.map((r) => {
    const unit = d.units.find((u) => u.code === r.unit);
    return [
      r.unit,
      unit?.name ?? '',
      unit?.type === 'institution' ? '事业单位' : '行政单位',
      r.func,
      r.econ,
      SOURCE_INFO[r.source].label,
      r.kind === 'basic' ? '基本' : '项目',
      r.project ?? '',
      d.projects.find((p) => p.id === r.project)?.name ?? '',
      amountText(r.amount, '元'),
    ].join(',');
  }),
].join('\r\n');
const bytes = new TextEncoder().encode(csv);
let start = performance.now();
cpuAt = process.cpuUsage();
const parsed = importFlatExport({ kind: 'text', bytes }, 'bench.csv');
const parseSeconds = seconds(start);
const parseCpu = cpuSeconds();
line(
  `parse flat export, ${d.ledger.length} lines`,
  `${parseSeconds.toFixed(2)} s, ${parseCpu.toFixed(2)} s CPU (${Math.round(d.ledger.length / parseCpu).toLocaleString('en')} rows per CPU second, ${parsed.issues.length} issues)`,
);
start = performance.now();
cpuAt = process.cpuUsage();
const flat = await importFile({ fileName: 'bench.csv', bytes, region: '999901', year: 2024, department: '901', root: 'content', catalogueFiles });
const flatSeconds = seconds(start);
const flatCpu = cpuSeconds();
line(
  `import flat export (parse, write, load)`,
  `${flatSeconds.toFixed(2)} s, ${flatCpu.toFixed(2)} s CPU (${Math.round(flat.rows / flatCpu).toLocaleString('en')} rows per CPU second)`,
);

// 2. A Shanghai workbook of about 300 table rows, with the round-trip proof.
const files = syntheticShanghai(catalogue, 3, 92);
const folder = 'content/disclosures/310107/syn3/2024';
const loaded = loadContent(
  [
    { path: `${folder}/disclosure.yaml`, text: files.disclosure },
    { path: `${folder}/ledger.yaml`, text: files.ledger },
  ],
  'content',
  catalogues,
);
const disclosure = loaded.disclosures[0];
if (!disclosure) throw new Error('synthetic Shanghai disclosure does not load');
const workbook = await tableWorkbook(disclosure, buildTables(disclosure), 'bench');
start = performance.now();
cpuAt = process.cpuUsage();
const result = await importFile({ fileName: 'syn3.xlsx', bytes: workbook, region: '310107', year: 2024, department: 'syn3', root: 'content', catalogueFiles });
const workbookSeconds = seconds(start);
line(
  `import workbook, ${result.rows} table rows`,
  `${workbookSeconds.toFixed(2)} s, ${cpuSeconds().toFixed(2)} s CPU, incl. round trip over ${result.comparedCells} amount cells (${result.files ? 'proved' : 'FAILED'})`,
);

// 3. A Hunan workbook of the 23 tables (SYNTHETIC, at the grain the tables give), with the round-trip proof.
const hunanFiles = syntheticHunan(catalogue, 11);
const hunanFolder = 'content/disclosures/430202/001/2024';
const hunan = loadContent(
  [
    { path: `${hunanFolder}/disclosure.yaml`, text: hunanFiles.disclosure },
    { path: `${hunanFolder}/ledger.yaml`, text: hunanFiles.ledger },
  ],
  'content',
  catalogues,
).disclosures[0];
if (!hunan) throw new Error('synthetic Hunan disclosure does not load');
const hunanWorkbook = await tableWorkbook(hunan, buildTables(hunan), 'bench');
start = performance.now();
cpuAt = process.cpuUsage();
const hunanResult = await importFile({ fileName: 'hunan.xlsx', bytes: hunanWorkbook, region: '430202', year: 2024, root: 'content', catalogueFiles });
line(
  `import Hunan workbook (23 tables), ${hunanResult.rows} table rows`,
  `${seconds(start).toFixed(2)} s, ${cpuSeconds().toFixed(2)} s CPU, incl. round trip over ${hunanResult.comparedCells} amount cells (${hunanResult.files ? 'proved' : 'FAILED'})`,
);
