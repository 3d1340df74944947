/**
 * The XLSX workbook of a disclosure: a cover sheet, then one sheet per table laid out like the
 * official form (title, 单位 line, merged header cells, amounts in 万元 with format `0.00`,
 * header rows frozen, the note underneath).
 *
 * Byte-identical output for the same content: exceljs stamps "now" in two places. The document
 * dates (docProps/core.xml) are set here to 1 January of the budget year. The zip entry dates
 * come from JSZip, which exceljs calls without a date, so every entry gets the time of writing
 * and no exceljs option reaches it; {@link fixZipEntryDates} rewrites those fields afterwards.
 * That patch touches only the date fields of the zip headers: the compressed data, CRCs and
 * offsets stay exactly as JSZip wrote them.
 */
import ExcelJS from 'exceljs';
import type { Disclosure } from '../disclosure/model.ts';
import { formatAmount, type Amount, type AmountUnit } from '../money.ts';
import { headerGrid, type Cell, type Table } from '../tables/model.ts';
import { xmlText } from './xml-text.ts';

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

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const amountValue = (amount: Amount, unit: AmountUnit): number | null => (amount === null ? null : Number(formatAmount(amount, unit, 2)));

/**
 * Writes a model cell: amounts as numbers in the table's unit (format 0.00), codes and text as
 * text. An XLSX text cell is a string and never a formula, whatever it starts with, so text is
 * written as it reads (the sample's comparator `=` stays `=`, not `'=`); only characters XML
 * cannot hold (U+FFFE, control characters) are dropped, as Excel refuses to open a workbook with them.
 */
function writeCell(target: ExcelJS.Cell, cell: Cell, unit: AmountUnit = '万元'): void {
  if (cell.kind === 'amount') {
    target.numFmt = AMOUNT_FORMAT;
    const value = amountValue(cell.value, unit);
    if (value !== null) target.value = value;
    return;
  }
  if (cell.value !== '') target.value = xmlText(cell.value);
}

