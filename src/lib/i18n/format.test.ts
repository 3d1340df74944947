import { describe, expect, it } from 'vitest';
import { wan } from '../money.ts';
import { changeBetween, chineseOrdinal, formatChange, formatPercent } from './format.ts';

describe('formatPercent', () => {
  it('prints a share with two decimals, rounded half away from zero in integers', () => {
    expect(formatPercent(wan('790.28'), wan('896.28'))).toBe('88.17%');
    expect(formatPercent(wan('106.00'), wan('896.28'))).toBe('11.83%');
    expect(formatPercent(1, 8)).toBe('12.50%');
    expect(formatPercent(1, 80_000)).toBe('0.00%');
    expect(formatPercent(1, 20_000)).toBe('0.01%');
    expect(formatPercent(-1, 8)).toBe('-12.50%');
    expect(formatPercent(5, 5)).toBe('100.00%');
  });

  it('prints nothing for a share of zero', () => {
    expect(formatPercent(5, 0)).toBe('');
  });
});

describe('formatChange', () => {
  it('says 增加 … 增长 … for a rise, on last year’s base', () => {
    expect(formatChange(changeBetween(wan('29'), wan('28.5')))).toBe('增加0.50万元，增长1.75%');
  });
  it('says 减少 … 下降 … for a fall', () => {
    expect(formatChange(changeBetween(wan('1969'), wan('2190')))).toBe('减少221.00万元，下降10.09%');
  });
  it('says 持平 when unchanged, counting empty cells as zero', () => {
    expect(formatChange(changeBetween(null, 0))).toBe('持平');
  });
  it('gives no rate when last year was zero', () => {
    expect(formatChange(changeBetween(wan('0.6'), null))).toBe('增加0.60万元');
  });
});

describe('chineseOrdinal', () => {
  it('writes the ordinals the printed forms number their lines with', () => {
    expect([1, 9, 10, 11, 14, 20, 21, 26, 30].map(chineseOrdinal)).toEqual(['一', '九', '十', '十一', '十四', '二十', '二十一', '二十六', '三十']);
  });
});
