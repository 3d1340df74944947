import type { Disclosure } from '../disclosure/model.ts';
import { HUNAN_BUDGET } from '../templates/hunan-budget/pack.ts';
import { describe, expect, it } from 'vitest';
import { syntheticDisclosure } from '../../../tests/support/synthetic-disclosure.ts';
import { loadContentDir } from '../content/read-content-dir.ts';
import { sumAmounts, type Amount } from '../money.ts';
import type { Row, Table } from '../tables/model.ts';
import { buildTables } from '../templates/build-tables.ts';
import {
  basicAndProject,
  chartRows,
  chartSpec,
  expenditureByFunction,
  expenditureTrend,
  incomeBySource,
  overviewCharts,
  personnelAndOperating,
  threePublicComposition,
  type ChartData,
} from './chart-data.ts';

const content = loadContentDir('content');
const catalogue = content.catalogues.get(2024);
if (!catalogue) throw new Error('content/catalogues/2024 missing');

/** The sample disclosure (seed 003) and synthetic ones with several units, funds and kinds. */
const hunan = content.disclosures.filter((d) => d.template === HUNAN_BUDGET.id && d.providedTables.includes('incomeExpenditureSummary'));
const cases: { name: string; disclosure: Disclosure; tables: Table[] }[] = [
  ...hunan.map((d) => ({ name: `sample ${d.id}`, disclosure: d, tables: buildTables(d) })),
  ...[11, 12, 13, 14, 15].map((seed) => {
    const disclosure = syntheticDisclosure(catalogue, { seed, units: 1 + (seed % 3), rows: 80 });
    return { name: `synthetic #${seed}`, disclosure, tables: buildTables(disclosure) };
  }),
];

// Cells are located here by reading the header labels and row texts directly, not through the
// lookup helpers the charts use, so a wrong lookup cannot confirm itself.
const leafIndex = (table: Table, ...path: string[]): number => {
  const index = table.columns.findIndex((c) => c.path.join('/') === path.join('/'));
  if (index < 0) throw new Error(`${table.id} has no column ${path.join('/')}`);
  return index;
};
const amount = (row: Row | undefined, index: number): Amount => {
  const cell = row?.cells[index];
  return cell?.kind === 'amount' ? cell.value : null;
};
const text = (row: Row, index: number): string => {
  const cell = row.cells[index];
  return cell && cell.kind !== 'amount' ? cell.value : '';
};
// Hunan's tables by the number Hunan prints: these cases are all Hunan disclosures.
const byNumber = (tables: readonly Table[], n: number): Table => tables.find((t) => t.number === n)!;
const total = (chart: ChartData): number => sumAmounts(chart.values) ?? 0;
const nonZero = (value: Amount): value is number => value !== null && value !== 0;

