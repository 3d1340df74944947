/**
 * A sheet laid out as an official table (title, 编制部门/单位 line, header rows with merged cells,
 * body rows, note), located by content rather than by fixed rows: the title may sit in the first
 * rows or only in the sheet name, with a 表码 prefix (`2.15`), a year and trailing spaces.
 */
import type { AmountUnit } from '../money.ts';
import type { TableDefinition, TemplatePack } from '../templates/template-pack.ts';
import { blankRow, cellText, type Sheet, type SheetCell } from './sheet.ts';

/** A title without its year, 表码 prefix, 表N, spaces and the characters a sheet name cannot hold. */
export const plainTitle = (text: string): string =>
  text
    .replace(/[\s\u3000]+/gu, '')
    .replace(/^\d{4}年(度)?/u, '')
    .replace(/^(附表|表)?\d{1,3}(\.\d{1,3})*(?![\d年])[、.．:：_-]?/u, '')
    .replace(/^\d{4}年(度)?/u, '')
    .replace(/[“”"'‘’]/gu, '')
    .replace(/[（]/gu, '(')
    .replace(/[）]/gu, ')');

/** A header or line label compared as printed: without spaces and a leading year. */
export const plainLabel = (text: string): string =>
  text
    .replace(/[\s\u3000]+/gu, '')
    .replace(/^\d{4}年(度)?/u, '')
    .replace(/（/gu, '(')
    .replace(/）/gu, ')');

export interface BodyRow {
  /** 1-based row number in the sheet. */
  readonly row: number;
  readonly cells: readonly SheetCell[];
}

export interface TableSheet {
  readonly sheet: Sheet;
  readonly definition: TableDefinition;
  readonly title: { readonly text: string; readonly address: string };
  /** The 编制部门 or 单位 line's value (`上海市…办事处`, `001001_…`), or ''. */
  readonly unitLabel: string;
  /** The unit the 单位 line or the number formats name, or null when the sheet names none. */
  readonly unit: AmountUnit | null;
  readonly unitAddress: string;
  /** Header rows, top to bottom. */
  readonly headerRows: readonly BodyRow[];
  /** Body rows, padding (all-blank) rows left out. */
  readonly bodyRows: readonly BodyRow[];
  readonly note: { readonly text: string; readonly address: string } | null;
  /** Leaf header label (plain) of each column, '' where none. */
  readonly leafLabels: readonly string[];
}

const ORDINAL = /^[一二三四五六七八九十]+、/u;

/** A row that starts a table's body rather than continuing its header. */
function startsBody(row: readonly SheetCell[]): boolean {
  if (blankRow(row)) return true;
  const first = cellText(row[0]);
  if (/^\d{1,7}$/.test(first) || ORDINAL.test(first)) return true;
  if (row.some((c) => c.value.kind === 'number' || c.value.kind === 'formula')) return true;
  // A note, or the 合计 line of an empty table (合计 with nothing but blanks after it; a header's 合计 has labels after it).
  const texts = row.map(cellText);
  if (/^注[:：]/u.test(texts.find((t) => t !== '') ?? '')) return true;
  const total = texts.findIndex((t) => /^(合计|总计)$/u.test(t));
  return total >= 0 && texts.slice(total + 1).every((t) => t === '');
}

/** Candidate titles of a sheet: the text of its first rows, then its name. */
function titleCandidates(sheet: Sheet): { text: string; address: string; row: number }[] {
  const found: { text: string; address: string; row: number }[] = [];
  sheet.rows.slice(0, 4).forEach((row, i) => {
    for (const cell of row) {
      const text = cellText(cell);
      if (text !== '') found.push({ text, address: cell.address, row: i + 1 });
    }
  });
  found.push({ text: sheet.name, address: `${sheet.name}`, row: 0 });
  return found;
}

/** The pack's table a title names: the longest template title (or alias) the plain title ends with. */
export function tableForTitle(pack: TemplatePack, title: string): TableDefinition | undefined {
  const plain = plainTitle(title);
  if (plain === '') return undefined;
  let best: { definition: TableDefinition; length: number } | undefined;
  for (const definition of pack.tables) {
    for (const name of [definition.title, ...(definition.importAliases ?? [])]) {
      const wanted = plainTitle(name);
      if (wanted !== '' && plain.endsWith(wanted) && plain.length - wanted.length <= 40 && (!best || wanted.length > best.length))
        best = { definition, length: wanted.length };
    }
  }
  return best?.definition;
}

/** Recognises a sheet as one of the pack's tables (or not) and locates its parts. */
export function locateTableSheet(pack: TemplatePack, sheet: Sheet): TableSheet | null {
  for (const candidate of titleCandidates(sheet)) {
    const definition = tableForTitle(pack, candidate.text);
    if (!definition) continue;
    return layout(sheet, definition, candidate);
  }
  return null;
}

function layout(sheet: Sheet, definition: TableDefinition, title: { text: string; address: string; row: number }): TableSheet {
  let r = title.row; // index of the row after the title (0-based)
  // Blank rows before the unit line (a title printed only in the sheet name leaves its row empty).
  while (r < sheet.rows.length && blankRow(sheet.rows[r] ?? [])) r++;
  // The unit line: the first non-blank row after the title that names 单位 or 编制部门.
  let unitLabel = '';
  let unit: AmountUnit | null = null;
  let unitAddress = sheet.rows[r]?.[0]?.address ?? 'A2';
  const unitRow = sheet.rows[r];
  if (unitRow && unitRow.some((c) => /(编制部门|编制单位|单位)[:：]/u.test(cellText(c)))) {
    for (const cell of unitRow) {
      const text = cellText(cell);
      const label = /(编制部门|编制单位|单位名称|单位)[:：]\s*(.+)$/u.exec(text);
      if (label && !/^(万元|元)$/u.test(label[2] ?? '') && unitLabel === '') unitLabel = (label[2] ?? '').trim();
      const u = /(金额)?单位[:：]\s*(万元|元)\s*$/u.exec(text);
      if (u) {
        unit = u[2] === '万元' ? '万元' : '元';
        unitAddress = cell.address;
      }
    }
    r++;
  }
  const headerRows: BodyRow[] = [];
  while (r < sheet.rows.length && !startsBody(sheet.rows[r] ?? [])) {
    headerRows.push({ row: r + 1, cells: sheet.rows[r] ?? [] });
    r++;
  }
  const bodyRows: BodyRow[] = [];
  let note: TableSheet['note'] = null;
  for (; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const first = cells.find((c) => cellText(c) !== '');
    if (first && /^注[:：]/u.test(cellText(first))) {
      note = { text: cellText(first), address: first.address };
      break;
    }
    if (!blankRow(cells)) bodyRows.push({ row: r + 1, cells });
  }
  // The unit from the number format where the sheet prints no 单位 line.
  if (unit === null) {
    const formatted = bodyRows.flatMap((b) => b.cells).find((c) => c.formatUnit !== null);
    if (formatted) {
      unit = formatted.formatUnit;
      unitAddress = formatted.address;
    }
  }
  const width = Math.max(0, ...sheet.rows.map((row) => row.length));
  const leafLabels = Array.from({ length: width }, (_, c) => {
    for (let h = headerRows.length - 1; h >= 0; h--) {
      const text = cellText(headerRows[h]?.cells[c]);
      if (text !== '') return plainLabel(text);
    }
    return '';
  });
  return {
    sheet,
    definition,
    title: { text: title.text, address: `${sheet.name}!${title.address}` },
    unitLabel,
    unit,
    unitAddress,
    headerRows,
    bodyRows,
    note,
    leafLabels,
  };
}

/** `sheet!B7`, the way every import message locates a cell. */
export const located = (sheet: Sheet, address: string): string => `${sheet.name}!${address}`;
