/**
 * Detectors for personal data in text that would be published: mobile numbers, 18-digit
 * resident ID-card numbers (GB 11643) and personal e-mail addresses. Pure string functions;
 * `privacy.ts` turns their matches into positioned findings.
 *
 * Each detector reports where the value starts in the text (a UTF-16 offset, as JavaScript and
 * the YAML parser count) and the value as written. Full-width digits (０–９) are read as digits
 * first, which keeps every offset, because clerks paste numbers from office documents.
 */

export type PersonalDataKind = 'mobileNumber' | 'idCardNumber' | 'personalEmail';

export interface PersonalDataMatch {
  readonly kind: PersonalDataKind;
  /** Offset of the value in the text. */
  readonly offset: number;
  /** The value exactly as written. */
  readonly value: string;
}

const toHalfWidthDigits = (text: string): string => text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));

/**
 * Characters that print as nothing (zero-width spaces and joiners, word joiner, soft hyphen,
 * byte-order mark, bidi controls): dropped before scanning, so `139\u200b1234…` is read as the
 * digits a reader sees.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
/** Dashes of every width, read as `-`. */
const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
/** Spaces of every width that a reader cannot tell from a space (no-break, ideographic, thin …). */
const SPACE = /[\u0020\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
/**
 * Chinese numerals read as digits (`一三九…`, `壹叁玖…`): a number spelled out this way is still
 * the number. Only runs of digits are ever reported, so `一般` or `三公` mean nothing here.
 */
const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  壹: '1',
  幺: '1',
  二: '2',
  贰: '2',
  两: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};
/** Ideographic and other full stops, read as `.` (`zhang@qq。com`). */
const FULL_STOP = /[\u3002\uFF61\uFF0E]/;

/**
 * The text as a reader sees it, with an offset map back into the original: full-width forms
 * read as ASCII (NFKC: `１３９`, `＠`, `＋`, `（`), every space (no-break, ideographic, thin)
 * as a plain space, dashes as `-`, full stops as `.`, invisible characters dropped, and the
 * spelled-out e-mail forms `(at)`, `[at]`, ` at `, `(dot)` … read as `@` and `.`.
 */
export function readableText(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(code);
    const width = char.length;
    if (INVISIBLE.test(char)) continue;
    // Horizontal spaces only: a tab or a line break ends a number (columns of a pasted table are not one number).
    let mapped = DASH.test(char) ? '-' : FULL_STOP.test(char) ? '.' : SPACE.test(char) ? ' ' : (CHINESE_DIGITS[char] ?? char.normalize('NFKC'));
    if (mapped.length === 0) mapped = char;
    for (let k = 0; k < mapped.length; k++) {
      out += mapped[k];
      origin.push(i);
    }
    if (width === 2) i++;
  }
  return spelledOut(out, origin);
}

const AT_WORD = /\s*[([{<（【]\s*at\s*[)\]}>）】]\s*|(?<=[A-Za-z0-9])\s+at\s+(?=[A-Za-z0-9])/gi;
const DOT_WORD = /\s*[([{<（【]\s*(?:dot|\.|点)\s*[)\]}>）】]\s*|(?<=[A-Za-z0-9])\s+dot\s+(?=[A-Za-z0-9])/gi;

function spelledOut(text: string, origin: number[]): { text: string; origin: number[] } {
  let current = { text, origin };
  for (const [pattern, replacement] of [
    [AT_WORD, '@'],
    [DOT_WORD, '.'],
  ] as const) {
    let out = '';
    const map: number[] = [];
    let last = 0;
    // Loops, not push(...slice): a spread of a long file's offsets would overflow the stack.
    const keep = (from: number, to: number) => {
      for (let k = from; k < to; k++) map.push(current.origin[k] ?? 0);
    };
    for (const m of current.text.matchAll(pattern)) {
      out += current.text.slice(last, m.index);
      keep(last, m.index);
      out += replacement;
      map.push(current.origin[m.index] ?? 0);
      last = m.index + m[0].length;
    }
    out += current.text.slice(last);
    keep(last, current.text.length);
    current = { text: out, origin: map };
  }
  return current;
}

/**
 * What may stand between the digits of one written number: spaces, `-` `.` `/`, brackets, and
 * the `*` `_` `~` of Markdown emphasis (`151**1549**1234` prints as one number). At most
 * {@link MAX_SEPARATOR} of them in a row. Not `+` (`30101+30102+…` is a sum of codes) nor `,`
 * (thousands). A tab only between the usual groups of a phone number (see {@link classify}):
 * elsewhere it separates the columns of a pasted table.
 */
const SEPARATOR = /[ \t\-./\\()[\]*_~·]/;
const MAX_SEPARATOR = 3;

interface DigitGroup {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
}

