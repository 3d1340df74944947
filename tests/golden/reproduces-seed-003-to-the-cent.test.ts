/**
 * The engine against a real published disclosure: every amount cell of tables 1, 3 and 6–21 of
 * seed 003, read from the seed file itself, must equal the cell the engine derives from the
 * ledger in content/, at the same row and column. Rows are matched by what they stand for
 * (合计, 部门, 单位, a 科目 code, a project, a fixed line), columns by position in the form.
 */
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/lib/content/read-content-dir.ts';
import { formatWan } from '../../src/lib/money.ts';
import type { Row, Table } from '../../src/lib/tables/model.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';
import { AMOUNT_CELL, normaliseCellText, readSeed003, type SeedTable } from '../support/seed-003.ts';

const seed = readSeed003();
const loaded = loadContentDir('content');
const disclosure = loaded.disclosures.find((d) => d.id === '430202-001-2024');
if (!disclosure) throw new Error('sample disclosure 430202-001-2024 missing from content/');
const tables = buildTables(disclosure);
const tableNumber = (n: number): Table => {
  const table = tables.find((t) => t.number === n);
  if (!table) throw new Error(`engine has no table ${n}`);
  return table;
};

const GOLDEN_TABLES = [1, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];

/** What a seed row stands for, in the engine's row keys. */
function seedRowKey(n: number, cells: readonly string[], position: number): string {
  const c = (i: number) => normaliseCellText(cells[i] ?? '');
  const totalAt = cells.findIndex((cell) => normaliseCellText(cell) === '合计');
  // A 合计 row: the word 合计 with nothing but empty cells before it.
  const isTotal = totalAt >= 0 && cells.slice(0, totalAt).every((cell) => cell === '');
  switch (n) {
    case 1:
    case 6: {
      const label = c(0) || c(2);
      if (label === '本年收入合计') return 'total:current';
      if (label === '收入总计') return 'total:grand';
      if (label === '上年结转结余' && n === 1) return 'line:carryover';
      return `line:${position + 1}`;
    }
    case 3:
    case 7: {
      if (isTotal) return 'total';
      const code = c(3);
      if (code === disclosure!.department.code) return `department:${code}`;
      if (disclosure!.units.some((u) => u.code === code)) return `unit:${code}`;
      const level = code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
      return `${level}:${disclosure!.units[0]!.code}:${code}`;
    }
    case 8: {
      if (c(0) === '合计') return 'total';
      return `${c(0).length === 3 ? 'class' : 'section'}:${c(0)}`;
    }
    case 15:
    case 21: {
      if (c(1) === '合计' && c(0) === '') return 'total';
      if (c(0) === disclosure!.department.code) return `department:${c(0)}`;
      if (n === 21) {
        const project = disclosure!.projects.find((p) => p.name === c(1));
        return project ? `project:${project.id}` : `unknown-project:${c(1)}`;
      }
      return `unit:${c(0)}`;
    }
    case 16:
    case 19:
    case 20:
      if (isTotal) return 'total';
      return `item:${c(0)}`;
    default: {
      // Tables 9–14, 17, 18: 类 | 款 | 项 | 单位代码 | 单位名称（功能科目）.
      if (isTotal) return 'total';
      const unit = c(3);
      if (c(0) === '' && unit === disclosure!.department.code) return `department:${unit}`;
      if (c(0) === '') return `unit:${unit}`;
      return `item:${unit}:${c(0)}${c(1)}${c(2)}`;
    }
  }
}

interface Mismatch {
  readonly table: number;
  readonly row: string;
  readonly column: string;
  readonly expected: string;
  readonly actual: string;
}

