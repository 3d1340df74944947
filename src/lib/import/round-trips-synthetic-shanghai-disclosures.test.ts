/**
 * Property test: SYNTHETIC Shanghai disclosures (random facts over the real 2024 catalogue, every
 * fund and a non-fiscal source, blank and printed-0 styles, whole 元 or cents) are written to the
 * site's own XLSX download, imported back, and give byte-identical table CSVs. `IMPORT_PROPERTY_RUNS`
 * sets the number of disclosures (200 by default).
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/load.ts';
import { readContentFiles } from '../content/read-content-dir.ts';
import { tableToCsv } from '../export/csv.ts';
import { tableWorkbook } from '../export/xlsx.ts';
import type { FundingSource } from '../ledger/sources.ts';
import { buildTables } from '../templates/build-tables.ts';
import { amountText } from './content-data.ts';
import { importFile } from './import-file.ts';

const RUNS = Number(process.env['IMPORT_PROPERTY_RUNS'] ?? 200);
const catalogueFiles = readContentFiles('content/catalogues').map((f) => ({ path: `content/catalogues/${f.path.split('catalogues/')[1] ?? ''}`, text: f.text }));
const catalogues = loadContent(catalogueFiles, 'content').catalogues;
const catalogue = catalogues.get(2024);
if (!catalogue) throw new Error('no 2024 catalogue');
const items = [...catalogue.functional.keys()].filter((c) => c.length === 7 && catalogue.functional.has(c.slice(0, 5)) && catalogue.functional.has(c.slice(0, 3)));
const econs = [...catalogue.econDept.keys()].filter((c) => c.length === 5 && /^(301|302|303|310)/.test(c) && catalogue.econDept.has(c.slice(0, 3)));

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES: readonly FundingSource[] = ['generalBudget', 'generalBudget', 'generalBudget', 'govFund', 'stateCapital', 'serviceIncome'];
const STYLE_TABLES = ['incomeSummary', 'expenditureSummary', 'generalBudgetExpenditure', 'generalBudgetBasic', 'threePublic'];

/** The content files of one synthetic disclosure. */
function synthetic(seed: number): { disclosure: string; ledger: string } {
  const random = prng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const cents = random() < 0.5;
  const amount = () => (Math.floor(random() * 5_000_000) + 1) * (cents ? 1 : 100);
  const facts = new Map<string, number>();
  for (let i = 0; i < 3 + Math.floor(random() * 25); i++) {
    const source = pick(SOURCES);
    const key = `${pick(items)}|${source}|${random() < 0.5 ? 'basic' : 'project'}`;
    facts.set(key, (facts.get(key) ?? 0) + amount());
  }
  const basicTotal = [...facts].filter(([k]) => k.endsWith('|generalBudget|basic')).reduce((s, [, v]) => s + v, 0);
  const econ = new Map<string, number>();
  let rest = basicTotal;
  while (rest > 0) {
    const part = Math.min(rest, amount());
    const code = pick(econs);
    econ.set(code, (econ.get(code) ?? 0) + part);
    rest -= part;
  }
  const yuan = (fen: number) => amountText(fen, '元');
  const maybe = (key: string, fen: number | null) => (fen === null ? '' : `\n  ${key}: ${amountText(fen, '万元')}`);
  const tp = () => (random() < 0.3 ? null : Math.floor(random() * 100) * 10000);
  const zero = STYLE_TABLES.filter(() => random() < 0.5);
  return {
    disclosure: `template: shanghai-budget
year: 2024
amountUnit: 元
region: {code: "310107", name: 上海市普陀区}
department: {code: syn${seed}, name: 合成测试部门${seed}（SYNTHETIC）}
tables: [1, 2, 3, 4, 5, 6, 7, 8, 9]
threePublic:
  amountUnit: 万元${maybe('outboundTravel', tp())}${maybe('reception', tp())}${maybe('vehiclePurchase', tp())}${maybe('vehicleOperation', tp())}${maybe('adminOperatingCost', tp())}
printStyle:
  decimals: ${cents ? 2 : 0}
  zeroWhereNothing: [${zero.join(', ')}]
provenance: {title: 合成测试（SYNTHETIC）}
`,
    ledger: `amountUnit: 元
byFunction:
${[...facts]
  .sort()
  .map(([k, v]) => {
    const [func, source, kind] = k.split('|');
    return `  - {func: "${func}", source: ${source}, kind: ${kind}, amount: ${yuan(v)}}`;
  })
  .join('\n')}
basicByEcon:${econ.size === 0 ? ' []' : ''}
${[...econ]
  .sort()
  .map(([code, v]) => `  - {econ: "${code}", amount: ${yuan(v)}}`)
  .join('\n')}
`,
  };
}

describe(`${RUNS} synthetic Shanghai disclosures`, () => {
  it('import back from their XLSX downloads to byte-identical table CSVs', async () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= RUNS; seed++) {
      const files = synthetic(seed);
      const folder = `content/disclosures/310107/syn${seed}/2024`;
      const loaded = loadContent([{ path: `${folder}/disclosure.yaml`, text: files.disclosure }, { path: `${folder}/ledger.yaml`, text: files.ledger }], 'content', catalogues);
      const d = loaded.disclosures[0];
      const errors = loaded.findings.filter((f) => f.severity === 'error');
      if (!d || errors.length > 0) throw new Error(`seed ${seed} does not load: ${errors.map((e) => e.en).join('; ')}`);
      const tables = buildTables(d);
      const result = await importFile({ fileName: `syn${seed}.xlsx`, bytes: await tableWorkbook(d, tables, 'stamp'), region: '310107', regionName: '上海市普陀区', year: 2024, department: `syn${seed}`, root: 'content', catalogueFiles });
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
