/**
 * The one table model. Every official table, whatever its shape, is this plain data; the HTML
 * component, the CSV and XLSX writers, the charts and the print stylesheet all read it.
 */
import type { Amount, AmountUnit } from '../money.ts';

export type ColumnKind = 'amount' | 'text' | 'code';

/** A node of the header tree as the official form prints it; leaves are the table's columns. */
export interface HeaderNode {
  /** The template's label: what column paths, figures and CSV headers name. */
  readonly label: string;
  /** The label as this document prints it, where it words it differently (shown on the page and in the workbook). */
  readonly printed?: string;
  /** Sub-headings; absent on a leaf. */
  readonly children?: readonly HeaderNode[];
  /** A leaf's kind of content (amount when absent). */
  readonly kind?: ColumnKind;
}

/** A leaf column with its full header path (e.g. 基本支出 › 人员经费 › 工资福利支出). */
export interface Column {
  readonly index: number;
  readonly kind: ColumnKind;
  readonly path: readonly string[];
}

export type Cell =
  { readonly kind: 'amount'; readonly value: Amount } | { readonly kind: 'text'; readonly value: string } | { readonly kind: 'code'; readonly value: string };

/**
 * What a row stands for: 合计 (`total`), 部门 (`department`), 单位 (`unit`), 功能/经济分类 类
 * (`class`), 款 (`section`), 项 (`item`), a fixed line of a form (`line`), a project, or a
 * performance indicator.
 */
export type RowLevel = 'total' | 'department' | 'unit' | 'class' | 'section' | 'item' | 'line' | 'project' | 'indicator';

export interface Row {
  readonly level: RowLevel;
  /** Identifies the row within its table across renderers and tests (e.g. `item:001001:2010101`). */
  readonly key: string;
  readonly cells: readonly Cell[];
}

/** A labelled value printed above a form's grid (整体支出绩效目标表: 部门名称, 年履职目标, 预算情况 …). */
export interface FormField {
  readonly label: string;
  readonly value: Cell;
}

/** A cell printed differently from the sum of what it totals: published as printed, reported as a warning. */
export interface PublishedDifference {
  readonly rowKey: string;
  readonly columnIndex: number;
  /** What the facts sum to. */
  readonly derived: Amount;
  /** What the document printed, and the page shows. */
  readonly printed: Amount;
}

export interface Table {
  /** Stable identifier of the table in every template that has it (`threePublic`); see templates/. */
  readonly id: string;
  /** The number its template prints (表N), or null where the template prints none. */
  readonly number: number | null;
  /** Official title, as the table of contents prints it. */
  readonly title: string;
  /** The 单位 line's value: `001001_株洲市荷塘区人民代表大会常务委员会`, or the department's name on a 编制部门 line. */
  readonly unitLabel: string;
  /** Which line the template prints above the table: 单位 (a unit or the department, with its code) or 编制部门 (the department's name). */
  readonly unitLine: 'unit' | 'department';
  /** Display unit of every amount cell, as the template prints this table (元 or 万元). */
  readonly amountUnit: AmountUnit;
  /** Decimals the document prints amounts with (0 for whole 元, 2 otherwise). */
  readonly decimals: 0 | 2;
  readonly header: readonly HeaderNode[];
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** Labelled values above the grid (performance forms); empty for ordinary tables. */
  readonly fields: readonly FormField[];
  /** The note printed under the table, or null. */
  readonly note: string | null;
  /** Nothing was arranged: no amount other than zero totals, no form. An empty table is still published. */
  readonly empty: boolean;
  /** False when the source disclosure did not publish this table at all ("not provided", unlike empty). */
  readonly provided: boolean;
  /** Cells shown as the document printed them where that differs from the sum of their parts. */
  readonly published: readonly PublishedDifference[];
}

export const EMPTY_TABLE_NOTE = '注：如本表格为空，则表示本年度未安排此项目。';

export const amountCell = (value: Amount): Cell => ({ kind: 'amount', value });
export const textCell = (value: string): Cell => ({ kind: 'text', value });
export const codeCell = (value: string): Cell => ({ kind: 'code', value });

/** Leaf columns of a header tree, left to right. */
export function leafColumns(header: readonly HeaderNode[]): Column[] {
  const columns: Column[] = [];
  const walk = (nodes: readonly HeaderNode[], path: readonly string[]) => {
    for (const node of nodes) {
      const here = [...path, node.label];
      if (node.children && node.children.length > 0) walk(node.children, here);
      else columns.push({ index: columns.length, kind: node.kind ?? 'amount', path: here });
    }
  };
  walk(header, []);
  return columns;
}

export interface HeaderGridCell {
  readonly label: string;
  readonly colSpan: number;
  readonly rowSpan: number;
  /** Stable id for `headers` attributes: `h<row>-<firstColumn>`. */
  readonly id: string;
  /** Ids of the header cells above this one, outermost first. */
  readonly parentIds: readonly string[];
  /** The leaf column indexes this cell spans. */
  readonly firstColumn: number;
}

/** Lays the header tree out as printed rows of cells with colspan/rowspan. */
export function headerGrid(header: readonly HeaderNode[]): HeaderGridCell[][] {
  const depth = (nodes: readonly HeaderNode[]): number => Math.max(0, ...nodes.map((n) => 1 + (n.children && n.children.length > 0 ? depth(n.children) : 0)));
  const width = (node: HeaderNode): number => (node.children && node.children.length > 0 ? node.children.reduce((s, c) => s + width(c), 0) : 1);
  const totalDepth = depth(header);
  const rows: HeaderGridCell[][] = Array.from({ length: totalDepth }, () => []);
  const place = (nodes: readonly HeaderNode[], level: number, firstColumn: number, parentIds: readonly string[]) => {
    let column = firstColumn;
    for (const node of nodes) {
      const leaf = !node.children || node.children.length === 0;
      const id = `h${level}-${column}`;
      rows[level]?.push({
        label: node.printed ?? node.label,
        colSpan: width(node),
        rowSpan: leaf ? totalDepth - level : 1,
        id,
        parentIds,
        firstColumn: column,
      });
      if (!leaf && node.children) place(node.children, level + 1, column, [...parentIds, id]);
      column += width(node);
    }
  };
  place(header, 0, 0, []);
  return rows;
}

/** The header cell ids a body cell in `columnIndex` is described by, outermost first. */
export function headerIdsForColumn(grid: readonly HeaderGridCell[][], columnIndex: number): string[] {
  const ids: string[] = [];
  for (const row of grid) {
    for (const cell of row) {
      if (columnIndex >= cell.firstColumn && columnIndex < cell.firstColumn + cell.colSpan) ids.push(cell.id);
    }
  }
  return ids;
}
