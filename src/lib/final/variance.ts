/**
 * Budget against final: 完成率 = 决算数 / 年初预算数, and the sentence the 决算 rules require about
 * the difference ("决算数大于（小于）预算数的主要原因：…", "持平" when equal). A rate is never given
 * for a zero or blank budget: a percentage of nothing means nothing, and the sentence says so.
 * Exact arithmetic on 分 (BigInt): a rate is rounded once, half up, to 0.01%.
 */
import type { Amount } from '../money.ts';

export type Completion =
  | { readonly kind: 'rate'; /** hundredths of a percent: 9820 = 98.20% */ readonly basisPoints: number; readonly text: string }
  | { readonly kind: 'noBudget'; readonly budget: 'zero' | 'blank' };

export function completion(budget: Amount, actual: Amount): Completion {
  if (budget === null) return { kind: 'noBudget', budget: 'blank' };
  if (budget === 0) return { kind: 'noBudget', budget: 'zero' };
  const numerator = BigInt(actual ?? 0) * 10000n;
  const denominator = BigInt(budget);
  // Half up, for positive and negative amounts alike.
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const rounded = ((abs(numerator) * 2n + abs(denominator)) / (abs(denominator) * 2n)) * sign;
  const basisPoints = Number(rounded);
  const whole = Math.trunc(Math.abs(basisPoints) / 100);
  const cents = String(Math.abs(basisPoints) % 100).padStart(2, '0');
  return { kind: 'rate', basisPoints, text: `${basisPoints < 0 ? '-' : ''}${whole}.${cents}%` };
}

export type Direction = 'greater' | 'less' | 'equal';

/** Whether 决算数 is more than, less than or equal to 年初预算数 (blank counts as nothing spent or arranged). */
export const direction = (budget: Amount, actual: Amount): Direction => {
  const [b, a] = [budget ?? 0, actual ?? 0];
  return a > b ? 'greater' : a < b ? 'less' : 'equal';
};

export interface VarianceSentence {
  /** The sentence as the 说明 prints it. */
  readonly text: string;
  /** True when 决算 and 预算 differ and no reason was given (the check reports it). */
  readonly reasonMissing: boolean;
}

/** `完成年初预算的98.20%` or, without a budget, why there is no rate. */
export function completionClause(budget: Amount, actual: Amount): string {
  const c = completion(budget, actual);
  if (c.kind === 'rate') return `完成年初预算的${c.text}`;
  return c.budget === 'zero' ? '年初预算为0，不计算完成率' : '未列年初预算，不计算完成率';
}

/** "决算数大于（小于）预算数的主要原因：…", "决算数与预算数持平。" */
export function varianceSentence(budget: Amount, actual: Amount, reason: string | undefined): VarianceSentence {
  const d = direction(budget, actual);
  if (d === 'equal') return { text: '决算数与预算数持平。', reasonMissing: false };
  const word = d === 'greater' ? '大于' : '小于';
  const because = reason?.replace(/^主要原因[是：:]?/u, '').replace(/[。.]$/u, '');
  return because ? { text: `决算数${word}预算数的主要原因：${because}。`, reasonMissing: false } : { text: `决算数${word}预算数。`, reasonMissing: true };
}
