/**
 * Static paths and page props, computed from the site data once; routes stay thin and just
 * hand these to their components. Everything a page shows is read from the disclosure's Table
 * objects (figures, charts, narrative, project forms), so no page can disagree with a table.
 */
import { phaseView, type PhaseView } from './budget-final-view.ts';
import { overviewCharts, type ChartData } from '../charts/chart-data.ts';
import { changeBetween, formatChange } from '../i18n/format.ts';
import type { GlossaryId } from '../i18n/glossary.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { sumAmounts, type Amount } from '../money.ts';
import type { FigureYear } from '../narrative/figures.ts';
import { renderNarrativeOrThrow, type RenderedNarrative } from '../narrative/render.ts';
import { indicatorIndex, type Level1Group } from '../performance/indicator-index.ts';
import { leafColumns, type FormField, type HeaderNode, type Row, type Table } from '../tables/model.ts';
import { routes, tableSlug, yearSegment } from './routes.ts';
import { figureChanges, type FigureChange } from './department-history.ts';
import { unitList, type UnitListItem } from './unit-pages.ts';
import { rendersDisclosures, rendersPortal, type DisclosureEntry, type DisclosureSummary, type KeyFigures, type SiteData } from './site-data.ts';

export interface DisclosureParams {
  region: string;
  department: string;
  year: string;
}

const paramsOf = (entry: DisclosureEntry): DisclosureParams => ({
  region: entry.disclosure.region.code,
  department: entry.disclosure.department.code,
  year: yearSegment(entry.disclosure),
});

const sameDepartment = (a: Disclosure, b: Disclosure): boolean => a.region.code === b.region.code && a.department.code === b.department.code;

/** The same department's disclosure for the previous year, when the content has it. */
export function previousYear(site: SiteData, entry: DisclosureEntry): DisclosureEntry | undefined {
  // A 预算 follows the 预算 of the year before, a 决算 the 决算: phases are never compared across.
  return site.entries.find(
    (e) => sameDepartment(e.disclosure, entry.disclosure) && e.disclosure.year === entry.disclosure.year - 1 && e.disclosure.phase === entry.disclosure.phase,
  );
}

/** Every year of the same department, oldest first (for trend charts). */
export function departmentHistory(site: SiteData, entry: DisclosureEntry): DisclosureSummary[] {
  return site.entries
    .filter((e) => sameDepartment(e.disclosure, entry.disclosure) && e.disclosure.phase === entry.disclosure.phase)
    .map((e) => e.summary)
    .sort((a, b) => a.year - b.year);
}

/** One path per disclosure with its entry; the download endpoints build on these. */
export function disclosurePaths(site: SiteData) {
  if (!rendersDisclosures(site)) return [];
  return site.entries.map((entry) => ({
    params: paramsOf(entry),
    props: { entry, previous: previousYear(site, entry), history: departmentHistory(site, entry) },
  }));
}

export function tablePaths(site: SiteData) {
  if (!rendersDisclosures(site)) return [];
  return site.entries.flatMap((entry) =>
    entry.tables.map((table: Table, index: number) => ({
      params: { ...paramsOf(entry), table: tableSlug(table) },
      props: { entry, table, previous: entry.tables[index - 1], next: entry.tables[index + 1] },
    })),
  );
}

// ——— Home, year and region indexes ———

export interface RegionGroup {
  readonly code: string;
  readonly name: string;
  readonly summaries: readonly DisclosureSummary[];
}

const regionsOf = (summaries: readonly DisclosureSummary[]): RegionGroup[] => {
  const codes = [...new Set(summaries.map((s) => s.region.code))].sort();
  return codes.map((code) => {
    const inRegion = summaries.filter((s) => s.region.code === code);
    return { code, name: inRegion[0]?.region.name ?? code, summaries: inRegion };
  });
};

/** Years present, latest first, each with its summaries grouped by region. */
export function byYear(site: SiteData): { year: number; summaries: DisclosureSummary[]; regions: RegionGroup[] }[] {
  const years = [...new Set(site.entries.map((e) => e.summary.year))].sort((a, b) => b - a);
  return years.map((year) => {
    const summaries = site.entries.filter((e) => e.summary.year === year).map((e) => e.summary);
    return { year, summaries, regions: regionsOf(summaries) };
  });
}

/** Regions present, by code, each with its summaries (latest year first). */
export function byRegion(site: SiteData): RegionGroup[] {
  return regionsOf(site.entries.map((e) => e.summary));
}

/** Whether the site has region index pages: only when it holds more than one region. */
export const hasRegionIndexes = (site: SiteData): boolean => byRegion(site).length > 1;

