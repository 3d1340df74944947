/**
 * Builds a disclosure's tables from its template pack: one generic step for every template. A
 * table the disclosure did not publish comes back `provided: false` with no rows; a cell the
 * document printed differently from the sum of its parts (`printedAsPublished`) is shown as printed
 * and listed in `published`, for the check to report.
 */
import type { Disclosure } from '../disclosure/model.ts';
import {
  amountCell,
  leafColumns,
  textCell,
  type Cell,
  type FormField,
  type HeaderNode,
  type PublishedDifference,
  type Row,
  type Table,
} from '../tables/model.ts';
import { lookupColumn, parseColumnPath } from '../tables/table-cells.ts';
import { packOf } from './registry.ts';
import type { TableDefinition } from './template-pack.ts';

/** The 单位 line of every table: the only unit, or the department when there are several; the department's name alone on a 编制部门 line. */
export function unitLabel(d: Disclosure, line: 'unit' | 'department'): string {
  if (line === 'department') return d.department.name;
  const only = d.units.length === 1 ? d.units[0] : undefined;
  return only && only.code !== '' ? `${only.code}_${only.name}` : `${d.department.code}_${d.department.name}`;
}

const hasContent = (rows: readonly Row[], fields: readonly FormField[]): boolean =>
  fields.length > 0 ||
  rows.some(
    (row) =>
      row.level !== 'total' && row.cells.some((c) => (c.kind === 'amount' ? c.value !== null && c.value !== 0 : row.level === 'indicator' && c.value !== '')),
  );

/** A row's key for `printedAsPublished`: a code finds its 类/款/项 row, a label its line. */
function rowFor(rows: readonly Row[], written: string): Row | undefined {
  const exact = rows.find((r) => r.key === written);
  if (exact) return exact;
  if (/^\d+$/.test(written)) {
    const level = written.length === 3 ? 'class' : written.length === 5 ? 'section' : 'item';
    return rows.find((r) => r.level === level && r.key.endsWith(`:${written}`));
  }
  const plain = written.replace(/[\s\u3000]+/g, '');
  return rows.find((r) => r.cells.some((c) => c.kind === 'text' && c.value.replace(/[\s\u3000]+/g, '') === plain));
}

/** Header labels as the document words them; the template's label stays what paths name. */
const withPrintedLabels = (nodes: readonly HeaderNode[], labels: Readonly<Record<string, string>>): HeaderNode[] =>
  nodes.map((node) => {
    const printed = labels[node.label];
    return { ...node, ...(printed === undefined ? {} : { printed }), ...(node.children ? { children: withPrintedLabels(node.children, labels) } : {}) };
  });

/** The fixed line labels of a row as the document words them. */
const relabelRow = (row: Row, labels: Readonly<Record<string, string>>): Row => ({
  ...row,
  cells: row.cells.map((c) => (c.kind === 'text' && labels[c.value] !== undefined ? textCell(labels[c.value] ?? c.value) : c)),
});

const zeroWhereNothing = (row: Row): Row => ({ ...row, cells: row.cells.map((c) => (c.kind === 'amount' && c.value === null ? amountCell(0) : c)) });

/** Replaces derived cells by the figures the document printed there; returns the differences. */
function applyPublished(d: Disclosure, table: Table): { rows: Row[]; published: PublishedDifference[] } {
  const entries = d.printedAsPublished.filter((p) => p.table === table.id);
  if (entries.length === 0) return { rows: [...table.rows], published: [] };
  const rows = table.rows.map((r) => ({ ...r, cells: [...r.cells] }));
  const published: PublishedDifference[] = [];
  for (const entry of entries) {
    const row = rowFor(rows, entry.row);
    const column = lookupColumn({ ...table, rows }, parseColumnPath(entry.column));
    // Unknown rows and columns are reported by the check (validate/published-rules.ts), never guessed.
    if (!row || !column.ok) continue;
    const cell = row.cells[column.column.index];
    if (!cell || cell.kind !== 'amount') continue;
    (row.cells as Cell[])[column.column.index] = amountCell(entry.amount);
    published.push({ rowKey: row.key, columnIndex: column.column.index, derived: cell.value, printed: entry.amount });
  }
  return { rows, published };
}

export function buildTable(d: Disclosure, definition: TableDefinition): Table {
  const pack = packOf(d);
  const provided = d.providedTables.includes(definition.id);
  const built = definition.build(d);
  const fields = provided ? (built.fields ?? []) : [];
  const derivedRows = provided ? built.rows : [];
  const note = d.printStyle.notes[definition.id] ?? (typeof definition.note === 'function' ? definition.note(d) : definition.note);
  const labels = d.printStyle.labels;
  const amountUnit = definition.amountUnit === 'disclosure' ? d.printStyle.amountUnit : definition.amountUnit;
  const base = {
    id: definition.id,
    number: definition.number,
    title: definition.title,
    unitLabel: unitLabel(d, pack.unitLine),
    unitLine: pack.unitLine,
    amountUnit,
    decimals: amountUnit === '万元' ? 2 : d.printStyle.decimals,
    header: withPrintedLabels(built.header, labels),
    columns: leafColumns(built.header),
    rows: derivedRows,
    fields,
    note,
    empty: !provided || !hasContent(derivedRows, fields),
    provided,
    published: [],
  } as const;
  const { rows: publishedRows, published } = applyPublished(d, base);
  const rows = Object.keys(labels).length === 0 ? publishedRows : publishedRows.map((row) => relabelRow(row, labels));
  // The document prints 0 where nothing was arranged in this table: reproduce it (never in 合计 of an empty table).
  const zeroed = d.printStyle.zeroWhereNothing.includes(definition.id) && provided ? rows.map(zeroWhereNothing) : rows;
  return { ...base, rows: zeroed, published };
}

/** Every table of a disclosure's template, in the template's order. Compute once per disclosure and share. */
export function buildTables(d: Disclosure): Table[] {
  return packOf(d).tables.map((definition) => buildTable(d, definition));
}
