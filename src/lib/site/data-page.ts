/**
 * Page data of /data/: the site's open data (computed once per build, or combined from the shards
 * by the portal step), the package describing it, and each disclosure's downloads.
 */
import { openDataFiles, packageOf, type DataPackage, type OpenDataFile } from '../export/datapackage.ts';
import { openDataYears } from '../export/open-data.ts';
import { tablesWithOwnWorkbook } from '../export/xlsx.ts';
import { tableNumberLabel } from '../i18n/format.ts';
import { routes } from './routes.ts';
import type { DisclosureEntry, SiteData } from './site-data.ts';

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

export interface DataPageData {
  readonly pkg: DataPackage;
  /** Years that have disclosures but no ledger file: their disclosures give no ledger or facts (performance forms only). */
  readonly yearsWithoutLedger: readonly number[];
  readonly disclosures: readonly DisclosureDownloads[];
}

export function dataPageData(site: SiteData): DataPageData {
  const pkg = packageOf(openDataOf(site));
  const listed = new Set(pkg.resources.map((r) => r.name));
  const years = openDataYears(site.entries.map((e) => e.disclosure));
  return {
    pkg,
    yearsWithoutLedger: years.filter((year) => !listed.has(`ledger-${year}`)),
    disclosures: site.entries.map((entry) => {
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
    }),
  };
}
