import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decimal, toCsv } from './csv.ts';

const readCsv = (text: string): string[][] => parse(text, { bom: true });

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
