/**
 * How figures read in prose: shares and year-on-year changes as the official 说明 print them
 * (“占88.17%”, “比上年增加0.50万元，增长1.75%”). Percentages are computed from exact 分 in
 * integers, so the same amounts always print the same percentage.
 */
import { formatWan, type Fen } from '../money.ts';
import type { DisclosurePhase } from '../disclosure/model.ts';
import { t } from './strings.ts';

/** `part` as a percentage of `whole` with two decimals (`88.17%`), or '' when `whole` is zero. */
export function formatPercent(part: Fen, whole: Fen): string {
  if (whole === 0) return '';
  // Hundredths of a percent, rounded half away from zero, in exact integer arithmetic.
  const numerator = BigInt(part) * 10_000n * 2n;
  const denominator = BigInt(whole);
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const magnitude = (abs(numerator) / abs(denominator) + 1n) / 2n;
  const whole100 = magnitude / 100n;
  const cents = String(magnitude % 100n).padStart(2, '0');
  return `${negative ? '-' : ''}${whole100}.${cents}%`;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

export type ChangeDirection = 'up' | 'down' | 'same';

export interface Change {
  readonly direction: ChangeDirection;
  /** The absolute difference in 分. */
  readonly amount: Fen;
  /** The change as a percentage of last year's amount, or '' when last year's was zero. */
  readonly percent: string;
}

/** How `current` differs from `previous`; empty cells count as zero, as prose says “0万元”. */
export function changeBetween(current: Fen | null, previous: Fen | null): Change {
  const now = current ?? 0;
  const before = previous ?? 0;
  const difference = now - before;
  const direction: ChangeDirection = difference > 0 ? 'up' : difference < 0 ? 'down' : 'same';
  const amount = Math.abs(difference);
  return { direction, amount, percent: before === 0 ? '' : formatPercent(amount, Math.abs(before)) };
}

/** The change as the 说明 phrase it after “比上年”: `增加0.50万元，增长1.75%`, `减少…，下降…`, `持平`. */
export function formatChange(change: Change): string {
  if (change.direction === 'same') return t('change.same');
  const up = change.direction === 'up';
  const amount = t(up ? 'change.up' : 'change.down', { amount: formatWan(change.amount) });
  return change.percent === '' ? amount : amount + t(up ? 'change.upRate' : 'change.downRate', { percent: change.percent });
}

/** `表N` for a table its template numbers, '' for one it prints without a number. */
export const tableNumberLabel = (table: { readonly number: number | null }): string =>
  table.number === null ? '' : t('table.number', { number: table.number });

/** How links and captions name a table: its number where the template prints one, else its title. */
export const tableShortName = (table: { readonly number: number | null; readonly title: string }): string => tableNumberLabel(table) || table.title;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The ordinal a printed line starts with, `1` → 一, `14` → 十四, `26` → 二十六 (1–99). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 0 ? '' : `${tens === 1 ? '' : DIGITS[tens]}十`}${DIGITS[n % 10]}`;
}

/** The phase as the documents name it: 预算 or 决算. */
export const phaseWord = (d: { readonly phase: DisclosurePhase }): string => t(d.phase === 'final' ? 'phase.final' : 'phase.budget');
