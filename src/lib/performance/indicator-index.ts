/**
 * Every performance indicator of every disclosure, grouped by 一级, 二级 and 三级 name: the data
 * of the cross-disclosure indicators page, so a reader can see how departments measure the same
 * thing. Computed once per build from the resolved disclosures.
 *
 * Forms print the same level with small variations (社会效益 / 社会效益指标, 满意度 / 满意度指标):
 * names are grouped under a key without the trailing 指标 and without spaces, and each group keeps
 * every printed spelling, so grouping never hides what a form actually says.
 */
import type { Department, Disclosure, DisclosurePhase, Indicator, Region } from '../disclosure/model.ts';
import { isUnfilled } from './indicator-tree.ts';

/** Where an indicator row comes from: enough to name and link its form. */
export interface IndicatorUse {
  readonly disclosure: {
    readonly id: string;
    readonly year: number;
    readonly phase: DisclosurePhase;
    readonly region: Region;
    readonly department: Department;
  };
  /** A project form (项目支出绩效目标表) by its id and name, or the department form (整体支出绩效目标表). */
  readonly form: { readonly kind: 'project'; readonly id: string; readonly name: string } | { readonly kind: 'unit' };
  /** The row's position in its form's indicator rows, from 1. */
  readonly position: number;
  readonly indicator: Indicator;
}

/** A group of rows whose names share a key; `names` lists the printed spellings, most used first. */
export interface IndicatorGroup<Child> {
  readonly key: string;
  readonly names: readonly string[];
  /** Number of indicator rows in the group. */
  readonly count: number;
  readonly children: readonly Child[];
}

export type NameGroup = IndicatorGroup<IndicatorUse>;
export type Level2Group = IndicatorGroup<NameGroup>;
export type Level1Group = IndicatorGroup<Level2Group>;

/** The grouping key of a level or indicator name: no whitespace, no trailing 指标. */
export const nameKey = (name: string): string => name.replace(/[\s\u3000]+/gu, '').replace(/指标$/u, '');

const byPublication = (a: Disclosure, b: Disclosure): number =>
  b.year - a.year || a.region.code.localeCompare(b.region.code) || a.department.code.localeCompare(b.department.code);

/**
 * Every filled indicator row, in a stable order: latest year first, then region and department
 * code, each disclosure's project forms in printed order, then its department form. Rows that only
 * list an unfilled 二级指标 are left out.
 */
export function indicatorUses(disclosures: readonly Disclosure[]): IndicatorUse[] {
  return [...disclosures].sort(byPublication).flatMap((d) => {
    const disclosure = { id: d.id, year: d.year, phase: d.phase, region: d.region, department: d.department };
    const uses = (form: IndicatorUse['form'], indicators: readonly Indicator[]): IndicatorUse[] =>
      indicators.flatMap((indicator, i) => (isUnfilled(indicator) ? [] : [{ disclosure, form, position: i + 1, indicator }]));
    return [
      ...d.projectForms.flatMap((form) => uses({ kind: 'project', id: form.id, name: form.name }, form.indicators)),
      ...(d.unitForm ? uses({ kind: 'unit' }, d.unitForm.indicators) : []),
    ];
  });
}

/** Groups items by key: groups with more rows first, ties in order of first appearance. */
function groupBy<T, Child>(items: readonly T[], name: (item: T) => string, children: (members: readonly T[]) => readonly Child[]): IndicatorGroup<Child>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = nameKey(name(item));
    const members = groups.get(key);
    if (members) members.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.entries()]
    .map(([key, members], order) => ({ key, members, order }))
    .sort((a, b) => b.members.length - a.members.length || a.order - b.order)
    .map(({ key, members }) => ({ key, names: spellings(members.map(name)), count: members.length, children: children(members) }));
}

/** Distinct printed spellings, most used first, ties in order of first appearance. */
function spellings(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n);
}

/** The indicators of all disclosures as 一级 → 二级 → 三级 name → rows. */
export function indicatorIndex(disclosures: readonly Disclosure[]): Level1Group[] {
  return groupBy(
    indicatorUses(disclosures),
    (u) => u.indicator.level1,
    (level1) =>
      groupBy(
        level1,
        (u) => u.indicator.level2,
        (level2) =>
          groupBy(
            level2,
            (u) => u.indicator.name,
            (uses) => uses,
          ),
      ),
  );
}
