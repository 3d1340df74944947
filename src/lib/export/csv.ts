/**
 * CSV downloads: RFC 4180 text. A table's CSV starts with a UTF-8 byte-order mark, so Excel on
 * Chinese Windows opens it as UTF-8 instead of guessing GBK and showing mojibake; the open data
 * has none, as its datapackage.json declares `utf-8` and Data Package readers take a BOM for part
 * of the first column's name.
 *
 * Every string handed to {@link toCsv} is text and is neutralised against spreadsheet formula
 * injection; only values wrapped with {@link decimal} are written as numbers. Safety is the
 * default, and a caller has to say "this is a number" on purpose (amount cells do, via
 * {@link amountField}), which is how a real negative amount such as -3.50 stays a number while a
 * project called `-3.50` or `=HYPERLINK(…)` is neutralised.
 */
import { formatAmount, type Amount, type AmountUnit } from '../money.ts';
import type { Cell, Table } from '../tables/model.ts';

/** UTF-8 byte-order mark, written as the first character of every CSV. */
export const BOM = '\uFEFF';

/** A number written as-is: a plain decimal string such as `-3.50` or `896.28`. */
export interface CsvDecimal {
  readonly decimal: string;
}

/** A CSV field: text (neutralised) or a number. */
export type CsvField = string | CsvDecimal;

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Marks a plain decimal string as a number field; anything else is a programming error. */
export function decimal(text: string): CsvDecimal {
  if (!PLAIN_DECIMAL.test(text)) throw new Error(`not a plain decimal number: ${JSON.stringify(text)}`);
  return { decimal: text };
}

/** An amount cell in 万元 with two decimals, as the tables print it; an empty cell stays empty (not 0). */
/** An amount as a CSV number in the unit its table prints (万元 by default), never grouped. */
export const amountField = (amount: Amount, unit: AmountUnit = '万元', decimals: 0 | 2 = 2): CsvField =>
  amount === null ? '' : decimal(formatAmount(amount, unit, decimals));

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV Injection"): = + - @,
 * and tab / carriage return, which some spreadsheets strip before looking for one of the others;
 * also their full-width and small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫), which spreadsheets in Chinese
 * locales read as the ASCII ones, and any of them after leading spaces or invisible characters
 * (a space or a zero-width space before `=`), which spreadsheets skip when they look.
 */
const FORMULA_START = /^[\s\u00a0\u200b-\u200f\u2060\ufeff\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]|^[\t\r]/u;

/**
 * Neutralises text that a spreadsheet would run as a formula by prefixing a single quote, the
 * OWASP recommendation: Excel and LibreOffice then show the text instead of evaluating it. Also
 * used by the XLSX writer, so a cell reads the same in both downloads.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

function escapeField(field: CsvField): string {
  const text = typeof field === 'string' ? neutraliseFormula(field) : field.decimal;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as RFC 4180 CSV: CRLF line ends (also after the last record), fields quoted only
 * when they hold a quote, comma or line break, quotes doubled; prefixed by the BOM unless
 * `bom: false` (the open data, whose datapackage.json declares plain `utf-8`).
 */
export function toCsv(rows: readonly (readonly CsvField[])[], options: { readonly bom?: boolean } = {}): string {
  return (options.bom === false ? '' : BOM) + rows.map((row) => `${row.map(escapeField).join(',')}\r\n`).join('');
}

/**
 * A table cell as a CSV field. Codes are written plainly as text (`001001`), never as the
 * `="001001"` trick: that trick keeps Excel from dropping the zeros but puts a formula into the
 * open data, which every other reader (pandas, R, databases) would then take literally. Excel
 * users who need the zeros have the XLSX workbook, where codes are typed as text.
 */
export function cellField(cell: Cell, table?: Pick<Table, 'amountUnit' | 'decimals'>): CsvField {
  return cell.kind === 'amount' ? amountField(cell.value, table?.amountUnit, table?.decimals) : cell.value;
}
