import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../content/read-content-dir.ts';
import { parseAmount, type Amount, type AmountUnit } from '../money.ts';
import type { Cell, Table } from '../tables/model.ts';
import { buildTables } from '../templates/build-tables.ts';
import { levelLabel, rowCode, tableToCsv, uniqueColumnLabels, withoutLetterSpacing } from './table-csv.ts';
import { loadOne, SAMPLE_ID } from '../../../tests/support/load-disclosure.ts';

const readCsv = (text: string): string[][] => parse(text, { bom: true });

/** What a text cell must read back as: the OWASP quote prefix before = + - @ tab CR, else unchanged. */
const neutralised = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const fen = (field: string | undefined, unit: AmountUnit): Amount => {
  if (field === undefined || field === '') return null;
  const parsed = parseAmount(field, unit);
  if (!parsed.ok) throw new Error(`${field} is not an amount`);
  return parsed.value;
};

/** An amount field reads back within half a printed step of the exact amount; empty stays empty. */
function expectAmount(field: string | undefined, value: Amount, table: Table, where: string): void {
  if (value === null) {
    expect(field, where).toBe('');
    return;
  }
  expect(field, where).toMatch(table.decimals === 0 ? /^-?\d+(\.\d{2})?$/ : /^-?\d+\.\d{2}$/);
  const step = table.amountUnit === '万元' ? 5_000 : 50;
  expect(Math.abs((fen(field, table.amountUnit) ?? 0) - value), where).toBeLessThanOrEqual(step);
}

function expectCell(field: string | undefined, cell: Cell, table: Table, where: string): void {
  if (cell.kind === 'amount') expectAmount(field, cell.value, table, where);
  else if (cell.kind === 'code') expect(field, where).toBe(cell.value);
  else expect(field, where).toBe(withoutLetterSpacing(neutralised(cell.value)));
}

/** Reads a table's CSV back and compares header, level, code, every code, text and number with the table model. */
function expectCsvMatchesTable(table: Table): void {
  const text = tableToCsv(table);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...records] = readCsv(text);
  const lead = 2 + (table.fields.length > 0 ? 2 : 0);
  expect(header?.slice(0, 2)).toEqual(['层级', '编码']);
  expect(header?.slice(lead)).toEqual(uniqueColumnLabels(table));
  expect(records).toHaveLength(table.fields.length + table.rows.length);
  table.fields.forEach((field, i) => {
    const record = records[i];
    expect(record?.[2]).toBe(neutralised(field.label));
    expectCell(record?.[3], field.value, table, `${table.id} field ${field.label}`);
  });
  table.rows.forEach((row, r) => {
    const record = records[table.fields.length + r];
    expect(record, `${table.id} row ${row.key}`).toHaveLength(lead + table.columns.length);
    expect(record?.[0]).toBe(levelLabel(row.level));
    expect(record?.[1]).toBe(rowCode(row));
    row.cells.forEach((cell, c) => expectCell(record?.[lead + c], cell, table, `${table.id} row ${row.key} column ${c}`));
  });
}

const content = loadContentDir('content');
const everyTable = content.disclosures.flatMap((d) => buildTables(d).map((table) => ({ d, table })));