export function yearPaths(site: SiteData) {
  if (!rendersPortal(site)) return [];
  return byYear(site).map(({ year, summaries, regions }) => ({
    params: { year: String(year) },
    props: { year, count: summaries.length, regions, showRegionLinks: hasRegionIndexes(site) },
  }));
}

export function regionPaths(site: SiteData) {
  if (!rendersPortal(site) || !hasRegionIndexes(site)) return [];
  return byRegion(site).map((region) => {
    const years = [...new Set(region.summaries.map((s) => s.year))].sort((a, b) => b - a);
    return {
      params: { region: region.code },
      props: { region, years: years.map((year) => ({ year, summaries: region.summaries.filter((s) => s.year === year) })) },
    };
  });
}

// ——— Disclosure overview ———

export interface KeyFigureView {
  readonly key: keyof KeyFigures;
  readonly label: StringKey;
  readonly glossary: GlossaryId;
  readonly value: Amount;
  /** `比上年增加…` when last year's figure is in the content, else null. */
  readonly change: string | null;
}

const KEY_FIGURES: readonly { key: keyof KeyFigures; label: StringKey; glossary: GlossaryId }[] = [
  { key: 'income', label: 'figure.income', glossary: 'totals' },
  { key: 'expenditure', label: 'figure.expenditure', glossary: 'totals' },
  { key: 'basic', label: 'figure.basic', glossary: 'basic' },
  { key: 'project', label: 'figure.project', glossary: 'project' },
  { key: 'fiscal', label: 'figure.fiscal', glossary: 'fiscal-appropriation' },
  { key: 'threePublic', label: 'figure.threePublic', glossary: 'three-public' },
];

export type TableStatus = 'published' | 'empty' | 'notProvided';

export interface TableListItem {
  readonly id: string;
  readonly number: number | null;
  readonly title: string;
  readonly status: TableStatus;
  readonly page: string;
  /** The CSV download, for tables that were provided. */
  readonly csv: string | null;
}

export interface ProjectListItem {
  readonly id: string;
  readonly name: string;
  readonly hasForm: boolean;
  readonly page: string;
}

export interface OverviewData {
  readonly entry: DisclosureEntry;
  readonly previous: DisclosureEntry | undefined;
  readonly figures: readonly KeyFigureView[];
  readonly charts: readonly ChartData[];
  readonly narrative: RenderedNarrative;
  readonly tables: readonly TableListItem[];
  readonly projects: readonly ProjectListItem[];
  /** The 整体支出绩效目标 page, when the department published that form. */
  readonly unitPerformance: string | null;
  readonly workbook: string;
  /** 预算 or 决算, the other set of the same year, and on a 决算 the comparison with its 年初预算. */
  readonly phase: PhaseView;
  /** The department's history page (every year and phase). */
  readonly historyPage: string;
  /** This year's history figures against the previous year of the same phase; null when the content has no such year. */
  readonly yearOnYear: readonly FigureChange[] | null;
  /** The 所属单位 with pages of their own; empty when the facts are the department's as a whole. */
  readonly units: readonly UnitListItem[];
}

const tableStatus = (table: Table): TableStatus => (!table.provided ? 'notProvided' : table.empty ? 'empty' : 'published');

const figureYear = (entry: DisclosureEntry | undefined): FigureYear | undefined => (entry ? { disclosure: entry.disclosure, tables: entry.tables } : undefined);

const overviewCache = new WeakMap<DisclosureEntry, OverviewData>();

/** The overview's charts (each also written as a CSV beside the page: src/lib/site/chart-downloads.ts). */
export function overviewChartsOf(site: SiteData, entry: DisclosureEntry): ChartData[] {
  const history = departmentHistory(site, entry).map((s) => ({ year: s.year, expenditure: s.hasFinancialTables ? s.figures.expenditure : null }));
  return overviewCharts({ disclosure: entry.disclosure, tables: entry.tables }, history);
}

