/**
 * The checks of a 决算 beyond its tables' own arithmetic, each finding located in the file and on
 * the line where the figure is written:
 *
 * - every table of its template is published (a 决算 table missing is an error, not "not provided");
 * - 收入 = 支出 per fiscal fund: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余;
 * - each 年初预算数 equals the published 预算 of the same department-year, per 功能 项 and per
 *   三公 item (when the 预算 is in the content; without it there is nothing to hold it against,
 *   which is allowed: the site says so);
 * - the printed 年初预算 total against its 项 (a rounding difference: a warning);
 * - 年初结转和结余 of year N equals 年末结转和结余 of year N−1 where both 决算 exist;
 * - a 决算 differing from its 年初预算 states why (front matter `varianceReasons`), and a 三公 item
 *   with spending states its counts.
 */
import type { Disclosure, FundBalances, ThreePublicItems } from '../disclosure/model.ts';
import { finding, type Finding, type SourcePosition } from '../findings.ts';
import { SOURCE_INFO } from '../ledger/sources.ts';
import { formatAmount, sumAmounts, type Amount } from '../money.ts';
import { functionFacts } from '../tables/facts.ts';
import { packOf } from '../templates/registry.ts';
import { incomeFacts } from '../templates/shanghai-final/tables.ts';
import { compareBudgetWithFinal, counterpart, generalBudgetByItem, previousFinal, THREE_PUBLIC_ITEMS } from './budget-vs-final.ts';

const wan = (a: Amount): string => (a === null ? '空 blank' : `${formatAmount(a, '万元', 2, true)} 万元`);
const same = (a: Amount, b: Amount): boolean => (a ?? 0) === (b ?? 0);

/** Every table of the template with a printed number must be published by a 决算. */
export function requiredTablesPublished(d: Disclosure): Finding[] {
  const pack = packOf(d);
  if (pack.phase !== 'final') return [];
  return pack.tables
    .filter((t) => t.number !== null && !d.providedTables.includes(t.id))
    .map((t) =>
      finding({
        code: 'final.tableMissing',
        severity: 'error',
        zh: `决算必须公开“${t.title}”（${pack.name}第${t.number}张表）；空表也须公开并注明原因`,
        en: `a 决算 must publish ${t.id} (table ${t.number} of ${pack.id}); an empty table is published with its note`,
        at: { file: d.files.disclosure, line: 1, column: 1 },
        expected: t.id,
      }),
    );
}

const FISCAL = ['generalBudget', 'govFund', 'stateCapital'] as const;
const FUND_NAMES: Readonly<Record<(typeof FISCAL)[number], string>> = {
  generalBudget: '一般公共预算财政拨款',
  govFund: '政府性基金预算财政拨款',
  stateCapital: '国有资本经营预算财政拨款',
};

/** 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余, for each fiscal fund. */
export function fundsBalance(d: Disclosure): Finding[] {
  const f = d.finalAccounts;
  if (!f) return [];
  const income = incomeFacts(d);
  const spent = functionFacts(d);
  return FISCAL.flatMap((fund): Finding[] => {
    const received = sumAmounts(income.filter((x) => SOURCE_INFO[x.source].fund === fund).map((x) => x.amount));
    const paid = sumAmounts(spent.filter((x) => x.fund === fund).map((x) => x.amount));
    const left = sumAmounts([f.carryoverIn[fund], received]);
    const right = sumAmounts([paid, f.carryoverOut[fund]]);
    if (same(left, right)) return [];
    return [
      finding({
        code: 'final.fundUnbalanced',
        severity: 'error',
        zh: `${FUND_NAMES[fund]}收支不平：年初结转和结余 ${wan(f.carryoverIn[fund])} + 本年收入 ${wan(received)} ≠ 本年支出 ${wan(paid)} + 年末结转和结余 ${wan(f.carryoverOut[fund])}`,
        en: `${fund} does not balance: opening ${wan(f.carryoverIn[fund])} + income ${wan(received)} ≠ spending ${wan(paid)} + closing ${wan(f.carryoverOut[fund])}`,
        at: f.at,
        expected: wan(left),
        actual: wan(right),
      }),
    ];
  });
}

