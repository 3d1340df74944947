import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseAmount, type Amount } from '../money.ts';
import type { Cell, Table } from '../tables/model.ts';
import { buildTables } from '../templates/build-tables.ts';
import { decimal, tableToCsv, toCsv } from './csv.ts';
import { loadOne, SAMPLE_ID } from '../../../tests/support/load-disclosure.ts';

const readCsv = (text: string): string[][] => parse(text, { bom: true });

/** What a text cell must read back as: the OWASP quote prefix before = + - @ tab CR, else unchanged. */
const neutralised = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * An amount field must be a plain two-decimal number in 万元 within half a printed step
 * (0.005 万元 = 5,000 分) of the exact amount; empty stays empty.
 */
function expectAmount(field: string | undefined, value: Amount, where: string): void {
  if (value === null) {
    expect(field, where).toBe('');
    return;
  }
  expect(field, where).toMatch(/^-?\d+\.\d{2}$/);
  const parsed = parseAmount(field ?? '', '万元');
  if (!parsed.ok || parsed.value === null) throw new Error(`${where}: ${field} is not an amount`);
  expect(Math.abs(parsed.value - value), where).toBeLessThanOrEqual(5_000);
  if (value % 10_000 === 0) expect(parsed.value, where).toBe(value);
}

function expectCell(field: string | undefined, cell: Cell, where: string): void {
  if (cell.kind === 'amount') expectAmount(field, cell.value, where);
  else if (cell.kind === 'code') expect(field, where).toBe(cell.value);
  else expect(field, where).toBe(neutralised(cell.value));
}

/** Reads a table's CSV back and compares header, every code, text and number with the table model. */
function expectCsvMatchesTable(table: Table): void {
  const text = tableToCsv(table);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...records] = readCsv(text);
  const formColumns = table.fields.length > 0 ? 2 : 0;
  expect(header?.slice(formColumns)).toEqual(table.columns.map((c) => c.path.join('/')));
  expect(records).toHaveLength(table.fields.length + table.rows.length);
  table.fields.forEach((field, i) => {
    const record = records[i];
    expect(record?.[0]).toBe(neutralised(field.label));
    expectCell(record?.[1], field.value, `table ${table.number} field ${field.label}`);
    expect(record?.slice(2).every((f) => f === '')).toBe(true);
  });
  table.rows.forEach((row, r) => {
    const record = records[table.fields.length + r];
    expect(record, `table ${table.number} row ${row.key}`).toHaveLength(formColumns + table.columns.length);
    row.cells.forEach((cell, c) => expectCell(record?.[formColumns + c], cell, `table ${table.number} row ${row.key} column ${c}`));
  });
}

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF, as RFC 4180 says', () => {
    const text = toCsv([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(text).toBe('\uFEFFa,b\r\nc,d\r\n');
  });

  it('quotes fields holding a comma, quote or line break and doubles the quotes', () => {
    const rows = [['x,y', 'say "hi"', 'line\nbreak', 'crlf\r\nend', 'plain']];
    const text = toCsv(rows);
    expect(text).toBe('\uFEFF"x,y","say ""hi""","line\nbreak","crlf\r\nend",plain\r\n');
    expect(readCsv(text)).toEqual(rows);
  });

  it.each([
    '=1+1',
    '+1',
    '-1',
    '@SUM(A1)',
    '\tcmd',
    '\rcmd',
    '=HYPERLINK("http://x","y")',
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
    ' =1+1',
    '\u200b=1+1',
    '\u3000＝1',
    '\u00a0@x',
    '﹦1',
  ])('neutralises text starting a formula: %j', (value) => {
    const [record] = readCsv(toCsv([[value]]));
    expect(record?.[0]).toBe(`'${value}`);
  });

  it('leaves text that cannot start a formula alone, including a formula character inside', () => {
    const [record] = readCsv(toCsv([['a=b', 'x =', '001001', '合计']]));
    expect(record).toEqual(['a=b', 'x =', '001001', '合计']);
  });

  it('writes decimals as numbers, so a real negative amount stays a number while the same text is neutralised', () => {
    const [record] = readCsv(toCsv([[decimal('-3.50'), '-3.50']]));
    expect(record).toEqual(['-3.50', "'-3.50"]);
  });

  it('refuses a "number" that is not a plain decimal', () => {
    expect(() => decimal('=1')).toThrow();
    expect(() => decimal('1,234.00')).toThrow();
    expect(() => decimal('')).toThrow();
  });
});

describe('tableToCsv on the sample disclosure', () => {
  const disclosure = loadOne('content', SAMPLE_ID);
  const tables = buildTables(disclosure);

  it('publishes all 23 tables', () => {
    expect(tables.map((t) => t.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  });

  it.each(tables.map((t) => [t.number, t] as const))('table %i reads back with every number, code and text equal to the table model', (_n, table) => {
    expectCsvMatchesTable(table);
  });

  it('keeps the leading zeros of unit codes', () => {
    const records = readCsv(tableToCsv(tables[2] as Table));
    expect(records.some((r) => r.includes('001001'))).toBe(true);
  });

  it('keeps the 合计 0.00 of an empty table and leaves its other cells empty', () => {
    const empty = tables.find((t) => t.provided && t.empty);
    if (!empty) throw new Error('the sample has no empty table');
    const [, total] = readCsv(tableToCsv(empty));
    const firstAmount = empty.columns.findIndex((c) => c.kind === 'amount');
    expect(total?.[firstAmount]).toBe('0.00');
    expect(total?.slice(firstAmount + 1).every((f) => f === '')).toBe(true);
  });

  it('writes only the header row for a table the disclosure did not provide', () => {
    const partial = buildTables({ ...disclosure, providedTables: ['projectPerformance', 'unitPerformance'] });
    const notProvided = partial.filter((t) => !t.provided);
    expect(notProvided).toHaveLength(21);
    for (const table of notProvided) {
      const records = readCsv(tableToCsv(table));
      expect(records).toEqual([table.columns.map((c) => c.path.join('/'))]);
    }
  });
});

describe('tableToCsv on the synthetic injection fixture', () => {
  const tables = buildTables(loadOne('tests/fixtures/synthetic-injection'));

  it.each(tables.map((t) => [t.number, t] as const))('table %i reads back equal to the table model', (_n, table) => {
    expectCsvMatchesTable(table);
  });

  it('rounds amounts given in 元 to 0.01 万元 and keeps a negative amount a number', () => {
    const expenditure = tables.find((t) => t.number === 3) as Table;
    const records = readCsv(tableToCsv(expenditure));
    const recordOf = (key: string) => records[1 + expenditure.rows.findIndex((r) => r.key === key)];
    // 901001: 123456.78 + 45000 + 80000 元 = 24.8456… 万元; 901002 on 2010102: 20000 − 35000 元.
    expect(recordOf('unit:901001')?.slice(3, 6)).toEqual(['901001', "'+合成机关（synthetic）", '24.85']);
    expect(recordOf('item:901002:2010102')?.slice(5, 8)).toEqual(['-1.50', '-3.50', '2.00']);
  });
});
