/**
 * The synthetic fixture (tests/fixtures/synthetic-injection) names a project
 * `=HYPERLINK("http://x","y")` and starts other texts with + - @ and tab. No download may hand
 * a spreadsheet a formula, while real negative amounts stay numbers.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../content/read-content-dir.ts';
import { hasErrors } from '../findings.ts';
import { buildTables } from '../templates/build-tables.ts';
import { tableToCsv } from './table-csv.ts';
import { openDataFiles } from './datapackage.ts';
import { tableWorkbook } from './xlsx.ts';

const INJECTED_NAME = '=HYPERLINK("http://x","y")';
const DANGEROUS_START = /^[=+\-@\t\r]/;
/** A field a spreadsheet may read as a number: the only thing allowed to start with '-'. */
const NEGATIVE_NUMBER = /^-\d+\.\d{2}$/;

const result = loadContentDir('tests/fixtures/synthetic-injection');
const [disclosure] = result.disclosures;
if (!disclosure || hasErrors(result.findings)) throw new Error('the synthetic injection fixture does not load');
const tables = buildTables(disclosure);

const csvFiles: { name: string; text: string }[] = [
  ...tables.map((t) => ({ name: `table ${t.number}`, text: tableToCsv(t) })),
  ...openDataFiles([disclosure], buildTables)
    .filter((f) => f.path.endsWith('.csv'))
    .map((f) => ({ name: f.path, text: f.text })),
];

describe('CSV downloads of the synthetic injection fixture', () => {
  it.each(csvFiles.map((f) => [f.name, f.text] as const))('%s holds no field a spreadsheet would run as a formula', (_name, text) => {
    const fields = (parse(text, { bom: true }) as string[][]).flat();
    const dangerous = fields.filter((f) => DANGEROUS_START.test(f) && !NEGATIVE_NUMBER.test(f));
    expect(dangerous).toEqual([]);
  });

  it('keeps the injected project name, neutralised, wherever the project appears', () => {
    const withName = csvFiles.filter((f) => (parse(f.text, { bom: true }) as string[][]).flat().includes(`'${INJECTED_NAME}`)).map((f) => f.name);
    expect(withName).toEqual(expect.arrayContaining(['table 21', 'table 22', 'data/ledger.csv', 'data/projects.csv', 'data/indicators.csv']));
  });

  it('writes the real negative amounts as numbers', () => {
    const table3 = csvFiles.find((f) => f.name === 'table 3')?.text ?? '';
    expect(parse(table3, { bom: true }).flat()).toContain('-3.50');
    const ledger = csvFiles.find((f) => f.name === 'data/ledger.csv')?.text ?? '';
    expect(parse(ledger, { bom: true }).flat()).toContain('-35000.00');
  });
});

describe('XLSX workbook of the synthetic injection fixture', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await tableWorkbook(disclosure, tables, 'injection')) as unknown as ExcelJS.Buffer);
  const cells: { sheet: string; cell: ExcelJS.Cell }[] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push({ sheet: sheet.name, cell })));

  it('has no formula cell in any sheet: text that starts like a formula is a string cell', () => {
    expect(cells.filter(({ cell }) => cell.type === ExcelJS.ValueType.Formula).map(({ cell }) => cell.address)).toEqual([]);
    const formulaLike = cells.filter(({ cell }) => typeof cell.value === 'string' && DANGEROUS_START.test(cell.value));
    expect(formulaLike.length).toBeGreaterThan(0);
    // A merged cell reads back with its master's value; the master is the cell written.
    expect(
      formulaLike
        .filter(({ cell }) => cell.type !== ExcelJS.ValueType.String && cell.type !== ExcelJS.ValueType.Merge)
        .map(({ cell }) => `${cell.address} ${cell.type}`),
    ).toEqual([]);
  });

  it('holds no <f> (formula) element in the sheets as written, which is what Excel evaluates', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(await tableWorkbook(disclosure, tables, 'injection'));
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/.+\.xml$/.test(name));
    expect(sheets.length).toBeGreaterThan(1);
    for (const name of sheets) expect(await zip.file(name)?.async('string'), name).not.toMatch(/<f[ >]/);
  });

  it('keeps the injected project name exactly as written, without a visible quote, on the sheets of tables 21 and 22', () => {
    const sheets = new Set(cells.filter(({ cell }) => cell.value === INJECTED_NAME).map(({ sheet }) => sheet.slice(0, 2)));
    expect([...sheets].sort()).toEqual(['21', '22']);
    expect(cells.some(({ cell }) => cell.value === `'${INJECTED_NAME}`)).toBe(false);
  });

  it('writes the real negative amounts as negative numbers', () => {
    expect(cells.some(({ cell }) => cell.value === -3.5)).toBe(true);
  });
});