/** The printed 年初预算 total against the 项 the 决算 lists (a rounded total: a warning). */
export function initialBudgetTotal(d: Disclosure): Finding[] {
  const f = d.finalAccounts;
  if (!f || f.initialBudgetTotal === null || f.initialBudget.length === 0) return [];
  const sum = sumAmounts(f.initialBudget.map((l) => l.amount));
  if (same(sum, f.initialBudgetTotal)) return [];
  return [
    finding({
      code: 'final.initialBudgetTotalDiffers',
      severity: 'warning',
      zh: `年初预算合计印刷 ${wan(f.initialBudgetTotal)}，各项年初预算之和 ${wan(sum)}；按原件公布`,
      en: `the 年初预算 total is printed as ${wan(f.initialBudgetTotal)}, its items add up to ${wan(sum)}; published as printed`,
      at: f.at,
      expected: wan(sum),
      actual: wan(f.initialBudgetTotal),
    }),
  ];
}

/** Each 年初预算数 against the published 预算 of the same year (per 功能 项, per 三公 item). */
export function initialBudgetMatchesBudget(d: Disclosure, all: readonly Disclosure[]): Finding[] {
  const f = d.finalAccounts;
  const budget = counterpart(all, d);
  if (!f || d.phase !== 'final' || !budget) return [];
  const published = generalBudgetByItem(budget);
  const findings: Finding[] = [];
  const mismatch = (what: string, whatEn: string, stated: Amount, expected: Amount, at: SourcePosition) =>
    finding({
      code: 'final.initialBudgetMismatch',
      severity: 'error',
      zh: `${what}：决算的年初预算数 ${wan(stated)}，与公开的${budget.year}年预算 ${wan(expected)}（${budget.files.disclosure}）不一致`,
      en: `${whatEn}: the 决算 states 年初预算数 ${wan(stated)}, the published ${budget.year} 预算 has ${wan(expected)} (${budget.files.disclosure})`,
      at,
      expected: wan(expected),
      actual: wan(stated),
    });
  const listed = new Set<string>();
  for (const line of f.initialBudget) {
    listed.add(line.func);
    const expected = published.get(line.func) ?? null;
    if (!same(line.amount, expected)) findings.push(mismatch(`功能分类 ${line.func}`, `function ${line.func}`, line.amount, expected, line.at));
  }
  // A 项 the 预算 arranged that the 决算 lists no 年初预算 for.
  for (const [func, amount] of published) {
    if (!listed.has(func) && f.initialBudget.length > 0 && !same(amount, null))
      findings.push(mismatch(`功能分类 ${func}（决算未列年初预算）`, `function ${func} (no 年初预算 in the 决算)`, null, amount, f.at));
  }
  const budgetItems: ThreePublicItems | null = budget.declaredThreePublic;
  if (budgetItems) {
    for (const item of THREE_PUBLIC_ITEMS) {
      const stated = f.threePublicBudget[item.key];
      const expected = budgetItems[item.key];
      if (!same(stated, expected)) findings.push(mismatch(`“三公”经费 ${item.name}`, `三公 ${item.key}`, stated, expected, f.at));
    }
  }
  return findings;
}

