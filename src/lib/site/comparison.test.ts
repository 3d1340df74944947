import { describe, expect, it } from 'vitest';
import { getSiteData } from './site-data.ts';
import {
  COMPARISON_KEYS,
  comparisonCell,
  comparisonColumn,
  ranksBy,
  sortComparison,
  sortOfSegment,
  sortSegment,
  type ComparisonFigures,
  type ComparisonKey,
  type ComparisonRow,
  type FigureReading,
} from './comparison.ts';

// SYNTHETIC rows: invented departments and amounts (in 分), to pin down ordering and units.
const none = Object.fromEntries(COMPARISON_KEYS.map((k) => [k, null])) as Record<ComparisonKey, FigureReading | null>;
const reading = (value: number | null, unit: '元' | '万元' = '万元', decimals: 0 | 2 = 2): FigureReading => ({ value, unit, decimals });

function row(region: string, department: string, figures: Partial<ComparisonFigures>): ComparisonRow {
  return {
    level: 'department',
    region: { code: region, name: `合成区${region}` },
    department: { code: department, name: `合成部门${department}` },
    year: 2025,
    phase: 'budget',
    template: 'shanghai-budget',
    page: `${region}/${department}/2025/`,
    figures: { ...none, ...figures },
  };
}
const names = (rows: readonly ComparisonRow[]) => rows.map((r) => `${r.region.code}/${r.department.code}`);

describe('sorting a comparison', () => {
  const rows = [
    row('310107', 'b', { reception: reading(95_0000) }),
    row('310107', 'a', { reception: reading(null) }),
    row('430202', 'c', { reception: reading(135_0000) }),
    row('310107', 'd', {}),
    row('310107', 'e', { reception: reading(95_0000) }),
    row('310107', 'f', { reception: reading(0) }),
  ];

  it('puts the largest amount first and equal amounts in region and department order', () => {
    expect(names(sortComparison(rows, 'reception')).slice(0, 4)).toEqual(['430202/c', '310107/b', '310107/e', '310107/f']);
  });

  it('puts a blank printed cell and a figure not published after every amount, zero included', () => {
    const sorted = names(sortComparison(rows, 'reception'));
    expect(sorted.indexOf('310107/f')).toBeLessThan(sorted.indexOf('310107/a'));
    expect(sorted.slice(-2)).toEqual(['310107/a', '310107/d']);
  });

  it('sorts by department as region code, then department code', () => {
    expect(names(sortComparison(rows, 'department'))).toEqual(['310107/a', '310107/b', '310107/d', '310107/e', '310107/f', '430202/c']);
  });

  it('compares amounts exactly, however close', () => {
    const close = [row('1', 'x', { expenditure: reading(9_007_199_254_740_990, '元') }), row('1', 'y', { expenditure: reading(9_007_199_254_740_991, '元') })];
    expect(names(sortComparison(close, 'expenditure'))).toEqual(['1/y', '1/x']);
  });

  it('ranks equal amounts alike and skips the next rank, and gives no rank without an amount', () => {
    const sorted = sortComparison(rows, 'reception');
    expect(ranksBy(sorted, 'reception')).toEqual([1, 2, 2, 4, null, null]);
  });

  it('keeps unit rows after their department row when their amounts are equal', () => {
    const unit: ComparisonRow = { ...row('310107', 'b', { reception: reading(95_0000) }), level: 'unit', unit: { code: '001', name: '合成单位' } };
    expect(sortComparison([unit, rows[0]!], 'reception').map((r) => r.level)).toEqual(['department', 'unit']);
  });
});

describe('a comparison column', () => {
  it('keeps the unit the tables print when they all print the same', () => {
    const rows = [row('1', 'a', { reception: reading(95_0000) }), row('1', 'b', { reception: reading(null) })];
    expect(comparisonColumn('reception', rows)).toEqual({ key: 'reception', unit: '万元', decimals: 2, converted: false });
    expect(comparisonCell(rows[0]!, comparisonColumn('reception', rows))).toEqual({ kind: 'amount', value: 95_0000, text: '0.95' });
  });

  it('shows mixed 元 and 万元 tables in 元, converted exactly from 分', () => {
    const rows = [row('1', 'a', { expenditure: reading(156_211_123_00, '元', 0) }), row('2', 'b', { expenditure: reading(896_280_000, '万元') })];
    const column = comparisonColumn('expenditure', rows);
    expect(column).toEqual({ key: 'expenditure', unit: '元', decimals: 0, converted: true });
    expect(rows.map((r) => comparisonCell(r, column))).toEqual([
      { kind: 'amount', value: 156_211_123_00, text: '156211123' },
      { kind: 'amount', value: 896_280_000, text: '8962800' },
    ]);
  });

  it('prints two decimals in 元 when any amount has 分', () => {
    const rows = [row('1', 'a', { basic: reading(12_345, '元', 0) }), row('2', 'b', { basic: reading(10_000, '万元') })];
    const column = comparisonColumn('basic', rows);
    expect(column.unit).toBe('元');
    expect(comparisonCell(rows[0]!, column)).toMatchObject({ text: '123.45' });
    expect(comparisonCell(rows[1]!, column)).toMatchObject({ text: '100.00' });
  });

  it('tells a blank printed cell from a figure the template does not have, and neither is zero', () => {
    const rows = [row('1', 'a', { adminOperatingCost: reading(null) }), row('1', 'b', {})];
    const column = comparisonColumn('adminOperatingCost', rows);
    expect(rows.map((r) => comparisonCell(r, column).kind)).toEqual(['blank', 'absent']);
  });
});

describe('sorted views', () => {
  it('have one URL segment per figure that names it back', () => {
    for (const key of COMPARISON_KEYS) expect(sortOfSegment(sortSegment(key) ?? '')).toBe(key);
    expect(sortSegment('department')).toBeNull();
    expect(sortSegment('reception')).toBe('by-reception');
  });
});

describe('the figures of the sample disclosures', () => {
  const site = getSiteData('content');
  const figures = (id: string) => {
    const entry = site.entries.find((e) => e.disclosure.id === id);
    if (!entry) throw new Error(`${id} is not in the sample content`);
    return entry.summary.comparison;
  };

  it('read 三公 in the 万元 the Shanghai table prints and 支出合计 in its 元', () => {
    const ptczj = figures('310107-ptczj-2025');
    expect(ptczj.reception).toEqual({ value: 95_0000, unit: '万元', decimals: 2 });
    expect(ptczj.outboundTravel).toEqual({ value: null, unit: '万元', decimals: 2 });
    expect(ptczj.expenditure?.unit).toBe('元');
  });

  it('leave 机关运行经费 unpublished on a 决算, whose template prints none', () => {
    expect(figures('310107-ptczj-2024-final').adminOperatingCost).toBeNull();
  });
});