/** Everything the overview page shows, computed once per disclosure. Throws ContentError when the narrative is wrong. */
export function overviewData(site: SiteData, entry: DisclosureEntry): OverviewData {
  const cached = overviewCache.get(entry);
  if (cached) return cached;
  const d = entry.disclosure;
  const previous = previousYear(site, entry);
  const comparable = previous && previous.summary.hasFinancialTables && entry.summary.hasFinancialTables ? previous : undefined;
  const figures = KEY_FIGURES.map(({ key, label, glossary }) => ({
    key,
    label,
    glossary,
    value: entry.summary.figures[key],
    change: comparable
      ? t('figure.changeVsLastYear', { change: formatChange(changeBetween(entry.summary.figures[key], comparable.summary.figures[key])) })
      : null,
  }));
  const data: OverviewData = {
    entry,
    previous,
    figures,
    charts: overviewChartsOf(site, entry),
    narrative: renderNarrativeOrThrow({ disclosure: d, tables: entry.tables, previous: figureYear(previous) }),
    tables: entry.tables.map((table) => ({
      id: table.id,
      number: table.number,
      title: table.title,
      status: tableStatus(table),
      page: routes.table(d, table),
      csv: table.provided ? routes.tableCsv(d, table) : null,
    })),
    projects: projectPages(entry).map((p) => ({ id: p.id, name: p.name, hasForm: p.form !== null, page: routes.project(d, p.id) })),
    unitPerformance: unitPerformanceTable(entry) ? routes.unitPerformance(d) : null,
    workbook: routes.workbook(d),
    phase: phaseView(site, entry),
    historyPage: routes.department(d.region.code, d.department.code),
    yearOnYear: comparable ? figureChanges(figureYear(entry)!, figureYear(comparable)!) : null,
    units: unitList(entry),
  };
  overviewCache.set(entry, data);
  return data;
}

export function overviewPaths(site: SiteData) {
  if (!rendersDisclosures(site)) return [];
  return site.entries.map((entry) => ({ params: paramsOf(entry), props: { overview: overviewData(site, entry) } }));
}

// ——— Project and performance pages ———

export interface ProjectPage {
  readonly entry: DisclosureEntry;
  readonly id: string;
  readonly name: string;
  /** The ledger project, when the form belongs to one (or the page is for a ledger project). */
  readonly unitName: string | null;
  readonly specialFund: boolean;
  /** The project's ledger rows summed, or null for a form published without a ledger. */
  readonly ledgerAmount: Amount;
  /** The project's 项目支出绩效目标表 as a Table (fields above, indicators in the grid), from the 项目支出绩效目标表. */
  readonly form: Table | null;
}

const projectCache = new WeakMap<DisclosureEntry, ProjectPage[]>();

/**
 * One page per project: every published form (项目支出绩效目标表, by its id), and every ledger project that
 * has no form (its page says so). The form is cut from 项目支出绩效目标表's own rows, so the project page,
 * the table page and the downloads print the same cells.
 */
export function projectPages(entry: DisclosureEntry): ProjectPage[] {
  const cached = projectCache.get(entry);
  if (cached) return cached;
  const d = entry.disclosure;
  const table22 = entry.tables.find((t) => t.id === 'projectPerformance');
  const pages: ProjectPage[] = [];
  const ledgerAmount = (projectId: string | null): Amount =>
    projectId === null ? null : sumAmounts(d.ledger.filter((r) => r.project === projectId).map((r) => r.amount));
  const unitName = (code: string | undefined) => d.units.find((u) => u.code === code)?.name ?? null;
  for (const form of d.projectForms) {
    const project = form.project === null ? undefined : d.projects.find((p) => p.id === form.project);
    pages.push({
      entry,
      id: form.id,
      name: form.name,
      unitName: unitName(project?.unit) ?? (form.unit || null),
      specialFund: project?.specialFund ?? false,
      ledgerAmount: ledgerAmount(form.project),
      form: table22 && table22.provided ? projectFormTable(table22, form.id) : null,
    });
  }
  const withForm = new Set(d.projectForms.map((f) => f.project).filter((p): p is string => p !== null));
  const ids = new Set(pages.map((p) => p.id));
  for (const project of d.projects) {
    if (withForm.has(project.id) || ids.has(project.id)) continue;
    pages.push({
      entry,
      id: project.id,
      name: project.name,
      unitName: unitName(project.unit),
      specialFund: project.specialFund,
      ledgerAmount: ledgerAmount(project.id),
      form: null,
    });
  }
  projectCache.set(entry, pages);
  return pages;
}

/**
 * One project's form out of 项目支出绩效目标表: the project row's filled cells become the form's fields
 * (项目名称, 项目类别, 年度本级预算金额 …) and its indicator rows the grid, under the
 * 本年度绩效指标 header exactly as 项目支出绩效目标表 prints it.
 */
export function projectFormTable(table22: Table, formId: string): Table | null {
  const projectRow = table22.rows.find((r) => r.key === `project:${formId}`);
  if (!projectRow) return null;
  const [projectHeader, indicatorHeader] = table22.header;
  const projectColumns = projectHeader?.children ? leafColumns(projectHeader.children).length : 0;
  const header: readonly HeaderNode[] = indicatorHeader ? [indicatorHeader] : [];
  const fields: FormField[] = (projectHeader?.children ? leafColumns(projectHeader.children) : []).flatMap((column) => {
    const cell = projectRow.cells[column.index];
    if (!cell || cell.value === null || cell.value === '') return [];
    return [{ label: column.path.join(' · '), value: cell }];
  });
  const rows: Row[] = table22.rows.filter((r) => r.key.startsWith(`indicator:${formId}:`)).map((r) => ({ ...r, cells: r.cells.slice(projectColumns) }));
  return {
    ...table22,
    header,
    columns: leafColumns(header),
    rows,
    fields,
    empty: rows.length === 0 && fields.length === 0,
  };
}

