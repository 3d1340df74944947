/**
 * Amount rules the loader cannot apply while reading one value: they need the row around it.
 */
import { finding, type Finding } from '../findings.ts';
import { formatWan } from '../money.ts';
import type { DisclosureRule } from './rule.ts';

/** A negative ledger amount (a correction, a refund) must say why in `reason`; otherwise it is a typo. */
export const negativeAmountNeedsReason: DisclosureRule = (d, context) =>
  d.ledger
    .filter((row) => row.amount < 0 && (row.reason === undefined || row.reason.trim() === ''))
    .map((row): Finding =>
      finding({
        code: 'amount.negativeWithoutReason',
        severity: 'error',
        zh: `明细行金额为负数（${formatWan(row.amount)} 万元），须在 reason 中说明原因`,
        en: `the ledger row has a negative amount (${formatWan(row.amount)} 万元) and no reason`,
        at: context.fieldPosition(row.at, 'amount'),
        expected: 'reason: <原因 / why the amount is negative>',
        actual: formatWan(row.amount),
      }),
    );

export const AMOUNT_RULES: readonly DisclosureRule[] = [negativeAmountNeedsReason];
