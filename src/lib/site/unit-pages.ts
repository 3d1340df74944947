/**
 * The pages of each 所属单位 (单位预算/决算公开): the unit's view of its department's disclosure
 * (src/lib/disclosure/unit-view.ts) with its tables, derived by the same builders as the
 * department's. A department whose facts are not given by unit has no unit pages.
 */
import { sharedWeakMap } from '../cache/shared-weak-map.ts';
import { disclosureOfUnit, unitsWithOwnPages } from '../disclosure/unit-view.ts';
import type { Unit } from '../disclosure/model.ts';
import type { Table } from '../tables/model.ts';
import { routes, yearSegment } from './routes.ts';
import { keyFigures, rendersDisclosures, tablesOf, type DisclosureEntry, type KeyFigures, type SiteData } from './site-data.ts';

export interface UnitListItem {
  readonly code: string;
  readonly name: string;
  readonly page: string;
}

/** One unit's disclosure: the department's entry, the unit, its view and the view's tables. */
export interface UnitPage {
  /** The department's disclosure the unit belongs to. */
  readonly entry: DisclosureEntry;
  readonly unit: Unit;
  /** The unit's view as an entry (disclosure restricted to the unit, its tables, its key figures). */
  readonly view: { readonly disclosure: DisclosureEntry['disclosure']; readonly tables: readonly Table[]; readonly figures: KeyFigures };
  /** Whether it is the department's only unit (its tables are then the department's). */
  readonly only: boolean;
}

/** Shared with Astro's bundled copy of this module: the pages and the downloads read the same unit pages. */
const cache = sharedWeakMap<DisclosureEntry, UnitPage[]>('unitPages');

/** Every unit page of a disclosure, in the order the disclosure lists its units. */
export function unitPages(entry: DisclosureEntry): UnitPage[] {
  const cached = cache.get(entry);
  if (cached) return cached;
  const units = unitsWithOwnPages(entry.disclosure);
  const pages = units.map((unit): UnitPage => {
    const disclosure = disclosureOfUnit(entry.disclosure, unit.code);
    const tables = tablesOf(disclosure);
    return { entry, unit, view: { disclosure, tables, figures: keyFigures(disclosure, tables) }, only: units.length === 1 };
  });
  cache.set(entry, pages);
  return pages;
}

/** The units a department overview links to. */
export const unitList = (entry: DisclosureEntry): UnitListItem[] =>
  unitPages(entry).map((p) => ({ code: p.unit.code, name: p.unit.name, page: routes.unit(entry.disclosure, p.unit.code) }));

const paramsOf = (entry: DisclosureEntry, unitCode: string) => ({
  region: entry.disclosure.region.code,
  department: entry.disclosure.department.code,
  year: yearSegment(entry.disclosure),
  unit: unitCode,
});

export function unitPaths(site: SiteData) {
  if (!rendersDisclosures(site)) return [];
  return site.entries.flatMap((entry) => unitPages(entry).map((page) => ({ params: paramsOf(entry, page.unit.code), props: { page } })));
}

/** The unit's tables: the template's financial tables (its performance forms stay the department's pages). */
export const unitTables = (page: UnitPage): readonly Table[] => page.view.tables;
