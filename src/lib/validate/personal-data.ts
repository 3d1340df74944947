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

const toHalfWidthDigits = (text: string): string =>
  text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));

/**
 * 11-digit mainland mobile numbers (1[3-9] + 9 digits), written plain or grouped 3-4-4 with single
 * spaces or hyphens (`139 1234 5678`, `139-1234-5678`). A run that continues into more digits
 * (an 18-digit number, an amount in 分, `+86`-less international strings glued to other digits)
 * is not a mobile number.
 */
const MOBILE = /(?<![\d])1[3-9]\d(?:\d{8}|([ -])\d{4}\1\d{4})(?![\d])/g;

/** 17 digits and a check character, not part of a longer digit run. */
const ID_CARD = /(?<![\d])\d{17}[\dXx](?![\dXx])/g;

/** A pragmatic e-mail shape: dotted local part, dotted domain with a 2+ letter top-level label. */
const EMAIL = /(?<![\w.+-])[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?![\w-])/g;

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

/** Every personal value in `text`, in order of position. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const digits = toHalfWidthDigits(text);
  const matches: PersonalDataMatch[] = [];
  const value = (offset: number, length: number) => text.slice(offset, offset + length);
  for (const m of digits.matchAll(MOBILE)) matches.push({ kind: 'mobileNumber', offset: m.index, value: value(m.index, m[0].length) });
  for (const m of digits.matchAll(ID_CARD)) {
    if (isIdCardNumber(m[0])) matches.push({ kind: 'idCardNumber', offset: m.index, value: value(m.index, m[0].length) });
  }
  for (const m of text.matchAll(EMAIL)) {
    if (!isOrganisationDomain(m[1] ?? '')) matches.push({ kind: 'personalEmail', offset: m.index, value: m[0] });
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
  const trimmed = toHalfWidthDigits(value.trim());
  if (trimmed.includes('@')) return trimmed.toLowerCase();
  return trimmed.replace(/[\s\u3000-]/g, '').toUpperCase();
}

/**
 * The value with its middle hidden, for messages and reports, which must never repeat it:
 * `139****5678`, `430202********123X`, `z***@example.com`.
 */
export function maskPersonalValue(kind: PersonalDataKind, value: string): string {
  if (kind === 'personalEmail') {
    const at = value.indexOf('@');
    return `${value.slice(0, 1)}***${value.slice(at)}`;
  }
  const plain = canonicalPersonalValue(value);
  const [keepStart, keepEnd] = kind === 'mobileNumber' ? [3, 4] : [6, 4];
  return plain.slice(0, keepStart) + '*'.repeat(plain.length - keepStart - keepEnd) + plain.slice(-keepEnd);
}
