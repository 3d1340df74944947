/**
 * Static paths and page props, computed from the site data once; routes stay thin and just
 * hand these to their components.
 */
import type { DisclosureEntry, DisclosureSummary, SiteData } from './site-data.ts';
import type { Table } from '../tables/model.ts';

export interface DisclosureParams {
  region: string;
  department: string;
  year: string;
}

const paramsOf = (entry: DisclosureEntry): DisclosureParams => ({
  region: entry.disclosure.region.code,
  department: entry.disclosure.department.code,
  year: String(entry.disclosure.year),
});

/** The same department's disclosure for the previous year, when the content has it. */
export function previousYear(site: SiteData, entry: DisclosureEntry): DisclosureEntry | undefined {
  return site.entries.find(
    (e) =>
      e.disclosure.region.code === entry.disclosure.region.code &&
      e.disclosure.department.code === entry.disclosure.department.code &&
      e.disclosure.year === entry.disclosure.year - 1,
  );
}

/** Every year of the same department, oldest first (for trend charts). */
export function departmentHistory(site: SiteData, entry: DisclosureEntry): DisclosureSummary[] {
  return site.entries
    .filter((e) => e.disclosure.region.code === entry.disclosure.region.code && e.disclosure.department.code === entry.disclosure.department.code)
    .map((e) => e.summary)
    .sort((a, b) => a.year - b.year);
}

export function disclosurePaths(site: SiteData) {
  return site.entries.map((entry) => ({
    params: paramsOf(entry),
    props: { entry, previous: previousYear(site, entry), history: departmentHistory(site, entry) },
  }));
}

export function tablePaths(site: SiteData) {
  return site.entries.flatMap((entry) =>
    entry.tables.map((table: Table, index: number) => ({
      params: { ...paramsOf(entry), table: String(table.number).padStart(2, '0') },
      props: { entry, table, previous: entry.tables[index - 1], next: entry.tables[index + 1] },
    })),
  );
}

/** Years present, latest first, each with its summaries. */
export function byYear(site: SiteData): { year: number; summaries: DisclosureSummary[] }[] {
  const years = [...new Set(site.entries.map((e) => e.summary.year))].sort((a, b) => b - a);
  return years.map((year) => ({ year, summaries: site.entries.filter((e) => e.summary.year === year).map((e) => e.summary) }));
}

/** Regions present, by code, each with its summaries (latest year first). */
export function byRegion(site: SiteData): { code: string; name: string; summaries: DisclosureSummary[] }[] {
  const codes = [...new Set(site.entries.map((e) => e.summary.region.code))].sort();
  return codes.map((code) => {
    const summaries = site.entries.filter((e) => e.summary.region.code === code).map((e) => e.summary);
    return { code, name: summaries[0]?.region.name ?? code, summaries };
  });
}
