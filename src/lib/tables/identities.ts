/**
 * Arithmetic identities every set of derived tables must satisfy. The engine derives all tables
 * from one ledger, so these hold by construction; checking them guards the construction itself
 * (a wrong column selector shows up here long before a reader finds it).
 */
import { formatWan, type Amount } from '../money.ts';
import { definitionFor, type TemplatePack } from '../templates/template-pack.ts';
import type { HeaderNode, Row, RowLevel, Table } from './model.ts';
import { amountAtColumn, lookupColumn } from './table-cells.ts';

const value = (a: Amount): number => a ?? 0;

function amountColumn(table: Table, path: readonly string[]): number {
  const column = lookupColumn(table, path);
  if (!column.ok) throw new Error(`${table.id} has no single column ${path.join('/')}`);
  return column.column.index;
}

const describeRow = (table: Table, row: Row) => `${table.id} ${row.key}`;

/** On every row, `total` equals the sum of `parts`. */
function rowSums(table: Table, total: number, parts: readonly number[], label: string): string[] {
  const violations: string[] = [];
  for (const row of table.rows) {
    const expected = parts.reduce((s, i) => s + value(amountAtColumn(row, i)), 0);
    const actual = value(amountAtColumn(row, total));
    if (expected !== actual) violations.push(`${describeRow(table, row)}: ${label}: ${formatWan(actual)} ≠ ${formatWan(expected)}`);
  }
  return violations;
}

const RANK: Readonly<Partial<Record<RowLevel, number>>> = { total: 0, department: 1, unit: 2, class: 3, project: 3, section: 4, item: 5 };

/**
 * Every parent row equals the sum of its children in every amount column: 合计 ⊇ 部门 ⊇ 单位 ⊇
 * 类 ⊇ 款 ⊇ 项. Children of a row are the following rows of the next level present, up to
 * the next row of the same or a higher level.
 */
export function hierarchySums(table: Table): string[] {
  const rows = table.rows.filter((r) => RANK[r.level] !== undefined);
  // Some forms print their 合计 last: read it first, as the parent of everything.
  const ordered = [...rows.filter((r) => r.level === 'total'), ...rows.filter((r) => r.level !== 'total')];
  const amountIndexes = table.columns.filter((c) => c.kind === 'amount').map((c) => c.index);
  const violations: string[] = [];
  ordered.forEach((parent, i) => {
    const rank = RANK[parent.level] ?? 0;
    const following: Row[] = [];
    for (const row of ordered.slice(i + 1)) {
      if ((RANK[row.level] ?? 0) <= rank) break;
      following.push(row);
    }
    if (following.length === 0) return;
    const childRank = Math.min(...following.map((r) => RANK[r.level] ?? 0));
    const children = following.filter((r) => RANK[r.level] === childRank);
    for (const index of amountIndexes) {
      const expected = children.reduce((s, r) => s + value(amountAtColumn(r, index)), 0);
      const actual = value(amountAtColumn(parent, index));
      if (expected !== actual) {
        violations.push(
          `${describeRow(table, parent)} column ${table.columns[index]?.path.join('/')}: ${formatWan(actual)} ≠ sum of ${children.length} ${children[0]?.level} rows ${formatWan(expected)}`,
        );
      }
    }
  });
  return violations;
}

/**
 * Column groups add up: a group's 合计/小计 column equals its other columns, and a table's first
 * amount column (总计) equals its top-level groups where the template says so. Uses the header
 * tree, so it covers every cross-tab table without a list of columns per table.
 */
export function columnGroupSums(table: Table, grandTotal: boolean): string[] {
  const violations: string[] = [];
  let next = 0;
  interface Placed {
    readonly label: string;
    readonly first: number;
    readonly children: readonly Placed[];
  }
  const place = (nodes: readonly HeaderNode[]): Placed[] =>
    nodes.map((node) => {
      if (node.children && node.children.length > 0) {
        const first = next;
        return { label: node.label, first, children: place(node.children) };
      }
      return { label: node.label, first: next++, children: [] };
    });
  const placed = place(table.header);
  const isAmount = (p: Placed) => table.columns[p.first]?.kind === 'amount';
  const isSubtotal = (label: string) => label === '合计' || label.endsWith('小计');
  /** The columns that together hold a node's money: a leaf, a group's 合计, or all its parts. */
  const valueColumns = (p: Placed): number[] => {
    if (p.children.length === 0) return [p.first];
    const [head] = p.children;
    if (head && head.children.length === 0 && isSubtotal(head.label)) return [head.first];
    return p.children.flatMap(valueColumns);
  };
  const visit = (nodes: readonly Placed[], path: string) => {
    for (const node of nodes) {
      if (node.children.length === 0) continue;
      const [head, ...rest] = node.children;
      if (head && head.children.length === 0 && isSubtotal(head.label) && rest.every(isAmount)) {
        violations.push(...rowSums(table, head.first, rest.flatMap(valueColumns), `${path}${node.label}/${head.label} = its columns`));
      }
      visit(node.children, `${path}${node.label}/`);
    }
  };
  visit(placed, '');
  const amounts = placed.filter(isAmount);
  const [grand, ...topLevel] = amounts;
  if (grand && grand.children.length === 0 && topLevel.length > 0 && grandTotal) {
    violations.push(...rowSums(table, grand.first, topLevel.flatMap(valueColumns), `${grand.label} = its groups`));
  }
  return violations;
}

/** Every identity over a disclosure's tables, as its template declares them; empty when consistent. */
export function checkIdentities(allTables: readonly Table[], pack: TemplatePack): string[] {
  // A table the disclosure did not publish has no rows to check.
  const tables = allTables.filter((t) => t.provided);
  const violations: string[] = [];
  for (const table of tables) {
    const identities = definitionFor(pack, table.id)?.identities ?? {};
    for (const sum of identities.rowSums ?? []) {
      violations.push(
        ...rowSums(
          table,
          amountColumn(table, sum.total),
          sum.parts.map((part) => amountColumn(table, part)),
          sum.label,
        ),
      );
    }
    if (identities.hierarchy !== false) violations.push(...hierarchySums(table));
    violations.push(...columnGroupSums(table, identities.grandTotal === true));
  }
  violations.push(...(pack.crossChecks?.(tables) ?? []));
  return violations;
}
