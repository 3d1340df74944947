/**
 * What a narrative reference can name, and how each is read from the tables. Two kinds:
 *
 * - named key figures (`{{支出合计}}`, `{{三公合计}}`, `{{一般公共预算拨款收入}}` …), each one cell
 *   of one table (or, for 机关运行经费, the sum of named cells), as the disclosure's template names
 *   them (templates/*: `figures`);
 * - table cells (`{{threePublic:total:“三公”经费合计}}`): table id (or `表N`, the number its own
 *   template prints), row key, column path (see tables/table-cells.ts). A `*` segment in the row
 *   key sums every matching row (`{{generalBudgetExpenditure:class:*:201:合计}}`: class 201 over all units).
 *
 * Either may end in a modifier: `.上年` (last year's value), `.变动` (比上年 wording: 增加…万元，
 * 增长…%), `.增减额`, `.增减率`, and for named figures that are part of a whole `.占比`.
 * Text values: `{{部门}}`, `{{年度}}`, `{{上年度}}`.
 */
import type { Disclosure } from '../disclosure/model.ts';
import { sumAmounts, type Amount } from '../money.ts';
import type { Table } from '../tables/model.ts';
import { amountAtColumn, lookupColumn, parseColumnPath, rowByKey, textIn, withoutOrdinal } from '../tables/table-cells.ts';
import { packOf } from '../templates/registry.ts';
import { definitionFor, type ComputedFigure, type FigureSpec, type LineColumn } from '../templates/template-pack.ts';

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
  /** The table the figure is read from (its id), for messages and tooltips. */
  readonly table: string;
  /** The whole this figure is a part of, for `.占比`. */
  readonly partOf?: string;
  readonly read: (year: FigureYear) => Read;
}

const ok = (value: Amount): Read => ({ ok: true, value });

/**
 * A table of the year by id, or by the number its template prints (`表N` is `N`): numbers are
 * aliases that only mean something within the disclosure's own template.
 */
function tableOf(year: FigureYear, idOrNumber: string): Table | undefined {
  const definition = definitionFor(packOf(year.disclosure), idOrNumber);
  return definition ? year.tables.find((t) => t.id === definition.id) : undefined;
}

const label = (idOrNumber: string): string => (/^\d+$/.test(idOrNumber) ? `表${idOrNumber}` : idOrNumber);

/** One cell of a table by row key and column path; a `*` row segment sums the matching rows. */
export function readCell(year: FigureYear, idOrNumber: string, rowKey: string, columnPath: readonly string[]): Read {
  const table = tableOf(year, idOrNumber);
  const name = label(idOrNumber);
  if (!table) {
    const pack = packOf(year.disclosure);
    return {
      ok: false,
      code: 'unknownReference',
      detail: `模板“${pack.name}”中没有${name} / template ${pack.id} has no table ${name}`,
      candidates: pack.tables.map((t) => t.id),
    };
  }
  if (!table.provided) return { ok: false, code: 'tableNotProvided', detail: `${name}未公开 / table ${name} was not provided` };
  const column = lookupColumn(table, columnPath);
  if (!column.ok) {
    return {
      ok: false,
      code: column.reason === 'none' ? 'unknownReference' : 'ambiguousReference',
      detail: `${name}没有${column.reason === 'none' ? '' : '唯一的'}列“${columnPath.join('/')}” / table ${name} has ${column.reason === 'none' ? 'no' : 'more than one'} column "${columnPath.join('/')}"`,
      candidates: column.candidates,
    };
  }
  const rows = rowKey.includes('*') ? rowsMatching(table, rowKey) : [rowByKey(table, rowKey)].filter((r) => r !== undefined);
  if (rows.length === 0 && !rowKey.includes('*')) {
    return {
      ok: false,
      code: 'unknownReference',
      detail: `${name}没有行“${rowKey}” / table ${name} has no row "${rowKey}"`,
      candidates: table.rows.map((r) => r.key),
    };
  }
  if (column.column.kind !== 'amount') {
    return { ok: false, code: 'unknownReference', detail: `${name}的列“${column.column.path.join('/')}”不是金额 / that column is not an amount` };
  }
  return ok(sumAmounts(rows.map((row) => amountAtColumn(row, column.column.index))));
}

function rowsMatching(table: Table, pattern: string) {
  const parts = pattern.split(':');
  return table.rows.filter((row) => {
    const key = row.key.split(':');
    return key.length === parts.length && parts.every((part, i) => part === '*' || part === key[i]);
  });
}

const cellFigure = (spec: FigureSpec): NamedFigure => ({
  name: spec.name,
  table: spec.table,
  ...(spec.partOf === undefined ? {} : { partOf: spec.partOf }),
  read: (year) => readCell(year, spec.table, spec.row, parseColumnPath(spec.column)),
});

const computedFigure = (spec: ComputedFigure): NamedFigure => ({
  name: spec.name,
  table: spec.table,
  read: (year) => spec.read(year.disclosure, year.tables),
});

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
 * The income lines of the template's 收支总表 by their printed name without ordinal
 * (`一般公共预算拨款收入`, `经费拨款`, `事业收入` …), each a part of 收入合计. Read from the table
 * itself, so a line the form adds is a figure without code changes.
 */
function incomeLineFigures(year: FigureYear, lines: LineColumn | undefined): NamedFigure[] {
  const table = lines ? tableOf(year, lines.table) : undefined;
  if (!lines || !table) return [];
  const labelColumn = lookupColumn(table, lines.label);
  if (!labelColumn.ok) return [];
  const amountPath = table.columns[labelColumn.column.index + 1]?.path ?? [];
  return table.rows
    .filter((r) => /^line:\d+$/.test(r.key) && textIn(r, labelColumn.column.index) !== '')
    .map((r) => ({
      name: withoutOrdinal(textIn(r, labelColumn.column.index)),
      table: lines.table,
      partOf: '收入合计',
      read: (y: FigureYear) => readCell(y, lines.table, r.key, amountPath),
    }));
}

export interface FigureCatalogue {
  readonly figures: ReadonlyMap<string, NamedFigure>;
  /** Text values (部门, 年度 …). */
  readonly texts: ReadonlyMap<string, string>;
}

export function figureCatalogue(year: FigureYear): FigureCatalogue {
  const pack = packOf(year.disclosure);
  const figures = new Map<string, NamedFigure>();
  const all = [...incomeLineFigures(year, pack.incomeLines), ...pack.figures.map(cellFigure), ...(pack.computedFigures ?? []).map(computedFigure)];
  for (const figure of all) if (!figures.has(figure.name)) figures.set(figure.name, figure);
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
