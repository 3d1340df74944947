/**
 * Sums inside the performance forms themselves, which hold with or without a ledger: a form's
 * parts must add up to its totals. Warnings, not errors: forms are transcribed as published, and
 * when the publisher's own arithmetic is off (seed 002 prints 财政拨款 921.83 万元 beside 人员经费,
 * 公用经费 and 项目支出 that add up to 921.84) the site shows what was printed; the clerk confirms
 * it against the original.
 * A sum is checked only when the form prints every figure in it.
 */
import { finding, type Finding, type SourcePosition } from '../findings.ts';
import type { UnitForm } from '../disclosure/model.ts';
import { formatWan, sumAmounts, type Amount } from '../money.ts';
import type { DisclosureRule, RuleContext } from './rule.ts';

const wan = (amount: number): string => `${formatWan(amount)} 万元`;
const printed = (amounts: readonly Amount[]): amounts is number[] => amounts.every((a) => a !== null);

function sumFinding(zh: string, en: string, total: number, parts: number, at: SourcePosition): Finding {
  return finding({
    code: 'form.sumMismatch',
    severity: 'warning',
    zh: `绩效目标表${zh}：合计 ${wan(total)}，分项之和 ${wan(parts)}（请与原表核对）`,
    en: `performance form ${en}: total ${wan(total)}, parts add up to ${wan(parts)} (check against the original)`,
    at,
    expected: wan(parts),
    actual: wan(total),
  });
}

/** 项目支出绩效目标表: 其中财政拨款 + 其他资金 = 年度金额, when the form splits the amount. */
export const projectFormFundingAddsUp: DisclosureRule = (d, context) =>
  d.projectForms.flatMap((form) => {
    const { fiscal, other } = form.funding;
    if (form.amount === null || (fiscal === null && other === null)) return [];
    const parts = (fiscal ?? 0) + (other ?? 0);
    if (parts === form.amount) return [];
    return [
      sumFinding(
        `“${form.name || form.id}”的资金来源`,
        `"${form.name || form.id}" funding sources`,
        form.amount,
        parts,
        context.fieldPosition(form.at, 'amount'),
      ),
    ];
  });

/** The sums of 整体支出绩效目标表 预算情况: sources make up the total; 基本 + 项目 make it up too; 人员 + 公用 make up 基本. */
function unitBudgetSums(
  b: UnitForm['budget'],
): readonly (readonly [line: keyof UnitForm['budget'], zh: string, en: string, total: Amount, parts: readonly Amount[]])[] {
  const total = b.total ?? b.fiscalAppropriation;
  const totalLine = b.total === null ? 'fiscalAppropriation' : 'total';
  const basic = b.basic ?? (b.personnel !== null && b.operating !== null ? b.personnel + b.operating : null);
  return [
    ['total', '按收入性质分', 'by source', b.total, [b.generalBudget, b.govFund, b.specialAccount, b.other]],
    [totalLine, '按支出性质分（基本支出 + 项目支出）', 'by kind (basic + project)', total, [basic, b.project]],
    ['basic', '基本支出（人员经费 + 公用经费）', 'basic (personnel + operating)', b.basic, [b.personnel, b.operating]],
  ];
}

export const unitFormBudgetAddsUp: DisclosureRule = (d, context: RuleContext) => {
  const form = d.unitForm;
  if (!form) return [];
  return unitBudgetSums(form.budget).flatMap(([line, zh, en, total, parts]) => {
    if (total === null || !printed(parts)) return [];
    const sum = sumAmounts(parts) ?? 0;
    return sum === total ? [] : [sumFinding(`“预算情况”${zh}`, `budget ${en}`, total, sum, context.fieldPosition(form.at, 'budget', line))];
  });
};

export const FORM_RULES: readonly DisclosureRule[] = [projectFormFundingAddsUp, unitFormBudgetAddsUp];
