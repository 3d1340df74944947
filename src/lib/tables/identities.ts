/**
 * Arithmetic identities every set of derived tables must satisfy. The engine derives all tables
 * from one ledger, so these hold by construction; checking them guards the construction itself
 * (a wrong column selector shows up here long before a reader finds it).
 */
import { formatWan, type Amount } from '../money.ts';
import type { HeaderNode, Row, RowLevel, Table } from './model.ts';

const value = (a: Amount): number => a ?? 0;

function amountColumn(table: Table, ...path: string[]): number {
  const column = table.columns.find((c) => c.kind === 'amount' && c.path.length === path.length && c.path.every((p, i) => p === path[i]));
  if (!column) throw new Error(`table ${table.number} has no column ${path.join('/')}`);
  return column.index;
}

const cellAmount = (row: Row, index: number): Amount => {
  const cell = row.cells[index];
  return cell?.kind === 'amount' ? cell.value : null;
};

const describeRow = (table: Table, row: Row) => `表${table.number} ${row.key}`;

/** On every row, `total` equals the sum of `parts`. */
function rowSums(table: Table, total: number, parts: readonly number[], label: string): string[] {
  const violations: string[] = [];
  for (const row of table.rows) {
    const expected = parts.reduce((s, i) => s + value(cellAmount(row, i)), 0);
    const actual = value(cellAmount(row, total));
    if (expected !== actual) violations.push(`${describeRow(table, row)}: ${label}: ${formatWan(actual)} ≠ ${formatWan(expected)}`);
  }
  return violations;
}

const RANK: Readonly<Partial<Record<RowLevel, number>>> = { total: 0, department: 1, unit: 2, class: 3, project: 3, section: 4, item: 5 };

/**
 * Every parent row equals the sum of its children in every amount column: 合计 ⊇ 部门 ⊇ 单位 ⊇
 * 类 ⊇ 款 ⊇ 项. Children of a row are the following rows of the next level present, up to
 * the next row of the same or a higher level. (Table 8 prints its 合计 last; handled the same way
 * by reading its rows with the 合计 moved first.)
 */
export function hierarchySums(table: Table): string[] {
  const rows = table.rows.filter((r) => RANK[r.level] !== undefined);
  const ordered = table.number === 8 ? [...rows.filter((r) => r.level === 'total'), ...rows.filter((r) => r.level !== 'total')] : rows;
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
      const expected = children.reduce((s, r) => s + value(cellAmount(r, index)), 0);
      const actual = value(cellAmount(parent, index));
      if (expected !== actual) {
        violations.push(`${describeRow(table, parent)} column ${table.columns[index]?.path.join('/')}: ${formatWan(actual)} ≠ sum of ${children.length} ${children[0]?.level} rows ${formatWan(expected)}`);
      }
    }
  });
  return violations;
}

/** 收支总表 balances: each column group sums to its total, income equals expenditure. */
export function summaryBalances(table1: Table): string[] {
  const violations: string[] = [];
  const byKey = new Map(table1.rows.map((r) => [r.key, r]));
  const current = byKey.get('total:current');
  const grand = byKey.get('total:grand');
  if (!current || !grand) return [`表1 lacks its total rows`];
  const lines = table1.rows.filter((r) => r.level === 'line' && r.key !== 'line:carryover');
  const label = (row: Row, i: number): string => {
    const cell = row.cells[i];
    return cell && cell.kind !== 'amount' ? cell.value : '';
  };
  const sumLines = (labelIndex: number, pick: (text: string) => boolean) =>
    lines.reduce((s, r) => (pick(label(r, labelIndex)) ? s + value(cellAmount(r, labelIndex + 1)) : s), 0);
  const topLevel = (text: string) => /^[一二三四五六七八九十]+、/.test(text);
  const check = (what: string, actual: number, expected: number) => {
    if (actual !== expected) violations.push(`表1 ${what}: ${formatWan(actual)} ≠ ${formatWan(expected)}`);
  };
  const expenditure = value(cellAmount(current, 3));
  check('本年收入合计 = 一…十一 income lines', value(cellAmount(current, 1)), sumLines(0, topLevel));
  check('本年支出合计 (功能分类) = its 30 类 lines', expenditure, sumLines(2, (t) => t !== ''));
  check('本年支出合计 (部门经济分类) = 一、基本 + 二、项目 + 三、经营', value(cellAmount(current, 5)), sumLines(4, topLevel));
  check('本年支出合计 (政府经济分类) = its 类 lines', value(cellAmount(current, 7)), sumLines(6, topLevel));
  check('the three expenditure groups agree', value(cellAmount(current, 5)), expenditure);
  check('the three expenditure groups agree', value(cellAmount(current, 7)), expenditure);
  check('收入总计 = 支出总计', value(cellAmount(grand, 1)), value(cellAmount(grand, 3)));
  // Within the 部门经济分类 group: 基本支出 = its three lines; 项目支出 = its lines.
  const deptLines = lines.map((r) => [label(r, 4), value(cellAmount(r, 5))] as const).filter(([t]) => t !== '');
  const sectionSum = (start: string) => {
    const from = deptLines.findIndex(([t]) => t === start);
    let sum = 0;
    for (const [text, amount] of deptLines.slice(from + 1)) {
      if (topLevel(text)) break;
      sum += amount;
    }
    return [deptLines[from]?.[1] ?? 0, sum] as const;
  };
  const [basic, basicParts] = sectionSum('一、基本支出');
  check('一、基本支出 = its lines', basic, basicParts);
  const [project, projectParts] = sectionSum('二、项目支出');
  check('二、项目支出 = its lines', project, projectParts);
  return violations;
}