function addTableSheet(workbook: ExcelJS.Workbook, table: Table): void {
  const layout = sheetLayout(table);
  const sheet = workbook.addWorksheet(tableSheetName(table));
  const { width } = layout;

  table.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.kind === 'amount' ? 14 : column.kind === 'code' ? 10 : 28;
  });

  sheet.mergeCells(layout.titleRow, 1, layout.titleRow, width);
  const title = sheet.getCell(layout.titleRow, 1);
  title.value = table.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };

  sheet.getCell(layout.unitRow, 1).value = xmlText(`${table.unitLine === 'department' ? '编制部门' : '单位'}：${table.unitLabel}`);
  const unit = sheet.getCell(layout.unitRow, width);
  unit.value = `金额单位：${table.amountUnit}`;
  unit.alignment = { horizontal: 'right' };

  if (layout.notProvidedRow !== null) {
    sheet.mergeCells(layout.notProvidedRow, 1, layout.notProvidedRow, width);
    sheet.getCell(layout.notProvidedRow, 1).value = NOT_PROVIDED_TEXT;
    return;
  }

  table.fields.forEach((field, i) => {
    const row = layout.fieldFirstRow + i;
    const label = sheet.getCell(row, 1);
    label.value = xmlText(field.label);
    label.font = { bold: true };
    label.border = THIN;
    sheet.mergeCells(row, 2, row, width);
    const value = sheet.getCell(row, 2);
    writeCell(value, field.value, table.amountUnit);
    value.alignment = { wrapText: true, vertical: 'top' };
    value.border = THIN;
  });

  const grid = headerGrid(table.header);
  grid.forEach((cells, level) => {
    for (const cell of cells) {
      const top = layout.headerFirstRow + level;
      const left = cell.firstColumn + 1;
      const bottom = top + cell.rowSpan - 1;
      const right = left + cell.colSpan - 1;
      if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
      const target = sheet.getCell(top, left);
      target.value = xmlText(cell.label);
      target.font = { bold: true };
      target.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      target.border = THIN;
    }
  });

  table.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      const target = sheet.getCell(layout.bodyFirstRow + r, c + 1);
      writeCell(target, cell, table.amountUnit);
      target.border = THIN;
      if (row.level === 'total' || row.level === 'department' || row.level === 'unit') target.font = { bold: true };
    });
  });

  if (layout.noteRow !== null && table.note !== null) {
    sheet.mergeCells(layout.noteRow, 1, layout.noteRow, width);
    sheet.getCell(layout.noteRow, 1).value = table.note;
  }

  // A long form (the 整体支出绩效目标表's mission and tasks) above the grid would fill the screen if frozen, so
  // only tables whose header starts right under the 单位 line freeze it.
  if (table.fields.length === 0) sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.bodyFirstRow - 1 }];
  sheet.pageSetup = {
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${layout.headerFirstRow}:${layout.bodyFirstRow - 1}`,
  };
}

/** What a workbook shows of its disclosure (the build hands workbooks to a worker thread, so only these travel). */
export type WorkbookDisclosure = Pick<Disclosure, 'year' | 'phase' | 'region' | 'department' | 'units' | 'provenance'>;

const tableStatus = (table: Table): string => (!table.provided ? '未提供 / not provided' : table.empty ? '空表 / empty' : '已公开 / published');

function addCoverSheet(workbook: ExcelJS.Workbook, d: WorkbookDisclosure, tables: readonly Table[], stamp: string): void {
  const sheet = workbook.addWorksheet(COVER_SHEET_NAME);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 60;
  sheet.getColumn(3).width = 18;
  const title = sheet.getCell(1, 1);
  title.value = xmlText(`${d.department.name} ${d.year}年部门${d.phase === 'final' ? '决算' : '预算'}`);
  title.font = { bold: true, size: 14 };
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
    sheet.getCell(row, 1).value = label;
    sheet.getCell(row, 1).font = { bold: true };
    sheet.getCell(row, 2).value = typeof value === 'string' ? xmlText(value) : value;
    row++;
  }
  row++;
  sheet.getCell(row, 1).value = '表号 / Table';
  sheet.getCell(row, 2).value = '表名 / Title';
  sheet.getCell(row, 3).value = '状态 / Status';
  sheet.getCell(row, 4).value = '金额单位 / Unit';
  sheet.getRow(row).font = { bold: true };
  for (const table of tables) {
    row++;
    sheet.getCell(row, 1).value = table.number ?? table.id;
    sheet.getCell(row, 2).value = table.title;
    sheet.getCell(row, 3).value = tableStatus(table);
    sheet.getCell(row, 4).value = table.amountUnit;
  }
}

/** The fixed date a disclosure's workbook carries: 1 January of its budget year, UTC. */
export const workbookDate = (d: Pick<Disclosure, 'year'>): Date => new Date(`${d.year}-01-01T00:00:00Z`);

/**
 * The workbook of one disclosure: cover sheet (department, year, source, build stamp), then one
 * sheet per table in the order given. `stamp` identifies the build (a content hash from the
 * build), never a clock time, so the same content gives the same bytes.
 */
export async function tableWorkbook(disclosure: WorkbookDisclosure, tables: readonly Table[], stamp: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = newWorkbook(disclosure);
  addCoverSheet(workbook, disclosure, tables, stamp);
  for (const table of tables) addTableSheet(workbook, table);
  return writeWorkbook(workbook, disclosure, {});
}

function newWorkbook(disclosure: WorkbookDisclosure): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const date = workbookDate(disclosure);
  workbook.creator = 'gongkai';
  workbook.lastModifiedBy = 'gongkai';
  workbook.created = date;
  workbook.modified = date;
  workbook.lastPrinted = date;
  return workbook;
}

async function writeWorkbook(
  workbook: ExcelJS.Workbook,
  disclosure: WorkbookDisclosure,
  options: Partial<ExcelJS.XlsxWriteOptions>,
): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await workbook.xlsx.writeBuffer(options);
  return fixZipEntryDates(new Uint8Array(buffer), workbookDate(disclosure));
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
 * then who published it and the source. Compressed at deflate level 1: a one-sheet workbook is
 * mostly exceljs's fixed parts (theme, styles), and level 1 writes it in about 60 % of the default
 * level's time for 6 % more bytes.
 */
export async function singleTableWorkbook(disclosure: WorkbookDisclosure, table: Table, stamp: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = newWorkbook(disclosure);
  addTableSheet(workbook, table);
  const sheet = workbook.worksheets[0];
  if (sheet) {
    const first = sheet.rowCount + 2;
    tableSourceLines(disclosure, stamp).forEach((line, i) => {
      sheet.getCell(first + i, 1).value = xmlText(line);
    });
  }
  return writeWorkbook(workbook, disclosure, { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/**
 * Sets the modification date of every entry of a zip (central directory and local headers) to
 * `date`, in the MS-DOS format zip uses (2-second resolution, read as UTC here as JSZip writes
 * it). Returns a patched copy; throws on anything that is not a plain single-disk zip.
 */
export function fixZipEntryDates(zip: Uint8Array, date: Date): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();

  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== CENTRAL_FILE_HEADER) throw new Error(`zip central directory entry ${n} is malformed`);
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_FILE_HEADER) throw new Error(`zip local header of entry ${n} is malformed`);
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
