import { describe, expect, it } from 'vitest';
import { formatWan, formatWanGrouped, formatYuan, parseAmount, sumAmounts } from './money.ts';

const fenOf = (input: string | null, unit: '元' | '万元' = '万元') => {
  const parsed = parseAmount(input, unit);
  if (!parsed.ok) throw new Error(`rejected: ${parsed.reason}`);
  return parsed.value;
};

describe('parseAmount reads every spelling a clerk pastes', () => {
  it('reads a plain number in 万元 as exact fen', () => {
    expect(fenOf('66')).toBe(66_000_000);
    expect(fenOf('896.28')).toBe(896_280_000);
    expect(fenOf('0.45')).toBe(450_000);
  });

  it('accepts a trailing full-width space and says it normalised it', () => {
    const parsed = parseAmount('66　', '万元');
    expect(parsed).toMatchObject({ ok: true, value: 66_000_000, normalised: '66' });
    expect(parsed.ok && parsed.adjustments).toEqual(['whitespace']);
  });

  it('accepts full-width digits', () => {
    const parsed = parseAmount('６６', '万元');
    expect(parsed).toMatchObject({ ok: true, value: 66_000_000, normalised: '66' });
    expect(parsed.ok && parsed.adjustments).toEqual(['fullWidth']);
  });

  it('accepts thousands separators', () => {
    expect(parseAmount('1,234.56', '万元')).toMatchObject({ ok: true, value: 1_234_560_000, normalised: '1234.56', adjustments: ['thousandsSeparator'] });
    expect(parseAmount('１，２３４．５６', '元')).toMatchObject({ ok: true, value: 123_456, normalised: '1234.56' });
  });

  it('reads 100000.00 in a 元 file as 10.00 万元', () => {
    const value = fenOf('100000.00', '元');
    expect(value).toBe(10_000_000);
    expect(formatWan(value)).toBe('10.00');
  });

  it('keeps an empty cell empty, distinct from zero', () => {
    expect(fenOf('')).toBeNull();
    expect(fenOf('　')).toBeNull();
    expect(fenOf(null)).toBeNull();
    expect(fenOf('0')).toBe(0);
    expect(formatWan(null)).toBe('');
    expect(formatWan(0)).toBe('0.00');
  });

  it('rejects 12.345 in a 万元 file with a reason', () => {
    expect(parseAmount('12.345', '万元')).toEqual({ ok: false, reason: 'tooManyDecimals', normalised: '12.345' });
  });

  it('rejects text that is not a number', () => {
    expect(parseAmount('abc', '万元')).toMatchObject({ ok: false, reason: 'notANumber' });
    expect(parseAmount('1e3', '万元')).toMatchObject({ ok: false, reason: 'notANumber' });
    expect(parseAmount('12,34', '万元')).toMatchObject({ ok: false, reason: 'notANumber' });
    expect(parseAmount('1.2.3', '元')).toMatchObject({ ok: false, reason: 'notANumber' });
  });

  it('reads negative amounts, full-width minus included', () => {
    expect(fenOf('-3.5')).toBe(-3_500_000);
    expect(fenOf('－3.50')).toBe(-3_500_000);
  });

  it('rejects an amount beyond exact integer range', () => {
    expect(parseAmount('99999999999999', '万元')).toMatchObject({ ok: false, reason: 'tooLarge' });
  });
});

describe('sums and formats without floating point', () => {
  it('adds amounts that floats get wrong', () => {
    // 0.1 + 0.2 in floating point is 0.30000000000000004.
    expect(formatWan(sumAmounts([fenOf('0.10'), fenOf('0.20')]))).toBe('0.30');
  });

  it('sums only empty cells to empty, and skips empty cells in a sum', () => {
    expect(sumAmounts([null, null])).toBeNull();
    expect(sumAmounts([null, 5])).toBe(5);
    expect(sumAmounts([])).toBeNull();
  });

  it('rounds 元 amounts to 0.01 万元 half away from zero', () => {
    expect(formatWan(fenOf('123449.99', '元'))).toBe('12.34');
    expect(formatWan(fenOf('123450.00', '元'))).toBe('12.35');
    expect(formatWan(fenOf('-123450.00', '元'))).toBe('-12.35');
  });

  it('formats 元 and grouped 万元', () => {
    expect(formatYuan(fenOf('100000.00', '元'))).toBe('100000.00');
    expect(formatWanGrouped(fenOf('1234567.89'))).toBe('1,234,567.89');
  });
});
