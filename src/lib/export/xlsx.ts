/**
 * The XLSX workbook of a disclosure: a cover sheet, then one sheet per table laid out like the
 * official form (title, 单位 line, merged header cells, amounts in 万元 with format `0.00`,
 * header rows frozen, the note underneath).
 *
 * Written by the direct SpreadsheetML writer in ooxml-sheet.ts (no object model, no theme): about
 * a tenth of exceljs's time, which the build spends once per disclosure and once per table.
 * Byte-identical output for the same content: the document dates (docProps/core.xml) and the
 * date of every zip entry are 1 January of the budget year ({@link workbookDate}).
 */
import type { Disclosure } from '../disclosure/model.ts';
import { formatAmount, type Amount, type AmountUnit } from '../money.ts';
import { headerGrid, type Cell, type Table } from '../tables/model.ts';
import { Worksheet, workbookBytes, type CellStyle } from './ooxml-sheet.ts';

/** What a sheet of a table that was not published says instead of a grid. */
export const NOT_PROVIDED_TEXT = '本公开未提供此表 / not provided in this disclosure';

/** Name of the cover sheet, the first sheet of every workbook. */
export const COVER_SHEET_NAME = '封面';

const AMOUNT_FORMAT = '0.00';
const MAX_SHEET_NAME = 31;

/** Where each part of a table's sheet sits; rows count from 1 as Excel shows them. */
export interface SheetLayout {
  /** Columns the sheet spans (the table's leaf columns, at least 2 for the 单位 line). */
  readonly width: number;
  readonly titleRow: number;
  /** `单位：…` on the left, `金额单位：万元` on the right. */
  readonly unitRow: number;
  /** First row of the form's labelled values (label in A, value merged across the rest). */
  readonly fieldFirstRow: number;
  /** First header row; the header grid takes as many rows as the header tree is deep. */
  readonly headerFirstRow: number;
  readonly bodyFirstRow: number;
  /** The note row, or null when the table prints no note. */
  readonly noteRow: number | null;
  /** The row saying the table was not provided, or null when it was. */
  readonly notProvidedRow: number | null;
}

export function sheetLayout(table: Table): SheetLayout {
  const width = Math.max(table.columns.length, 2);
  if (!table.provided) {
    return { width, titleRow: 1, unitRow: 2, fieldFirstRow: 3, headerFirstRow: 3, bodyFirstRow: 3, noteRow: null, notProvidedRow: 3 };
  }
  const fieldFirstRow = 3;
  const headerFirstRow = fieldFirstRow + table.fields.length;
  const bodyFirstRow = headerFirstRow + headerGrid(table.header).length;
  const afterBody = bodyFirstRow + table.rows.length;
  return { width, titleRow: 1, unitRow: 2, fieldFirstRow, headerFirstRow, bodyFirstRow, noteRow: table.note === null ? null : afterBody, notProvidedRow: null };
}

/** Sheet name of a table: its number and title, without the characters Excel forbids, cut to 31. */
export function tableSheetName(table: Table): string {
  const name = `${table.number === null ? '' : `${String(table.number).padStart(2, '0')} `}${table.title}`.replace(/[[\]:*?/\\]/g, '_');
  // Excel counts UTF-16 units; the template's titles are all in the Basic Multilingual Plane.
  return name.slice(0, MAX_SHEET_NAME);
}

const amountValue = (amount: Amount, unit: AmountUnit): number | null => (amount === null ? null : Number(formatAmount(amount, unit, 2)));

