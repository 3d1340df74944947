/**
 * A department-year's 预算 and 决算 held against each other, never added together. The 决算 states
 * its own 年初预算数 (per 功能 项 of 一般公共预算财政拨款支出, and per 三公 item); where the same
 * department-year's 预算 is published too, each 年初预算数 must equal the published 预算 (checked in
 * final-rules.ts). The comparison the site shows is by 功能 类 and by 三公 item, from the 决算's own
 * 年初预算数, so it exists whether or not the 预算 is on the site (the page says which).
 */
import type { Disclosure, ThreePublicItems } from '../disclosure/model.ts';
import { SOURCE_INFO } from '../ledger/sources.ts';
import { sumAmounts, type Amount } from '../money.ts';
import { functionFacts } from '../tables/facts.ts';
import { nameOf } from '../catalogue/catalogue.ts';
import { splitFrontMatter } from '../narrative/front-matter.ts';
import { figureCatalogue } from '../narrative/figures.ts';
import { buildTables } from '../templates/build-tables.ts';
import { completion, direction, varianceSentence, type Completion, type Direction } from './variance.ts';

/** The same department's disclosure of the same year in the other phase, when `all` has it. */
export function counterpart(all: readonly Disclosure[], d: Disclosure): Disclosure | undefined {
  return all.find((o) => o !== d && o.region.code === d.region.code && o.department.code === d.department.code && o.year === d.year && o.phase !== d.phase);
}

/** The same department's 决算 of the year before (for 年初结转和结余 = last year's 年末). */
export function previousFinal(all: readonly Disclosure[], d: Disclosure): Disclosure | undefined {
  return all.find((o) => o.phase === 'final' && o.region.code === d.region.code && o.department.code === d.department.code && o.year === d.year - 1);
}

/** 一般公共预算 spending of a disclosure per 功能 项 (a 预算's budget, a 决算's actual). */
export function generalBudgetByItem(d: Disclosure): Map<string, Amount> {
  const result = new Map<string, Amount>();
  for (const f of functionFacts(d)) {
    if (f.func === null || SOURCE_INFO[f.source].fund !== 'generalBudget') continue;
    result.set(f.func, sumAmounts([result.get(f.func) ?? null, f.amount]));
  }
  return result;
}

export const THREE_PUBLIC_ITEMS: readonly { readonly key: keyof ThreePublicItems; readonly name: string }[] = [
  { key: 'outboundTravel', name: '因公出国（境）费' },
  { key: 'vehiclePurchase', name: '公务用车购置费' },
  { key: 'vehicleOperation', name: '公务用车运行费' },
  { key: 'reception', name: '公务接待费' },
];

export interface ComparisonLine {
  /** 功能 类/项 code, or the 三公 item key. */
  readonly key: string;
  readonly name: string;
  readonly initialBudget: Amount;
  readonly actual: Amount;
  readonly completion: Completion;
  readonly direction: Direction;
  /** The required sentence, with the reason from the 说明's front matter. */
  readonly sentence: string;
  readonly reasonMissing: boolean;
}

export interface BudgetFinalComparison {
  /** The published 预算 of the same year, when the content has it (the 年初预算数 were checked against it). */
  readonly budget: Disclosure | undefined;
  readonly final: Disclosure;
  /** 一般公共预算财政拨款支出 as a whole: the printed 年初预算 total against the spending. */
  readonly total: ComparisonLine;
  readonly byItem: readonly ComparisonLine[];
  readonly byClass: readonly ComparisonLine[];
  readonly threePublic: readonly ComparisonLine[];
}

/** The reasons a 决算's 说明 gives for 决算 ≠ 预算 (front matter `varianceReasons`). */
export function varianceReasons(d: Disclosure): { total?: string; threePublic?: string; items: Readonly<Record<string, string>> } {
  if (!d.narrative) return { items: {} };
  const reasons = splitFrontMatter(d.narrative.markdown, d.narrative.file).settings.varianceReasons;
  return {
    ...(reasons.total === undefined ? {} : { total: reasons.total }),
    ...(reasons.threePublic === undefined ? {} : { threePublic: reasons.threePublic }),
    items: reasons.items,
  };
}

const line = (key: string, name: string, initialBudget: Amount, actual: Amount, reason: string | undefined): ComparisonLine => {
  const s = varianceSentence(initialBudget, actual, reason);
  return {
    key,
    name,
    initialBudget,
    actual,
    completion: completion(initialBudget, actual),
    direction: direction(initialBudget, actual),
    sentence: s.text,
    reasonMissing: s.reasonMissing,
  };
};

/** The comparison of a 决算 with its 年初预算数; null for a 预算 or a 决算 that states no 年初预算数. */
export function compareBudgetWithFinal(final: Disclosure, all: readonly Disclosure[]): BudgetFinalComparison | null {
  const accounts = final.finalAccounts;
  if (final.phase !== 'final' || !accounts) return null;
  const reasons = varianceReasons(final);
  const actual = generalBudgetByItem(final);
  const budgeted = new Map(accounts.initialBudget.map((l) => [l.func, l.amount]));
  const codes = [...new Set([...budgeted.keys(), ...actual.keys()])].sort();
  const name = (code: string) => nameOf(final.catalogue, 'functional', code) ?? code;
  const byItem = codes.map((code) => line(code, name(code), budgeted.get(code) ?? null, actual.get(code) ?? null, reasons.items[code]));
  const classes = [...new Set(codes.map((c) => c.slice(0, 3)))];
  const byClass = classes.map((cls) => {
    const items = byItem.filter((l) => l.key.startsWith(cls));
    // A 类 has a reason only through its 项: the 类 line repeats none.
    return line(cls, name(cls), sumAmounts(items.map((l) => l.initialBudget)), sumAmounts(items.map((l) => l.actual)), 'see items');
  });
  // The whole as the 决算 publishes it (a printed total may differ by a rounding cent from its 项).
  const year = { disclosure: final, tables: buildTables(final) };
  const printedTotal = figureCatalogue(year).figures.get('一般公共预算支出')?.read(year);
  const totalActual = printedTotal?.ok ? printedTotal.value : sumAmounts([...actual.values()]);
  const generalBudgetTotal = line('total', '一般公共预算财政拨款支出', accounts.initialBudgetTotal, totalActual, reasons.total);
  const actualThree = final.declaredThreePublic;
  const threePublic = THREE_PUBLIC_ITEMS.map((item) =>
    line(item.key, item.name, accounts.threePublicBudget[item.key], actualThree?.[item.key] ?? null, reasons.threePublic),
  );
  return {
    budget: counterpart(all, final),
    final,
    total: generalBudgetTotal,
    byItem,
    byClass: byClass.map((l) => ({ ...l, sentence: '', reasonMissing: false })),
    threePublic,
  };
}