export function projectPaths(site: SiteData) {
  if (!rendersDisclosures(site)) return [];
  return site.entries.flatMap((entry) =>
    projectPages(entry).map((project, index, all) => ({
      params: { ...paramsOf(entry), project: project.id },
      props: { project, others: all.filter((_, i) => i !== index).map((p) => ({ id: p.id, name: p.name })) },
    })),
  );
}

/** The department's 整体支出绩效目标表 (整体支出绩效目标表), when it was published and holds something. */
export function unitPerformanceTable(entry: DisclosureEntry): Table | null {
  const table23 = entry.tables.find((t) => t.id === 'unitPerformance');
  return table23 && table23.provided && !table23.empty ? table23 : null;
}

export function unitPerformancePaths(site: SiteData) {
  if (!rendersDisclosures(site)) return [];
  return site.entries.flatMap((entry) => {
    const table = unitPerformanceTable(entry);
    return table ? [{ params: paramsOf(entry), props: { entry, table } }] : [];
  });
}

// ——— Indicators across disclosures ———

let indicatorCache: { site: SiteData; groups: Level1Group[] } | undefined;

/** 一级 → 二级 → 三级 groups of every indicator on the site (src/lib/performance/indicator-index.ts), computed once. */
export function indicatorGroups(site: SiteData): Level1Group[] {
  if (indicatorCache?.site === site) return indicatorCache.groups;
  const groups = indicatorIndex(site.entries.map((e) => e.disclosure));
  indicatorCache = { site, groups };
  return groups;
}

export interface IndicatorRegion {
  readonly code: string;
  readonly name: string;
  /** Indicator rows of the region's forms. */
  readonly count: number;
  readonly groups: readonly Level1Group[];
}

/**
 * The indicators region by region, each on its own page: one page of a whole province's rows
 * would be megabytes on a phone (2.3 MB at 1,000 disclosures), a region's stays the size of its
 * departments.
 */
export function indicatorRegions(site: SiteData): IndicatorRegion[] {
  return byRegion(site).map((region) => {
    const groups = indicatorIndex(site.entries.filter((e) => e.disclosure.region.code === region.code).map((e) => e.disclosure));
    return { code: region.code, name: region.name, count: groups.reduce((sum, g) => sum + g.count, 0), groups };
  });
}

export function indicatorRegionPaths(site: SiteData) {
  if (!rendersPortal(site)) return [];
  return indicatorRegions(site)
    .filter((region) => region.count > 0)
    .map((region) => ({ params: { region: region.code }, props: { region } }));
}

/** The page of the form an indicator row belongs to. */
export const indicatorFormPage = (
  d: Pick<Disclosure, 'region' | 'department' | 'year' | 'phase'>,
  form: { kind: 'project'; id: string } | { kind: 'unit' },
): string => (form.kind === 'project' ? routes.project(d, form.id) : routes.unitPerformance(d));

/**
 * The columns whose cells name their row (`<th scope="row">`). Usually one: the text column just
 * before the first amount (科目名称, 单位名称). Side-by-side forms (收支总表, 财政拨款收支总表) print a 项目 column
 * before each 预算数, and each amount is named by the label to its left. Performance grids are
 * named by 项目名称, or 三级指标 when there is no amount at all.
 */
export function rowHeaderColumns(table: Table): number[] {
  const byLabel = (label: string) => table.columns.find((c) => c.path.at(-1) === label)?.index;
  const projectName = byLabel('项目名称');
  if (projectName !== undefined) return [projectName];
  const firstAmount = table.columns.findIndex((c) => c.kind === 'amount');
  // A single line of figures (Shanghai's 三公 table) has no label column: no cell names the row.
  if (!table.columns.some((c) => c.kind !== 'amount')) return [];
  if (firstAmount < 0) {
    const indicator = byLabel('三级指标');
    return [indicator ?? table.columns.find((c) => c.kind === 'text')?.index ?? 0];
  }
  const labelsBeforeAmounts = table.columns.filter((c, i) => c.kind === 'text' && table.columns[i + 1]?.kind === 'amount').map((c) => c.index);
  if (labelsBeforeAmounts.length > 1) return labelsBeforeAmounts;
  const before = table.columns.slice(0, firstAmount);
  return [[...before].reverse().find((c) => c.kind === 'text')?.index ?? 0];
}
