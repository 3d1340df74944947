/**
 * The comparison pages (部门比较) from the site data's summaries alone, so the portal step of a
 * sharded build renders them as a whole-site build does: one comparison per region × year ×
 * phase and one for the whole site per year × phase, each as a page per sort (pre-rendered, so
 * sorting needs no JavaScript), a “三公”经费 ranking, and its CSV and workbook.
 */
import type { DisclosurePhase, Region } from '../disclosure/model.ts';
import { comparisonCsv, comparisonWorkbook, type ComparisonExport } from '../export/comparison-export.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import {
  COMPARISON_SORTS,
  THREE_PUBLIC_KEYS,
  comparisonCell,
  comparisonColumns,
  ranksBy,
  sortComparison,
  sortSegment,
  type ComparisonCell,
  type ComparisonColumn,
  type ComparisonKey,
  type ComparisonRow,
  type ComparisonSort,
} from './comparison.ts';
import { comparisonFileStem, routes, yearSegment, type ComparisonRef } from './routes.ts';
import { rendersPortal, type DisclosureSummary, type SiteData, type UnitSummary } from './site-data.ts';
import { phaseWord } from '../i18n/format.ts';

/** The departments of one region (or of the whole site: `region` null) in one year and phase. */
export interface ComparisonGroup {
  readonly region: Region | null;
  readonly year: number;
  readonly phase: DisclosurePhase;
  /** Departments with financial tables, in the natural order. */
  readonly rows: readonly ComparisonRow[];
  readonly columns: readonly ComparisonColumn[];
  /** Departments of the same scope that published performance forms only: nothing to compare. */
  readonly performanceOnly: readonly DisclosureSummary[];
}

export const refOf = (group: Pick<ComparisonGroup, 'region' | 'year' | 'phase'>): ComparisonRef => ({
  region: group.region?.code ?? null,
  year: group.year,
  phase: group.phase,
});

/** A department's row, from its summary. */
export const rowOfSummary = (s: DisclosureSummary): ComparisonRow => ({
  level: 'department',
  region: s.region,
  department: s.department,
  year: s.year,
  phase: s.phase,
  template: s.template,
  page: routes.disclosure(s),
  figures: s.comparison,
});

/** A 所属单位's row, from its department's summary: the unit's own figures, linked to its pages. */
export const unitRowOfSummary = (s: DisclosureSummary, unit: UnitSummary): ComparisonRow => ({
  ...rowOfSummary(s),
  level: 'unit',
  unit: { code: unit.code, name: unit.name },
  page: routes.unit(s, unit.code),
  figures: unit.comparison,
});

/**
 * Rows sorted by `sort` with each department's units under it, themselves sorted the same way.
 * Departments are ranked among departments; a unit is a part of its department, never ranked
 * against whole departments.
 */
export function sortedWithUnits(rows: readonly ComparisonRow[], sort: ComparisonSort): { row: ComparisonRow; rank: number | null }[] {
  const departments = sortComparison(
    rows.filter((r) => r.level === 'department'),
    sort,
  );
  const ranks = sort === 'department' ? departments.map(() => null) : ranksBy(departments, sort);
  const unitsOf = (d: ComparisonRow) =>
    sortComparison(
      rows.filter((r) => r.level === 'unit' && r.region.code === d.region.code && r.department.code === d.department.code),
      sort,
    );
  return departments.flatMap((row, i) => [{ row, rank: ranks[i] ?? null }, ...unitsOf(row).map((unit) => ({ row: unit, rank: null }))]);
}

/**
 * Every comparison of the site: per region × year × phase, then the whole site per year × phase;
 * latest year first, 预算 before 决算. Only where at least one department has financial tables.
 */
export function comparisonGroups(summaries: readonly DisclosureSummary[]): ComparisonGroup[] {
  const keyOf = (region: string | null, s: DisclosureSummary) => `${region ?? ''}|${s.year}|${s.phase}`;
  const buckets = new Map<string, { region: Region | null; year: number; phase: DisclosurePhase; members: DisclosureSummary[] }>();
  for (const s of summaries) {
    for (const region of [s.region, null]) {
      const key = keyOf(region?.code ?? null, s);
      const bucket = buckets.get(key) ?? { region, year: s.year, phase: s.phase, members: [] };
      bucket.members.push(s);
      buckets.set(key, bucket);
    }
  }
  const groups: ComparisonGroup[] = [];
  for (const { region, year, phase, members } of buckets.values()) {
    const rows = sortComparison(
      members.filter((s) => s.hasFinancialTables).flatMap((s) => [rowOfSummary(s), ...s.units.map((unit) => unitRowOfSummary(s, unit))]),
      'department',
    );
    if (rows.length === 0) continue;
    groups.push({ region, year, phase, rows, columns: comparisonColumns(rows), performanceOnly: members.filter((s) => !s.hasFinancialTables) });
  }
  return groups.sort(
    (a, b) =>
      Number(a.region === null) - Number(b.region === null) ||
      (a.region?.code ?? '').localeCompare(b.region?.code ?? '') ||
      b.year - a.year ||
      Number(a.phase === 'final') - Number(b.phase === 'final'),
  );
}

