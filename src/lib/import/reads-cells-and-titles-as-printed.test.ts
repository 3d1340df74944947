import { describe, expect, it } from 'vitest';
import { SHANGHAI_BUDGET } from '../templates/shanghai-budget/pack.ts';
import { readAmountCell } from './amount-cell.ts';
import { amountText } from './content-data.ts';
import { parseCsv } from './flat-export.ts';
import { sniff } from './import-file.ts';
import { columnLetter, type SheetCell, type SheetValue } from './sheet.ts';
import { tableForTitle } from './table-sheet.ts';

const cell = (value: SheetValue): SheetCell => ({ address: 'B7', value, formatUnit: null });

describe('an amount cell', () => {
  it('keeps blank, 0 and — apart', () => {
    expect(readAmountCell(cell({ kind: 'blank' }), '元')).toEqual({ ok: true, value: null, dash: false });
    expect(readAmountCell(cell({ kind: 'number', value: 0 }), '元')).toEqual({ ok: true, value: 0, dash: false });
    expect(readAmountCell(cell({ kind: 'text', value: '—' }), '元')).toEqual({ ok: true, value: null, dash: true });
  });

  it('reads (123) as −123, thousands separators and full-width digits, exactly to the 分', () => {
    expect(readAmountCell(cell({ kind: 'text', value: '(123)' }), '元')).toMatchObject({ value: -12300 });
    expect(readAmountCell(cell({ kind: 'text', value: '1,234.56' }), '元')).toMatchObject({ value: 123456 });
    expect(readAmountCell(cell({ kind: 'text', value: '６６' }), '元')).toMatchObject({ value: 6600 });
    expect(readAmountCell(cell({ kind: 'number', value: 16231840.8 }), '元')).toMatchObject({ value: 1623184080 });
    expect(readAmountCell(cell({ kind: 'number', value: 1.35 }), '万元')).toMatchObject({ value: 1350000 });
  });

  it('refuses text, a third decimal and a formula without its value', () => {
    expect(readAmountCell(cell({ kind: 'text', value: '二十五万' }), '元')).toMatchObject({ ok: false, reason: 'notANumber' });
    expect(readAmountCell(cell({ kind: 'number', value: 1.234 }), '元')).toMatchObject({ ok: false, reason: 'tooManyDecimals' });
    expect(readAmountCell(cell({ kind: 'formula', formula: 'SUM(B1:B6)' }), '元')).toMatchObject({ ok: false, reason: 'formula' });
  });

  it('is written back as the shortest exact decimal of its unit', () => {
    expect([amountText(25770000, '元'), amountText(1623184080, '元'), amountText(1350000, '万元'), amountText(-12300, '元'), amountText(5, '元')]).toEqual([
      '257700',
      '16231840.80',
      '1.35',
      '-123',
      '0.05',
    ]);
  });
});

describe('a sheet title', () => {
  it('is recognised with a year, a 表码 prefix, spaces, or only in the sheet name', () => {
    const id = (title: string) => tableForTitle(SHANGHAI_BUDGET, title)?.id;
    expect(id('2024年部门收入预算总表')).toBe('incomeSummary');
    expect(id('2.15 部门收入预算总表  ')).toBe('incomeSummary');
    expect(id('表3 2025年部门支出预算总表')).toBe('expenditureSummary');
    expect(id('部门“三公”经费和机关运行经费预算表')).toBe('threePublic');
    expect(id('2024年部门一般公共预算基本支出部门预算经济分类预算表')).toBe('generalBudgetBasic');
    expect(id('封面')).toBeUndefined();
  });
});

describe('a file', () => {
  it('is recognised by its bytes, not its name', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
    expect(sniff(bytes('<html><table>'))).toBe('html');
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe('legacyXls');
    expect(sniff(bytes(' \r\n'))).toBe('empty');
    expect(sniff(bytes('单位编码,金额\n'))).toBe('text');
  });

  it('as CSV keeps quoted commas, doubled quotes and CRLF lines', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n1,2,3\r\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['1', '2', '3'],
    ]);
  });

  it('addresses columns as Excel does', () => {
    expect([1, 26, 27, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ']);
  });
});
