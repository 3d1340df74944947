/**
 * Naming one cell of a Table: by its row key (stable: `total`, `item:001001:2010101`) and its
 * column path (the header labels above it, outermost first, e.g. `基本支出/人员经费/工资福利支出`).
 * A path may be shortened to its last labels when that is unambiguous (`公用经费`), and spaces the
 * forms put inside labels (`总 计`) do not matter. The narrative's references and the charts both
 * read the tables through these functions, so both name cells the same way.
 */
import type { Amount } from '../money.ts';
import type { Column, Row, Table } from './model.ts';

const normalise = (label: string): string => label.replace(/[\s\u3000]+/g, '');

/** Splits a written column path (`基本支出/小计`) into its labels. */
export const parseColumnPath = (text: string): string[] =>
  text
    .split('/')
    .map(normalise)
    .filter((label) => label !== '');

export type ColumnLookup =
  { readonly ok: true; readonly column: Column } | { readonly ok: false; readonly reason: 'none' | 'ambiguous'; readonly candidates: readonly string[] };

/** The one column whose header path ends with `path`; an exact full path always wins over suffixes. */
export function lookupColumn(table: Table, path: readonly string[]): ColumnLookup {
  const wanted = path.map(normalise);
  const full = (c: Column) => c.path.map(normalise);
  const exact = table.columns.filter((c) => full(c).join('/') === wanted.join('/'));
  const matches = exact.length > 0 ? exact : table.columns.filter((c) => endsWith(full(c), wanted));
  const describe = (cs: readonly Column[]) => cs.map((c) => c.path.join('/'));
  if (matches.length === 1 && matches[0]) return { ok: true, column: matches[0] };
  if (matches.length === 0) return { ok: false, reason: 'none', candidates: describe(table.columns.filter((c) => c.kind === 'amount')) };
  return { ok: false, reason: 'ambiguous', candidates: describe(matches) };
}

const endsWith = (path: readonly string[], suffix: readonly string[]): boolean =>
  suffix.length > 0 && suffix.length <= path.length && suffix.every((label, i) => path[path.length - suffix.length + i] === label);

export const rowByKey = (table: Table, key: string): Row | undefined => table.rows.find((r) => r.key === key);

/**
 * The one way to read an amount cell: a row's cell at a column index. Every other reader (by row
 * key and column path here, the narrative's references, the identities, the charts) goes through it.
 * Throws when the cell is not an amount, so a wrong column fails loudly instead of reading nothing.
 */
export function amountAtColumn(row: Row, columnIndex: number): Amount {
  const cell = row.cells[columnIndex];
  if (!cell || cell.kind !== 'amount') throw new Error(`row ${row.key} has no amount in column ${columnIndex}`);
  return cell.value;
}

/**
 * The amount in a table's cell, for code that names cells it knows exist (charts, generated
 * text): a template change that removes the cell fails loudly instead of charting nothing.
 */
export function amountIn(table: Table, rowKey: string, columnPath: readonly string[]): Amount {
  const column = lookupColumn(table, columnPath);
  if (!column.ok) throw new Error(`${table.id}: column ${columnPath.join('/')} ${column.reason === 'none' ? 'not found' : 'is ambiguous'}`);
  const row = rowByKey(table, rowKey);
  return row ? amountAtColumn(row, column.column.index) : null;
}

/** The text of a row's cell in a column (labels, codes); '' when absent. */
export function textIn(row: Row, columnIndex: number): string {
  const cell = row.cells[columnIndex];
  return cell && cell.kind !== 'amount' ? cell.value : '';
}

/** A printed line label without its ordinal: `一、一般公共预算拨款收入` → `一般公共预算拨款收入`, `（一）一般公共服务支出` → `一般公共服务支出`. */
export const withoutOrdinal = (label: string): string => label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/, '');
