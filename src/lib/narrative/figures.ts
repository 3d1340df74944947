/**
 * What a narrative reference can name, and how each is read from the tables. Two kinds:
 *
 * - named key figures (`{{支出合计}}`, `{{三公合计}}`, `{{一般公共预算拨款收入}}` …), each one cell
 *   of one table (or, for 机关运行经费, the sum of named cells);
 * - table cells (`{{表15:total:“三公”经费合计}}`): table number, row key, column path (see
 *   tables/table-cells.ts). A `*` segment in the row key sums every matching row
 *   (`{{表7:class:*:201:合计}}`: class 201 over all units).
 *
 * Either may end in a modifier: `.上年` (last year's value), `.变动` (比上年 wording: 增加…万元，
 * 增长…%), `.增减额`, `.增减率`, and for named figures that are part of a whole `.占比`.
 * Text values: `{{部门}}`, `{{年度}}`, `{{上年度}}`.
 */
import type { Disclosure } from '../ledger/model.ts';
import { sumAmounts, type Amount } from '../money.ts';
import type { Table } from '../tables/model.ts';
import { lookupColumn, parseColumnPath, rowByKey, textIn, withoutOrdinal } from '../tables/table-cells.ts';

/** One year of a disclosure as references see it. */
export interface FigureYear {
  readonly disclosure: Disclosure;
  readonly tables: readonly Table[];
}

export type Read =
  | { readonly ok: true; readonly value: Amount }
  | { readonly ok: false; readonly code: ReferenceProblem; readonly detail: string; readonly candidates?: readonly string[] };

export type ReferenceProblem = 'unknownReference' | 'ambiguousReference' | 'tableNotProvided';

export interface NamedFigure {
  readonly name: string;
  /** The table the figure is read from, for messages and tooltips. */
  readonly table: number;
  /** The whole this figure is a part of, for `.占比`. */
  readonly partOf?: string;
  readonly read: (year: FigureYear) => Read;
}

const ok = (value: Amount): Read => ({ ok: true, value });

const tableOf = (year: FigureYear, number: number): Table | undefined => year.tables.find((t) => t.number === number);

/** One cell of a table by row key and column path; a `*` row segment sums the matching rows. */
export function readCell(year: FigureYear, number: number, rowKey: string, columnPath: readonly string[]): Read {
  const table = tableOf(year, number);
  if (!table) return { ok: false, code: 'unknownReference', detail: `没有表${number} / there is no table ${number}` };
  if (!table.provided) return { ok: false, code: 'tableNotProvided', detail: `表${number}未公开 / table ${number} was not provided` };
  const column = lookupColumn(table, columnPath);
  if (!column.ok) {
    return {
      ok: false,
      code: column.reason === 'none' ? 'unknownReference' : 'ambiguousReference',
      detail: `表${number}没有${column.reason === 'none' ? '' : '唯一的'}列“${columnPath.join('/')}” / table ${number} has ${column.reason === 'none' ? 'no' : 'more than one'} column "${columnPath.join('/')}"`,
      candidates: column.candidates,
    };
  }
  const rows = rowKey.includes('*') ? rowsMatching(table, rowKey) : [rowByKey(table, rowKey)].filter((r) => r !== undefined);
  if (rows.length === 0 && !rowKey.includes('*')) {
    return {
      ok: false,
      code: 'unknownReference',
      detail: `表${number}没有行“${rowKey}” / table ${number} has no row "${rowKey}"`,
      candidates: table.rows.map((r) => r.key),
    };
  }
  const amounts: Amount[] = [];
  for (const row of rows) {
    const cell = row.cells[column.column.index];
    if (!cell || cell.kind !== 'amount') {
      return { ok: false, code: 'unknownReference', detail: `表${number}的列“${column.column.path.join('/')}”不是金额 / that column is not an amount` };
    }
    amounts.push(cell.value);
  }
  return ok(sumAmounts(amounts));
}

function rowsMatching(table: Table, pattern: string) {
  const parts = pattern.split(':');
  return table.rows.filter((row) => {
    const key = row.key.split(':');
    return key.length === parts.length && parts.every((part, i) => part === '*' || part === key[i]);
  });
}

const cell = (name: string, table: number, row: string, column: string, partOf?: string): NamedFigure => ({
  name,
  table,
  ...(partOf === undefined ? {} : { partOf }),
  read: (year) => readCell(year, table, row, parseColumnPath(column)),
});

/** 机关运行经费: the 公用经费 of the admin units' 一般公共预算基本支出 (表7 unit rows). */
const officeRunningCost: NamedFigure = {
  name: '机关运行经费',
  table: 7,
  read: (year) => {
    // An admin unit with no general-budget spending has no row in 表7: it contributes nothing,
    // rather than failing the figure (and with it the build of a valid disclosure).
    const table7 = tableOf(year, 7);
    const reads = year.disclosure.units
      .filter((u) => u.type === 'admin' && (!table7 || !table7.provided || rowByKey(table7, `unit:${u.code}`) !== undefined))
      .map((u) => readCell(year, 7, `unit:${u.code}`, ['基本支出', '公用经费']));
    if (reads.length === 0 && table7?.provided) return ok(null);
    const failed = reads.find((r) => !r.ok);
    if (failed) return failed;
    return ok(sumAmounts(reads.map((r) => (r.ok ? r.value : null))));
  },
};

