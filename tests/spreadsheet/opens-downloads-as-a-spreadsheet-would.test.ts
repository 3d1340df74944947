/**
 * Every table's CSV and XLSX opened the way a spreadsheet opens them: LibreOffice Calc, headless
 * (Debian's `libreoffice-calc`), reads each file and writes what it read back out as CSV, and the
 * test compares that with the table model.
 *
 * - The XLSX as Calc reads it keeps every code with its leading zeros, as a text cell.
 * - The CSV as Calc's default import reads it (UTF-8, every column "Standard") loses them
 *   (001001 → 1001, 01 → 1): what the data page says a CSV does in a spreadsheet; imported with
 *   the code columns as text, as the data page advises, it keeps them.
 * - In the CSV as Calc read it, the amount column filtered to one level (项, or 单位) sums to the
 *   合计 row.
 *
 * Skipped only when LibreOffice is not installed (the skipped test's name says so).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/lib/content/read-content-dir.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import { levelLabel, tableToCsv } from '../../src/lib/export/table-csv.ts';
import { sheetLayout, singleTableWorkbook, tablesWithOwnWorkbook } from '../../src/lib/export/xlsx.ts';
import { parseAmount, type Amount, type AmountUnit } from '../../src/lib/money.ts';
import type { Table } from '../../src/lib/tables/model.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';

const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));

/** Calc's CSV filter options: comma, double quote, UTF-8 (76), from line 1, then the column formats. */
const csvFilter = (columnFormats = ''): string => `CSV:44,34,76,1${columnFormats === '' ? '' : `,${columnFormats}`}`;
const EXPORT_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1';

interface Item {
  readonly name: string;
  readonly d: Disclosure;
  readonly table: Table;
}

const content = loadContentDir('content');
const items: Item[] = content.disclosures.flatMap((d) =>
  tablesWithOwnWorkbook(buildTables(d)).map((table, i) => ({ name: `${d.id}-${String(i).padStart(2, '0')}`, d, table })),
);

/** What Calc wrote out: rows of fields, and for each field whether Calc quoted it (a text cell). */
interface CalcSheet {
  readonly rows: string[][];
  readonly quoted: boolean[][];
}

function readCalcCsv(file: string): CalcSheet {
  const text = readFileSync(file, 'utf8');
  const rows = parse(text, { relax_column_count: true }) as string[][];
  const raw = parse(text, { relax_column_count: true, quote: false, relax_quotes: true }) as string[][];
  return { rows, quoted: raw.map((r) => r.map((f) => f.startsWith('"'))) };
}

const fen = (text: string | undefined, unit: AmountUnit): Amount => {
  if (text === undefined || text === '') return null;
  const parsed = parseAmount(text, unit);
  if (!parsed.ok) throw new Error(`Calc wrote ${JSON.stringify(text)} where an amount was`);
  return parsed.value;
};

const run = promisify(execFile);

/** Runs Calc headless over `files` (its own profile, so runs can overlap), writing what it read as CSV into `outDir`. */
async function calc(profile: string, outDir: string, files: readonly string[], infilter?: string): Promise<void> {
  if (!SOFFICE) throw new Error('no soffice');
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...(infilter ? [`--infilter=${infilter}`] : [])];
  await run(SOFFICE, [...args, '--convert-to', EXPORT_FILTER, '--outdir', outDir, ...files], { timeout: 240_000 });
}

const describeCalc = SOFFICE ? describe : describe.skip;

