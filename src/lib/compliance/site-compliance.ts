/**
 * The compliance self-check over the site data: per disclosure (computed once per entry and kept,
 * since the disclosure page and its region-year page both show it) and per region-year, as the
 * small per-disclosure summaries a region-year page needs.
 */
import { overviewData } from '../site/page-data.ts';
import type { DisclosureEntry, SiteData } from '../site/site-data.ts';
import { yearSegment } from '../site/routes.ts';
import { disclosureCompliance, headingsOf, summariseCompliance, type ComplianceItem, type ComplianceSummary } from './compliance.ts';

const cache = new WeakMap<DisclosureEntry, ComplianceItem[]>();

export function complianceOf(site: SiteData, entry: DisclosureEntry): ComplianceItem[] {
  const cached = cache.get(entry);
  if (cached) return cached;
  // A portal entry (from a shard's summary) carries the items its shard computed from the full data.
  if (entry.compliance !== undefined) return entry.compliance as ComplianceItem[];
  const items = disclosureCompliance({
    disclosure: entry.disclosure,
    tables: entry.tables,
    narrativeHeadings: headingsOf(overviewData(site, entry).narrative.html),
  });
  cache.set(entry, items);
  return items;
}

export interface RegionYearCompliance {
  readonly region: DisclosureEntry['disclosure']['region'];
  readonly year: number;
  readonly disclosures: readonly { readonly entry: DisclosureEntry; readonly summary: ComplianceSummary; readonly items: readonly ComplianceItem[] }[];
}

/** One group per region and year, in the site data's order. */
export function regionYearCompliance(site: SiteData): RegionYearCompliance[] {
  const groups = new Map<string, { region: DisclosureEntry['disclosure']['region']; year: number; entries: DisclosureEntry[] }>();
  for (const entry of site.entries) {
    const key = `${entry.disclosure.region.code}/${entry.disclosure.year}`;
    const group = groups.get(key) ?? { region: entry.disclosure.region, year: entry.disclosure.year, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({
    region: group.region,
    year: group.year,
    disclosures: group.entries.map((entry) => {
      const items = complianceOf(site, entry);
      return { entry, items, summary: summariseCompliance(items) };
    }),
  }));
}

export function disclosureCompliancePaths(site: SiteData) {
  return site.entries.map((entry) => ({
    params: { region: entry.disclosure.region.code, department: entry.disclosure.department.code, year: yearSegment(entry.disclosure) },
    props: { entry, items: complianceOf(site, entry) },
  }));
}

export function regionYearCompliancePaths(site: SiteData) {
  return regionYearCompliance(site).map((group) => ({ params: { region: group.region.code, year: String(group.year) }, props: { group } }));
}