/** Figures with fixed names and places. */
const FIXED: readonly NamedFigure[] = [
  cell('收入合计', 1, 'total:current', '收入/预算数'),
  cell('收入总计', 1, 'total:grand', '收入/预算数'),
  cell('上年结转', 1, 'line:carryover', '收入/预算数'),
  cell('支出合计', 3, 'total', '合计'),
  cell('基本支出', 3, 'total', '基本支出', '支出合计'),
  cell('项目支出', 3, 'total', '项目支出', '支出合计'),
  cell('事业单位经营支出', 3, 'total', '事业单位经营支出', '支出合计'),
  cell('上缴上级支出', 3, 'total', '上缴上级支出', '支出合计'),
  cell('对附属单位补助支出', 3, 'total', '对附属单位补助支出', '支出合计'),
  cell('财政拨款收入', 6, 'line:1', '收入/预算数'),
  cell('财政拨款支出', 6, 'line:1', '支出/预算数'),
  cell('一般公共预算支出', 7, 'total', '合计'),
  cell('一般公共预算基本支出', 7, 'total', '基本支出/小计', '一般公共预算支出'),
  cell('一般公共预算项目支出', 7, 'total', '项目支出', '一般公共预算支出'),
  cell('工资福利支出', 7, 'total', '人员经费/工资福利支出', '人员经费'),
  cell('对个人和家庭的补助', 7, 'total', '人员经费/对个人和家庭的补助', '人员经费'),
  cell('人员经费', 8, 'total', '人员经费', '一般公共预算基本支出'),
  cell('公用经费', 8, 'total', '公用经费', '一般公共预算基本支出'),
  cell('三公合计', 15, 'total', '“三公”经费合计'),
  cell('因公出国（境）费', 15, 'total', '因公出国（境）费', '三公合计'),
  cell('公务用车购置及运行费', 15, 'total', '公务用车购置及运行费/小计', '三公合计'),
  cell('公务用车购置费', 15, 'total', '公务用车购置费', '三公合计'),
  cell('公务用车运行费', 15, 'total', '公务用车运行费', '三公合计'),
  cell('公务接待费', 15, 'total', '公务接待费', '三公合计'),
  cell('政府性基金预算支出', 16, 'total', '合计'),
  cell('国有资本经营预算支出', 19, 'total', '合计'),
  cell('财政专户管理资金支出', 20, 'total', '合计'),
  cell('专项资金', 21, 'total', '预算额度/总计'),
  officeRunningCost,
];

/** Other spellings authors use for the same figure. */
const ALIASES: Readonly<Record<string, string>> = {
  财政拨款: '财政拨款收入',
  '“三公”经费': '三公合计',
  三公经费: '三公合计',
  '“三公”经费合计': '三公合计',
  本年收入合计: '收入合计',
  本年支出合计: '支出合计',
};

/**
 * The income lines of 表1 by their printed name without ordinal (`一般公共预算拨款收入`,
 * `经费拨款`, `事业收入` …), each a part of 收入合计. Read from the template's own table, so a
 * line the form adds is a figure without code changes.
 */
function incomeLineFigures(year: FigureYear): NamedFigure[] {
  const table1 = tableOf(year, 1);
  if (!table1) return [];
  const label = lookupColumn(table1, ['收入', '项目']);
  if (!label.ok) return [];
  return table1.rows
    .filter((r) => /^line:\d+$/.test(r.key) && textIn(r, label.column.index) !== '')
    .map((r) => cell(withoutOrdinal(textIn(r, label.column.index)), 1, r.key, '收入/预算数', '收入合计'));
}

export interface FigureCatalogue {
  readonly figures: ReadonlyMap<string, NamedFigure>;
  /** Text values (部门, 年度 …). */
  readonly texts: ReadonlyMap<string, string>;
}

export function figureCatalogue(year: FigureYear): FigureCatalogue {
  const figures = new Map<string, NamedFigure>();
  for (const figure of [...incomeLineFigures(year), ...FIXED]) if (!figures.has(figure.name)) figures.set(figure.name, figure);
  for (const [alias, name] of Object.entries(ALIASES)) {
    const figure = figures.get(name);
    if (figure && !figures.has(alias)) figures.set(alias, figure);
  }
  const d = year.disclosure;
  const texts = new Map<string, string>([
    ['部门', d.department.name],
    ['年度', String(d.year)],
    ['上年度', String(d.year - 1)],
  ]);
  return { figures, texts };
}