describe.each(cases)('each chart of $name equals the numbers of the table it summarises', ({ disclosure, tables }) => {
  const year = { disclosure, tables };
  it('收入预算按来源: each top-level income line of 表1, adding up to 收入总计', () => {
    const t1 = byNumber(tables, 1);
    const chart = incomeBySource(tables, HUNAN_BUDGET.incomeLines);
    const label = leafIndex(t1, '收入', '项目');
    const value = leafIndex(t1, '收入', '预算数');
    const lines = t1.rows.filter((r) => /^[一二三四五六七八九十]+、/.test(text(r, label)));
    const expected = [
      ...lines.map((r) => [text(r, label).replace(/^[一二三四五六七八九十]+、/, ''), amount(r, value)] as const),
      [
        '上年结转结余',
        amount(
          t1.rows.find((r) => text(r, label) === '上年结转结余'),
          value,
        ),
      ] as const,
    ].filter(([, v]) => nonZero(v));
    expect(chart?.labels).toEqual(expected.map(([l]) => l));
    expect(chart?.values).toEqual(expected.map(([, v]) => v));
    expect(chart && total(chart)).toBe(
      amount(
        t1.rows.find((r) => text(r, label) === '收 入 总 计'),
        value,
      ),
    );
  });

  it('支出预算按功能分类: each 功能分类 类 line of 表1, adding up to 本年支出合计', () => {
    const t1 = byNumber(tables, 1);
    const chart = expenditureByFunction(tables, HUNAN_BUDGET.functionLines);
    const label = leafIndex(t1, '支出', '项目（按功能分类）');
    const lines = t1.rows.filter((r) => /^（[一二三四五六七八九十]+）/.test(text(r, label)));
    const expected = lines
      .map((r) => [text(r, label).replace(/^（[一二三四五六七八九十]+）/, ''), amount(r, label + 1)] as const)
      .filter(([, v]) => nonZero(v));
    expect(chart?.labels).toEqual(expected.map(([l]) => l));
    expect(chart?.values).toEqual(expected.map(([, v]) => v));
    expect(chart && total(chart)).toBe(
      amount(
        t1.rows.find((r) => text(r, label) === '本 年 支 出 合 计'),
        label + 1,
      ),
    );
  });

  it('基本支出与项目支出: the 合计 row of 表3, its parts adding up to its 合计', () => {
    const t3 = byNumber(tables, 3);
    const chart = basicAndProject(year);
    const totalRow = t3.rows.find((r) => r.level === 'total');
    for (const [i, label] of (chart?.labels ?? []).entries()) expect(chart?.values[i]).toBe(amount(totalRow, leafIndex(t3, label)));
    expect(chart?.labels.slice(0, 2)).toEqual(['基本支出', '项目支出'].filter((k) => nonZero(amount(totalRow, leafIndex(t3, k)))));
    expect(chart && total(chart)).toBe(amount(totalRow, leafIndex(t3, '合计')));
  });

  it('人员经费与公用经费: the 合计 row of 表8, adding up to its 合计', () => {
    const t8 = byNumber(tables, 8);
    const chart = personnelAndOperating(year);
    const totalRow = t8.rows.find((r) => r.level === 'total');
    const group = '本年一般公共预算基本支出';
    const expected = ['人员经费', '公用经费'].map((k) => [k, amount(totalRow, leafIndex(t8, group, k))] as const).filter(([, v]) => nonZero(v));
    if (expected.length === 0) return expect(chart).toBeNull();
    expect(chart?.labels).toEqual(expected.map(([l]) => l));
    expect(chart?.values).toEqual(expected.map(([, v]) => v));
    expect(chart && total(chart)).toBe(amount(totalRow, leafIndex(t8, group, '合计')));
  });

  it('“三公”经费构成: the four items of 表15’s 合计 row, adding up to “三公”经费合计', () => {
    const t15 = byNumber(tables, 15);
    const chart = threePublicComposition(year);
    const totalRow = t15.rows.find((r) => r.level === 'total');
    const items = [['因公出国（境）费'], ['公务用车购置及运行费', '公务用车购置费'], ['公务用车购置及运行费', '公务用车运行费'], ['公务接待费']];
    const expected = items.map((path) => [path.at(-1), amount(totalRow, leafIndex(t15, ...path))] as const).filter(([, v]) => nonZero(v));
    if (expected.length === 0) return expect(chart).toBeNull();
    expect(chart?.labels).toEqual(expected.map(([l]) => l));
    expect(chart?.values).toEqual(expected.map(([, v]) => v));
    expect(chart && total(chart)).toBe(amount(totalRow, leafIndex(t15, '“三公”经费合计')));
  });

  it('the data table under each chart prints the same amounts, and shares that add up to the whole', () => {
    for (const chart of overviewCharts(year, [])) {
      const { rows, total: printed } = chartRows(chart);
      expect(rows.map((r) => r.label)).toEqual(chart.labels);
      expect(printed).toBe(chart.parts ? (total(chart) / 1_000_000).toFixed(2) : null);
      for (const r of rows) expect(r.share).toMatch(chart.parts ? /^\d+\.\d{2}%$/ : /^$/);
      // The canvas’s tooltips and legend print the very same strings as the table.
      expect(chartSpec(chart).descriptions).toEqual(rows.map((r) => `${r.label}：${r.amount}万元${r.share ? `（${r.share}）` : ''}`));
    }
  });
});

describe('charts without data', () => {
  it('draw nothing for a table that was not provided or is empty', () => {
    const { disclosure, tables } = cases[0]!;
    const notProvided = tables.map((t) => (t.number === 1 ? { ...t, provided: false } : t));
    const empty = tables.map((t) => (t.number === 15 ? { ...t, empty: true } : t));
    expect(incomeBySource(notProvided, HUNAN_BUDGET.incomeLines)).toBeNull();
    expect(threePublicComposition({ disclosure, tables: empty })).toBeNull();
  });
});

describe('the multi-year trend', () => {
  it('shows each year’s 支出合计, oldest first, only when two or more years have figures', () => {
    const years = [
      { year: 2024, expenditure: 8_962_800_00 },
      { year: 2022, expenditure: 7_000_000_00 },
      { year: 2023, expenditure: null },
    ];
    const chart = expenditureTrend(years);
    expect(chart?.labels).toEqual(['2022年', '2024年']);
    expect(chart?.values).toEqual([7_000_000_00, 8_962_800_00]);
    expect(chart?.summary).toContain('2024年比2022年增加');
    expect(expenditureTrend([{ year: 2024, expenditure: 1 }])).toBeNull();
  });
});