const cache = new WeakMap<SiteData, ComparisonGroup[]>();

/** The site's comparisons, computed once per site data. */
export function siteComparisons(site: SiteData): ComparisonGroup[] {
  let groups = cache.get(site);
  if (!groups) cache.set(site, (groups = comparisonGroups(site.entries.map((e) => e.summary))));
  return groups;
}

export const columnLabel = (key: ComparisonKey): string => t(`compare.col.${key}` as StringKey);

/** A column's header: its figure and the one unit it is shown in (`公务接待费（万元）`). */
export const columnHeader = (column: ComparisonColumn): string => t('compare.withUnit', { label: columnLabel(column.key), unit: column.unit });

export function comparisonTitle(group: ComparisonGroup): string {
  return t('compare.title', { scope: group.region?.name ?? '', year: group.year, phase: phaseWord(group) });
}

export function rankingTitle(group: ComparisonGroup): string {
  return t('compare.rankingTitle', { scope: group.region?.name ?? '', year: group.year, phase: phaseWord(group) });
}

/** A link from a page to a comparison. */
export interface ComparisonLink {
  readonly href: string;
  readonly label: string;
}

const linkOf = (group: ComparisonGroup): ComparisonLink => ({
  href: routes.comparison(refOf(group)),
  label: t('compare.link', { year: group.year, phase: phaseWord(group) }),
});

/** The whole-site comparisons of a year (its 预算, its 决算), for the home and year pages. */
export const yearComparisonLinks = (site: SiteData, year: number): ComparisonLink[] =>
  siteComparisons(site)
    .filter((g) => g.region === null && g.year === year)
    .map(linkOf);

/** A region's comparisons of a year, for its region page. */
export const regionComparisonLinks = (site: SiteData, regionCode: string, year: number): ComparisonLink[] =>
  siteComparisons(site)
    .filter((g) => g.region?.code === regionCode && g.year === year)
    .map(linkOf);

export interface ComparisonHeader {
  readonly sort: ComparisonSort;
  readonly label: string;
  /** The page sorted by this column. */
  readonly href: string;
  readonly sorted: boolean;
}

export interface ComparisonViewRow {
  readonly row: ComparisonRow;
  /** Rank by the sorted figure; null in the natural order and for a row without that amount. */
  readonly rank: number | null;
  readonly cells: readonly ComparisonCell[];
}

/** One sorted page of a comparison. */
export interface ComparisonView {
  readonly group: ComparisonGroup;
  readonly sort: ComparisonSort;
  readonly title: string;
  /** The table's caption: its title and how it is sorted. */
  readonly caption: string;
  /** Whether the rows carry their region (the whole-site comparison). */
  readonly showRegion: boolean;
  /** The department column's header, then one per figure. */
  readonly headers: readonly ComparisonHeader[];
  readonly rows: readonly ComparisonViewRow[];
  readonly csv: string;
  readonly xlsx: string;
  readonly fileStem: string;
  readonly ranking: string;
}

const sortHref = (group: ComparisonGroup, sort: ComparisonSort): string => {
  const segment = sortSegment(sort);
  return routes.comparison(refOf(group), segment ?? undefined);
};

export function comparisonView(group: ComparisonGroup, sort: ComparisonSort): ComparisonView {
  const sorted = sortedWithUnits(group.rows, sort);
  const title = comparisonTitle(group);
  const label = sort === 'department' ? '' : columnLabel(sort);
  const headers: ComparisonHeader[] = [
    { sort: 'department', label: t('compare.department'), href: sortHref(group, 'department'), sorted: sort === 'department' },
    ...group.columns.map((column) => ({ sort: column.key, label: columnHeader(column), href: sortHref(group, column.key), sorted: sort === column.key })),
  ];
  return {
    group,
    sort,
    title,
    caption: sort === 'department' ? title : `${title}（${t('compare.sortedBy', { label })}）`,
    showRegion: group.region === null,
    headers,
    rows: sorted.map(({ row, rank }) => ({ row, rank, cells: group.columns.map((column) => comparisonCell(row, column, true)) })),
    csv: routes.comparisonFile(refOf(group), 'csv'),
    xlsx: routes.comparisonFile(refOf(group), 'xlsx'),
    fileStem: comparisonFileStem(refOf(group)),
    ranking: routes.comparison(refOf(group), RANKING_VIEW),
  };
}

