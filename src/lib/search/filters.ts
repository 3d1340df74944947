/**
 * The search filters every disclosure page carries (as `data-pagefind-filter`), and the values
 * the search page offers. Both come from here, so an offered value always matches a page's.
 */
import type { Disclosure } from '../disclosure/model.ts';

/** Filter names as they appear in Pagefind and in the search page's URL (`?year=2024`). */
/** `phase` says 预算 or 决算: a department-year has both, and a search can keep to one. */
export const SEARCH_FILTERS = ['year', 'phase', 'region', 'department', 'kind'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export type SearchFilterValues = Readonly<Record<SearchFilter, string>>;

type DisclosureRef = Pick<Disclosure, 'year' | 'region' | 'department'> & Partial<Pick<Disclosure, 'phase'>>;

/**
 * The filters of one page of a disclosure. `kind` names what the page is: a table's title
 * (收支总表, 项目支出绩效目标表 …) or a page kind such as 部门预算概况; the caller passes it.
 */
export function searchFiltersOf(disclosure: DisclosureRef, kind: string): SearchFilterValues {
  return {
    year: String(disclosure.year),
    phase: disclosure.phase === 'final' ? '决算' : '预算',
    region: disclosure.region.name,
    department: disclosure.department.name,
    kind,
  };
}

/**
 * The distinct values of each filter over `pages`, for the search form: years newest first, the
 * rest in the order the pages come (the site data's order: region, department, table number).
 */
export function filterOptions(pages: readonly SearchFilterValues[]): Record<SearchFilter, string[]> {
  const distinct = (filter: SearchFilter) => [...new Set(pages.map((page) => page[filter]))];
  return {
    year: distinct('year').sort((a, b) => Number(b) - Number(a)),
    phase: distinct('phase'),
    region: distinct('region'),
    department: distinct('department'),
    kind: distinct('kind'),
  };
}

/** The filters chosen in a search URL's query string, ignoring empty and unknown ones. */
export function filtersFromParams(params: URLSearchParams): Partial<Record<SearchFilter, string>> {
  const chosen: Partial<Record<SearchFilter, string>> = {};
  for (const filter of SEARCH_FILTERS) {
    const value = params.get(filter)?.trim();
    if (value) chosen[filter] = value;
  }
  return chosen;
}
