/**
 * The grammar of identifiers a clerk chooses (project ids, performance form ids). They become
 * URL segments (`projects/<id>/`) and file names, so they are held to what every URL, file
 * system and spreadsheet keeps as typed: ASCII letters and digits, `-` and `_`, starting with a
 * letter or digit, at most 64 characters. `2024/03`, `../x`, `?q=1#f`, NUL, a full-width `Ｐ０１`
 * or a right-to-left override (U+202E) are each refused at check time with this message, instead
 * of a broken link or a stack trace at build time.
 */
import { z } from 'zod';

export const ID_MAX_LENGTH = 64;
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export const ID_RULE_ZH = `只能由英文字母、数字、- 和 _ 组成，以字母或数字开头，最长 ${ID_MAX_LENGTH} 个字符（如 P01、xm-2024-03）；不能含 / ? # 空格、全角字符或不可见字符`;
export const ID_RULE_EN = `may hold only ASCII letters, digits, - and _, start with a letter or digit, at most ${ID_MAX_LENGTH} characters (e.g. P01, xm-2024-03); no / ? # spaces, full-width or invisible characters`;

/** Whether `value` is a valid identifier. */
export const isValidId = (value: string): boolean => value.length <= ID_MAX_LENGTH && ID_PATTERN.test(value);

/** An ASCII spelling a clerk probably meant (full-width letters and digits read as ASCII, separators as `-`), when it is valid. */
export function suggestedId(value: string): string | undefined {
  const ascii = value
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .trim()
    .replace(/[\s/\\.?#&%:]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii !== value && isValidId(ascii) ? ascii : undefined;
}

/** The zod schema of an identifier; `what` names it in the message (项目编号 / 表单编号). */
export const identifier = (zh: string, en: string) => z.string().refine(isValidId, `${zh}${ID_RULE_ZH} / ${en} ${ID_RULE_EN}`);
