import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Amount } from '../money.ts';
import { headerGrid, type Cell, type Table } from '../tables/model.ts';
import { buildTables } from '../templates/build-tables.ts';
import {
  COVER_SHEET_NAME,
  NOT_PROVIDED_TEXT,
  sheetLayout,
  singleTableWorkbook,
  tableSheetName,
  tableSourceLines,
  tableWorkbook,
  tablesWithOwnWorkbook,
} from './xlsx.ts';
import { loadOne, SAMPLE_ID } from '../../../tests/support/load-disclosure.ts';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Excel's column letters (1 → A, 27 → AA). */
function letters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
const range = (top: number, left: number, bottom: number, right: number): string => `${letters(left)}${top}:${letters(right)}${bottom}`;

/** Text reads back exactly as written: an XLSX string cell cannot be a formula, so nothing is prefixed to it. */
const asWritten = (value: string): string => value;

/** An amount cell: a number in 万元 within half a printed step of the exact amount, formatted 0.00; empty stays empty. */
function expectAmount(cell: ExcelJS.Cell, value: Amount, where: string): void {
  if (value === null) {
    expect(cell.value, where).toBeNull();
    expect(cell.numFmt, `${where}: an empty amount cell keeps the amount format`).toBe('0.00');
    return;
  }
  expect(typeof cell.value, where).toBe('number');
  expect(cell.numFmt, where).toBe('0.00');
  const hundredths = Math.round((cell.value as number) * 100);
  expect(Math.abs(hundredths * 10_000 - value), where).toBeLessThanOrEqual(5_000);
  if (value % 10_000 === 0) expect(hundredths * 10_000, where).toBe(value);
}

function expectCell(target: ExcelJS.Cell, cell: Cell, where: string): void {
  if (cell.kind === 'amount') expectAmount(target, cell.value, where);
  else if (cell.value === '') expect(target.value, where).toBeNull();
  else expect(target.value, where).toBe(cell.kind === 'code' ? cell.value : asWritten(cell.value));
}

/** Compares one table's sheet with the model: title, header grid and its merged ranges, fields, body, note, frozen rows. */
function expectSheetMatchesTable(sheet: ExcelJS.Worksheet, table: Table): void {
  const layout = sheetLayout(table);
  const width = Math.max(table.columns.length, 2);
  expect(sheet.getCell(1, 1).value).toBe(table.title);
  const merges = new Set([range(1, 1, 1, width)]);

  if (!table.provided) {
    expect(sheet.getCell(3, 1).value).toBe(NOT_PROVIDED_TEXT);
    merges.add(range(3, 1, 3, width));
    expect(new Set(sheet.model.merges)).toEqual(merges);
    expect(sheet.rowCount).toBe(3);
    return;
  }

  table.fields.forEach((field, i) => {
    const row = 3 + i;
    expect(sheet.getCell(row, 1).value).toBe(asWritten(field.label));
    expectCell(sheet.getCell(row, 2), field.value, `table ${table.number} field ${field.label}`);
    merges.add(range(row, 2, row, width));
  });

  const grid = headerGrid(table.header);
  const headerTop = 3 + table.fields.length;
  expect(layout.headerFirstRow).toBe(headerTop);
  grid.forEach((cells, level) => {
    for (const cell of cells) {
      const top = headerTop + level;
      const left = cell.firstColumn + 1;
      expect(sheet.getCell(top, left).value, `table ${table.number} header ${cell.label}`).toBe(cell.label);
      if (cell.colSpan > 1 || cell.rowSpan > 1) merges.add(range(top, left, top + cell.rowSpan - 1, left + cell.colSpan - 1));
    }
  });

  const bodyTop = headerTop + grid.length;
  table.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => expectCell(sheet.getCell(bodyTop + r, c + 1), cell, `table ${table.number} row ${row.key} column ${c}`));
  });

  const afterBody = bodyTop + table.rows.length;
  if (table.note !== null) {
    expect(sheet.getCell(afterBody, 1).value).toBe(table.note);
    merges.add(range(afterBody, 1, afterBody, width));
  }
  expect(sheet.rowCount).toBe(table.note === null ? afterBody - 1 : afterBody);
  expect(new Set(sheet.model.merges)).toEqual(merges);

  if (table.fields.length === 0) {
    const [view] = sheet.views;
    expect(view?.state).toBe('frozen');
    expect(view && 'ySplit' in view ? view.ySplit : undefined).toBe(bodyTop - 1);
  } else {
    expect((sheet.views ?? []).filter((v) => v.state === 'frozen')).toEqual([]);
  }
  expectSheetLooksAsPrinted(sheet, table);
}

