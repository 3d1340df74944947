/**
 * The coverage view of a region: for each year, which of the departments and units its
 * `expected.yaml` lists have a disclosure in the content, and which do not. It says what the
 * site holds ("未收录": not in this site), never that a department failed to publish.
 *
 * A unit is covered by its own pages where its department's facts are given by unit
 * (unit-view.ts); where they are the department's as a whole (Shanghai), the unit is named in the
 * department's disclosure but has no figures of its own, and the view says so.
 */
import type { ExpectedDepartment, ExpectedRegion, ExpectedUnit } from '../content/coverage-file.ts';
import type { DisclosurePhase } from '../disclosure/model.ts';
import { unitsWithOwnPages } from '../disclosure/unit-view.ts';
import { routes } from './routes.ts';
import { rendersDisclosures, type DisclosureEntry, type SiteData } from './site-data.ts';

export type UnitCoverageStatus =
  /** The unit has its own pages (facts by unit). */
  | 'unitPages'
  /** The department's disclosure names the unit, but its facts are not given by unit. */
  | 'inDepartment'
  /** The department's disclosure does not name the unit. */
  | 'notNamed'
  /** The department's disclosure is not in the content. */
  | 'missing';

export interface UnitCoverage {
  readonly unit: ExpectedUnit;
  readonly status: UnitCoverageStatus;
  readonly page: string | null;
}

/** One department, one phase of one year: null when the list does not expect it. */
export interface PhaseCoverage {
  readonly published: boolean;
  readonly page: string | null;
  readonly units: readonly UnitCoverage[];
}

export interface DepartmentCoverage {
  readonly code: string;
  readonly name: string;
  readonly budget: PhaseCoverage | null;
  readonly final: PhaseCoverage | null;
}

export interface YearCoverage {
  readonly year: number;
  readonly departments: readonly DepartmentCoverage[];
  /** Expected department-phases of the year, and how many of them the content has. */
  readonly expected: number;
  readonly published: number;
}

export interface RegionCoverage {
  readonly region: ExpectedRegion['region'];
  /** Latest year first. */
  readonly years: readonly YearCoverage[];
  readonly page: string;
}

function unitCoverage(entry: DisclosureEntry | undefined, unit: ExpectedUnit): UnitCoverage {
  if (!entry) return { unit, status: 'missing', page: null };
  const d = entry.disclosure;
  const own = unitsWithOwnPages(d).find((u) => (unit.code !== null ? u.code === unit.code : u.name === unit.name));
  if (own) return { unit, status: 'unitPages', page: routes.unit(d, own.code) };
  const named = d.units.some((u) => (unit.code !== null && u.code !== '' ? u.code === unit.code : u.name === unit.name));
  return { unit, status: named ? 'inDepartment' : 'notNamed', page: null };
}

function phaseCoverage(site: SiteData, region: string, department: ExpectedDepartment, year: number, phase: DisclosurePhase): PhaseCoverage | null {
  const years = phase === 'final' ? department.finalYears : department.budgetYears;
  if (!years.includes(year)) return null;
  const entry = site.entries.find(
    (e) =>
      e.disclosure.region.code === region && e.disclosure.department.code === department.code && e.disclosure.year === year && e.disclosure.phase === phase,
  );
  return {
    published: entry !== undefined,
    page: entry ? routes.disclosure(entry.disclosure) : null,
    units: department.units.filter((u) => u.years === null || u.years.includes(year)).map((u) => unitCoverage(entry, u)),
  };
}

/** The coverage of one region's expected list against the site's disclosures. */
export function regionCoverage(site: SiteData, expected: ExpectedRegion): RegionCoverage {
  const code = expected.region.code;
  const allYears = [...new Set(expected.departments.flatMap((d) => [...d.budgetYears, ...d.finalYears]))].sort((a, b) => b - a);
  const years = allYears.map((year): YearCoverage => {
    const departments = expected.departments
      .map((d) => ({ code: d.code, name: d.name, budget: phaseCoverage(site, code, d, year, 'budget'), final: phaseCoverage(site, code, d, year, 'final') }))
      .filter((d) => d.budget !== null || d.final !== null);
    const cells = departments.flatMap((d) => [d.budget, d.final]).filter((c): c is PhaseCoverage => c !== null);
    return { year, departments, expected: cells.length, published: cells.filter((c) => c.published).length };
  });
  return { region: expected.region, years, page: routes.coverage(code) };
}

/** The region's coverage page, when the content lists its expected departments. */
export const coveragePageOf = (site: SiteData, regionCode: string): string | null =>
  site.expected?.some((e) => e.region.code === regionCode) ? routes.coverage(regionCode) : null;

/**
 * One coverage page per region that has an expected list and at least one disclosure in this
 * build: the page sits in the region's folder, so the shard holding the region renders it.
 */
export function coveragePaths(site: SiteData) {
  if (!rendersDisclosures(site)) return [];
  const regions = new Set(site.entries.map((e) => e.disclosure.region.code));
  return (site.expected ?? [])
    .filter((e) => regions.has(e.region.code))
    .map((expected) => ({ params: { region: expected.region.code }, props: { coverage: regionCoverage(site, expected) } }));
}
