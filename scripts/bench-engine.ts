/**
 * `npm run bench` (without --scale, see scripts/bench.ts): how fast gongkai loads content,
 * derives the 23 tables and builds pages, on SYNTHETIC disclosures (invented departments over the
 * real 2024 catalogue). Prints figures; asserts nothing.
 * Usage: node scripts/bench-engine.ts [disclosures=200] [buildDisclosures=40]
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { loadContentDir } from '../src/lib/content/read-content-dir.ts';
import type { Disclosure } from '../src/lib/disclosure/model.ts';
import { formatWan } from '../src/lib/money.ts';
import { singleTableWorkbook, tablesWithOwnWorkbook, tableWorkbook } from '../src/lib/export/xlsx.ts';
import { buildTables } from '../src/lib/templates/build-tables.ts';
import { syntheticDisclosure } from '../tests/support/synthetic-disclosure.ts';
import { buildSite } from './lib/build-site.ts';
import { listFiles } from './lib/run-build.ts';

const root = resolve(import.meta.dirname, '..');
const disclosures = Number(process.argv[2] ?? 200);
const buildDisclosures = Number(process.argv[3] ?? 40);
const catalogue = loadContentDir(join(root, 'content')).catalogues.get(2024);
if (!catalogue) throw new Error('content/catalogues/2024 is missing');

const synthetic = (i: number): Disclosure =>
  syntheticDisclosure(catalogue, {
    seed: i + 1,
    units: 1 + (i % 3),
    rows: 60,
    regionCode: `99${String(9000 + (i % 100)).padStart(4, '0')}`,
    departmentCode: String(100 + Math.floor(i / 100)).padStart(3, '0'),
  });

/** Writes a synthetic disclosure as content files, exactly as a clerk would. */
function writeDisclosure(dir: string, d: Disclosure): void {
  const folder = join(dir, 'disclosures', d.region.code, d.department.code, String(d.year));
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'disclosure.yaml'),
    stringify({
      year: d.year,
      amountUnit: '万元',
      region: d.region,
      department: d.department,
      units: d.units,
      projects: d.projects.map(({ at: _at, ...p }) => p),
      provenance: { title: 'SYNTHETIC benchmark disclosure' },
    }),
  );
  writeFileSync(
    join(folder, 'ledger.yaml'),
    stringify({ amountUnit: '万元', rows: d.ledger.map(({ at: _at, amount, ...row }) => ({ ...row, amount: formatWan(amount) })) }),
  );
}

const seconds = (start: number) => (performance.now() - start) / 1000;
const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);

console.log(`gongkai benchmark (SYNTHETIC data), node ${process.version}`);

// 1. Table engine alone.
const generated = Array.from({ length: disclosures }, (_, i) => synthetic(i));
let start = performance.now();
let tableCount = 0;
for (const d of generated) tableCount += buildTables(d).length;
const engineSeconds = seconds(start);
line(
  `derive 23 tables × ${disclosures} disclosures`,
  `${engineSeconds.toFixed(2)} s (${(disclosures / engineSeconds).toFixed(0)} disclosures/s, ${tableCount} tables)`,
);

// 1b. Workbooks: each disclosure's whole workbook, then each published table's own (what the
// workbook worker threads make; figures for README "Downloads and open data").
const workbookSample = generated.slice(0, buildDisclosures);
let wholeSeconds = 0;
let ownSeconds = 0;
let ownTables = 0;
let wholeBytes = 0;
let ownBytes = 0;
for (const d of workbookSample) {
  const tables = buildTables(d);
  start = performance.now();
  wholeBytes += tableWorkbook(d, tables, 'bench').length;
  wholeSeconds += seconds(start);
  start = performance.now();
  for (const table of tablesWithOwnWorkbook(tables)) {
    ownBytes += singleTableWorkbook(d, table, 'bench').length;
    ownTables++;
  }
  ownSeconds += seconds(start);
}
line(
  `workbooks of ${workbookSample.length} disclosures`,
  `whole ${((wholeSeconds / workbookSample.length) * 1000).toFixed(0)} ms a disclosure; each table's own ${((ownSeconds / ownTables) * 1000).toFixed(1)} ms a table (${ownTables} tables, ${(ownSeconds / wholeSeconds).toFixed(1)} × the whole); mean size ${(wholeBytes / workbookSample.length / 1024).toFixed(1)} KB and ${(ownBytes / ownTables / 1024).toFixed(1)} KB`,
);

// 2. Loading and checking content files.
const benchRoot = join(root, '.build-staging', 'bench');
rmSync(benchRoot, { recursive: true, force: true });
const contentDir = join(benchRoot, 'content');
mkdirSync(contentDir, { recursive: true });
cpSync(join(root, 'content', 'catalogues'), join(contentDir, 'catalogues'), { recursive: true });
generated.forEach((d) => writeDisclosure(contentDir, d));
start = performance.now();
const loaded = loadContentDir(contentDir);
const loadSeconds = seconds(start);
const errors = loaded.findings.filter((f) => f.severity === 'error');
if (errors.length > 0) throw new Error(`synthetic content has errors: ${errors[0]?.code}`);
line(
  `load + parse ${disclosures} disclosures (${disclosures * 60} rows)`,
  `${loadSeconds.toFixed(2)} s (${(disclosures / loadSeconds).toFixed(0)} disclosures/s)`,
);

// 3. A full site build of a subset.
const buildContent = join(benchRoot, 'build-content');
mkdirSync(buildContent, { recursive: true });
cpSync(join(root, 'content', 'catalogues'), join(buildContent, 'catalogues'), { recursive: true });
generated.slice(0, buildDisclosures).forEach((d) => writeDisclosure(buildContent, d));
start = performance.now();
const result = await buildSite({ root, env: { ...process.env, CONTENT_DIR: buildContent }, outDir: join(benchRoot, 'dist') });
const buildSeconds = seconds(start);
const pages = listFiles(result.outDir).filter((f) => f.endsWith('.html')).length;
line(
  `full build of ${buildDisclosures} disclosures`,
  `${buildSeconds.toFixed(1)} s for ${pages} HTML pages, ${result.files} files (${(pages / buildSeconds).toFixed(0)} pages/s)`,
);
line(
  'peak resident memory of this process',
  `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (not Pagefind's or other processes': --scale measures the whole tree)`,
);
rmSync(benchRoot, { recursive: true, force: true });