describe('a table CSV', () => {
  it.each(everyTable.filter(({ table }) => table.provided).map(({ d, table }) => [`${d.id} ${table.id}`, table] as const))(
    '%s reads back with its level, code and every number, code and text equal to the table model',
    (_name, table) => expectCsvMatchesTable(table),
  );

  it('names every column of every table of the sample content differently', () => {
    for (const { d, table } of everyTable) {
      const [header] = readCsv(tableToCsv(table));
      expect(new Set(header).size, `${d.id} ${table.id}: ${header?.join(' | ')}`).toBe(header?.length);
    }
  });

  it('tells the 收支总表’s three 支出 amount columns apart by the classification each belongs to, and names the unit', () => {
    const table = everyTable.find(({ d, table }) => d.id === SAMPLE_ID && table.id === 'incomeExpenditureSummary')?.table;
    if (!table) throw new Error('the sample has a 收支总表');
    const labels = uniqueColumnLabels(table).filter((l) => l.startsWith('支出/') && l.endsWith('（万元）'));
    expect(labels).toEqual(['支出/按功能分类/预算数（万元）', '支出/按部门预算经济分类/预算数（万元）', '支出/按政府预算经济分类/预算数（万元）']);
  });

  it('drops the print’s letter-spacing from headers and row labels', () => {
    const table = everyTable.find(({ d, table }) => d.id === SAMPLE_ID && table.id === 'expenditureByEconDept')?.table;
    if (!table) throw new Error('the sample has the 部门预算经济分类 summary');
    expect(table.columns.some((c) => c.path.includes('总 计'))).toBe(true);
    const [header] = readCsv(tableToCsv(table));
    expect(header).toContain('总计（万元）');
    expect(header?.some((h) => h.includes('总 计'))).toBe(false);
  });

  it('keeps the leading zeros of unit codes', () => {
    const table = buildTables(loadOne('content', SAMPLE_ID)).find((t) => t.id === 'expenditureSummary') as Table;
    const records = readCsv(tableToCsv(table));
    expect(records.some((r) => r[1] === '001001' && r[0] === '单位')).toBe(true);
  });

  it('sums to its 合计 row when filtered to one level, in every amount column of every table with 合计 and 项 rows', () => {
    let checked = 0;
    for (const { d, table } of everyTable) {
      const total = table.rows.find((r) => r.level === 'total');
      if (!table.provided || !total) continue;
      const levels = (['item', 'unit'] as const).filter((level) => table.rows.some((r) => r.level === level));
      const records = readCsv(tableToCsv(table)).slice(1 + table.fields.length);
      const totalRecord = records.find((r) => r[0] === levelLabel('total'));
      for (const level of levels) {
        const rows = records.filter((r) => r[0] === levelLabel(level));
        table.columns.forEach((column, c) => {
          if (column.kind !== 'amount') return;
          // A total printed differently from its parts (published as printed) is reported elsewhere.
          if (table.published.some((p) => p.rowKey === total.key && p.columnIndex === c)) return;
          const expected = fen(totalRecord?.[2 + c], table.amountUnit);
          const parts = rows.map((r) => fen(r[2 + c], table.amountUnit)).filter((a): a is number => a !== null);
          if (expected === null) return expect(parts, `${d.id} ${table.id} ${column.path.join('/')}`).toEqual([]);
          expect(
            parts.reduce((s, a) => s + a, 0),
            `${d.id} ${table.id} ${level} ${column.path.join('/')}`,
          ).toBe(expected);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('row codes and letter-spacing', () => {
  it('read a row’s code from its key, and give none to a line, a total or an indicator', () => {
    expect(rowCode({ key: 'item:001001:2010101' })).toBe('2010101');
    expect(rowCode({ key: 'class:201' })).toBe('201');
    expect(rowCode({ key: 'unit:001001' })).toBe('001001');
    expect(rowCode({ key: 'department:001' })).toBe('001');
    expect(rowCode({ key: 'project:P01' })).toBe('P01');
    expect(rowCode({ key: 'line:3' })).toBe('');
    expect(rowCode({ key: 'total:grand' })).toBe('');
    expect(rowCode({ key: 'indicator:P02:1' })).toBe('');
  });

  it('collapse only text spaced out character by character', () => {
    expect(withoutLetterSpacing('总 计')).toBe('总计');
    expect(withoutLetterSpacing('收 入 总 计')).toBe('收入总计');
    expect(withoutLetterSpacing('提升驻区企业 优化营商环境')).toBe('提升驻区企业 优化营商环境');
    expect(withoutLetterSpacing('合计')).toBe('合计');
  });
});

describe('a table CSV of the synthetic injection fixture', () => {
  const tables = buildTables(loadOne('tests/fixtures/synthetic-injection'));

  it.each(tables.map((t) => [t.id, t] as const))('%s reads back equal to the table model', (_n, table) => expectCsvMatchesTable(table));

  it('rounds amounts given in 元 to 0.01 万元 and keeps a negative amount a number', () => {
    const expenditure = tables.find((t) => t.id === 'expenditureSummary') as Table;
    const records = readCsv(tableToCsv(expenditure));
    const recordOf = (key: string) => records[1 + expenditure.rows.findIndex((r) => r.key === key)];
    // 901001: 123456.78 + 45000 + 80000 元 = 24.8456… 万元; 901002 on 2010102: 20000 − 35000 元.
    expect(recordOf('unit:901001')?.slice(5, 8)).toEqual(['901001', "'+合成机关（synthetic）", '24.85']);
    expect(recordOf('item:901002:2010102')?.slice(7, 10)).toEqual(['-1.50', '-3.50', '2.00']);
  });
});