/**
 * Column groups add up: a group's 合计/小计 column equals its other columns, and a table's first
 * amount column (总计) equals its top-level groups. Uses the header tree, so it covers every
 * cross-tab table (4, 5, 9–15, 17, 18, 21) without a list of columns per table.
 */
export function columnGroupSums(table: Table): string[] {
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
  if (grand && grand.children.length === 0 && topLevel.length > 0 && GRAND_TOTAL_TABLES.includes(table.number)) {
    violations.push(...rowSums(table, grand.first, topLevel.flatMap(valueColumns), `${grand.label} = its groups`));
  }
  return violations;
}

/** Tables whose first amount column is the sum of every column group after it. */
const GRAND_TOTAL_TABLES = [4, 5, 9, 10, 11, 12, 13, 14, 15, 17, 18];

/** Every identity over a disclosure's 23 tables; empty when the tables are consistent. */
export function checkIdentities(allTables: readonly Table[]): string[] {
  // A table the disclosure did not publish has no rows to check.
  const tables = allTables.filter((t) => t.provided);
  const table = (n: number) => tables.find((t) => t.number === n);
  const violations: string[] = [];
  const t3 = table(3);
  if (t3) {
    const kinds = ['基本支出', '项目支出', '事业单位经营支出', '上缴上级支出', '对附属单位补助支出'].map((k) => amountColumn(t3, k));
    violations.push(...rowSums(t3, amountColumn(t3, '合计'), kinds, '合计 = 基本 + 项目 + …'));
  }
  for (const [n, basicGroup] of [
    [7, '基本支出'],
    [16, '本年政府性基金预算支出'],
    [19, '本年国有资本经营预算支出'],
    [20, '本年财政专户管理资金预算支出'],
  ] as const) {
    const t = table(n);
    if (!t) continue;
    const subtotal = amountColumn(t, basicGroup, '小计');
    violations.push(...rowSums(t, amountColumn(t, '合计'), [subtotal, amountColumn(t, '项目支出')], '合计 = 基本 + 项目'));
    violations.push(
      ...rowSums(
        t,
        subtotal,
        [amountColumn(t, basicGroup, '人员经费', '工资福利支出'), amountColumn(t, basicGroup, '人员经费', '对个人和家庭的补助'), amountColumn(t, basicGroup, '公用经费')],
        '基本 = 人员 + 公用',
      ),
    );
  }
  const t8 = table(8);
  if (t8) {
    const group = '本年一般公共预算基本支出';
    violations.push(...rowSums(t8, amountColumn(t8, group, '合计'), [amountColumn(t8, group, '人员经费'), amountColumn(t8, group, '公用经费')], '合计 = 人员 + 公用'));
  }
  for (const t of tables) if (t.number !== 1 && t.number !== 6 && t.number < 22) violations.push(...hierarchySums(t));
  const t1 = table(1);
  if (t1) violations.push(...summaryBalances(t1));
  for (const t of tables) violations.push(...columnGroupSums(t));
  return violations;
}
