/**
 * A flat line-level export written from the sample ledger (Chinese headers, amounts in 元)
 * imports to the same financial tables; a GBK CSV reads as Chinese, not mojibake; and the site's
 * own XLSX downloads of the Shanghai samples import back to the same tables and CSVs.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/load.ts';
import { loadContentDir, readContentFiles } from '../content/read-content-dir.ts';
import { tableToCsv } from '../export/table-csv.ts';
import { tableWorkbook } from '../export/xlsx.ts';
import { buildTables } from '../templates/build-tables.ts';
import { SOURCE_INFO } from '../ledger/sources.ts';
import { amountText } from './content-data.ts';
import { decodeText, importFlatExport } from './flat-export.ts';
import { importFile, type ImportRequest } from './import-file.ts';

const catalogueFiles = readContentFiles('content/catalogues').map((f) => ({
  path: `content/catalogues/${f.path.split('catalogues/')[1] ?? ''}`,
  text: f.text,
}));
const sample = loadContentDir('content');
const request = (file: string, bytes: Uint8Array, region: string, year: number, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  fileName: file,
  bytes,
  region,
  year,
  root: 'content',
  catalogueFiles,
  ...extra,
});

describe('a flat line-level export', () => {
  const d = sample.disclosures.find((x) => x.id === '430202-001-2024');
  if (!d) throw new Error('no sample');
  const header = [
    '单位编码',
    '单位名称',
    '单位类型',
    '功能分类科目编码',
    '部门预算经济分类编码',
    '资金性质',
    '支出类型',
    '项目编码',
    '项目名称',
    '是否专项资金',
    '金额',
  ];
  const lines = d.ledger.map((r) => {
    const unit = d.units.find((u) => u.code === r.unit);
    const project = d.projects.find((p) => p.id === r.project);
    return [
      r.unit,
      unit?.name ?? '',
      unit?.type === 'institution' ? '事业单位' : '行政单位',
      r.func,
      r.econ,
      SOURCE_INFO[r.source].label,
      r.kind === 'basic' ? '基本' : '项目',
      r.project ?? '',
      project?.name ?? '',
      project?.specialFund ? '是' : '否',
      amountText(r.amount, '元'),
    ];
  });
  const csv = [header, ...lines].map((l) => l.join(',')).join('\r\n');

  it('written from the sample ledger with Chinese headers and amounts in 元 imports to the same financial tables', async () => {
    const result = await importFile(request('export.csv', new TextEncoder().encode(csv), '430202', 2024, { department: '001', regionName: '株洲市荷塘区' }));
    expect(result.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    expect(result.rows).toBe(d.ledger.length);
    if (!result.disclosure) throw new Error('not imported');
    const ours = buildTables(result.disclosure);
    const theirs = buildTables(d);
    const financial = theirs.filter(
      (t) => t.provided && ours.find((o) => o.id === t.id)?.provided && !['projectPerformance', 'unitPerformance'].includes(t.id),
    );
    expect(financial.length).toBeGreaterThan(15);
    for (const table of financial) expect(ours.find((o) => o.id === table.id)?.rows, table.id).toEqual(table.rows);
  });

  it('in GBK reads as Chinese, with each line a ledger row in 分', () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/import/gbk-line-export.csv'));
    expect(decodeText(bytes).encoding).toBe('gb18030');
    const { ledger, issues } = importFlatExport({ kind: 'text', bytes }, 'gbk-line-export.csv');
    expect(issues).toEqual([]);
    expect(ledger?.units).toEqual([{ code: '001001', name: '株洲市荷塘区人民代表大会常务委员会', type: 'admin' }]);
    expect(ledger?.rows.map((r) => [r.func, r.econ, r.source, r.kind, r.amount])).toEqual([
      ['2010101', '30101', 'appropriation', 'basic', 194570000],
      ['2010104', '302', 'appropriation', 'project', 30000000],
    ]);
    expect(ledger?.projects).toEqual([{ id: 'P01', unit: '001001', name: '常委会工作经费', specialFund: false }]);
  });

  it('as XLSX with the system’s field names and amounts in 万元 imports to the same ledger', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('明细');
    ws.addRow([
      'AGENCY_CODE',
      'AGENCY_NAME',
      'EXP_FUNC_CODE',
      'DEP_BGT_ECO_CODE',
      'GOV_BGT_ECO_CODE',
      'FUND_TYPE_CODE',
      '支出类型',
      'PRO_CODE',
      'PRO_NAME',
      '金额（万元）',
    ]);
    for (const r of d.ledger)
      ws.addRow([
        r.unit,
        d.units.find((u) => u.code === r.unit)?.name ?? '',
        r.func,
        r.econ,
        '',
        r.source,
        r.kind === 'basic' ? '基本支出' : '项目支出',
        r.project ?? '',
        d.projects.find((p) => p.id === r.project)?.name ?? '',
        Number(amountText(r.amount, '万元')),
      ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const result = await importFile(request('export.xlsx', bytes, '430202', 2024, { department: '001' }));
    expect(result.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    expect(result.disclosure?.ledger.map((r) => [r.unit, r.func, r.econ, r.source, r.kind, r.project, r.amount])).toEqual(
      d.ledger.map((r) => [r.unit, r.func, r.econ, r.source, r.kind, r.project, r.amount]),
    );
  });

  it('with text in an amount cell is refused at its line', () => {
    const bad = csv.replace(/,([\d.]+)\r\n/u, ',十九万\r\n');
    const { ledger, issues } = importFlatExport({ kind: 'text', bytes: new TextEncoder().encode(bad) }, 'bad.csv');
    expect(ledger?.rows.length).toBe(d.ledger.length - 1);
    expect(issues.map((i) => [i.code, i.at])).toEqual([['import.notAnAmount', 'bad.csv:2']]);
  });
});

describe.each(['310107-ptwl-2024', '310107-ptwl-2023', '310107-ptczj-2025'])('the site’s own XLSX download of %s', (id) => {
  it('imports back to the same tables and byte-identical CSVs', async () => {
    const d = sample.disclosures.find((x) => x.id === id);
    if (!d) throw new Error(`no ${id}`);
    const tables = buildTables(d);
    const bytes = await tableWorkbook(d, tables, 'stamp');
    const result = await importFile(request(`${id}.xlsx`, bytes, '310107', d.year, { department: d.department.code, regionName: d.region.name }));
    expect(result.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    if (!result.disclosure) throw new Error('not imported');
    const imported = buildTables(result.disclosure);
    for (const table of tables.filter((t) => t.provided)) {
      const other = imported.find((t) => t.id === table.id);
      expect(other && tableToCsv(other), table.id).toBe(tableToCsv(table));
    }
  });
});

describe.each(['430202-001-2024', '130303-101-2021', '430407-001-2021', '510411-001-2022', '640221-001-2025'])(
  'the site’s own XLSX download of the Hunan-template disclosure %s',
  (id) => {
    it('is recognised as Hunan’s 23 tables and imports back to byte-identical CSVs of every table', async () => {
      const d = sample.disclosures.find((x) => x.id === id);
      if (!d) throw new Error(`no ${id}`);
      const tables = buildTables(d);
      const result = await importFile(request(`${id}.xlsx`, await tableWorkbook(d, tables, 'stamp'), d.region.code, d.year, { regionName: d.region.name }));
      expect(result.chosen[0]).toContain('hunan-budget');
      expect(result.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
      if (!result.disclosure) throw new Error('not imported');
      expect(result.disclosure.id).toBe(d.id);
      // A workbook of forms only gives no ledger: none is written (the form's 预算情况 is then not held against one).
      expect(Object.keys(result.files ?? {}).includes('ledger.yaml')).toBe(d.files.ledger !== null);
      const imported = buildTables(result.disclosure);
      for (const table of tables) {
        const other = imported.find((t) => t.id === table.id);
        expect(other?.provided, table.id).toBe(table.provided);
        expect(other && tableToCsv(other), table.id).toBe(tableToCsv(table));
      }
    });
  },
);

describe('a Hunan table workbook', () => {
  const d = sample.disclosures.find((x) => x.id === '430202-001-2024');
  if (!d) throw new Error('no sample');

  it('gives the ledger the sample was transcribed to: 款 of basic spending, 类 of project spending, projects matched one to one', async () => {
    const result = await importFile(request('430202.xlsx', await tableWorkbook(d, buildTables(d), 'stamp'), '430202', 2024));
    const rows = (r: { unit: string; func: string; econ: string; source: string; kind: string; project?: string; amount: number }) =>
      [r.unit, r.func, r.econ, r.source, r.kind, r.project ?? '', r.amount].join(' ');
    expect(result.disclosure?.ledger.map(rows).sort()).toEqual(d.ledger.map(rows).sort());
    expect(result.disclosure?.projects.map((p) => [p.id, p.name, p.specialFund])).toEqual(d.projects.map((p) => [p.id, p.name, p.specialFund]));
  });

  it('whose tables leave two ways to place a project is refused at its cell, nothing written', async () => {
    // Two 专项 of the same amount: which 项 each was spent on is not in the tables.
    const files = readContentFiles('content/disclosures/430202/001/2024');
    const edited = files.map((f) => ({
      path: `content/disclosures/430202/001/2024/${f.path.split('/').pop() ?? ''}`,
      text: f.text.replace('project: P02, amount: 20.00', 'project: P02, amount: 11.50'),
    }));
    const loaded = loadContent([...catalogueFiles, ...edited], 'content');
    const twin = loaded.disclosures[0];
    if (!twin) throw new Error(loaded.findings.map((f) => f.en).join('; '));
    const result = await importFile(request('430202.xlsx', await tableWorkbook(twin, buildTables(twin), 'stamp'), '430202', 2024));
    expect(result.files).toBeNull();
    expect(result.issues.filter((i) => i.code === 'import.ambiguousBreakdown').map((i) => i.at)).toEqual([
      '21 专项资金预算汇总表!B8',
      '21 专项资金预算汇总表!B9',
    ]);
  });
});

describe('the site’s own XLSX download of the 决算 310107-ptczj-2024-final', () => {
  const d = sample.disclosures.find((x) => x.id === '310107-ptczj-2024-final');
  if (!d) throw new Error('no sample');
  const imported = async (extra: Partial<ImportRequest>) =>
    importFile(request('ptczj-2024-js.xlsx', await tableWorkbook(d, buildTables(d), 'stamp'), '310107', 2024, { regionName: d.region.name, ...extra }));

  it.each([{ phase: 'final' as const }, {}])('imports back to byte-identical CSVs of every table (%o), the 决算 recognised from its sheets', async (extra) => {
    const result = await imported(extra);
    expect(result.chosen[0]).toContain('shanghai-final');
    expect(result.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    if (!result.disclosure) throw new Error('not imported');
    expect(result.disclosure.id).toBe(d.id);
    expect(result.folder).toBe('disclosures/310107/ptczj/2024-final');
    const theirs = buildTables(result.disclosure);
    for (const table of buildTables(d)) expect(tableToCsv(theirs.find((t) => t.id === table.id) ?? table), table.id).toBe(tableToCsv(table));
  });

  it('gives the coarse facts, income and balances the 决算 was transcribed to by hand; the printed roundings are warnings', async () => {
    const result = await imported({ phase: 'final' });
    const fact = (f: { func?: string | null; econ?: string | null; source: string; kind?: string; amount: number }) =>
      [f.func ?? '', f.econ ?? '', f.source, f.kind ?? '', f.amount].join(' ');
    const ours = result.disclosure?.coarseFacts;
    const theirs = d.coarseFacts;
    expect(ours?.byFunction.map(fact)).toEqual(theirs?.byFunction.map(fact));
    expect(ours?.basicByEcon.map(fact).sort()).toEqual(theirs?.basicByEcon.map(fact).sort());
    expect(ours?.incomeByFunction?.map(fact)).toEqual(theirs?.incomeByFunction?.map(fact));
    expect(result.disclosure?.finalAccounts?.carryoverIn).toEqual(d.finalAccounts?.carryoverIn);
    expect(result.disclosure?.finalAccounts?.carryoverOut).toEqual(d.finalAccounts?.carryoverOut);
    expect(result.disclosure?.finalAccounts?.threePublicBudget).toEqual(d.finalAccounts?.threePublicBudget);
    expect(result.disclosure?.units.map((u) => [u.name, u.remark ?? ''])).toEqual(d.units.map((u) => [u.name, u.remark ?? '']));
    const warnings = result.issues.filter((i) => i.code === 'import.printedAsPublished').map((i) => i.at);
    expect(warnings).toContain('02 收入决算表!E6');
    expect(warnings).toContain('06 一般公共预算财政拨款基本支出决算表!H6');
  });
});
