/**
 * A comparison across departments (site/comparison.ts) as downloads: a CSV (one rectangle, one
 * header row, each amount column's unit in its header) and a workbook (title, 金额单位 line,
 * codes as text cells, amounts as numbers in each column's unit, the legend underneath). Both
 * list the rows in the natural order (region, department); the page sorts them.
 *
 * Empty is not zero: in the CSV a blank printed cell and a figure not published are both an
 * empty field (never 0); the workbook writes `未公开` for the latter, so a reader can tell them apart.
 */
import ExcelJS from 'exceljs';
import { t } from '../i18n/strings.ts';
import { formatAmount } from '../money.ts';
import { comparisonCell, type ComparisonColumn, type ComparisonRow } from '../site/comparison.ts';
import { amountField, toCsv, type CsvField } from './csv.ts';
import { fixZipEntryDates, workbookDate } from './xlsx.ts';
import { xmlText } from './xml-text.ts';

/** What the downloads need of a comparison. */
export interface ComparisonExport {
  readonly title: string;
  readonly year: number;
  readonly rows: readonly ComparisonRow[];
  readonly columns: readonly ComparisonColumn[];
  /** Each column's header with its unit (`公务接待费（万元）`). */
  readonly headers: readonly string[];
}

/** The descriptive columns before the amounts. */
export const COMPARISON_ID_HEADERS = ['层级', '地区编码', '地区', '部门编码', '部门', '单位编码', '单位', '年度', '预算/决算', '模板'] as const;

const idFields = (row: ComparisonRow): string[] => [
  t(row.level === 'unit' ? 'compare.level.unit' : 'compare.level.department'),
  row.region.code,
  row.region.name,
  row.department.code,
  row.department.name,
  row.unit?.code ?? '',
  row.unit?.name ?? '',
  String(row.year),
  t(row.phase === 'final' ? 'phase.final' : 'phase.budget'),
  row.template,
];

/** The comparison as CSV (with the BOM the other downloads carry). */
export function comparisonCsv(c: ComparisonExport): string {
  const header: CsvField[] = [...COMPARISON_ID_HEADERS, ...c.headers];
  const body = c.rows.map((row): CsvField[] => [
    ...idFields(row),
    ...c.columns.map((column) => {
      const cell = comparisonCell(row, column);
      return cell.kind === 'amount' ? amountField(cell.value, column.unit, column.decimals) : '';
    }),
  ]);
  return toCsv([header, ...body]);
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** The 金额单位 line: the one unit of every column, or a pointer to the headers when they differ. */
export function unitLine(columns: readonly ComparisonColumn[]): string {
  const units = [...new Set(columns.map((c) => c.unit))];
  return units.length === 1 ? `金额单位：${units[0]}` : `金额单位：见各列标题（${units.join('、')}）`;
}

/** The comparison as a workbook of one sheet; the same content gives the same bytes. */
export async function comparisonWorkbook(c: ComparisonExport): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const date = workbookDate({ year: c.year });
  workbook.creator = 'gongkai';
  workbook.lastModifiedBy = 'gongkai';
  workbook.created = date;
  workbook.modified = date;
  workbook.lastPrinted = date;
  const sheet = workbook.addWorksheet('部门比较');
  const width = COMPARISON_ID_HEADERS.length + c.columns.length;
  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = xmlText(c.title);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const unit = sheet.getCell(2, width);
  unit.value = unitLine(c.columns);
  unit.alignment = { horizontal: 'right' };
  const headerRow = 3;
  [...COMPARISON_ID_HEADERS, ...c.headers].forEach((label, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = xmlText(label);
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    sheet.getColumn(i + 1).width = i < COMPARISON_ID_HEADERS.length ? (label === '部门' || label === '单位' ? 30 : 10) : 16;
  });
  c.rows.forEach((row, r) => {
    const line = headerRow + 1 + r;
    // Codes and names are strings, so the workbook types them as text: 001 keeps its zeros.
    idFields(row).forEach((value, i) => {
      const cell = sheet.getCell(line, i + 1);
      if (value !== '') cell.value = xmlText(value);
      cell.border = THIN;
    });
    c.columns.forEach((column, i) => {
      const cell = sheet.getCell(line, COMPARISON_ID_HEADERS.length + i + 1);
      const value = comparisonCell(row, column);
      cell.border = THIN;
      if (value.kind === 'amount') {
        cell.numFmt = column.decimals === 0 ? '0' : '0.00';
        cell.value = Number(formatAmount(value.value, column.unit, column.decimals));
      } else if (value.kind === 'absent') {
        cell.value = t('compare.absent');
        cell.alignment = { horizontal: 'center' };
      }
    });
  });
  const note = headerRow + c.rows.length + 2;
  sheet.mergeCells(note, 1, note, width);
  sheet.getCell(note, 1).value = t('compare.legend');
  sheet.mergeCells(note + 1, 1, note + 1, width);
  sheet.getCell(note + 1, 1).value = t('compare.units');
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
  const buffer = await workbook.xlsx.writeBuffer();
  return fixZipEntryDates(new Uint8Array(buffer), date);
}