const isThin = (cell: ExcelJS.Cell): boolean => (['top', 'left', 'bottom', 'right'] as const).every((side) => cell.border?.[side]?.style === 'thin');

/** The look of a table's sheet: column widths, fonts, alignment, borders (merged cells included), page setup, print titles. */
function expectSheetLooksAsPrinted(sheet: ExcelJS.Worksheet, table: Table): void {
  const layout = sheetLayout(table);
  const { width } = layout;
  table.columns.forEach((column, i) =>
    expect(sheet.getColumn(i + 1).width, `${table.id} column ${i + 1} width`).toBe(column.kind === 'amount' ? 14 : column.kind === 'code' ? 10 : 28),
  );
  const title = sheet.getCell(layout.titleRow, 1);
  expect(title.font).toMatchObject({ bold: true, size: 14 });
  expect(title.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
  expect(sheet.getCell(layout.unitRow, width).alignment).toMatchObject({ horizontal: 'right' });
  expect(sheet.getCell(layout.unitRow, 1).value).toBe(`${table.unitLine === 'department' ? '编制部门' : '单位'}：${table.unitLabel}`);
  if (!table.provided) return;

  table.fields.forEach((_field, i) => {
    const row = layout.fieldFirstRow + i;
    const label = sheet.getCell(row, 1);
    expect(label.font?.bold, `${table.id} field label ${row}`).toBe(true);
    expect(isThin(label)).toBe(true);
    for (let c = 2; c <= width; c++) {
      const value = sheet.getCell(row, c);
      expect(value.alignment, `${table.id} field value ${row}:${c}`).toMatchObject({ wrapText: true, vertical: 'top' });
      expect(isThin(value), `${table.id} field value ${row}:${c} border`).toBe(true);
    }
  });
  for (let r = layout.headerFirstRow; r < layout.bodyFirstRow; r++) {
    for (let c = 1; c <= table.columns.length; c++) {
      const cell = sheet.getCell(r, c);
      const where = `${table.id} header ${r}:${c}`;
      expect(cell.font?.bold, where).toBe(true);
      expect(cell.alignment, where).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
      expect(isThin(cell), `${where} border`).toBe(true);
    }
  }
  table.rows.forEach((row, r) => {
    const bold = row.level === 'total' || row.level === 'department' || row.level === 'unit';
    row.cells.forEach((_cell, c) => {
      const cell = sheet.getCell(layout.bodyFirstRow + r, c + 1);
      const where = `${table.id} row ${row.key} column ${c}`;
      expect(isThin(cell), `${where} border`).toBe(true);
      expect(cell.font?.bold === true, `${where} bold`).toBe(bold);
    });
  });
  expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  expect(sheet.pageSetup.printTitlesRow, `${table.id} print titles`).toBe(`${layout.headerFirstRow}:${layout.bodyFirstRow - 1}`);
}

describe('tableWorkbook on the sample disclosure', async () => {
  const disclosure = loadOne('content', SAMPLE_ID);
  const tables = buildTables(disclosure);
  const workbook = await open(await tableWorkbook(disclosure, tables, 'stamp-0123abcd'));

  it('has a cover sheet and then one sheet per table, in table order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([COVER_SHEET_NAME, ...tables.map(tableSheetName)]);
    expect(new Set(workbook.worksheets.map((s) => s.name)).size).toBe(24);
    for (const sheet of workbook.worksheets) expect(sheet.name.length).toBeLessThanOrEqual(31);
  });

  it.each(tables.map((t, i) => [t.number, t, i] as const))(
    'sheet of table %i reads back equal to the table model, merged header cells included',
    (_n, table, i) => {
      const sheet = workbook.worksheets[i + 1];
      if (!sheet) throw new Error(`no sheet for table ${table.number}`);
      expectSheetMatchesTable(sheet, table);
    },
  );

  it('names the department, year, source and build stamp on the cover sheet', () => {
    const cover = workbook.getWorksheet(COVER_SHEET_NAME);
    const values: unknown[] = [];
    cover?.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(disclosure.department.name);
    expect(values).toContain(disclosure.year);
    expect(values).toContain(disclosure.provenance.title);
    expect(values).toContain('stamp-0123abcd');
  });

  it('keeps unit codes as text with their leading zeros', () => {
    const sheet = workbook.worksheets[3] as ExcelJS.Worksheet;
    const codes: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => codes.push(cell.value)));
    expect(codes).toContain('001001');
    expect(codes).not.toContain(1001);
  });

  it('dates the document 1 January of the budget year, not when it was built', () => {
    expect(workbook.created.toISOString()).toBe(`${disclosure.year}-01-01T00:00:00.000Z`);
    expect(workbook.modified.toISOString()).toBe(`${disclosure.year}-01-01T00:00:00.000Z`);
    expect(workbook.creator).toBe('gongkai');
    expect(workbook.lastModifiedBy).toBe('gongkai');
  });

  it('lays the cover sheet out with its widths, a bold title and bold labels', () => {
    const cover = workbook.getWorksheet(COVER_SHEET_NAME) as ExcelJS.Worksheet;
    expect([1, 2, 3].map((c) => cover.getColumn(c).width)).toEqual([24, 60, 18]);
    expect(cover.getCell(1, 1).font).toMatchObject({ bold: true, size: 14 });
    expect(cover.getCell(3, 1).value).toBe('部门 / Department');
    expect(cover.getCell(3, 1).font?.bold).toBe(true);
    expect(cover.getCell(3, 2).value).toBe(disclosure.department.name);
    expect(cover.getCell(6, 2).value).toBe(disclosure.year);
    const listHeader = cover.getColumn(1).values.indexOf('表号 / Table');
    expect([1, 2, 3, 4].map((c) => cover.getCell(listHeader, c).font?.bold)).toEqual([true, true, true, true]);
    expect(cover.getCell(listHeader + 1, 1).value).toBe(tables[0]?.number);
    expect(cover.getCell(listHeader + tables.length, 2).value).toBe(tables.at(-1)?.title);
    expect(cover.rowCount).toBe(listHeader + tables.length);
    expect((cover.views ?? []).filter((v) => v.state === 'frozen')).toEqual([]);
  });
});