describeCalc(
  SOFFICE
    ? 'each table’s downloads opened in LibreOffice Calc'
    : 'each table’s downloads opened in LibreOffice Calc — SKIPPED: soffice is not installed (apt-get install libreoffice-calc)',
  () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-calc-'));
    const dir = (name: string) => {
      const path = join(root, name);
      mkdirSync(path, { recursive: true });
      return path;
    };
    const csvIn = dir('csv');
    const xlsxIn = dir('xlsx');
    const fromCsv = dir('from-csv');
    const fromXlsx = dir('from-xlsx');
    const fromCsvAsText = dir('from-csv-as-text');
    /** A table whose code columns the test imports as text, as the data page advises. */
    const asText = items.find((i) => i.table.id === 'expenditureSummary' && i.table.rows.some((r) => r.level === 'unit'));

    beforeAll(async () => {
      for (const item of items) {
        writeFileSync(join(csvIn, `${item.name}.csv`), tableToCsv(item.table));
        writeFileSync(join(xlsxIn, `${item.name}.xlsx`), await singleTableWorkbook(item.d, item.table, 'calc-test'));
      }
      // Columns 1-based: 编码 (2), then the table's own code columns after the two leading ones; format 2 = text.
      const codeColumns = asText ? [2, ...asText.table.columns.filter((c) => c.kind === 'code').map((c) => c.index + 3)] : [];
      const started = performance.now();
      await Promise.all([
        calc(
          dir('profile-csv'),
          fromCsv,
          items.map((i) => join(csvIn, `${i.name}.csv`)),
          csvFilter(),
        ),
        calc(
          dir('profile-xlsx'),
          fromXlsx,
          items.map((i) => join(xlsxIn, `${i.name}.xlsx`)),
        ),
        asText
          ? calc(dir('profile-text'), fromCsvAsText, [join(csvIn, `${asText.name}.csv`)], csvFilter(codeColumns.map((c) => `${c}/2`).join('/')))
          : undefined,
      ]);
      console.log(`LibreOffice read ${items.length} CSVs and ${items.length} XLSX in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }, 300_000);
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('opens every table’s XLSX with every code kept as text with its leading zeros', () => {
      expect(items.length).toBeGreaterThan(50);
      let codes = 0;
      let leadingZeros = 0;
      for (const { name, table } of items) {
        const sheet = readCalcCsv(join(fromXlsx, `${name}.csv`));
        const first = sheetLayout(table).bodyFirstRow - 1;
        expect(sheet.rows[0]?.[0], `${name} title`).toBe(table.title);
        expect(sheet.rows[1]?.join('|'), `${name} 金额单位 line`).toContain(`金额单位：${table.amountUnit}`);
        table.rows.forEach((row, r) => {
          row.cells.forEach((cell, c) => {
            if (cell.kind !== 'code' || cell.value === '') return;
            const where = `${name} ${table.id} row ${row.key} column ${c}`;
            expect(sheet.rows[first + r]?.[c], where).toBe(cell.value);
            expect(sheet.quoted[first + r]?.[c], `${where} is a text cell`).toBe(true);
            codes++;
            if (cell.value.startsWith('0')) leadingZeros++;
          });
        });
      }
      expect(codes).toBeGreaterThan(500);
      expect(leadingZeros).toBeGreaterThan(50);
    });

    it('opens every table’s XLSX with the official header tree laid out as merged cells, as the page shows it', () => {
      for (const { name, table } of items) {
        const sheet = readCalcCsv(join(fromXlsx, `${name}.csv`));
        const header = sheet.rows[sheetLayout(table).headerFirstRow - 1] ?? [];
        // The top header row: each top node's label where its merged cell starts, empty across the rest of it.
        let column = 0;
        for (const node of table.header) {
          const width = table.columns.filter((c) => c.path[0] === node.label).length;
          expect(header[column], `${name} header ${node.label}`).toBe(node.printed ?? node.label);
          for (let k = 1; k < width; k++) expect(header[column + k] ?? '', `${name} merged under ${node.label}`).toBe('');
          column += width;
        }
      }
    });

    it('reads every table’s CSV with its codes as numbers in a default import, dropping the leading zeros as the data page says', () => {
      let dropped = 0;
      for (const { name, table } of items) {
        const sheet = readCalcCsv(join(fromCsv, `${name}.csv`));
        expect(sheet.rows[0]?.[0], `${name}: UTF-8 header, no BOM left`).toBe('层级');
        const offset = table.fields.length + 1;
        table.rows.forEach((row, r) => {
          row.cells.forEach((cell, c) => {
            if (cell.kind !== 'code' || !/^0\d+$/.test(cell.value)) return;
            const lead = 2 + (table.fields.length > 0 ? 2 : 0);
            expect(sheet.rows[offset + r]?.[lead + c], `${name} ${row.key}`).toBe(String(Number(cell.value)));
            dropped++;
          });
        });
      }
      expect(dropped).toBeGreaterThan(50);
    });

    it('keeps the zeros of a CSV whose code columns are imported as text, as the data page advises', () => {
      if (!asText) throw new Error('the sample has a 支出总表 with unit rows');
      const sheet = readCalcCsv(join(fromCsvAsText, `${asText.name}.csv`));
      const unitRow = asText.table.rows.findIndex((r) => r.level === 'unit');
      const code = asText.table.rows[unitRow]?.key.split(':').at(-1);
      expect(code).toMatch(/^0/);
      expect(sheet.rows[1 + unitRow]?.[1]).toBe(code);
    });

    it('sums, in the CSV as Calc read it, each amount column filtered to one level to the 合计 row', () => {
      let checked = 0;
      for (const { name, table } of items) {
        const total = table.rows.find((r) => r.level === 'total');
        if (!total || table.fields.length > 0) continue;
        const sheet = readCalcCsv(join(fromCsv, `${name}.csv`));
        const body = sheet.rows.slice(1);
        const totalRow = body.find((r) => r[0] === levelLabel('total'));
        for (const level of (['item', 'unit'] as const).filter((l) => table.rows.some((r) => r.level === l))) {
          const rows = body.filter((r) => r[0] === levelLabel(level));
          table.columns.forEach((column, c) => {
            if (column.kind !== 'amount') return;
            if (table.published.some((p) => p.rowKey === total.key && p.columnIndex === c)) return;
            const expected = fen(totalRow?.[2 + c], table.amountUnit);
            const parts = rows.map((r) => fen(r[2 + c], table.amountUnit)).filter((a): a is number => a !== null);
            if (expected === null) return expect(parts, `${name} ${table.id} ${column.path.join('/')}`).toEqual([]);
            expect(
              parts.reduce((s, a) => s + a, 0),
              `${name} ${table.id} ${levelLabel(level)} ${column.path.join('/')}`,
            ).toBe(expected);
            checked++;
          });
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  },
);
