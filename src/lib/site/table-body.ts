/**
 * The body of an official table as its HTML prints it, computed once per table: for each cell
 * which element it is (a row header, a blank name cell, an amount, a text or code cell), its
 * `headers` ids, its classes and its text. BudgetTable.astro only lays these out: worked out in
 * the template, cell by cell, the same took Astro several calls a cell (issue 16).
 *
 * Every body cell names its column's header path and its row's name cell (`headers`), so a screen
 * reader announces e.g. “基本支出 人员经费 工资福利支出, 行政运行, 516.37”.
 */
import { formatAmount, type Amount } from '../money.ts';
import { headerGrid, headerIdsForColumn, type Cell, type HeaderGridCell, type RowLevel, type Table } from '../tables/model.ts';
import { rowHeaderColumns } from './page-data.ts';

export type BodyCell =
  /** The cell naming its row (`<th scope="row">`), with the id the row's other cells name. */
  | { readonly kind: 'rowHeader'; readonly id: string; readonly headers: string | undefined; readonly sticky: boolean; readonly text: string }
  /** A name cell that is blank (one side of a side-by-side form ran out of lines): a plain, empty cell. */
  | { readonly kind: 'blank'; readonly headers: string | undefined; readonly sticky: boolean }
  /** An amount as the template prints it; only a row's first amount is `indexed` for search. */
  | { readonly kind: 'amount'; readonly headers: string | undefined; readonly indexed: boolean; readonly text: string }
  | { readonly kind: 'text' | 'code'; readonly headers: string | undefined; readonly text: string };

export interface BodyRow {
  readonly level: RowLevel;
  readonly key: string;
  readonly cells: readonly BodyCell[];
}

/** The element ids of a table's header cells and body row headers, each `<prefix>-<id>`. */
export const elementId = (idPrefix: string, raw: string): string => `${idPrefix}-${raw}`;

/**
 * On a phone the name column stays in view while the amounts scroll. Only when there is one: on
 * a side-by-side form (收支总表) a sticky 收入 label would sit beside the 支出 amounts.
 */
export function stickyColumnOf(table: Table): number | undefined {
  const nameColumns = rowHeaderColumns(table);
  return nameColumns.length === 1 ? nameColumns[0] : undefined;
}

/** A row's name cell that is blank: a plain cell, not a nameless row header. */
const isBlankName = (cell: Cell | undefined): boolean => !cell || (cell.kind !== 'amount' && cell.value.trim() === '');

/** The amount as `table` prints it: its unit and decimals, 元 grouped by thousands. */
export const tableAmount = (table: Table, value: Amount): string => formatAmount(value, table.amountUnit, table.decimals, table.amountUnit === '元');

/**
 * The body rows of `table` with element ids under `idPrefix` (unique on the page). The name
 * column of a cell is the nearest one to its left (or the first one); a table with no name
 * column (a single line of figures) names its cells by their column headers alone. `grid` is the
 * table's header grid, when the caller has laid it out already. Not cached:
 * a table is rendered once per build, and its rows held for the whole build would be the size of
 * its pages.
 */
export function tableBody(table: Table, idPrefix: string, grid: readonly HeaderGridCell[][] = headerGrid(table.header)): readonly BodyRow[] {
  const nameColumns = rowHeaderColumns(table);
  const isName = new Set(nameColumns);
  const stickyColumn = stickyColumnOf(table);
  const columnHeaderIds = table.columns.map((c) =>
    headerIdsForColumn(grid, c.index)
      .map((raw) => elementId(idPrefix, raw))
      .join(' '),
  );
  const nameColumnFor = (c: number): number => {
    for (let i = nameColumns.length - 1; i >= 0; i--) {
      const n = nameColumns[i]!;
      if (n <= c) return n;
    }
    return nameColumns[0] ?? 0;
  };
  return table.rows.map((row, r): BodyRow => {
    const firstAmount = row.cells.findIndex((cell) => cell.kind === 'amount');
    // The id of each name cell of this row, or undefined where it is blank (then no cell names it).
    const rowHeaderIds = new Map<number, string | undefined>();
    for (const n of nameColumns) rowHeaderIds.set(n, isBlankName(row.cells[n]) ? undefined : elementId(idPrefix, `r${r}-${n}`));
    const cells = row.cells.map((cell, c): BodyCell => {
      const columnIds = columnHeaderIds[c];
      if (isName.has(c)) {
        const id = rowHeaderIds.get(c);
        const sticky = c === stickyColumn;
        if (id === undefined) return { kind: 'blank', headers: columnIds, sticky };
        return { kind: 'rowHeader', id, headers: columnIds, sticky, text: cell.kind === 'amount' ? tableAmount(table, cell.value) : cell.value };
      }
      const rowHeaderId = nameColumns.length === 0 ? undefined : rowHeaderIds.get(nameColumnFor(c));
      const headers = rowHeaderId === undefined ? columnIds : `${columnIds} ${rowHeaderId}`;
      if (cell.kind === 'amount') return { kind: 'amount', headers, indexed: c === firstAmount, text: tableAmount(table, cell.value) };
      return { kind: cell.kind, headers, text: cell.value };
    });
    return { level: row.level, key: row.key, cells };
  });
}
