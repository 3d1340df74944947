/**
 * 单位预算/决算公开: one 所属单位's disclosure, derived from its department's content (nothing is
 * typed twice). The view keeps only the facts the source gives for that unit, so every table
 * builder, key figure and download works on it unchanged and prints the unit's tables alone.
 *
 * Only a source that gives facts by unit has unit views (a Hunan ledger: every row names its
 * unit). Shanghai's facts are the department's as a whole (unit null): such a department has no
 * unit views, and a department figure is never split across its units. What the content states
 * for the department only (declared 三公, the 整体支出绩效目标表, a 决算's balances, cells printed
 * differently from their parts, the 说明) is left out of a unit's view, never copied into it.
 */
import { sharedWeakMap } from '../cache/shared-weak-map.ts';
import type { Disclosure, Fact, Unit } from './model.ts';

/** Whether the disclosure's facts name their unit (a ledger, or coarse facts with units). */
export function hasFactsByUnit(d: Pick<Disclosure, 'ledger' | 'coarseFacts'>): boolean {
  if (d.ledger.length > 0) return true;
  const coarse = d.coarseFacts;
  return coarse !== null && [...coarse.byFunction, ...coarse.basicByEcon].some((f) => f.unit !== null);
}

/** The units that get their own pages: every coded unit, when the facts are given by unit; none otherwise. */
export function unitsWithOwnPages(d: Pick<Disclosure, 'ledger' | 'coarseFacts' | 'units'>): readonly Unit[] {
  return hasFactsByUnit(d) ? d.units.filter((u) => u.code !== '') : [];
}

/** The URL segment and id suffix of a unit view. */
export const unitViewId = (d: Pick<Disclosure, 'id'>, unitCode: string): string => `${d.id}-unit-${unitCode}`;

const views = sharedWeakMap<Disclosure, Map<string, Disclosure>>('unitViews');

/**
 * The disclosure of one unit: its ledger rows, projects (and their forms), income and carry-over
 * lines, with the department-level items left out. The same object for the same arguments (in
 * the scripts and in the pages Astro renders alike), so the site's per-disclosure caches (tables,
 * key figures) hold for it. Throws when the unit is not
 * one of {@link unitsWithOwnPages} (a caller asking for a Shanghai unit's tables is a bug).
 */
export function disclosureOfUnit(d: Disclosure, unitCode: string): Disclosure {
  let byUnit = views.get(d);
  if (!byUnit) views.set(d, (byUnit = new Map()));
  const cached = byUnit.get(unitCode);
  if (cached) return cached;
  const unit = unitsWithOwnPages(d).find((u) => u.code === unitCode);
  if (!unit) {
    throw new Error(
      `${d.id}: no unit ${JSON.stringify(unitCode)} with facts of its own (units with pages: ${
        unitsWithOwnPages(d)
          .map((u) => u.code)
          .join(', ') || 'none'
      })`,
    );
  }
  const ofUnit = <T extends { readonly unit: string | null }>(items: readonly T[]): T[] => items.filter((item) => item.unit === unitCode);
  const projects = d.projects.filter((p) => p.unit === unitCode);
  const projectIds = new Set(projects.map((p) => p.id));
  const coarse = d.coarseFacts;
  const { finalAccounts: _departmentBalances, ...rest } = d;
  const view: Disclosure = {
    ...rest,
    id: unitViewId(d, unitCode),
    units: [unit],
    projects,
    ledger: ofUnit(d.ledger),
    coarseFacts: coarse === null ? null : { byFunction: ofUnit<Fact>(coarse.byFunction), basicByEcon: ofUnit<Fact>(coarse.basicByEcon) },
    income: ofUnit(d.income),
    carryoverOut: ofUnit(d.carryoverOut),
    projectForms: d.projectForms.filter((f) => (f.project !== null ? projectIds.has(f.project) : f.unitCode === unitCode)),
    // Department-level statements: never attributed to one unit.
    declaredThreePublic: null,
    unitForm: null,
    printedAsPublished: [],
    narrative: null,
  };
  byUnit.set(unitCode, view);
  return view;
}
