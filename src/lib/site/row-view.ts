/**
 * The readable view of an official table, for a phone: one entry per row and side, naming the
 * row and listing only its non-zero amounts with their full column heading (基本支出 · 人员经费).
 * The official form stays as printed on the same page; this view leaves nothing out that is not
 * empty or zero, so the one non-empty column of a wide table is in sight without scrolling.
 */
import type { Amount } from '../money.ts';
import type { RowLevel, Table } from '../tables/model.ts';
import { rowHeaderColumns } from './page-data.ts';

export interface RowViewCell {
  /** The column's heading path, joined: `基本支出 · 人员经费`. */
  readonly label: string;
  readonly value: Amount;
}

export interface RowViewEntry {
  readonly key: string;
  readonly level: RowLevel;
  /** The row's codes and name as the form prints them: `2010101 行政运行`. */
  readonly name: string;
  readonly cells: readonly RowViewCell[];
}

/**
 * The entries of `table`, in row order. A side-by-side form (收支总表: 收入 on the left, 支出 on
 * the right) gives one entry per side, each named by its own label, so a 收入 label is never
 * paired with a 支出 amount. Rows with no name or no non-zero amount on a side are left out;
 * a table without amount columns (a performance form) has no readable view (it is a form already).
 */
export function rowView(table: Table): RowViewEntry[] {
  if (!table.columns.some((c) => c.kind === 'amount')) return [];
  const nameColumns = rowHeaderColumns(table);
  const sides =
    nameColumns.length > 1
      ? nameColumns.map((start, i) => ({ start, end: nameColumns[i + 1] ?? table.columns.length }))
      : [{ start: 0, end: table.columns.length }];
  // What each side reads, worked out once per table rather than once per row: its name columns
  // (those before its first amount) and its amount columns with their labels.
  const readers = sides.map((side) => {
    const columns = table.columns.slice(side.start, side.end);
    const firstAmount = columns.findIndex((c) => c.kind === 'amount');
    return {
      names: columns.slice(0, firstAmount < 0 ? columns.length : firstAmount).map((c) => c.index),
      amounts: columns.filter((c) => c.kind === 'amount').map((c) => ({ index: c.index, label: c.path.join(' · ') })),
    };
  });
  const entries: RowViewEntry[] = [];
  for (const row of table.rows) {
    readers.forEach((reader, s) => {
      const name = reader.names
        .map((index) => row.cells[index])
        .map((cell) => (cell && cell.kind !== 'amount' ? cell.value.trim() : ''))
        .filter((text) => text !== '')
        .join(' ');
      if (name === '') return;
      const cells: RowViewCell[] = [];
      for (const column of reader.amounts) {
        const cell = row.cells[column.index];
        if (cell?.kind === 'amount' && cell.value !== null && cell.value !== 0) cells.push({ label: column.label, value: cell.value });
      }
      if (cells.length > 0) entries.push({ key: readers.length > 1 ? `${row.key}#${s}` : row.key, level: row.level, name, cells });
    });
  }
  return entries;
}