describe('singleTableWorkbook: each published table on its own', async () => {
  const disclosure = loadOne('content', SAMPLE_ID);
  const tables = tablesWithOwnWorkbook(buildTables(disclosure));
  const full = await open(await tableWorkbook(disclosure, tables, 'stamp-0123abcd'));
  const own = await Promise.all(tables.map(async (table) => open(await singleTableWorkbook(disclosure, table, 'stamp-0123abcd'))));

  it.each(tables.map((t, i) => [t.id, t, i] as const))('%s: one sheet laid out as in the disclosure’s workbook, then whose table it is', (_id, table, i) => {
    const workbook = own[i];
    const reference = full.worksheets[i + 1];
    if (!workbook || !reference) throw new Error(`no workbook for ${table.id}`);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([tableSheetName(table)]);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(new Set(sheet.model.merges)).toEqual(new Set(reference.model.merges));
    expectSheetLooksAsPrinted(sheet, table);
    expect(sheet.views ?? []).toEqual(reference.views ?? []);
    for (let r = 1; r <= reference.rowCount; r++) {
      for (let c = 1; c <= Math.max(table.columns.length, 2); c++)
        expect(sheet.getCell(r, c).value, `${table.id} ${r}:${c}`).toEqual(reference.getCell(r, c).value);
    }
    expect(sheet.getCell(2, Math.max(table.columns.length, 2)).value).toBe(`金额单位：${table.amountUnit}`);
    const lines = tableSourceLines(disclosure, 'stamp-0123abcd');
    lines.forEach((line, k) => expect(sheet.getCell(reference.rowCount + 2 + k, 1).value).toBe(line));
    expect(lines[0]).toContain(disclosure.department.name);
    expect(lines[1]).toContain(disclosure.provenance.title);
  });

  it('keeps every code as a text cell with its leading zeros', () => {
    let codes = 0;
    tables.forEach((table, i) => {
      const sheet = own[i]?.worksheets[0];
      const top = sheetLayout(table).bodyFirstRow;
      table.rows.forEach((row, r) =>
        row.cells.forEach((cell, c) => {
          if (cell.kind !== 'code' || cell.value === '') return;
          const target = sheet?.getCell(top + r, c + 1);
          expect(target?.type, `${table.id} ${row.key}`).toBe(ExcelJS.ValueType.String);
          expect(target?.value).toBe(cell.value);
          codes++;
        }),
      );
    });
    expect(codes).toBeGreaterThan(100);
  });

  it('is byte-identical for the same table, and written for published tables only', async () => {
    const table = tables[0] as Table;
    expect(await singleTableWorkbook(disclosure, table, 's')).toEqual(await singleTableWorkbook(disclosure, table, 's'));
    const partial = buildTables({ ...disclosure, providedTables: ['projectPerformance', 'unitPerformance'] });
    expect(tablesWithOwnWorkbook(partial).map((t) => t.id)).toEqual(['projectPerformance', 'unitPerformance']);
  });
});