function compareTable(seedTable: SeedTable, table: Table): { mismatches: Mismatch[]; compared: number } {
  const mismatches: Mismatch[] = [];
  let compared = 0;
  const ours = new Map<string, Row>(table.rows.map((r) => [r.key, r]));
  const matched = new Set<string>();
  seedTable.rows.forEach((seedCells, position) => {
    const key = seedRowKey(table.number ?? 0, seedCells, position);
    const row = ours.get(key);
    if (!row) {
      mismatches.push({ table: table.number ?? 0, row: key, column: '(row)', expected: seedCells.join(' | '), actual: '(no such row)' });
      return;
    }
    matched.add(key);
    if (seedCells.length !== table.columns.length) {
      mismatches.push({ table: table.number ?? 0, row: key, column: '(width)', expected: String(table.columns.length), actual: String(seedCells.length) });
    }
    table.columns.forEach((column) => {
      const seedCell = seedCells[column.index] ?? '';
      const cell = row.cells[column.index];
      if (!cell) return;
      if (cell.kind === 'amount') {
        if (seedCell !== '' && !AMOUNT_CELL.test(seedCell)) {
          mismatches.push({ table: table.number ?? 0, row: key, column: column.path.join('/'), expected: seedCell, actual: '(seed cell is not an amount)' });
          return;
        }
        compared++;
        const actual = formatWan(cell.value);
        if (actual !== seedCell)
          mismatches.push({ table: table.number ?? 0, row: key, column: column.path.join('/'), expected: seedCell || '(empty)', actual: actual || '(empty)' });
      } else if ((table.number ?? 0) === 1 || (table.number ?? 0) === 6) {
        // The fixed lines of the summary forms: labels must read as printed.
        if (normaliseCellText(seedCell) !== normaliseCellText(cell.value)) {
          mismatches.push({ table: table.number ?? 0, row: key, column: column.path.join('/'), expected: seedCell, actual: cell.value });
        }
      }
    });
  });
  for (const row of table.rows) {
    if (!matched.has(row.key))
      mismatches.push({
        table: table.number ?? 0,
        row: row.key,
        column: '(row)',
        expected: '(not in seed)',
        actual: row.cells.map((c) => (c.kind === 'amount' ? formatWan(c.value) : c.value)).join(' | '),
      });
  }
  return { mismatches, compared };
}

const describeMismatch = (m: Mismatch) => `表${m.table} row ${m.row}, column ${m.column}: expected ${m.expected}, actual ${m.actual}`;

describe('the engine reproduces seed 003 (荷塘区人大常委会 2024) from its ledger', () => {
  it('loads the sample content without errors', () => {
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  for (const n of GOLDEN_TABLES) {
    it(`table ${n}: every amount cell equals the published one`, () => {
      const seedTable = seed.get(n);
      if (!seedTable) throw new Error(`seed 003 has no table ${n}`);
      const { mismatches, compared } = compareTable(seedTable, tableNumber(n));
      expect(mismatches.map(describeMismatch)).toEqual([]);
      expect(compared).toBeGreaterThan(0);
    });
  }

  it('the comparison fails on a one-cent difference (the test can fail)', () => {
    const table = tableNumber(7);
    const seedTable = seed.get(7)!;
    const tampered: Table = {
      ...table,
      rows: table.rows.map((row) =>
        row.key === 'item:001001:2010101'
          ? { ...row, cells: row.cells.map((c, i) => (i === 6 && c.kind === 'amount' && c.value !== null ? { kind: 'amount', value: c.value + 10_000 } : c)) }
          : row,
      ),
    };
    const { mismatches } = compareTable(seedTable, tampered);
    expect(mismatches.map(describeMismatch)).toEqual(['表7 row item:001001:2010101, column 基本支出/小计: expected 516.37, actual 516.38']);
  });

  it('titles of the engine match the seed table of contents', () => {
    for (const n of GOLDEN_TABLES) {
      const seedTitle = normaliseCellText(seed.get(n)!.title).replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/-+/g, '-');
      const ours = normaliseCellText(tableNumber(n).title).replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/-+/g, '-');
      expect(ours, `table ${n}`).toBe(seedTitle);
    }
  });
});
