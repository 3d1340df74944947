import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { comparisonCsv, comparisonWorkbook, COMPARISON_ID_HEADERS } from '../export/comparison-export.ts';
import { formatAmount } from '../money.ts';
import { COMPARISON_KEYS, COMPARISON_SORTS } from './comparison.ts';
import {
  comparisonExport,
  comparisonGroups,
  comparisonView,
  regionComparisonPaths,
  siteComparisonPaths,
  threePublicRanking,
  yearComparisonLinks,
  type ComparisonGroup,
} from './comparison-pages.ts';
import { routes } from './routes.ts';
import { buildSiteData, entryFromSummary, getSiteData, summaryEntry } from './site-data.ts';
import { unitPages } from './unit-pages.ts';
import { loadContentDir } from '../content/read-content-dir.ts';
import { syntheticDisclosure } from '../../../tests/support/synthetic-disclosure.ts';

const site = getSiteData('content');
const groups = comparisonGroups(site.entries.map((e) => e.summary));
const group = (region: string | null, year: number, phase: 'budget' | 'final' = 'budget'): ComparisonGroup => {
  const found = groups.find((g) => (g.region?.code ?? null) === region && g.year === year && g.phase === phase);
  if (!found) throw new Error(`no comparison for ${region ?? 'the site'} ${year} ${phase}`);
  return found;
};

describe('comparison groups of the sample site', () => {
  it('compare each region and the whole site per year and phase, never 预算 with 决算', () => {
    for (const g of groups) for (const row of g.rows) expect([row.year, row.phase]).toEqual([g.year, g.phase]);
    expect(group('310107', 2024, 'final').rows.map((r) => r.department.code)).toEqual(['ptczj']);
    expect(group('310107', 2024).rows.map((r) => r.department.code)).toEqual(['ptwl']);
  });

  it('list every department of a year across regions on the whole-site comparison', () => {
    const budget2024 = site.entries.filter((e) => e.disclosure.year === 2024 && e.disclosure.phase === 'budget' && e.summary.hasFinancialTables);
    expect(group(null, 2024).rows.map((r) => r.page)).toEqual(budget2024.map((e) => routes.disclosure(e.disclosure)).sort());
  });

  it('show a column in 元 where a Hunan 万元 table meets a Shanghai 元 table', () => {
    const expenditure = group(null, 2024).columns.find((c) => c.key === 'expenditure');
    expect(expenditure).toMatchObject({ unit: '元', converted: true });
  });

  it('name departments with performance forms only instead of giving them empty rows', () => {
    const g = group(null, 2025);
    expect(g.performanceOnly.map((s) => s.region.code)).toContain('640221');
    expect(g.rows.some((r) => r.region.code === '640221')).toBe(false);
  });

  it('are not made for a year with no financial tables at all', () => {
    expect(groups.some((g) => g.year === 2021)).toBe(false);
  });

  it('are the same when computed from shard summaries', () => {
    const fromSummaries = comparisonGroups(site.entries.map((e) => entryFromSummary(JSON.parse(JSON.stringify(summaryEntry(e)))).summary));
    expect(fromSummaries).toEqual(groups);
  });
});

describe('a comparison view', () => {
  it('links every column header to the page sorted by it and marks only the sorted one', () => {
    const g = group(null, 2024);
    const view = comparisonView(g, 'reception');
    expect(view.headers.filter((h) => h.sorted).map((h) => h.sort)).toEqual(['reception']);
    expect(view.headers.find((h) => h.sort === 'basic')?.href).toBe('compare/2024/by-basic/');
    expect(view.headers.find((h) => h.sort === 'department')?.href).toBe('compare/2024/');
    expect(view.headers.find((h) => h.sort === 'reception')?.label).toBe('公务接待费（万元）');
  });

  it('ranks the rows by the sorted figure, largest first', () => {
    const view = comparisonView(group(null, 2024), 'reception');
    const amounts = view.rows.map((r) => r.row.figures.reception?.value ?? null).filter((v) => v !== null);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(view.rows[0]?.rank).toBe(1);
  });

  it('has a 三公 ranking by the total and by each item', () => {
    expect(threePublicRanking(group(null, 2024)).map((r) => r.key)).toEqual([
      'threePublic',
      'outboundTravel',
      'vehicle',
      'vehiclePurchase',
      'vehicleOperation',
      'reception',
    ]);
  });

  it('is a page per sort and a ranking page for each comparison, and links from the year', () => {
    const sitePaths = siteComparisonPaths(site);
    const siteGroups = groups.filter((g) => g.region === null).length;
    expect(sitePaths).toHaveLength(siteGroups * (COMPARISON_SORTS.length + 1));
    expect(regionComparisonPaths(site).length).toBe((groups.length - siteGroups) * (COMPARISON_SORTS.length + 1));
    expect(yearComparisonLinks(site, 2024).map((l) => l.href)).toEqual(['compare/2024/', 'compare/2024-final/']);
    expect(siteComparisonPaths({ ...site, renders: { disclosures: true, portal: false } })).toEqual([]);
  });
});

