import { describe, expect, it } from 'vitest';
import type { Level1Group } from '../performance/indicator-index.ts';
import type { Table } from '../tables/model.ts';
import { syntheticDisclosure } from '../../../tests/support/synthetic-disclosure.ts';
import { loadContentDir } from '../content/read-content-dir.ts';
import { changeBetween, formatChange } from '../i18n/format.ts';
import { buildSiteData, getSiteData } from './site-data.ts';
import {
  indicatorGroups,
  indicatorRegionPaths,
  indicatorRegions,
  overviewData,
  projectFormTable,
  projectPages,
  rowHeaderColumns,
  unitPerformanceTable,
} from './page-data.ts';

const site = getSiteData('content');
const sample = site.entries.find((e) => e.disclosure.id === '430202-001-2024');
if (!sample) throw new Error('the sample disclosure 430202-001-2024 is missing');
const table = (n: number): Table => sample.tables.find((t) => t.number === n)!;
const labelsOf = (t: Table, columns: number[]) => columns.map((i) => t.columns[i]?.path.at(-1));

describe('row headers', () => {
  it('are the name column of a hierarchy table', () => {
    expect(labelsOf(table(7), rowHeaderColumns(table(7)))).toEqual(['科目名称']);
    expect(labelsOf(table(8), rowHeaderColumns(table(8)))).toEqual(['科目名称']);
    expect(labelsOf(table(15), rowHeaderColumns(table(15)))).toEqual(['单位名称']);
  });
  it('are every 项目 column of the side-by-side 收支总表', () => {
    expect(labelsOf(table(1), rowHeaderColumns(table(1)))).toEqual(['项目', '项目（按功能分类）', '项目（按部门预算经济分类）', '项目（按政府预算经济分类）']);
  });
  it('are 项目名称 on the project forms and 三级指标 on the department form', () => {
    expect(labelsOf(table(22), rowHeaderColumns(table(22)))).toEqual(['项目名称']);
    expect(labelsOf(table(23), rowHeaderColumns(table(23)))).toEqual(['三级指标']);
  });
});

describe('a project page', () => {
  it('cuts its form out of table 22: the project row as fields, its indicator rows as the grid', () => {
    const form = sample.disclosure.projectForms[0]!;
    const t22 = table(22);
    const cut = projectFormTable(t22, form.id)!;
    const projectColumns = t22.header[0]!.children!.length;
    const indicatorRows = t22.rows.filter((r) => r.key.startsWith(`indicator:${form.id}:`));
    expect(cut.rows.map((r) => r.cells)).toEqual(indicatorRows.map((r) => r.cells.slice(projectColumns)));
    expect(cut.header).toEqual([t22.header[1]]);
    const projectRow = t22.rows.find((r) => r.key === `project:${form.id}`)!;
    const filled = projectRow.cells.slice(0, projectColumns).filter((c) => c.value !== null && c.value !== '');
    expect(cut.fields.map((f) => f.value)).toEqual(filled);
  });

  it('exists for every form and for every ledger project without one', () => {
    const pages = projectPages(sample);
    const withForm = new Set(sample.disclosure.projectForms.map((f) => f.project));
    expect(pages.map((p) => p.id).sort()).toEqual(
      [...sample.disclosure.projectForms.map((f) => f.id), ...sample.disclosure.projects.filter((p) => !withForm.has(p.id)).map((p) => p.id)].sort(),
    );
    expect(pages.filter((p) => p.form === null).map((p) => p.id)).toEqual(sample.disclosure.projects.filter((p) => !withForm.has(p.id)).map((p) => p.id));
  });
});

describe('the overview', () => {
  it('lists all 23 tables with their state and a CSV only for those provided', () => {
    const overview = overviewData(site, sample);
    expect(overview.tables.map((t) => t.number)).toEqual(sample.tables.map((t) => t.number));
    expect(overview.tables.map((t) => t.status)).toEqual(sample.tables.map((t) => (!t.provided ? 'notProvided' : t.empty ? 'empty' : 'published')));
    const performanceOnly = site.entries.find((e) => !e.summary.hasFinancialTables)!;
    expect(
      overviewData(site, performanceOnly)
        .tables.filter((t) => t.status === 'notProvided')
        .every((t) => t.csv === null),
    ).toBe(true);
  });

  it('shows key figures from the summary, with no change when last year is not in the content', () => {
    const overview = overviewData(site, sample);
    expect(overview.figures.map((f) => f.value)).toEqual(
      ['income', 'expenditure', 'basic', 'project', 'fiscal', 'threePublic'].map((k) => sample.summary.figures[k as keyof typeof sample.summary.figures]),
    );
    expect(overview.figures.every((f) => f.change === null)).toBe(true);
    expect(overview.unitPerformance).toBe(unitPerformanceTable(sample) ? '430202/001/2024/performance/' : null);
  });
});

describe('key figures of a department with two years (synthetic)', () => {
  it('state the change against last year from both years’ tables', () => {
    const catalogue = loadContentDir('content').catalogues.get(2024)!;
    const synthetic = buildSiteData([
      syntheticDisclosure(catalogue, { seed: 61, year: 2023, rows: 60 }),
      syntheticDisclosure(catalogue, { seed: 62, year: 2024, rows: 60 }),
    ]);
    const [now, before] = synthetic.entries;
    const overview = overviewData(synthetic, now!);
    expect(overview.previous).toBe(before);
    const expenditure = overview.figures.find((f) => f.key === 'expenditure')!;
    expect(expenditure.change).toBe(`比上年${formatChange(changeBetween(now!.summary.figures.expenditure, before!.summary.figures.expenditure))}`);
    expect(overview.charts.map((c) => c.id)).toContain('expenditure-trend');
  });
});

describe('the indicators pages', () => {
  const rowsOf = (groups: readonly Level1Group[]) =>
    groups.flatMap((l1) =>
      l1.children.flatMap((l2) => l2.children.flatMap((name) => name.children.map((use) => `${use.disclosure.id}#${use.form.kind}#${use.position}`))),
    );

  it('put every indicator row of the site on exactly one region page, its own region’s', () => {
    const regions = indicatorRegions(site);
    const all = rowsOf(indicatorGroups(site)).sort();
    const paged = regions.flatMap((region) => rowsOf(region.groups)).sort();
    expect(paged).toEqual(all);
    for (const region of regions) for (const row of rowsOf(region.groups)) expect(row.startsWith(`${region.code}-`)).toBe(true);
    expect(regions.map((r) => r.count)).toEqual(regions.map((r) => rowsOf(r.groups).length));
  });

  it('give a page only to regions whose forms have indicators', () => {
    const paths = indicatorRegionPaths(site).map((p) => p.params.region);
    expect(paths).toEqual(
      indicatorRegions(site)
        .filter((r) => r.count > 0)
        .map((r) => r.code),
    );
    expect(paths.length).toBeGreaterThan(1);
  });
});
