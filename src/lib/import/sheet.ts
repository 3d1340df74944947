/**
 * A worksheet as the importer sees it: a grid of cell values with their A1 addresses, merged
 * cells reduced to their top-left (master) cell, and the amount unit a cell's number format
 * names (`#,##0.00"万元"`). Read from XLSX bytes with exceljs; nothing here knows a template.
 *
 * What a cell holds is kept apart exactly as the file says it: blank (`null`), a number, a text
 * (a `—` stays a text), or a formula without a cached value (`formula`), which the importer
 * refuses with its address rather than guess.
 */
import ExcelJS from 'exceljs';
import type { AmountUnit } from '../money.ts';

export type SheetValue =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'formula'; readonly formula: string };

export interface SheetCell {
  /** `B7`. */
  readonly address: string;
  readonly value: SheetValue;
  /** The unit a number format names (`#,##0.00"万元"` → 万元), or null. */
  readonly formatUnit: AmountUnit | null;
}

export interface Sheet {
  readonly name: string;
  /** Rows from 1, each with cells from column 1 to the sheet's width (blank-padded). */
  readonly rows: readonly (readonly SheetCell[])[];
}

const BLANK: SheetValue = { kind: 'blank' };

/** `A`, `B` … `AA` for a 1-based column number. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const addressOf = (row: number, column: number): string => `${columnLetter(column)}${row}`;

const richText = (value: { richText: readonly { text: string }[] }): string => value.richText.map((part) => part.text).join('');

function valueOf(cell: ExcelJS.Cell): SheetValue {
  const v = cell.value;
  if (v === null || v === undefined) return BLANK;
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'string') return v === '' ? BLANK : { kind: 'text', value: v };
  if (typeof v === 'boolean') return { kind: 'text', value: String(v) };
  if (v instanceof Date) return { kind: 'text', value: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('richText' in v) {
      const text = richText(v);
      return text === '' ? BLANK : { kind: 'text', value: text };
    }
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (typeof result === 'number') return { kind: 'number', value: result };
      if (typeof result === 'string') return result === '' ? BLANK : { kind: 'text', value: result };
      const formula = 'formula' in v && typeof v.formula === 'string' ? v.formula : String((v as { sharedFormula?: unknown }).sharedFormula ?? '');
      return { kind: 'formula', formula };
    }
    if ('text' in v && typeof v.text === 'string') return { kind: 'text', value: v.text };
    if ('error' in v) return { kind: 'text', value: String(v.error) };
  }
  return { kind: 'text', value: String(v) };
}

const formatUnitOf = (numFmt: string | undefined): AmountUnit | null =>
  numFmt === undefined ? null : /万元/.test(numFmt) ? '万元' : /"元"|\\元|元/.test(numFmt) ? '元' : null;

/** Every worksheet of an XLSX workbook, in workbook order. Throws on bytes exceljs cannot open. */
export async function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings ask for a Node Buffer; a Uint8Array view of the same bytes is one.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => {
    const width = ws.columnCount;
    const rows: SheetCell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: SheetCell[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged cell's text belongs to its top-left cell only.
        const merged = cell.isMerged && cell.master.address !== cell.address;
        cells.push({ address: addressOf(r, c), value: merged ? BLANK : valueOf(cell), formatUnit: formatUnitOf(cell.numFmt) });
      }
      rows.push(cells);
    }
    return { name: ws.name, rows };
  });
}

/** The plain text of a cell (numbers as JavaScript prints them), '' for blank. */
export function cellText(cell: SheetCell | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  return v.kind === 'text'
    ? v.value.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '')
    : v.kind === 'number'
      ? String(v.value)
      : v.kind === 'formula'
        ? `=${v.formula}`
        : '';
}

/** Whether every cell of a row is blank. */
export const blankRow = (row: readonly SheetCell[]): boolean => row.every((c) => c.value.kind === 'blank' || cellText(c) === '');