describe('tableWorkbook output is deterministic', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is byte-identical when built at two different times', async () => {
    const disclosure = loadOne('content', SAMPLE_ID);
    const tables = buildTables(disclosure);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-03-04T05:06:08Z'));
    const first = await tableWorkbook(disclosure, tables, 'same');
    vi.setSystemTime(new Date('2031-07-08T09:10:12Z'));
    const second = await tableWorkbook(disclosure, tables, 'same');
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('changes when the build stamp changes', async () => {
    const disclosure = loadOne('content', SAMPLE_ID);
    const tables = buildTables(disclosure);
    const a = await tableWorkbook(disclosure, tables, 'one');
    const b = await tableWorkbook(disclosure, tables, 'two');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});

describe('tableWorkbook for tables not provided and for the synthetic fixture', async () => {
  const sample = loadOne('content', SAMPLE_ID);
  const partialTables = buildTables({ ...sample, providedTables: ['projectPerformance', 'unitPerformance'] });
  const partial = await open(await tableWorkbook(sample, partialTables, 'partial'));
  const synthetic = loadOne('tests/fixtures/synthetic-injection');
  const syntheticTables = buildTables(synthetic);
  const syntheticBook = await open(await tableWorkbook(synthetic, syntheticTables, 'synthetic'));

  it.each(partialTables.map((t, i) => [t.number, t, i] as const))(
    'table %i of a partial disclosure matches its model (not provided → a notice only)',
    (_n, table, i) => {
      expectSheetMatchesTable(partial.worksheets[i + 1] as ExcelJS.Worksheet, table);
    },
  );

  it.each(syntheticTables.map((t, i) => [t.number, t, i] as const))('synthetic table %i reads back equal to its model', (_n, table, i) => {
    expectSheetMatchesTable(syntheticBook.worksheets[i + 1] as ExcelJS.Worksheet, table);
  });

  it('writes a real negative amount as a negative number', () => {
    const table = syntheticTables[2] as Table;
    const row = table.rows.findIndex((r) => r.key === 'item:901002:2010102');
    const sheet = syntheticBook.worksheets[3] as ExcelJS.Worksheet;
    const excelRow = sheetLayout(table).bodyFirstRow + row;
    expect(sheet.getCell(excelRow, 7).value).toBe(-3.5);
    expect(sheet.getCell(excelRow, 7).numFmt).toBe('0.00');
  });
});

describe('text that Excel cannot hold', () => {
  it('is dropped from the workbook (U+FFFE, control characters, lone surrogates), so the file always opens', async () => {
    const { xmlText } = await import('./xml-text.ts');
    expect(xmlText('项目\uFFFE名称\u0001\uD800尾')).toBe('项目名称尾');
    expect(xmlText('制表\t换行\n😀')).toBe('制表\t换行\n😀');
  });
});
