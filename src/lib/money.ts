/**
 * Exact money. Every amount inside gongkai is a safe integer count of 分 (fen, 0.01 元),
 * whatever unit the content file declared, so sums never touch floating point and a
 * 元 file and a 万元 file can be compared. `null` is an empty cell, which is not zero.
 */

/** An amount in 分 (0.01 元). Always a safe integer. */
export type Fen = number;

/** An amount cell: a number of 分, or `null` when the cell is empty (nothing arranged). */
export type Amount = Fen | null;

/** The units a content file may declare its amounts in. */
export const AMOUNT_UNITS = ['元', '万元'] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

/** How many 分 one unit holds. */
export const FEN_PER_UNIT: Readonly<Record<AmountUnit, number>> = { 元: 100, 万元: 1_000_000 };

/** Decimal places a unit may carry: 元 to the 分, 万元 to the 0.01 万元 the official forms print. */
export const MAX_DECIMALS: Readonly<Record<AmountUnit, number>> = { 元: 2, 万元: 2 };

export type AmountParse =
  | {
      readonly ok: true;
      /** The amount, or null for an empty cell. */
      readonly value: Amount;
      /** The plain ASCII spelling the input was normalised to ('' when empty). */
      readonly normalised: string;
      /** What had to be normalised (full-width digits, thousands separators …); empty when the input was already plain. */
      readonly adjustments: readonly AmountAdjustment[];
    }
  | { readonly ok: false; readonly reason: AmountError; readonly normalised: string };

export type AmountAdjustment = 'fullWidth' | 'whitespace' | 'thousandsSeparator';
export type AmountError = 'notANumber' | 'tooManyDecimals' | 'tooLarge';

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
// Full-width ．，－＋ as pasted from Chinese office documents.
const FULL_WIDTH_PUNCT: Readonly<Record<string, string>> = { '．': '.', '，': ',', '－': '-', '＋': '+', '。': '.' };
const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Parses an amount as a clerk types or pastes it: `66`, `66　`, `６６`, `1,234.56`, `-3.5`.
 * Numbers from YAML must arrive as their source text (the loader keeps it), never as floats.
 */
export function parseAmount(input: string | number | null | undefined, unit: AmountUnit): AmountParse {
  if (input === null || input === undefined) return { ok: true, value: null, normalised: '', adjustments: [] };
  const adjustments = new Set<AmountAdjustment>();
  let text = String(input);
  const trimmed = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (trimmed !== text) adjustments.add('whitespace');
  text = trimmed;
  if (text === '') return { ok: true, value: null, normalised: '', adjustments: [...adjustments] };

  const halfWidth = text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．，－＋。]/g, (c) => FULL_WIDTH_PUNCT[c] ?? c);
  if (halfWidth !== text) adjustments.add('fullWidth');
  text = halfWidth;

  if (GROUPED_NUMBER.test(text)) {
    text = text.replace(/,/g, '');
    adjustments.add('thousandsSeparator');
  }
  if (!PLAIN_NUMBER.test(text)) return { ok: false, reason: 'notANumber', normalised: text };

  const negative = text.startsWith('-');
  const unsigned = text.replace(/^[-+]/, '');
  const [whole = '0', fraction = ''] = unsigned.split('.');
  if (fraction.length > MAX_DECIMALS[unit]) return { ok: false, reason: 'tooManyDecimals', normalised: text };

  const scale = FEN_PER_UNIT[unit];
  const fractionDigits = Math.log10(scale);
  const fen = Number(whole) * scale + Number(fraction.padEnd(fractionDigits, '0') || '0');
  if (!Number.isSafeInteger(fen)) return { ok: false, reason: 'tooLarge', normalised: text };
  const value = negative && fen !== 0 ? -fen : fen;
  const normalised = (negative ? '-' : '') + whole.replace(/^0+(?=\d)/, '') + (fraction ? `.${fraction}` : '');
  return { ok: true, value, normalised, adjustments: [...adjustments] };
}

/** Sum of amounts; empty cells are skipped, and the sum of only empty cells is empty. */
export function sumAmounts(amounts: Iterable<Amount>): Amount {
  let total: Amount = null;
  for (const amount of amounts) {
    if (amount === null) continue;
    total = (total ?? 0) + amount;
  }
  if (total !== null && !Number.isSafeInteger(total)) throw new RangeError('amount sum exceeds safe integer range');
  return total;
}

/**
 * Rounds fen to a multiple of `step` fen, half away from zero, in integers.
 * Official forms round each printed cell on its own; gongkai does the same.
 */
function roundToStep(fen: Fen, step: number): number {
  const magnitude = Math.abs(fen);
  const steps = Math.floor(magnitude / step) + (magnitude % step >= step / 2 ? 1 : 0);
  return Math.sign(fen) * steps;
}

/** Formats an amount in 万元 with two decimals, as the official forms print it (`896.28`). Empty stays ''. */
export function formatWan(amount: Amount): string {
  if (amount === null) return '';
  const hundredths = roundToStep(amount, 10_000); // 0.01 万元 = 100 元 = 10,000 分
  return formatHundredths(hundredths);
}

/**
 * Formats an amount as a table prints it: in its unit, with its decimals, thousands grouped when
 * asked (Shanghai's 元 tables print `156,211,123`). A 元 amount with 分 never loses them: a
 * whole-元 document with a 分 amount shows two decimals rather than a rounded figure.
 */
export function formatAmount(amount: Amount, unit: AmountUnit, decimals: 0 | 2, grouped = false): string {
  if (amount === null) return '';
  const plain = unit === '万元' ? formatWan(amount) : decimals === 0 && amount % 100 === 0 ? String(amount / 100) : formatYuan(amount);
  return grouped ? plain.replace(/^(-?)(\d+)/, (_m, sign: string, digits: string) => sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')) : plain;
}

/** Formats an amount in 元 with two decimals (`100000.00`). Empty stays ''. */
export function formatYuan(amount: Amount): string {
  if (amount === null) return '';
  return formatHundredths(amount);
}

function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const magnitude = Math.abs(hundredths);
  const whole = Math.floor(magnitude / 100);
  const cents = String(magnitude % 100).padStart(2, '0');
  return `${sign}${whole}.${cents}`;
}

/** Formats 万元 with thousands separators for reading (`1,234.56`); tables and CSV use {@link formatWan}. */
export function formatWanGrouped(amount: Amount): string {
  const plain = formatWan(amount);
  return plain.replace(/^(-?)(\d+)/, (_m, sign: string, digits: string) => sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}

/** Converts whole 万元 given as a decimal string in tests and fixtures to fen, strictly. */
export function wan(text: string): Fen {
  const parsed = parseAmount(text, '万元');
  if (!parsed.ok || parsed.value === null) throw new Error(`not a 万元 amount: ${text}`);
  return parsed.value;
}
