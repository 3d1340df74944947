import { describe, expect, it } from 'vitest';
import { syntheticDisclosure } from '../../../tests/support/synthetic-disclosure.ts';
import { loadContentDir } from '../content/read-content-dir.ts';
import { changeBetween } from '../i18n/format.ts';
import { departmentHistoryOf, departmentPaths, figureChanges, formatChangeIn, historyFigures, historyTable, HISTORY_FIGURES } from './department-history.ts';
import { buildSiteData, getSiteData } from './site-data.ts';

const catalogue = loadContentDir('content').catalogues.get(2024)!;
// SYNTHETIC: one department, three 预算 years (2022 missing between 2021 and 2023) and one 决算.
const synthetic = buildSiteData([
  syntheticDisclosure(catalogue, { seed: 71, year: 2021, rows: 40 }),
  syntheticDisclosure(catalogue, { seed: 72, year: 2023, rows: 40 }),
  syntheticDisclosure(catalogue, { seed: 73, year: 2024, rows: 40 }),
]);
const byYear = (year: number) => synthetic.entries.find((e) => e.disclosure.year === year)!;
const yearOf = (year: number) => ({ disclosure: byYear(year).disclosure, tables: byYear(year).tables });

describe('a department’s history', () => {
  const history = departmentHistoryOf(synthetic, byYear(2024));

  it('lists every year of the phase, oldest first, each linking to its overview', () => {
    expect(history.phases.map((p) => p.phase)).toEqual(['budget']);
    expect(history.phases[0]!.years.map((y) => [y.year, y.page])).toEqual([
      [2021, '999901/901/2021/'],
      [2023, '999901/901/2023/'],
      [2024, '999901/901/2024/'],
    ]);
    expect(history.page).toBe('999901/901/');
  });

  it('compares a year only with the year just before it', () => {
    const [y2021, y2023, y2024] = history.phases[0]!.years;
    expect(y2021!.changes).toBeNull();
    expect(y2023!.changes).toBeNull(); // 2022 is not in the content: 2021 is not "last year"
    expect(y2024!.comparedWith).toBe(2023);
    const expenditure = y2024!.changes!.find((c) => c.name === '支出合计')!;
    expect(expenditure.change).toEqual(changeBetween(expenditure.current.value, expenditure.previous.value));
  });

  it('reads each figure from the year’s own tables, in the unit of the table that prints it', () => {
    const figures = historyFigures(yearOf(2024));
    expect(figures.map((f) => f.name)).toEqual([...HISTORY_FIGURES]);
    const expenditure = figures.find((f) => f.name === '支出合计')!;
    const table = byYear(2024).tables.find((t) => t.id === 'expenditureSummary')!;
    expect(expenditure.unit).toBe(table.amountUnit);
    expect(expenditure.value).toBe(byYear(2024).summary.figures.expenditure);
  });

  it('draws 支出合计 over the years only where two years have it', () => {
    expect(history.phases[0]!.charts.map((c) => c.id)).toContain('history-budget-expenditure');
    expect(history.phases[0]!.charts[0]!.values).toHaveLength(3);
  });

  it('is a table with a column per year and one per comparison', () => {
    const table = historyTable(history.phases[0]!);
    expect(table.columns).toEqual(['2021年', '2023年', '2024年', '2024年比2023年']);
    expect(table.rows.every((r) => r.cells.length === 4)).toBe(true);
  });

  it('has one page per department, not per year', () => {
    expect(departmentPaths(synthetic).map((p) => p.params)).toEqual([{ region: '999901', department: '901' }]);
  });
});

describe('a change between two years', () => {
  it('is not computed where either year’s figure is empty (empty is not zero)', () => {
    const now = yearOf(2024);
    const before = yearOf(2023);
    const emptied = { ...before, tables: before.tables.map((t) => (t.id === 'threePublic' ? { ...t, provided: false } : t)) };
    const changes = figureChanges(now, emptied);
    const threePublic = changes.find((c) => c.name === '三公合计')!;
    expect(threePublic.previous.readable).toBe(false);
    expect(threePublic.change).toBeNull();
  });

  it('is worded in the unit its table prints', () => {
    expect(formatChangeIn(changeBetween(15_621_112_300, 16_497_864_000), '元', 0)).toBe('减少8,767,517元，下降5.31%');
    expect(formatChangeIn(changeBetween(47_910_000, 22_910_000), '万元', 2)).toBe('增加25.00万元，增长109.12%');
    expect(formatChangeIn(changeBetween(25_000_000, 0), '万元', 2)).toBe('增加25.00万元');
    expect(formatChangeIn(changeBetween(1, 1), '元', 0)).toBe('持平');
  });
});

describe('the sample content', () => {
  const site = getSiteData('content');
  it('has a history page for each department, 预算 and 决算 apart', () => {
    const ptczj = departmentPaths(site).find((p) => p.params.department === 'ptczj')!;
    expect(ptczj.props.history.phases.map((p) => p.phase)).toEqual(['budget', 'final']);
  });
  it('links to its region’s coverage only where the region lists its expected departments', () => {
    const page = (region: string) => departmentPaths(site).find((p) => p.params.region === region)!.props.history.coveragePage;
    expect(page('310107')).toBe('310107/coverage/');
    expect(page('130303')).toBeNull();
  });
});
