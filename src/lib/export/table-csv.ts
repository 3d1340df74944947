/**
 * One table as a CSV a journalist can filter and sum as it is:
 *
 * - two leading columns, `层级` (the row's level: 合计, 部门, 单位, 类, 款, 项 …) and `编码` (its code:
 *   the 功能/经济分类 code, the unit or department code, the project id), so filtering one level
 *   gives rows that add up to the 合计 row, instead of 合计, 部门, 单位, 类, 款 and 项 adding up
 *   to several times the total;
 * - one header row whose names are unique (the header path joined with `/`; where two columns share
 *   a path, as the 收支总表's three `支出/预算数`, the text column each belongs to qualifies it:
 *   `支出/按功能分类/预算数`), without the print's letter-spacing (`总 计` → `总计`, also in row labels:
 *   the page and the workbook keep the print), each amount column naming its unit (`合计（万元）`);
 * - a form's labelled values (整体支出绩效目标表) in two more columns ({@link FORM_FIELD_COLUMNS}).
 *
 * The CSV carries the UTF-8 byte-order mark, so Excel reads it as UTF-8, and writes codes as plain
 * text (`001001`): a spreadsheet's default import still reads a code as a number and drops its
 * zeros, which the data page says; the table's XLSX holds codes as text cells.
 */
import { t, type StringKey } from '../i18n/strings.ts';
import type { Column, Row, RowLevel, Table } from '../tables/model.ts';
import { cellField, toCsv, type CsvField } from './csv.ts';

/** Header labels of the two columns that carry a form's labelled values (the 整体支出绩效目标表's 部门名称, 预算情况 …). */
export const FORM_FIELD_COLUMNS = ['表单栏目', '栏目内容'] as const;

const LEVEL_KEYS: Readonly<Record<RowLevel, StringKey>> = {
  total: 'level.total',
  department: 'level.department',
  unit: 'level.unit',
  class: 'level.class',
  section: 'level.section',
  item: 'level.item',
  line: 'level.line',
  project: 'level.project',
  indicator: 'level.indicator',
};

/** The name of a row's level in the CSV's `层级` column (合计, 部门, 单位, 类, 款, 项, 行, 项目, 指标). */
export const levelLabel = (level: RowLevel): string => t(LEVEL_KEYS[level]);

/** Row keys whose last part is the row's code (`item:001001:2010101` → 2010101, `unit:001001` → 001001, `project:P01` → P01). */
const CODED_KEY = /^(?:class|section|item|unit|department|project|econ):(?:.*:)?([^:]+)$/;

/** The code of a row (its 功能/经济分类 code, unit or department code, project id), or '' for a line, a total, an indicator. */
export function rowCode(row: Pick<Row, 'key'>): string {
  return CODED_KEY.exec(row.key)?.[1] ?? '';
}

/** Text printed with a space between every character (`总 计`, `收 入 总 计`) without those spaces; any other text unchanged. */
export function withoutLetterSpacing(text: string): string {
  return /^\p{Script=Han}(?:[ \u3000]+\p{Script=Han})+$/u.test(text.trim()) ? text.replace(/[ \u3000]+/g, '').trim() : text;
}

/** What qualifies a column under a text column like `项目（按功能分类）`: `按功能分类`; '' for a bare `项目`. */
function qualifierOf(label: string): string {
  const bracketed = /[（(]([^）)]+)[）)]\s*$/.exec(label);
  return bracketed?.[1] ?? '';
}

/**
 * The CSV header of each leaf column: its path joined with `/`, letter-spacing removed; columns
 * sharing a path get the qualifier of the text column they follow, and any still shared the
 * column's position (`（第3栏）`). Amount columns end with their unit.
 */
export function uniqueColumnLabels(table: Pick<Table, 'columns' | 'amountUnit'>): string[] {
  const paths = table.columns.map((c) => c.path.map(withoutLetterSpacing));
  const joined = paths.map((p) => p.join('/'));
  const count = (labels: readonly string[], label: string): number => labels.filter((l) => l === label).length;
  const qualified = paths.map((path, i) => {
    if (count(joined, joined[i] ?? '') < 2) return joined[i] ?? '';
    const owner = precedingText(table.columns, i);
    const qualifier = owner === undefined ? '' : qualifierOf(withoutLetterSpacing(owner.path.at(-1) ?? ''));
    return qualifier === '' ? (joined[i] ?? '') : [...path.slice(0, -1), qualifier, ...path.slice(-1)].join('/');
  });
  const unique = qualified.map((label, i) => (count(qualified, label) < 2 ? label : `${label}（第${i + 1}栏）`));
  return unique.map((label, i) => (table.columns[i]?.kind === 'amount' ? `${label}（${table.amountUnit}）` : label));
}

/** The nearest text column left of column `i` under the same top heading. */
function precedingText(columns: readonly Column[], i: number): Column | undefined {
  const top = columns[i]?.path[0];
  for (let j = i - 1; j >= 0; j--) {
    const column = columns[j];
    if (column === undefined || column.path[0] !== top) return undefined;
    if (column.kind === 'text') return column;
  }
  return undefined;
}

/** Header labels of the two leading columns: the row's level and its code. */
export const ROW_COLUMNS = ['层级', '编码'] as const;

/**
 * One table as CSV: the header row, a form's labelled values, then the body rows. A table the
 * disclosure did not provide is not written at all (the build writes provided tables only).
 */
export function tableToCsv(table: Table): string {
  const hasForm = table.fields.length > 0;
  const formBlank = hasForm ? ['', ''] : [];
  const gridBlank = table.columns.map(() => '');
  const header = [...ROW_COLUMNS, ...(hasForm ? FORM_FIELD_COLUMNS : []), ...uniqueColumnLabels(table)];
  const fieldRows = table.fields.map((f): CsvField[] => [t('level.field'), '', f.label, cellField(f.value, table), ...gridBlank]);
  const bodyRows = table.rows.map((row): CsvField[] => [
    levelLabel(row.level),
    rowCode(row),
    ...formBlank,
    ...row.cells.map((cell) => {
      const field = cellField(cell, table);
      return typeof field === 'string' && cell.kind === 'text' ? withoutLetterSpacing(field) : field;
    }),
  ]);
  return toCsv([header, ...fieldRows, ...bodyRows]);
}
