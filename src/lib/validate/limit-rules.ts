/**
 * Limits on amounts, checked before any table is built: every sum the engine forms must stay an
 * exact safe integer of 分, so a disclosure whose amounts could overflow one (two rows of
 * 5,000,000,000 万元) is refused with a finding at the row where the running total passes the
 * limit — instead of an uncaught `RangeError` from deep inside a table builder.
 */
import { finding, type Finding, type SourcePosition } from '../findings.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { formatWanGrouped, type Amount } from '../money.ts';
import type { RuleContext } from './rule.ts';

/**
 * The most a disclosure's amounts may add up to (absolute values): 10 万亿元 = 10^15 分. A whole
 * province's budget is below it; at most 9 such disclosures summed stay safe integers.
 */
export const MAX_DISCLOSURE_FEN = 1_000_000_000_000_000;

/** Every amount of a disclosure with where it is written. */
function* amountsOf(d: Disclosure, context: RuleContext): Generator<[Amount, () => SourcePosition]> {
  for (const row of d.ledger) yield [row.amount, () => context.fieldPosition(row.at, 'amount')];
  for (const line of d.income) yield [line.amount, () => context.fieldPosition(line.at, 'amount')];
  for (const line of d.carryoverOut) yield [line.amount, () => context.fieldPosition(line.at, 'amount')];
  for (const form of d.projectForms) {
    yield [form.amount, () => context.fieldPosition(form.at, 'amount')];
    yield [form.funding.fiscal, () => context.fieldPosition(form.at, 'funding', 'fiscal')];
    yield [form.funding.other, () => context.fieldPosition(form.at, 'funding', 'other')];
  }
  const unit = d.unitForm;
  if (unit) for (const [line, amount] of Object.entries(unit.budget)) yield [amount, () => context.fieldPosition(unit.at, 'budget', line)];
}

/** `amount.totalTooLarge` at the first amount that takes the disclosure's total past the limit. */
export function amountTotalWithinLimit(d: Disclosure, context: RuleContext): Finding[] {
  let total = 0;
  for (const [amount, where] of amountsOf(d, context)) {
    if (amount === null) continue;
    total += Math.abs(amount);
    if (total > MAX_DISCLOSURE_FEN) {
      return [
        finding({
          code: 'amount.totalTooLarge',
          severity: 'error',
          zh: `本公开的金额累计超过上限 ${formatWanGrouped(MAX_DISCLOSURE_FEN)} 万元（10 万亿元），到这一行为止：金额是否多写了位数，或按“元”填入了声明为“万元”的文件？`,
          en: `the amounts of this disclosure add up past the limit of ${formatWanGrouped(MAX_DISCLOSURE_FEN)} 万元 at this row: is a figure typed with extra digits, or in 元 in a file declared 万元?`,
          at: where(),
          expected: `合计 ≤ ${formatWanGrouped(MAX_DISCLOSURE_FEN)} 万元`,
        }),
      ];
    }
  }
  return [];
}
