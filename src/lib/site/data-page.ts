/**
 * Page data of /data/: the site's open data (computed once per build, or combined from the shards
 * by the portal step), the package describing it, the comparisons' files, and each region's page
 * of its disclosures' downloads.
 */
import { openDataFiles, packageOf, type DataPackage, type OpenDataFile } from '../export/datapackage.ts';
import { openDataYears } from '../export/open-data.ts';
import { tablesWithOwnWorkbook } from '../export/xlsx.ts';
import { tableNumberLabel } from '../i18n/format.ts';
import { comparisonTitle, refOf, siteComparisons } from './comparison-pages.ts';
import { byRegion } from './page-data.ts';
import { routes } from './routes.ts';
import { rendersPortal, type DisclosureEntry, type SiteData } from './site-data.ts';

const computed = new WeakMap<SiteData, readonly OpenDataFile[]>();

/** The site's open-data files: the portal step's combination of the shards', else computed from the disclosures' tables. */
export function openDataOf(site: SiteData): readonly OpenDataFile[] {
  if (site.openData) return site.openData;
  let files = computed.get(site);
  if (!files) {
    const tables = new Map(site.entries.map((e) => [e.disclosure, e.tables]));
    files = openDataFiles(
      site.entries.map((e) => e.disclosure),
      (d) => tables.get(d) ?? [],
    );
    computed.set(site, files);
  }
  return files;
}

export interface DisclosureDownloads {
  readonly entry: DisclosureEntry;
  readonly workbook: string;
  /** Each published table with its CSV and XLSX; tables not provided have no files. */
  readonly tables: readonly { readonly label: string; readonly csv: string; readonly xlsx: string }[];
  /** Titles of the tables this disclosure did not provide (listed, no file). */
  readonly notProvided: readonly string[];
}

export interface RegionDownloads {
  readonly code: string;
  readonly name: string;
  readonly page: string;
  readonly disclosures: readonly DisclosureDownloads[];
}

export interface ComparisonDownloads {
  readonly title: string;
  readonly csv: string;
  readonly xlsx: string;
}

export interface DataPageData {
  readonly pkg: DataPackage;
  /** Years that have disclosures but no ledger file: their disclosures give no ledger or facts (performance forms only). */
  readonly yearsWithoutLedger: readonly number[];
  /** The comparisons across departments, each as CSV and workbook; the whole site's first. */
  readonly comparisons: readonly ComparisonDownloads[];
  /** Each region's page of per-disclosure downloads. */
  readonly regions: readonly Pick<RegionDownloads, 'code' | 'name' | 'page' | 'disclosures'>[];
}

const downloadsOf = (entry: DisclosureEntry): DisclosureDownloads => {
  const d = entry.disclosure;
  return {
    entry,
    workbook: routes.workbook(d),
    tables: tablesWithOwnWorkbook(entry.tables).map((table) => ({
      label: `${tableNumberLabel(table)} ${table.title}`.trim(),
      csv: routes.tableCsv(d, table),
      xlsx: routes.tableXlsx(d, table),
    })),
    notProvided: entry.tables.filter((t) => !t.provided).map((t) => `${tableNumberLabel(t)} ${t.title}`.trim()),
  };
};

/**
 * Each region's disclosures with their downloads. One page per region, not one for the site: a
 * district of 1,000 disclosures lists some 46,000 table files, megabytes on a single page.
 */
export function regionDownloads(site: SiteData): RegionDownloads[] {
  return byRegion(site).map((region) => ({
    code: region.code,
    name: region.name,
    page: routes.regionData(region.code),
    disclosures: site.entries.filter((e) => e.disclosure.region.code === region.code).map(downloadsOf),
  }));
}

export function regionDataPaths(site: SiteData) {
  if (!rendersPortal(site)) return [];
  return regionDownloads(site).map((region) => ({ params: { region: region.code }, props: { region } }));
}

export function dataPageData(site: SiteData): DataPageData {
  const pkg = packageOf(openDataOf(site));
  const listed = new Set(pkg.resources.map((r) => r.name));
  const years = openDataYears(site.entries.map((e) => e.disclosure));
  const groups = siteComparisons(site);
  return {
    pkg,
    yearsWithoutLedger: years.filter((year) => !listed.has(`ledger-${year}`)),
    comparisons: [...groups.filter((g) => g.region === null), ...groups.filter((g) => g.region !== null)].map((group) => ({
      title: comparisonTitle(group),
      csv: routes.comparisonFile(refOf(group), 'csv'),
      xlsx: routes.comparisonFile(refOf(group), 'xlsx'),
    })),
    regions: regionDownloads(site),
  };
}