/** The URL segment of the 三公 ranking. */
export const RANKING_VIEW = 'three-public-ranking';

export interface RankingTable {
  readonly key: ComparisonKey;
  readonly caption: string;
  readonly header: string;
  readonly rows: readonly { readonly row: ComparisonRow; readonly rank: number | null; readonly cell: ComparisonCell }[];
}

/** The “三公”经费 ranking: the departments by the 三公 total and by each item, largest first. */
export function threePublicRanking(group: ComparisonGroup): RankingTable[] {
  return THREE_PUBLIC_KEYS.map((key) => {
    const column = group.columns.find((c) => c.key === key);
    if (!column) throw new Error(`the comparison has no ${key} column`);
    // Departments only: the ranking is of whole departments.
    const sorted = sortComparison(
      group.rows.filter((r) => r.level === 'department'),
      key,
    );
    const ranks = ranksBy(sorted, key);
    return {
      key,
      caption: `${rankingTitle(group)}：${t('compare.rankingBy', { label: columnLabel(key) })}`,
      header: columnHeader(column),
      rows: sorted.map((row, i) => ({ row, rank: ranks[i] ?? null, cell: comparisonCell(row, column, true) })),
    };
  });
}

type ComparisonPageProps = { group: ComparisonGroup; view: ComparisonView; ranking: null } | { group: ComparisonGroup; view: null; ranking: RankingTable[] };

/** Each group's pages: one per sort (the natural order at the comparison's own path) and the 三公 ranking. */
function pagesOf(group: ComparisonGroup): { view: string | undefined; props: ComparisonPageProps }[] {
  return [
    ...COMPARISON_SORTS.map((sort) => ({ view: sortSegment(sort) ?? undefined, props: { group, view: comparisonView(group, sort), ranking: null } as const })),
    { view: RANKING_VIEW, props: { group, view: null, ranking: threePublicRanking(group) } as const },
  ];
}

/** `compare/<year segment>/[view]/`: the whole-site comparisons. */
export function siteComparisonPaths(site: SiteData) {
  if (!rendersPortal(site)) return [];
  return siteComparisons(site)
    .filter((g) => g.region === null)
    .flatMap((group) => pagesOf(group).map(({ view, props }) => ({ params: { period: yearSegment(group), view }, props })));
}

/** `regions/<region>/<year segment>/compare/[view]/`: each region's comparisons. */
export function regionComparisonPaths(site: SiteData) {
  if (!rendersPortal(site)) return [];
  return siteComparisons(site)
    .filter((g) => g.region !== null)
    .flatMap((group) => pagesOf(group).map(({ view, props }) => ({ params: { region: group.region?.code ?? '', year: yearSegment(group), view }, props })));
}

/** What a comparison's downloads hold: its rows in the natural order, each column with its unit. */
export function comparisonExport(group: ComparisonGroup): ComparisonExport {
  return { title: comparisonTitle(group), year: group.year, rows: group.rows, columns: group.columns, headers: group.columns.map(columnHeader) };
}

/** The download endpoints of each comparison: its CSV and its workbook, named by {@link comparisonFileStem}. */
export function comparisonFilePaths(site: SiteData, scope: 'site' | 'region') {
  if (!rendersPortal(site)) return [];
  return siteComparisons(site)
    .filter((g) => (scope === 'site') === (g.region === null))
    .flatMap((group) =>
      (['csv', 'xlsx'] as const).map((extension) => ({
        params: {
          ...(group.region === null ? { period: yearSegment(group) } : { region: group.region.code, year: yearSegment(group) }),
          file: `${comparisonFileStem(refOf(group))}.${extension}`,
        },
        props: { group, extension },
      })),
    );
}

const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** The response of a comparison's download endpoint. */
export async function comparisonDownload({ group, extension }: { group: ComparisonGroup; extension: 'csv' | 'xlsx' }): Promise<Response> {
  const data = comparisonExport(group);
  const body = extension === 'csv' ? comparisonCsv(data) : await comparisonWorkbook(data);
  return new Response(body, { headers: { 'Content-Type': TYPES[extension] } });
}