describe('the comparison downloads', () => {
  const g = group(null, 2024);
  const data = comparisonExport(g);

  it('write a CSV with the unit in each amount header and an empty field, never 0, for a blank', () => {
    const lines = comparisonCsv(data)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const header = lines[0]?.split(',') ?? [];
    expect(header.slice(0, COMPARISON_ID_HEADERS.length)).toEqual([...COMPARISON_ID_HEADERS]);
    expect(header.slice(COMPARISON_ID_HEADERS.length)).toEqual(g.columns.map((c) => data.headers[g.columns.indexOf(c)]));
    expect(header.at(-1)).toMatch(/（(元|万元)）$/);
    g.rows.forEach((row, r) => {
      const fields = lines[r + 1]?.split(',') ?? [];
      expect(fields[3]).toBe(row.department.code);
      g.columns.forEach((column, c) => {
        const value = row.figures[column.key]?.value ?? null;
        expect(fields[COMPARISON_ID_HEADERS.length + c]).toBe(value === null ? '' : formatAmount(value, column.unit, column.decimals));
      });
    });
  });

  it('write a workbook with codes as text and amounts as numbers in each column’s unit', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await comparisonWorkbook(data)).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(2, COMPARISON_ID_HEADERS.length + COMPARISON_KEYS.length).value)).toMatch(/^金额单位：/);
    const hunan = g.rows.findIndex((r) => r.region.code === '430202');
    expect(hunan).toBeGreaterThanOrEqual(0);
    const line = 4 + hunan;
    expect(sheet.getCell(line, 4).value).toBe('001');
    expect(sheet.getCell(line, 2).value).toBe('430202');
    const expenditure = g.rows[hunan]!.figures.expenditure!.value!;
    expect(sheet.getCell(line, COMPARISON_ID_HEADERS.length + 1).value).toBe(Number(formatAmount(expenditure, '元', 2)));
  });

  it('give the same workbook bytes for the same content', async () => {
    expect(Buffer.from(await comparisonWorkbook(data)).equals(Buffer.from(await comparisonWorkbook(data)))).toBe(true);
  });
});

describe('a department with several units (SYNTHETIC, three units over the real 2024 catalogue)', () => {
  const catalogue = loadContentDir('content').catalogues.get(2024)!;
  const synthetic = buildSiteData([syntheticDisclosure(catalogue, { seed: 1414, units: 3, rows: 90 })]);
  const [only] = comparisonGroups(synthetic.entries.map((e) => e.summary));
  const entry = synthetic.entries[0]!;

  it('has a row per unit under the department row, each with the unit’s own figures', () => {
    expect(only!.rows.map((r) => r.level)).toEqual(['department', 'unit', 'unit', 'unit']);
    for (const row of only!.rows.filter((r) => r.level === 'unit')) {
      const view = unitPages(entry).find((p) => p.unit.code === row.unit?.code)!;
      expect(row.figures.expenditure?.value).toBe(view.view.figures.expenditure);
      expect(row.page).toBe(routes.unit(entry.disclosure, row.unit!.code));
    }
    const sum = only!.rows.filter((r) => r.level === 'unit').reduce((total, r) => total + (r.figures.expenditure?.value ?? 0), 0);
    expect(sum).toBe(only!.rows[0]!.figures.expenditure?.value);
  });

  it('sorts units under their department and ranks departments only', () => {
    const view = comparisonView(only!, 'expenditure');
    expect(view.rows.map((r) => r.row.level)).toEqual(['department', 'unit', 'unit', 'unit']);
    expect(view.rows.map((r) => r.rank)).toEqual([1, null, null, null]);
    const unitAmounts = view.rows.slice(1).map((r) => r.row.figures.expenditure?.value ?? 0);
    expect(unitAmounts).toEqual([...unitAmounts].sort((a, b) => b - a));
    for (const table of threePublicRanking(only!)) expect(table.rows.every((r) => r.row.level === 'department')).toBe(true);
  });

  it('writes the unit rows to the CSV with their level and unit code', () => {
    const csv = comparisonCsv(comparisonExport(only!));
    for (const unit of entry.disclosure.units) expect(csv).toContain(unit.code);
  });
});