// The styles of the sheets, as constants: the writer interns styles by identity.
const TITLE: CellStyle = { bold: true, size: 14, horizontal: 'center', vertical: 'middle' };
/** The styles the comparison workbook shares with the tables' sheets. */
export const SHEET_STYLES = {
  unit: { horizontal: 'right' },
  header: { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  body: { border: true },
} as const satisfies Record<string, CellStyle>;
const COVER_TITLE: CellStyle = { bold: true, size: 14 };
const BOLD: CellStyle = { bold: true };
const FIELD_LABEL: CellStyle = { bold: true, border: true };
const FIELD_VALUE: CellStyle = { wrap: true, vertical: 'top', border: true };
const FIELD_AMOUNT: CellStyle = { ...FIELD_VALUE, numFmt: AMOUNT_FORMAT };
const BODY_AMOUNT: CellStyle = { border: true, numFmt: AMOUNT_FORMAT };
const BODY_BOLD: CellStyle = { bold: true, border: true };
const BODY_BOLD_AMOUNT: CellStyle = { bold: true, border: true, numFmt: AMOUNT_FORMAT };

/**
 * Writes a model cell: amounts as numbers in the table's unit (format 0.00; an empty amount is a
 * blank cell with the format), codes and text as text. An XLSX text cell is a string and never a
 * formula, whatever it starts with, so text is written as it reads (the sample's comparator `=`
 * stays `=`, not `'=`); only characters XML cannot hold (U+FFFE, control characters) are dropped
 * by the writer, as Excel refuses to open a workbook with them.
 */
function writeCell(sheet: Worksheet, row: number, column: number, cell: Cell, unit: AmountUnit, text: CellStyle, amount: CellStyle): void {
  if (cell.kind === 'amount') sheet.set(row, column, amountValue(cell.value, unit), amount);
  else sheet.set(row, column, cell.value === '' ? null : cell.value, text);
}

function tableSheet(table: Table): Worksheet {
  const layout = sheetLayout(table);
  const sheet = new Worksheet(tableSheetName(table));
  const { width } = layout;

  table.columns.forEach((column, i) => {
    sheet.width(i + 1, column.kind === 'amount' ? 14 : column.kind === 'code' ? 10 : 28);
  });

  sheet.merge(layout.titleRow, 1, layout.titleRow, width);
  sheet.set(layout.titleRow, 1, table.title, TITLE);
  sheet.set(layout.unitRow, 1, `${table.unitLine === 'department' ? '编制部门' : '单位'}：${table.unitLabel}`);
  sheet.set(layout.unitRow, width, `金额单位：${table.amountUnit}`, SHEET_STYLES.unit);

  if (layout.notProvidedRow !== null) {
    sheet.merge(layout.notProvidedRow, 1, layout.notProvidedRow, width);
    sheet.set(layout.notProvidedRow, 1, NOT_PROVIDED_TEXT);
    return sheet;
  }

  table.fields.forEach((field, i) => {
    const row = layout.fieldFirstRow + i;
    sheet.set(row, 1, field.label, FIELD_LABEL);
    sheet.merge(row, 2, row, width);
    writeCell(sheet, row, 2, field.value, table.amountUnit, FIELD_VALUE, FIELD_AMOUNT);
  });

  headerGrid(table.header).forEach((cells, level) => {
    for (const cell of cells) {
      const top = layout.headerFirstRow + level;
      const left = cell.firstColumn + 1;
      const bottom = top + cell.rowSpan - 1;
      const right = left + cell.colSpan - 1;
      if (bottom > top || right > left) sheet.merge(top, left, bottom, right);
      sheet.set(top, left, cell.label, SHEET_STYLES.header);
    }
  });

  table.rows.forEach((row, r) => {
    const bold = row.level === 'total' || row.level === 'department' || row.level === 'unit';
    row.cells.forEach((cell, c) => {
      writeCell(sheet, layout.bodyFirstRow + r, c + 1, cell, table.amountUnit, bold ? BODY_BOLD : SHEET_STYLES.body, bold ? BODY_BOLD_AMOUNT : BODY_AMOUNT);
    });
  });

  if (layout.noteRow !== null && table.note !== null) {
    sheet.merge(layout.noteRow, 1, layout.noteRow, width);
    sheet.set(layout.noteRow, 1, table.note);
  }

  // A long form (the 整体支出绩效目标表's mission and tasks) above the grid would fill the screen if frozen, so
  // only tables whose header starts right under the 单位 line freeze it.
  if (table.fields.length === 0) sheet.frozenRows = layout.bodyFirstRow - 1;
  sheet.pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 };
  if (layout.bodyFirstRow > layout.headerFirstRow) sheet.printTitleRows = [layout.headerFirstRow, layout.bodyFirstRow - 1];
  return sheet;
}

/** What a workbook shows of its disclosure (the build hands workbooks to a worker thread, so only these travel). */
export type WorkbookDisclosure = Pick<Disclosure, 'year' | 'phase' | 'region' | 'department' | 'units' | 'provenance'>;

const tableStatus = (table: Table): string => (!table.provided ? '未提供 / not provided' : table.empty ? '空表 / empty' : '已公开 / published');

