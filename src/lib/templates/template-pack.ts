/**
 * A template pack: the set of tables a region prescribes (Hunan's 23, Shanghai's 9 …) as data and
 * small builders. The engine, the renderers and the site know tables only by their stable `id`
 * (`threePublic`, `expenditureSummary`); the number and title a province prints are data of its
 * pack, and `表N` is an alias that only means something inside one pack. Adding a province is
 * adding a pack to `registry.ts`, with no change to the engine, the renderers or the site.
 */
import type { Disclosure, DisclosurePhase } from '../disclosure/model.ts';
import type { AmountUnit } from '../money.ts';
import type { Read } from '../narrative/figures.ts';
import type { StandardSection } from '../narrative/sections.ts';
import type { FormField, HeaderNode, Row, Table } from '../tables/model.ts';

/** What a table is about, for the site's search filters and grouping (never for arithmetic). */
export type TableFamily = 'summary' | 'generalBudget' | 'fund' | 'specialFund' | 'threePublic' | 'performance';

export interface BuiltTable {
  readonly header: HeaderNode[];
  readonly rows: Row[];
  readonly fields?: FormField[];
}

/**
 * Arithmetic a table's rows must satisfy, declared with the table so the generic identity checker
 * (tables/identities.ts) needs no list of table numbers. Column paths are header labels.
 */
export interface TableIdentities {
  /** Parent rows (合计 ⊇ 部门 ⊇ 单位 ⊇ 类 ⊇ 款 ⊇ 项) equal the sum of their children. Default true. */
  readonly hierarchy?: boolean;
  /** The first amount column equals the sum of every column group after it. */
  readonly grandTotal?: boolean;
  /** On every row, the column `total` equals the sum of the `parts` columns. */
  readonly rowSums?: readonly { readonly total: readonly string[]; readonly parts: readonly (readonly string[])[]; readonly label: string }[];
}

export interface TableDefinition {
  /** Stable identifier, the same in every pack that has the table (`threePublic`). */
  readonly id: string;
  /** The number this template prints (表15), or null where the template prints none. */
  readonly number: number | null;
  /** Official title, as the template's table of contents prints it. */
  readonly title: string;
  readonly family: TableFamily;
  /** The unit the template prints for this table; `disclosure` = the unit the document declares. */
  readonly amountUnit: AmountUnit | 'disclosure';
  /** The note printed under the table (the standard empty-table note), or null. */
  readonly note: ((d: Disclosure) => string | null) | string | null;
  /** Published only by departments that have it (Shanghai's 项目绩效目标填报表): not required by the template. */
  readonly optional?: boolean;
  /** Financial tables are derived from facts; performance forms from performance.yaml. */
  readonly source: 'facts' | 'forms';
  readonly identities?: TableIdentities;
  readonly build: (d: Disclosure) => BuiltTable;
  /**
   * Other titles a finance system's workbook gives this table's sheet (besides `title`), for the
   * importer (src/lib/import). Titles are matched without a leading year, 表码 and spaces.
   */
  readonly importAliases?: readonly string[];
}

/**
 * A figure with a fixed name (`支出合计`, `三公合计`) and the one cell it is read from. Narrative
 * references, key figures and charts name figures, so they work for every pack that names them.
 */
export interface FigureSpec {
  readonly name: string;
  readonly table: string;
  readonly row: string;
  readonly column: string;
  /** The whole this figure is a part of, for `.占比`. */
  readonly partOf?: string;
}

/** A figure read from one cell (`figure('三公合计', 'threePublic', 'total', '“三公”经费合计')`). */
export const figure = (name: string, table: string, row: string, column: string, partOf?: string): FigureSpec => ({
  name,
  table,
  row,
  column,
  ...(partOf === undefined ? {} : { partOf }),
});

/** The key figures every overview, summary and comparison shows, by figure name (see `FigureSpec`). */
export const KEY_FIGURES = ['收入合计', '支出合计', '基本支出', '项目支出', '财政拨款收入', '三公合计', '机关运行经费'] as const;
export type KeyFigureName = (typeof KEY_FIGURES)[number];

export interface TemplatePack {
  /** Stable identifier written in disclosure.yaml (`template: shanghai-budget`). */
  readonly id: string;
  /** Human name for messages and the site. */
  readonly name: string;
  readonly phase: DisclosurePhase;
  /** The line above each table: 单位 (code_name, Hunan) or 编制部门 (the department's name, Shanghai). */
  readonly unitLine: 'unit' | 'department';
  readonly tables: readonly TableDefinition[];
  /** Named figures of this template (see `FigureSpec`); a name not listed here is unknown for its disclosures. */
  readonly figures: readonly FigureSpec[];
  /** Named figures computed rather than read from one cell (机关运行经费 over several unit rows). */
  readonly computedFigures?: readonly ComputedFigure[];
  /** The income lines of the 收支总表 (charts, and one named figure per line). */
  readonly incomeLines?: LineColumn;
  /** The 功能分类 类 lines of the 收支总表 (the expenditure-by-function chart). */
  readonly functionLines?: LineColumn;
  /** The standard 说明 sections, generated from the data where the author does not write them. */
  readonly sections: readonly StandardSection[];
  /** Income = expenditure identities the validator reports as errors (收支总表, 财政拨款收支总表). */
  readonly balances?: readonly BalanceCheck[];
  /**
   * Where the overlap of the two coarse fact sets (general-budget basic spending by 功能 and by
   * 经济) is printed as totals: a template whose figures are rounded one by one (a 决算 in 万元)
   * holds the printed totals to each other, since its leaf facts need not add up to the cent.
   * Absent: the fact sums themselves must agree.
   */
  readonly basicOverlap?: { readonly byFunction: CellRef; readonly byEcon: readonly CellRef[] };
  /** Checks across tables a single table's identities cannot express (收支总表 balances). */
  readonly crossChecks?: (tables: readonly Table[]) => string[];
}

/** One cell of a pack's table: table id, row key, column path. */
export interface CellRef {
  readonly table: string;
  readonly row: string;
  readonly column: string;
}

/**
 * A table whose income side must equal its expenditure side: where not, income no fact spends is
 * missing its carry-over (or a fact is missing). Cells are named by row key and column path.
 */
export interface BalanceCheck {
  readonly code: string;
  /** What the table is called in the message, Chinese and English. */
  readonly zh: string;
  readonly en: string;
  readonly table: string;
  readonly income: { readonly row: string; readonly column: string };
  readonly expenditure: { readonly row: string; readonly column: string };
}

/**
 * A column of printed line labels in a fixed-line table (收支总表), each label followed by its
 * amount column. Top-level lines are those with an ordinal `一、`.
 */
export interface LineColumn {
  readonly table: string;
  readonly label: readonly string[];
  /** A row outside the numbered lines that the chart of income still shows (上年结转). */
  readonly carryoverRow?: string;
}

export interface ComputedFigure {
  readonly name: string;
  readonly table: string;
  readonly read: (d: Disclosure, tables: readonly Table[]) => Read;
}

/** The table of a pack with an id, or with the number the template prints (`表15` → `15`). */
export function definitionFor(pack: TemplatePack, idOrNumber: string | number): TableDefinition | undefined {
  const asNumber = typeof idOrNumber === 'number' ? idOrNumber : /^\d+$/.test(idOrNumber) ? Number(idOrNumber) : null;
  return asNumber !== null ? pack.tables.find((t) => t.number === asNumber) : pack.tables.find((t) => t.id === idOrNumber);
}