/** 年初结转和结余 of year N = 年末结转和结余 of year N−1, where the content has both 决算. */
export function carryoverContinues(d: Disclosure, all: readonly Disclosure[]): Finding[] {
  const f = d.finalAccounts;
  const previous = previousFinal(all, d);
  const p = previous?.finalAccounts;
  if (!f || !previous || !p) return [];
  return (['total', ...FISCAL] as const satisfies readonly (keyof FundBalances)[]).flatMap((key): Finding[] =>
    same(f.carryoverIn[key], p.carryoverOut[key])
      ? []
      : [
          finding({
            code: 'final.carryoverMismatch',
            severity: 'error',
            zh: `${d.year}年度年初结转和结余（${key === 'total' ? '合计' : FUND_NAMES[key]}）${wan(f.carryoverIn[key])}，应等于${previous.year}年度决算的年末结转和结余 ${wan(p.carryoverOut[key])}（${previous.files.disclosure}）`,
            en: `${d.year} opening balance (${key}) ${wan(f.carryoverIn[key])} must equal the ${previous.year} closing balance ${wan(p.carryoverOut[key])} (${previous.files.disclosure})`,
            at: f.at,
            expected: wan(p.carryoverOut[key]),
            actual: wan(f.carryoverIn[key]),
          }),
        ],
  );
}

/** A difference between 决算 and 年初预算 without its reason in the 说明's front matter; 三公 spending without its counts. */
export function differencesExplained(d: Disclosure, all: readonly Disclosure[]): Finding[] {
  const comparison = compareBudgetWithFinal(d, all);
  if (!comparison || !d.narrative) return [];
  const at: SourcePosition = { file: d.narrative.file, line: 1, column: 1 };
  const missing = [comparison.total, ...comparison.byItem].filter((l) => l.reasonMissing);
  const findings = missing.map((l) =>
    finding({
      code: 'final.varianceReasonMissing',
      severity: 'warning',
      zh: `${l.name}${l.key === 'total' ? '' : `（${l.key}）`}决算数${l.direction === 'greater' ? '大于' : '小于'}年初预算数，说明须写明主要原因（front matter varianceReasons.${l.key === 'total' ? 'total' : `items.${l.key}`}）`,
      en: `${l.key}: 决算 ${l.direction === 'greater' ? 'exceeds' : 'falls short of'} the 年初预算; the 说明 must give the main reason (front matter varianceReasons)`,
      at,
    }),
  );
  const spent = comparison.threePublic.filter((l) => (l.actual ?? 0) !== 0);
  if (spent.some((l) => l.reasonMissing)) {
    findings.push(
      finding({
        code: 'final.varianceReasonMissing',
        severity: 'warning',
        zh: '“三公”经费决算数与预算数不同，说明须写明主要原因（varianceReasons.threePublic）',
        en: 'the 三公 决算 differs from its 预算: give the reason (varianceReasons.threePublic)',
        at,
      }),
    );
  }
  const counts = d.finalAccounts?.threePublicCounts;
  const need: readonly [string, readonly (keyof NonNullable<typeof counts>)[]][] = [
    ['outboundTravel', ['trips', 'travellers']],
    ['vehiclePurchase', ['vehiclesBought', 'vehiclesHeld']],
    ['vehicleOperation', ['vehiclesHeld']],
    ['reception', ['receptions', 'guests']],
  ];
  for (const [item, keys] of need) {
    if (!spent.some((l) => l.key === item) || !counts) continue;
    const absent = keys.filter((k) => counts[k] === null);
    if (absent.length === 0) continue;
    findings.push(
      finding({
        code: 'final.threePublicCountMissing',
        severity: 'warning',
        zh: `“三公”经费${item}有决算数，须说明 ${absent.join('、')}（finalAccounts.threePublicCounts）`,
        en: `三公 ${item} has spending: state ${absent.join(', ')} (finalAccounts.threePublicCounts)`,
        at: d.finalAccounts?.at ?? at,
      }),
    );
  }
  return findings;
}

/** The 决算 rules for the validator, with every disclosure at hand (its 预算, last year's 决算); `requiredTablesPublished` runs apart, on every disclosure. */
export function finalRulesFor(all: readonly Disclosure[]): (d: Disclosure) => Finding[] {
  return (d) =>
    d.phase !== 'final'
      ? []
      : [...fundsBalance(d), ...initialBudgetTotal(d), ...initialBudgetMatchesBudget(d, all), ...carryoverContinues(d, all), ...differencesExplained(d, all)];
}
