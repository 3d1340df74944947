import { describe, expect, it } from 'vitest';
import { formatAmount } from '../money.ts';
import { amountCell, codeCell, leafColumns, textCell, type Cell, type HeaderNode, type Row, type Table } from '../tables/model.ts';
import { getSiteData } from './site-data.ts';
import { tableBody, type BodyCell } from './table-body.ts';

/** A small table of the given header and rows (SYNTHETIC figures). */
const tableOf = (header: readonly HeaderNode[], rows: readonly (readonly Cell[])[], unit: Table['amountUnit'] = '万元'): Table => ({
  id: 'sample',
  number: null,
  title: '示例表（SYNTHETIC）',
  unitLabel: '示例单位',
  unitLine: 'unit',
  amountUnit: unit,
  decimals: 2,
  header,
  columns: leafColumns(header),
  rows: rows.map((cells, i): Row => ({ level: i === 0 ? 'total' : 'item', key: `row:${i}`, cells })),
  fields: [],
  note: null,
  empty: false,
  provided: true,
  published: [],
});

// 科目编码 | 科目名称 | 合计 | 基本支出 › 人员经费, 公用经费
const expenditure = tableOf(
  [
    { label: '科目编码', kind: 'code' },
    { label: '科目名称', kind: 'text' },
    { label: '合计' },
    { label: '基本支出', children: [{ label: '人员经费' }, { label: '公用经费' }] },
  ],
  [
    [codeCell(''), textCell('合计'), amountCell(1_234_567_00), amountCell(1_000_000_00), amountCell(null)],
    [codeCell('2010101'), textCell('行政运行'), amountCell(51_637), amountCell(0), amountCell(51_637)],
  ],
);

// 收入 项目 | 预算数 | 支出 项目 | 预算数: a side-by-side form whose 收入 side runs out of lines.
const sideBySide = tableOf(
  [
    { label: '收入', children: [{ label: '项目', kind: 'text' }, { label: '预算数' }] },
    { label: '支出', children: [{ label: '项目', kind: 'text' }, { label: '预算数' }] },
  ],
  [
    [textCell('一般公共预算拨款收入'), amountCell(100_00), textCell('一般公共服务支出'), amountCell(60_00)],
    [textCell(' '), amountCell(null), textCell('教育支出'), amountCell(40_00)],
  ],
);

const kinds = (cells: readonly BodyCell[]) => cells.map((c) => c.kind);

describe('the body of an official table as its HTML prints it', () => {
  it('makes the name column the row header and names every other cell by its column headers and that row header', () => {
    const [total, item] = tableBody(expenditure, 't-x');
    expect(kinds(item!.cells)).toEqual(['code', 'rowHeader', 'amount', 'amount', 'amount']);
    expect(item!.cells[1]).toMatchObject({ kind: 'rowHeader', id: 't-x-r1-1', headers: 't-x-h0-1', text: '行政运行' });
    expect(item!.cells[0]?.headers).toBe('t-x-h0-0 t-x-r1-1');
    expect(item!.cells[2]?.headers).toBe('t-x-h0-2 t-x-r1-1');
    expect(item!.cells[3]?.headers).toBe('t-x-h0-3 t-x-h1-3 t-x-r1-1');
    expect(item!.cells[4]?.headers).toBe('t-x-h0-3 t-x-h1-4 t-x-r1-1');
    expect(total!.cells[1]).toMatchObject({ id: 't-x-r0-1', text: '合计' });
    expect(total).toMatchObject({ level: 'total', key: 'row:0' });
  });

  it('indexes only the first amount of a row for search', () => {
    for (const row of tableBody(expenditure, 't-x')) {
      expect(row.cells.flatMap((c) => (c.kind === 'amount' ? [c.indexed] : []))).toEqual([true, false, false]);
    }
  });

  it('prints amounts in the unit and decimals of the table, 元 grouped by thousands, empty as nothing', () => {
    const [total] = tableBody(expenditure, 't-x');
    expect(total!.cells.map((c) => (c.kind === 'amount' ? c.text : null))).toEqual([null, null, '123.46', '100.00', '']);
    const yuan = tableOf(
      expenditure.header,
      expenditure.rows.map((r) => r.cells),
      '元',
    );
    const [yuanTotal] = tableBody(yuan, 't-y');
    const cell = yuanTotal!.cells[2];
    expect(cell?.kind === 'amount' && cell.text).toBe(formatAmount(1_234_567_00, '元', 2, true));
    expect(cell?.kind === 'amount' && cell.text).toBe('1,234,567.00');
  });

  it('keeps the one name column in view on a phone (sticky), never a side-by-side form’s', () => {
    const [row] = tableBody(expenditure, 't-x');
    expect(row!.cells[1]).toMatchObject({ sticky: true });
    for (const r of tableBody(sideBySide, 't-s')) for (const c of r.cells) if (c.kind === 'rowHeader' || c.kind === 'blank') expect(c.sticky).toBe(false);
  });

  it('names each amount of a side-by-side form by the label to its left, and a blank label by nothing', () => {
    const [first, second] = tableBody(sideBySide, 't-s');
    expect(kinds(first!.cells)).toEqual(['rowHeader', 'amount', 'rowHeader', 'amount']);
    expect(first!.cells[1]?.headers).toBe('t-s-h0-0 t-s-h1-1 t-s-r0-0');
    expect(first!.cells[3]?.headers).toBe('t-s-h0-2 t-s-h1-3 t-s-r0-2');
    // The 收入 side ran out of lines: its label cell is a plain blank cell, its amount named by its columns alone.
    expect(second!.cells[0]).toEqual({ kind: 'blank', headers: 't-s-h0-0 t-s-h1-0', sticky: false });
    expect(second!.cells[1]?.headers).toBe('t-s-h0-0 t-s-h1-1');
    expect(second!.cells[3]?.headers).toBe('t-s-h0-2 t-s-h1-3 t-s-r1-2');
  });

  it('names the cells of a single line of figures by their column headers alone', () => {
    const line = tableOf([{ label: '合计' }, { label: '因公出国（境）费' }], [[amountCell(300_00), amountCell(100_00)]]);
    const [row] = tableBody(line, 't-l');
    expect(row!.cells.map((c) => [c.kind, c.headers])).toEqual([
      ['amount', 't-l-h0-0'],
      ['amount', 't-l-h0-1'],
    ]);
  });

  it('gives every cell of every sample table a headers attribute that names only ids the table has', () => {
    const site = getSiteData('content');
    const tables = site.entries.flatMap((e) => e.tables).filter((t) => t.provided && t.rows.length > 0);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const rows = tableBody(table, 'p');
      const ids = new Set(rows.flatMap((r) => r.cells.flatMap((c) => (c.kind === 'rowHeader' ? [c.id] : []))));
      for (const row of rows)
        for (const cell of row.cells) {
          expect(cell.headers).toBeDefined();
          for (const id of cell.headers!.split(' ')) expect(/^p-h\d+-\d+$/.test(id) || ids.has(id)).toBe(true);
        }
    }
  });
});
