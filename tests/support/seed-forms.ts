/**
 * Shared pieces of the seed parsers for performance forms (seeds 000, 001, 002, 004): the cell
 * conventions of the extracted text, and the plain shapes the parsers return. Every value here
 * comes from a seed file; nothing is a hand-copied expectation.
 *
 * Two extraction styles occur:
 *  - one table row per line, cells separated by tabs (seed 004, like seed 003);
 *  - one table row per blank-line-separated block, each cell on its own line starting with a tab,
 *    a cell's further lines following without a tab (seeds 000, 001, 002: text from Word files).
 */
import { normaliseCellText } from './seed-003.ts';

export { normaliseCellText };

/** Trims ASCII and full-width (U+3000) spaces at both ends of a cell, as a reader would. */
export function trimCell(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
}

/** A line split on tabs, each cell trimmed, trailing empty cells dropped. */
export function lineCells(line: string): string[] {
  const cells = line.split('\t').map(trimCell);
  while (cells.length > 0 && cells.at(-1) === '') cells.pop();
  return cells;
}

/**
 * Blocks of the "one cell per line" style: blank lines separate blocks; inside a block a line
 * starting with a tab starts a new cell (further tabs on it start further cells) and any other
 * line continues the current cell on a new line. Cells keep their inner line breaks; each line of
 * a cell is trimmed. A block's leading lines without a tab form its first cell.
 */
export function cellBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let cells: string[] | null = null;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (trimCell(raw) === '' && !raw.includes('\t')) {
      if (cells !== null) blocks.push(cells.map(trimLines));
      cells = null;
      continue;
    }
    cells ??= [];
    const [first = '', ...rest] = raw.split('\t');
    if (raw.startsWith('\t') || cells.length === 0) {
      if (raw.startsWith('\t')) cells.push(...rest);
      else cells.push(first, ...rest);
    } else {
      cells[cells.length - 1] = `${cells[cells.length - 1] ?? ''}\n${first}`;
      cells.push(...rest);
    }
  }
  if (cells !== null) blocks.push(cells.map(trimLines));
  return blocks;
}

/** Removes Word's `[bookmark: _Toc…]` markers, which the extraction wrote into the text. */
export function withoutBookmarks(text: string): string {
  return text.replace(/\[bookmark: [^\]]*\]/g, '');
}

/** Trims each line of a multi-line cell and drops empty lines at its start and end. */
export function trimLines(cell: string): string {
  return cell
    .split('\n')
    .map(trimCell)
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Splits a numbered level label as seed 004 prints it (`11-数量指标`) into its code and name. */
export function splitLevel(label: string): { code: string; name: string } {
  const match = /^(\d+)-(.+)$/.exec(label);
  return match?.[1] !== undefined && match[2] !== undefined ? { code: match[1], name: match[2] } : { code: '', name: label };
}

/** One indicator row as a seed prints it; fields a layout does not print are ''. */
export interface SeedIndicator {
  readonly level1: string;
  readonly level1Code: string;
  readonly level2: string;
  readonly level2Code: string;
  readonly name: string;
  readonly target: string;
  readonly description: string;
  readonly measureUnit: string;
  readonly comparator: string;
  readonly basis: string;
  readonly note: string;
  /** The 分项绩效目标 the row is listed under (seed 001's department form), or ''. */
  readonly goal: string;
}

export const seedIndicator = (fields: Partial<SeedIndicator>): SeedIndicator => ({
  level1: '',
  level1Code: '',
  level2: '',
  level2Code: '',
  name: '',
  target: '',
  description: '',
  measureUnit: '',
  comparator: '',
  basis: '',
  note: '',
  goal: '',
  ...fields,
});

/** A project form as printed: the fields the transcription tests compare, amounts as printed. */
export interface SeedProjectForm {
  readonly name: string;
  /** The form's amount exactly as printed (in the seed's unit). */
  readonly amount: string;
  readonly indicators: readonly SeedIndicator[];
}

/** Throws a seed-parser error naming the seed, so a layout surprise is never a silent mismatch. */
export function seedError(seed: string, message: string): Error {
  return new Error(`seed-${seed}: ${message}`);
}