/** Runs of digit groups joined by separators, each group `\d+` (an ID's final `X` included). */
function digitRuns(text: string): DigitGroup[][] {
  const runs: DigitGroup[][] = [];
  let run: DigitGroup[] = [];
  for (const m of text.matchAll(/\d+(?:[Xx](?![A-Za-z0-9]))?/g)) {
    const group = { start: m.index, end: m.index + m[0].length, digits: m[0].toUpperCase() };
    const previous = run[run.length - 1];
    const gap = previous ? text.slice(previous.end, group.start) : '';
    const joined = previous && !previous.digits.endsWith('X') && gap.length <= MAX_SEPARATOR && [...gap].every((c) => SEPARATOR.test(c));
    if (!joined && run.length > 0) {
      runs.push(run);
      run = [];
    }
    run.push(group);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

const MOBILE_DIGITS = /^1[3-9]\d{9}$/;

/** The first two digits of every GB/T 2260 province-level code. */
const PROVINCE_CODES = new Set('11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '));

/** The 11 mobile digits of a window's digits, allowing a country prefix 86 / 0086. */
function mobileDigits(digits: string, prefixed: boolean): string | undefined {
  if (MOBILE_DIGITS.test(digits)) return digits;
  for (const prefix of ['0086', '86']) {
    // A bare 86 glued to the number (`8613912345678`) is as likely an amount in 分: only taken
    // with a `+`, a `00`, or a separator after it.
    if (digits.startsWith(prefix) && MOBILE_DIGITS.test(digits.slice(prefix.length)) && (prefix === '0086' || prefixed)) return digits.slice(prefix.length);
  }
  return undefined;
}

/**
 * Whether a 15-digit number is a first-generation resident ID (before 1999): a real province
 * code (GB/T 2260), a real birth date 19YYMMDD in digits 7–12, three digits of sequence. It has
 * no check digit, so both conditions are needed to keep other 15-digit numbers out.
 */
export function isOldIdCardNumber(value: string): boolean {
  if (!/^\d{15}$/.test(value) || !PROVINCE_CODES.has(value.slice(0, 2))) return false;
  const [year, month, day] = [1900 + Number(value.slice(6, 8)), Number(value.slice(8, 10)), Number(value.slice(10, 12))];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What a window of digit groups is, if anything personal. */
function classify(text: string, run: readonly DigitGroup[], a: number, b: number): PersonalDataKind | undefined {
  const window = run.slice(a, b + 1);
  const digits = window.map((g) => g.digits).join('');
  if (window.slice(0, -1).some((g) => g.digits.endsWith('X'))) return undefined;
  // Written numbers are grouped as people group them: digit by digit, or in groups of two or
  // more (a country code 86 aside). `199 0 0 0 221` is columns of figures, not a number.
  const body = window.length > 1 && ['86', '0086'].includes(window[0]?.digits ?? '') ? window.slice(1) : window;
  if (body.length > 1 && !body.every((g) => g.digits.length === 1) && !body.every((g) => g.digits.length >= 2)) return undefined;
  const sizes = body.map((g) => g.digits.length).join(',');
  const tabbed = window.some((g, i) => i > 0 && text.slice(window[i - 1]?.end ?? 0, g.start).includes('\t'));
  if (tabbed && !['3,4,4', '3,8', '7,4', '4,7'].includes(sizes)) return undefined;
  // A decimal amount (`13.50 12.00`) is no phone: a `.` followed by one or two digits (digit by digit `1.3.9…` aside).
  const spaced = window.length > 1 && window.every((g) => g.digits.length === 1);
  for (let i = 1; i < window.length && !spaced; i++) {
    const gap = text.slice(window[i - 1]?.end ?? 0, window[i]?.start ?? 0);
    if (gap.includes('.') && (window[i]?.digits.length ?? 0) <= 2) return undefined;
  }
  const first = window[0];
  const before = first ? text.slice(Math.max(0, first.start - 3), first.start) : '';
  if (/\d\.$/.test(before)) return undefined; // the digits after a decimal point
  const prefixed = before.endsWith('+') || window.length > 1;
  if (!digits.includes('X') && mobileDigits(digits, prefixed) !== undefined) return 'mobileNumber';
  if (digits.length === 18 && isIdCardNumber(digits)) return 'idCardNumber';
  if (digits.length === 15 && isOldIdCardNumber(digits)) return 'idCardNumber';
  return undefined;
}

/** Mobile and ID numbers in readable text: the longest window of each run that is one, left to right. */
function personalNumbers(text: string): { kind: PersonalDataKind; start: number; end: number }[] {
  const found: { kind: PersonalDataKind; start: number; end: number }[] = [];
  for (const run of digitRuns(text)) {
    for (let a = 0; a < run.length; a++) {
      let digits = 0;
      let matched = false;
      const ends: number[] = [];
      for (let b = a; b < run.length && b - a < 20; b++) {
        digits += run[b]?.digits.length ?? 0;
        if (digits > 19) break;
        ends.push(b);
      }
      for (const b of ends.reverse()) {
        const kind = classify(text, run, a, b);
        if (!kind) continue;
        // A `+` right before the country code belongs to the number as written.
        const start = (run[a]?.start ?? 0) - (text[(run[a]?.start ?? 0) - 1] === '+' ? 1 : 0);
        found.push({ kind, start, end: run[b]?.end ?? 0 });
        a = b;
        matched = true;
        break;
      }
      if (matched) continue;
    }
  }
  return found;
}

/**
 * Domains whose mailboxes belong to an organisation, not a person: government (`gov.cn`, `gov`),
 * Party and people's organisations and non-profits registered under `org.cn`, education and
 * research (`edu.cn`, `ac.cn`, `edu`), the military (`mil.cn`) and international organisations
 * (`int`). Every other domain — free mail (qq.com, 163.com …), company and personal domains — is
 * treated as personal: an office mailbox there is published by listing it in `privacyAllowList`.
 */
export const ORGANISATION_EMAIL_SUFFIXES: readonly string[] = ['gov.cn', 'org.cn', 'edu.cn', 'ac.cn', 'mil.cn', 'gov', 'edu', 'int'];

export function isOrganisationDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  return ORGANISATION_EMAIL_SUFFIXES.some((suffix) => lower === suffix || lower.endsWith(`.${suffix}`));
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARACTERS = '10X98765432';

/** The GB 11643 check character of an 18-digit ID number: weighted sum of the first 17 digits mod 11. */
export function idCardCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARACTERS[sum % 11] ?? '';
}

/**
 * Whether 18 characters are a well-formed resident ID number: its check character matches and its
 * digits 7–14 are a real birth date (1900–2099). Both conditions keep long codes that merely have
 * 18 digits (document numbers, 分 amounts) from being reported.
 */
export function isIdCardNumber(value: string): boolean {
  const id = toHalfWidthDigits(value).toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (idCardCheckCharacter(id.slice(0, 17)) !== id[17]) return false;
  const [year, month, day] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  if (year < 1900 || year > 2099) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A pragmatic e-mail shape on readable text: dotted local part, `@` (spaces around it allowed), dotted domain with a 2+ letter top-level label. */
const EMAIL = /(?<![\w.+-])([A-Za-z0-9._%+-]+) ?@ ?((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?![\w-])/g;

/**
 * Every personal value in `text`, in order of position, however it is spelled: separators of
 * any width (`139.1234.5678`, `139／1234／5678`, `139　1234　5678`, `(139)1234-5678`), spaced
 * digits, a `+86`/`0086` prefix, invisible characters inside, Markdown emphasis between groups;
 * 18- and 15-digit ID numbers, also grouped; e-mail written with `(at)`, `＠`, `。`.
 * Offsets and values refer to `text` as given.
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const readable = readableText(text);
  const matches: PersonalDataMatch[] = [];
  const original = (start: number, end: number) => {
    const from = readable.origin[start] ?? 0;
    const to = (readable.origin[end - 1] ?? from) + 1;
    const last = text.codePointAt(to - 1) ?? 0;
    return { offset: from, value: text.slice(from, last > 0xffff ? to + 1 : to) };
  };
  for (const n of personalNumbers(readable.text)) matches.push({ kind: n.kind, ...original(n.start, n.end) });
  for (const m of readable.text.matchAll(EMAIL)) {
    if (!isOrganisationDomain(m[2] ?? '')) matches.push({ kind: 'personalEmail', ...original(m.index, m.index + m[0].length) });
  }
  return matches.sort((a, b) => a.offset - b.offset || a.kind.localeCompare(b.kind));
}

/**
 * The form a value is compared in against `privacyAllowList`: digits of numbers without spaces or
 * hyphens (full-width read as ASCII, `x` as `X`), e-mail addresses in lower case. So a number written
 * in groups (3-4-4) in the text is let through by the same digits written plainly in the list, and
 * nothing else is.
 */
export function canonicalPersonalValue(value: string): string {
  const readable = readableText(value.trim()).text;
  if (readable.includes('@')) return readable.replace(/\s+/g, '').toLowerCase();
  const digits = toHalfWidthDigits(readable)
    .replace(/[^\dXx]/g, '')
    .toUpperCase();
  return mobileDigits(digits, true) ?? digits;
}

/**
 * The value with its middle hidden, for messages and reports, which must never repeat it:
 * `139****5678`, `430202********123X`, `z***@example.com`.
 */
export function maskPersonalValue(kind: PersonalDataKind, value: string): string {
  if (kind === 'personalEmail') {
    // Masked in its readable form, so `zhang(at)qq.com` shows as z***@qq.com too.
    const address = canonicalPersonalValue(value);
    return `${address.slice(0, 1)}***${address.slice(address.indexOf('@'))}`;
  }
  const plain = canonicalPersonalValue(value);
  const [keepStart, keepEnd] = kind === 'mobileNumber' ? [3, 4] : [6, 4];
  return plain.slice(0, keepStart) + '*'.repeat(plain.length - keepStart - keepEnd) + plain.slice(-keepEnd);
}
