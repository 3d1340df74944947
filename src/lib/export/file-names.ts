/**
 * What every download is called: a name that says whose file it is, which year, which phase and
 * which table, so a file saved to a desktop still says what it is (`310107-ptczj-2025-预算-表1-部门财务收支预算总表.csv`).
 *
 * Scheme: `<region>-<department>-<year>-<phase>[-表N]-<title>`. `表N` only where the template prints
 * a number (from the pack's `TableDefinition.number`), the title is the pack's; a table the
 * template prints no number for is named by its title alone. The whole workbook is
 * `<region>-<department>-<year>-<phase>-全部表格`. Routes (src/lib/site/routes.ts) put these names in
 * the links, the manifest and the Data Package alike.
 *
 * Names are Unicode (Chinese titles) but never need escaping by a file system or in a URL path:
 * only letters, digits and a few punctuation marks that are safe on Windows, macOS and Linux and
 * in a URL (`-` `_` `.` `(` `)` `（` `）` `“` `”` `、` `·`) are kept, everything else is dropped.
 */
import { t } from '../i18n/strings.ts';
import { phaseWord } from '../i18n/format.ts';
import type { Disclosure } from '../disclosure/model.ts';
import type { Table } from '../tables/model.ts';

type DisclosureRef = Pick<Disclosure, 'region' | 'department' | 'year' | 'phase'>;
type TableRef = Pick<Table, 'id' | 'number' | 'title'>;

/** Longest title part of a name, in characters (a 3-byte UTF-8 character each keeps names far under 255 bytes). */
export const MAX_TITLE_LENGTH = 60;

/** Characters kept in a name part; the rest (spaces, `/ \ : * ? " < > | # % & + ;`, control characters) are dropped. */
const UNSAFE = /[^\p{L}\p{N}\-_.()（）“”、·]/gu;

/** A text as a part of a file name: unsafe characters dropped, cut to {@link MAX_TITLE_LENGTH}. */
export function fileNamePart(text: string): string {
  const safe = text.replace(UNSAFE, '').replace(/^[.-]+/, '');
  return [...safe].slice(0, MAX_TITLE_LENGTH).join('');
}

/** `310107-ptczj-2025-预算`: what every download of one disclosure starts with. */
export const disclosureFileStem = (d: DisclosureRef): string => `${fileNamePart(d.region.code)}-${fileNamePart(d.department.code)}-${d.year}-${phaseWord(d)}`;

/** `310107-2025-预算`: what a file about every department of a region in a year and phase starts with (`…-部门比较.csv`). */
export const regionFileStem = (regionCode: string, d: Pick<Disclosure, 'year' | 'phase'>): string => `${fileNamePart(regionCode)}-${d.year}-${phaseWord(d)}`;

/** `310107-ptczj-2025-预算-表1-部门财务收支预算总表`, or `…-预算-财政项目支出绩效目标填报表` for a table without a printed number. */
export function tableFileStem(d: DisclosureRef, table: TableRef): string {
  const title = fileNamePart(table.title) || fileNamePart(table.id);
  return `${disclosureFileStem(d)}-${table.number === null ? '' : `${t('table.number', { number: table.number })}-`}${title}`;
}

/** `310107-ptczj-2025-预算-全部表格`: the workbook of every table of the disclosure. */
export const workbookFileStem = (d: DisclosureRef): string => `${disclosureFileStem(d)}-${t('download.allTablesName')}`;