function coverSheet(d: WorkbookDisclosure, tables: readonly Table[], stamp: string): Worksheet {
  const sheet = new Worksheet(COVER_SHEET_NAME);
  sheet.width(1, 24);
  sheet.width(2, 60);
  sheet.width(3, 18);
  sheet.set(1, 1, `${d.department.name} ${d.year}年部门${d.phase === 'final' ? '决算' : '预算'}`, COVER_TITLE);
  const lines: (readonly [string, string | number])[] = [
    ['部门 / Department', d.department.name],
    ['部门编码 / Department code', d.department.code],
    ['行政区划 / Region', `${d.region.code} ${d.region.name}`],
    ['预算年度 / Year', d.year],
    ...d.units.map((u): readonly [string, string] => ['单位 / Unit', `${u.code} ${u.name}`]),
    ['金额单位 / Amount unit', [...new Set(tables.map((table) => table.amountUnit))].join('、')],
    ['来源 / Source', d.provenance.title],
    ...(d.provenance.url === undefined ? [] : [['来源网址 / Source URL', d.provenance.url] as const]),
    ...(d.provenance.transcribedFrom === undefined ? [] : [['录入自 / Transcribed from', d.provenance.transcribedFrom] as const]),
    ['构建标识 / Build stamp', stamp],
  ];
  let row = 3;
  for (const [label, value] of lines) {
    sheet.set(row, 1, label, BOLD);
    sheet.set(row, 2, value);
    row++;
  }
  row++;
  sheet.styleRow(row, BOLD);
  ['表号 / Table', '表名 / Title', '状态 / Status', '金额单位 / Unit'].forEach((label, i) => sheet.set(row, i + 1, label, BOLD));
  for (const table of tables) {
    row++;
    sheet.set(row, 1, table.number ?? table.id);
    sheet.set(row, 2, table.title);
    sheet.set(row, 3, tableStatus(table));
    sheet.set(row, 4, table.amountUnit);
  }
  return sheet;
}

/** The fixed date a disclosure's workbook carries: 1 January of its budget year, UTC. */
export const workbookDate = (d: Pick<Disclosure, 'year'>): Date => new Date(`${d.year}-01-01T00:00:00Z`);

/**
 * Deflate level of the workbooks: level 1 writes them in about three quarters of the default
 * level's (6) time for about 10 % more bytes (`npm run bench` prints the time and size of both
 * kinds of workbook; change this constant to compare).
 */
const LEVEL = 1;

/** The bytes of a gongkai workbook: creator `gongkai`, dated 1 January of `year`, at {@link LEVEL}. */
export const workbookOf = (sheets: readonly Worksheet[], d: Pick<Disclosure, 'year'>): Uint8Array<ArrayBuffer> =>
  workbookBytes(sheets, { creator: 'gongkai', date: workbookDate(d), level: LEVEL });

/**
 * The workbook of one disclosure: cover sheet (department, year, source, build stamp), then one
 * sheet per table in the order given. `stamp` identifies the build (a content hash from the
 * build), never a clock time, so the same content gives the same bytes.
 */
export function tableWorkbook(disclosure: WorkbookDisclosure, tables: readonly Table[], stamp: string): Uint8Array<ArrayBuffer> {
  return workbookOf([coverSheet(disclosure, tables, stamp), ...tables.map(tableSheet)], disclosure);
}

/** The tables that get a workbook (and a CSV) of their own: those the disclosure published. */
export const tablesWithOwnWorkbook = <T extends Pick<Table, 'provided'>>(tables: readonly T[]): T[] => tables.filter((t) => t.provided);

/** The lines under a table's own workbook that say whose table it is and where it comes from. */
export function tableSourceLines(disclosure: WorkbookDisclosure, stamp: string): string[] {
  const phase = disclosure.phase === 'final' ? '决算' : '预算';
  return [
    `部门：${disclosure.department.name}（${disclosure.region.code} ${disclosure.region.name}，部门编码 ${disclosure.department.code}），${disclosure.year}年${phase}`,
    `来源：${disclosure.provenance.title}${disclosure.provenance.url === undefined ? '' : ` ${disclosure.provenance.url}`}`,
    `构建标识：${stamp}`,
  ];
}

/**
 * One table alone as a workbook, the download beside its CSV: the sheet as in the disclosure's
 * workbook (title, 单位 and 金额单位 line, the header tree merged as printed, codes as text cells),
 * then who published it and the source.
 */
export function singleTableWorkbook(disclosure: WorkbookDisclosure, table: Table, stamp: string): Uint8Array<ArrayBuffer> {
  const sheet = tableSheet(table);
  const first = sheet.lastRow + 2;
  tableSourceLines(disclosure, stamp).forEach((line, i) => sheet.set(first + i, 1, line));
  return workbookOf([sheet], disclosure);
}
