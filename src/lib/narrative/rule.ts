/**
 * The narrative check for the validator, as a rule for `validateContent(…, rules)`:
 * `narrativeRuleFor(result.disclosures)` checks every reference, including that `.上年`/`.变动`
 * references find the same department's previous year in the content.
 */
import type { Finding } from '../findings.ts';
import type { Disclosure } from '../disclosure/model.ts';
import type { Table } from '../tables/model.ts';
import { buildTables } from '../templates/build-tables.ts';
import type { FigureYear } from './figures.ts';
import { narrativeFindings } from './render.ts';

/** The same department's disclosure of the year before, when `all` has it. */
export function previousDisclosure(all: readonly Disclosure[], d: Disclosure): Disclosure | undefined {
  return all.find((o) => o.region.code === d.region.code && o.department.code === d.department.code && o.year === d.year - 1 && o.phase === d.phase);
}

/** `derive`: how a disclosure's tables are had; the build passes its per-build cache so they are derived once. */
export function narrativeRuleFor(all: readonly Disclosure[], derive?: (d: Disclosure) => readonly Table[]): (d: Disclosure) => readonly Finding[] {
  const tables = new Map<Disclosure, readonly Table[]>();
  const tablesOf = (d: Disclosure): readonly Table[] => {
    let built = tables.get(d);
    if (!built) tables.set(d, (built = derive ? derive(d) : buildTables(d)));
    return built;
  };
  return (d) => {
    const previous = previousDisclosure(all, d);
    const previousYear: FigureYear | undefined = previous ? { disclosure: previous, tables: tablesOf(previous) } : undefined;
    return narrativeFindings(d, tablesOf(d), previousYear);
  };
}
