/**
 * An amount cell of an imported sheet as an exact number of 分. A blank stays blank (null), `—`
 * is "not applicable" (kept apart from blank and from 0), `(123)` is −123, a number is taken to
 * the cent of its unit (a binary float is rounded only when it is within a millionth of a cent,
 * never more), and anything else is refused with the cell's address.
 */
import { FEN_PER_UNIT, parseAmount, type Amount, type AmountUnit } from '../money.ts';
import type { SheetCell } from './sheet.ts';

export type AmountRead =
  | { readonly ok: true; readonly value: Amount; readonly dash: boolean }
  | { readonly ok: false; readonly reason: 'notANumber' | 'tooManyDecimals' | 'formula'; readonly text: string };

const DASHES = /^[—–\-－―]+$/u;

/** A number in `unit` as 分, or null when it has more than two decimals. */
export function numberToFen(value: number, unit: AmountUnit): number | null {
  const cents = value * 100;
  const rounded = Math.round(cents);
  if (Math.abs(cents - rounded) > 1e-6 * Math.max(1, Math.abs(cents)) && Math.abs(cents - rounded) > 1e-4) return null;
  // 分 per unit / 100: 元 → 1, 万元 → 10,000.
  return (rounded * FEN_PER_UNIT[unit]) / 100;
}

export function readAmountCell(cell: SheetCell | undefined, unit: AmountUnit): AmountRead {
  if (!cell) return { ok: true, value: null, dash: false };
  const v = cell.value;
  if (v.kind === 'blank') return { ok: true, value: null, dash: false };
  if (v.kind === 'formula') return { ok: false, reason: 'formula', text: `=${v.formula}` };
  if (v.kind === 'number') {
    const fen = numberToFen(v.value, unit);
    return fen === null ? { ok: false, reason: 'tooManyDecimals', text: String(v.value) } : { ok: true, value: fen, dash: false };
  }
  const text = v.value.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
  if (text === '') return { ok: true, value: null, dash: false };
  if (DASHES.test(text)) return { ok: true, value: null, dash: true };
  const negative = /^[(（].*[)）]$/u.test(text);
  const parsed = parseAmount(negative ? text.slice(1, -1) : text, unit);
  if (!parsed.ok) return { ok: false, reason: parsed.reason === 'tooManyDecimals' ? 'tooManyDecimals' : 'notANumber', text };
  const value = parsed.value === null ? null : negative ? -parsed.value : parsed.value;
  return { ok: true, value, dash: false };
}
