/**
 * A comparison across departments (site/comparison.ts) as downloads: a CSV (one rectangle, one
 * header row, each amount column's unit in its header) and a workbook (title, 金额单位 line,
 * codes as text cells, amounts as numbers in each column's unit, the legend underneath). Both
 * list the rows in the natural order (region, department); the page sorts them.
 *
 * Empty is not zero: in the CSV a blank printed cell and a figure not published are both an
 * empty field (never 0); the workbook writes `未公开` for the latter, so a reader can tell them apart.
 */
import { t } from '../i18n/strings.ts';
import { formatAmount } from '../money.ts';
import { comparisonCell, type ComparisonColumn, type ComparisonRow } from '../site/comparison.ts';
import { amountField, toCsv, type CsvField } from './csv.ts';
import { Worksheet, type CellStyle } from './ooxml-sheet.ts';
import { SHEET_STYLES, workbookOf } from './xlsx.ts';
import { phaseWord } from '../i18n/format.ts';

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
  phaseWord(row),
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

const TITLE: CellStyle = { bold: true, size: 14, horizontal: 'center' };
const { unit: UNIT, header: HEADER, body: BODY } = SHEET_STYLES;
const ABSENT: CellStyle = { border: true, horizontal: 'center' };
const AMOUNT: CellStyle = { border: true, numFmt: '0.00' };
const WHOLE_AMOUNT: CellStyle = { border: true, numFmt: '0' };

/** The 金额单位 line: the one unit of every column, or a pointer to the headers when they differ. */
export function unitLine(columns: readonly ComparisonColumn[]): string {
  const units = [...new Set(columns.map((c) => c.unit))];
  return units.length === 1 ? `金额单位：${units[0]}` : `金额单位：见各列标题（${units.join('、')}）`;
}

/** The comparison as a workbook of one sheet; the same content gives the same bytes. */
export function comparisonWorkbook(c: ComparisonExport): Uint8Array<ArrayBuffer> {
  const sheet = new Worksheet('部门比较');
  const width = COMPARISON_ID_HEADERS.length + c.columns.length;
  sheet.merge(1, 1, 1, width);
  sheet.set(1, 1, c.title, TITLE);
  sheet.set(2, width, unitLine(c.columns), UNIT);
  const headerRow = 3;
  [...COMPARISON_ID_HEADERS, ...c.headers].forEach((label, i) => {
    sheet.set(headerRow, i + 1, label, HEADER);
    sheet.width(i + 1, i < COMPARISON_ID_HEADERS.length ? (label === '部门' || label === '单位' ? 30 : 10) : 16);
  });
  c.rows.forEach((row, r) => {
    const line = headerRow + 1 + r;
    // Codes and names are strings, so the workbook types them as text: 001 keeps its zeros.
    idFields(row).forEach((value, i) => sheet.set(line, i + 1, value === '' ? null : value, BODY));
    c.columns.forEach((column, i) => {
      const at = COMPARISON_ID_HEADERS.length + i + 1;
      const value = comparisonCell(row, column);
      if (value.kind === 'amount')
        sheet.set(line, at, Number(formatAmount(value.value, column.unit, column.decimals)), column.decimals === 0 ? WHOLE_AMOUNT : AMOUNT);
      else if (value.kind === 'absent') sheet.set(line, at, t('compare.absent'), ABSENT);
      else sheet.set(line, at, null, BODY);
    });
  });
  const note = headerRow + c.rows.length + 2;
  sheet.merge(note, 1, note, width);
  sheet.set(note, 1, t('compare.legend'));
  sheet.merge(note + 1, 1, note + 1, width);
  sheet.set(note + 1, 1, t('compare.units'));
  sheet.frozenRows = headerRow;
  return workbookOf([sheet], { year: c.year });
}
