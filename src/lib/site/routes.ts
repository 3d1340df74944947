/**
 * Every URL of the site, in one place. Paths are relative to the site base (no leading slash)
 * and stable year after year: a table's page is its template's number (`…/2024/tables/07/`), in
 * ASCII; its downloads are named by src/lib/export/file-names.ts (`…/2024/tables/430202-001-2024-预算-表7-一般公共预算支出表.csv`),
 * in Unicode that no file system or URL path needs to escape (a browser percent-encodes it, the
 * server decodes it). Components prefix the base (`SITE_BASE`) with `withBase`.
 */
import type { Disclosure } from '../disclosure/model.ts';
import type { Table } from '../tables/model.ts';
import { regionFileStem, tableFileStem, workbookFileStem } from '../export/file-names.ts';

type DisclosureRef = Pick<Disclosure, 'region' | 'department' | 'year' | 'phase'>;
type TableRef = Pick<Table, 'id' | 'number'>;
type NamedTableRef = Pick<Table, 'id' | 'number' | 'title'>;

/** The year segment of a disclosure's URL: a 决算 lives beside the 预算 of the same year (`2024`, `2024-final`). */
export const yearSegment = (d: Pick<Disclosure, 'year' | 'phase'>): string => (d.phase === 'final' ? `${d.year}-final` : String(d.year));
const disclosureRoot = (d: DisclosureRef): string => `${d.region.code}/${d.department.code}/${yearSegment(d)}/`;
/** A comparison across departments: of one region (its code) or of the whole site (null), in one year and phase. */
export interface ComparisonRef {
  readonly region: string | null;
  readonly year: number;
  readonly phase: Disclosure['phase'];
}
const comparisonRoot = (c: ComparisonRef): string => (c.region === null ? `compare/${yearSegment(c)}/` : `regions/${c.region}/${yearSegment(c)}/compare/`);
/** What a comparison's downloads are called: `310107-2025-预算-部门比较`, `全部地区-2024-决算-部门比较`. */
export const comparisonFileStem = (c: ComparisonRef): string => `${regionFileStem(c.region ?? '全部地区', c)}-部门比较`;
/** The template's printed number, two digits (`07`); the table id where the template prints none. */
export const tableSlug = (table: TableRef): string => (table.number === null ? table.id : String(table.number).padStart(2, '0'));

/** The id of a table's section on a page that shows several tables (a unit's page). */
export const unitTableAnchor = (table: TableRef): string => `table-${tableSlug(table)}`;

export const routes = {
  home: (): string => '',
  year: (year: number): string => `years/${year}/`,
  region: (regionCode: string): string => `regions/${regionCode}/`,
  disclosure: disclosureRoot,
  table: (d: DisclosureRef, table: TableRef): string => `${disclosureRoot(d)}tables/${tableSlug(table)}/`,
  tableCsv: (d: DisclosureRef, table: NamedTableRef): string => `${disclosureRoot(d)}tables/${tableFileStem(d, table)}.csv`,
  /** The table alone as a workbook, beside its CSV. */
  tableXlsx: (d: DisclosureRef, table: NamedTableRef): string => `${disclosureRoot(d)}tables/${tableFileStem(d, table)}.xlsx`,
  /** A chart's data as CSV (src/lib/charts/chart-export.ts), beside the page that draws it. */
  chartCsv: (d: DisclosureRef, chartId: string): string => `${disclosureRoot(d)}charts/${chartId}.csv`,
  workbook: (d: DisclosureRef): string => `${disclosureRoot(d)}${workbookFileStem(d)}.xlsx`,
  project: (d: DisclosureRef, projectId: string): string => `${disclosureRoot(d)}projects/${encodeURIComponent(projectId)}/`,
  unitPerformance: (d: DisclosureRef): string => `${disclosureRoot(d)}performance/`,
  /** The disclosure's compliance self-check (src/lib/compliance). */
  compliance: (d: DisclosureRef): string => `${disclosureRoot(d)}compliance/`,
  /** The compliance self-check of every disclosure of a region in a year. */
  regionYearCompliance: (regionCode: string, year: number): string => `regions/${regionCode}/${year}/compliance/`,
  /** A comparison across departments; `view` is a sorted view (`by-reception`) or the 三公 ranking (`three-public`). */
  comparison: (c: ComparisonRef, view?: string): string => `${comparisonRoot(c)}${view === undefined ? '' : `${view}/`}`,
  comparisonFile: (c: ComparisonRef, extension: 'csv' | 'xlsx'): string => `${comparisonRoot(c)}${comparisonFileStem(c)}.${extension}`,
  glossary: (): string => 'glossary/',
  indicators: (): string => 'indicators/',
  /** The indicators of one region's forms. */
  regionIndicators: (regionCode: string): string => `indicators/${regionCode}/`,
  search: (): string => 'search/',
  data: (): string => 'data/',
  /** Every download of one region's disclosures. */
  regionData: (regionCode: string): string => `data/${regionCode}/`,
  ledgerCsv: (): string => 'data/ledger.csv',
  ledgerCsvForYear: (year: number): string => `data/ledger-${year}.csv`,
  /** The tidy summary: a row per disclosure × unit × key figure (src/lib/export/summary-data.ts). */
  summaryCsv: (): string => 'data/summary.csv',
  summaryJson: (): string => 'data/summary.json',
  projectsCsv: (): string => 'data/projects.csv',
  indicatorsCsv: (): string => 'data/indicators.csv',
  factsCsv: (): string => 'data/facts.csv',
  dataPackage: (): string => 'data/datapackage.json',
  manifest: (): string => 'data/SHA256SUMS',
  // ——— Department history and unit disclosures (issue 14) ———
  /** A department's history: every year and phase published. */
  department: (regionCode: string, departmentCode: string): string => `${regionCode}/${departmentCode}/`,
  /** A chart of the department's history as CSV, beside its page. */
  departmentChartCsv: (regionCode: string, departmentCode: string, chartId: string): string => `${regionCode}/${departmentCode}/charts/${chartId}.csv`,
  /** One 所属单位's disclosure (单位预算/决算公开), beside its department's. */
  unit: (d: DisclosureRef, unitCode: string): string => `${disclosureRoot(d)}units/${encodeURIComponent(unitCode)}/`,
  /** A unit's table: its section on the unit's page (a unit's tables share one page). */
  unitTable: (d: DisclosureRef, unitCode: string, table: TableRef): string =>
    `${disclosureRoot(d)}units/${encodeURIComponent(unitCode)}/#${unitTableAnchor(table)}`,
  unitTableCsv: (d: DisclosureRef, unitCode: string, table: TableRef): string =>
    `${disclosureRoot(d)}units/${encodeURIComponent(unitCode)}/tables/${tableSlug(table)}.csv`,
  /** Which expected departments and units of a region have published, year by year (inside the region's folder, so a shard renders it). */
  coverage: (regionCode: string): string => `${regionCode}/coverage/`,
  /** The page the web server answers a missing path with (deploy/nginx/gongkai.conf: error_page 404). */
  notFound: (): string => '404.html',
} as const;

/** Joins the site base (`/` or `/yjsgk/`) and a route path. */
export function withBase(base: string, path: string): string {
  const normalisedBase = base.endsWith('/') ? base : `${base}/`;
  return `${normalisedBase}${path.replace(/^\/+/, '')}`;
}
