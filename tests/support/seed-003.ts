/**
 * Parser for the text of a real published disclosure:
 * /work/shared/seeds/003_ff6f660fe330d49a.txt
 * (株洲市荷塘区人民代表大会常务委员会, 2024年部门预算公开表, 23 tables listed).
 *
 * The file was extracted from a PDF: one table row per line, cells separated
 * by tabs, blank lines between "blocks". Layout of the file:
 *
 *   cover blocks                     (ignored)
 *   table of contents block          '一、部门预算报表' then '1\t收支总表' … '23\t整体支出绩效目标表'
 *   for each of tables 1,3,6..21:
 *     title block                    one line, e.g. '支出总表'
 *     unit blocks                    '单位：001001_…' and '金额单位：万元' (table 8: '单位：万元')
 *     grid block                     header lines, then body rows
 *     note block (optional)          '注：如本表格为空，则表示本年度未安排此项目。'
 *   table 22 (no title)              '填报单位：…', '金额单位：万元', grid block
 *   table 23 (no title)              grid block starting with '部门名称'
 *
 * Tables 2, 4 and 5 are in the table of contents but not in the body.
 *
 * The parser is deliberately strict: every structural assumption is checked
 * and a descriptive Error is thrown if the file does not look as expected, so
 * that golden tests built on it can never silently compare the wrong cells.
 * Nothing here is a hand-copied expectation: all cell values come from the file.
 */
import { readFileSync } from 'node:fs';

export interface SeedTable {
  /** Official table number 1..23, from the table of contents. */
  number: number;
  /** Title line as printed (for the untitled tables 22 and 23: the TOC title). */
  title: string;
  /** Header rows, cells split on \t and trimmed, empty cells kept. */
  headerLines: string[][];
  /** Body rows, cells split on \t and trimmed, empty cells kept, not padded. */
  rows: string[][];
  /** The unit lines printed between title and grid ('单位：…', '金额单位：万元', '填报单位：…'). */
  unitLines: string[];
  /** The trailing '注：…' line, if the table has one. */
  note: string | null;
}

export const SEED_003_URL: URL = new URL('../../../shared/seeds/003_ff6f660fe330d49a.txt', import.meta.url);

/** A numeric amount cell as printed in the grids (万元, two decimals). */
export const AMOUNT_CELL: RegExp = /^-?\d+\.\d{2}$/;

/**
 * The tables present in the body, in the order they appear, with the number
 * of header lines each grid has (counted from the file). For titled tables the
 * count is cross-checked against the automatic rule in detectHeaderLineCount().
 * Tables 22 and 23 are forms rather than grids and have no title line: they are
 * recognised by the text their first block starts with, and all their grid
 * lines are rows (headerLines = []).
 */
interface TableLayout {
  readonly number: number;
  readonly headerLines: number;
  readonly untitledStartsWith?: string;
}

const LAYOUT: readonly TableLayout[] = [
  { number: 1, headerLines: 2 }, // 收入/支出; 项目/预算数/…
  { number: 3, headerLines: 2 }, // 功能科目…; 类/款/项
  { number: 6, headerLines: 2 }, // 收入/支出; 项目/预算数
  { number: 7, headerLines: 3 }, // 功能科目…; 小计/人员经费/公用经费; 工资福利支出/对个人和家庭的补助
  { number: 8, headerLines: 2 }, // 部门预算支出经济分类科目…; 科目代码/科目名称/…
  { number: 9, headerLines: 2 },
  { number: 10, headerLines: 2 },
  { number: 11, headerLines: 2 },
  { number: 12, headerLines: 2 },
  { number: 13, headerLines: 2 },
  { number: 14, headerLines: 2 },
  { number: 15, headerLines: 2 },
  { number: 16, headerLines: 3 },
  { number: 17, headerLines: 2 },
  { number: 18, headerLines: 2 },
  { number: 19, headerLines: 3 },
  { number: 20, headerLines: 3 },
  { number: 21, headerLines: 3 },
  { number: 22, headerLines: 0, untitledStartsWith: '填报单位：' },
  { number: 23, headerLines: 0, untitledStartsWith: '部门名称' },
];

/** Remove all whitespace (ASCII, U+3000 and other Unicode spaces) inside a cell. */
export function normaliseCellText(s: string): string {
  return s.replace(/[\s\u3000]+/gu, '');
}

/**
 * Normalise a table title for comparison with the table of contents:
 * drop whitespace, map full-width brackets to ASCII, collapse hyphen/dash runs.
 */
export function normaliseTitle(s: string): string {
  return normaliseCellText(s)
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]+/g, '-');
}

function splitCells(line: string): string[] {
  return line.split('\t').map((c) => c.trim());
}

function isUnitLine(line: string): boolean {
  return /^(单位|金额单位|填报单位)：/.test(line.trim());
}

function isNoteLine(line: string): boolean {
  return line.trim().startsWith('注：');
}

/** A single-line block with no tab that is neither a unit line nor a note. */
function isTitleBlock(block: readonly string[]): boolean {
  const first = block[0];
  return block.length === 1 && first !== undefined && !first.includes('\t') && !isUnitLine(first) && !isNoteLine(first);
}

/** True if the row is a 合计-row: some cell equals '合计' and all cells before it are empty. */
export function isTotalRow(cells: readonly string[]): boolean {
  for (const c of cells) {
    if (c === '合计') return true;
    if (c !== '') return false;
  }
  return false;
}

/**
 * Automatic header/body boundary: the body begins with the first line that
 * contains an amount cell or is a 合计-row. Returns the number of header lines,
 * or -1 if no line qualifies.
 */
export function detectHeaderLineCount(grid: readonly (readonly string[])[]): number {
  return grid.findIndex((cells) => cells.some((c) => AMOUNT_CELL.test(c)) || isTotalRow(cells));
}

function splitBlocks(lines: readonly string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function parseToc(blocks: readonly string[][]): { toc: Map<number, string>; next: number } {
  const tocIndex = blocks.findIndex((b) => (b[0] ?? '').trim().startsWith('一、部门预算报表'));
  const tocBlock = blocks[tocIndex];
  if (tocBlock === undefined) throw new Error('seed-003: table of contents (一、部门预算报表) not found');
  const toc = new Map<number, string>();
  for (const line of tocBlock.slice(1)) {
    const m = /^(\d+)\t(.+)$/.exec(line);
    if (m === null || m[1] === undefined || m[2] === undefined) {
      throw new Error(`seed-003: unexpected line in table of contents: ${JSON.stringify(line)}`);
    }
    const n = Number(m[1]);
    if (n !== toc.size + 1) throw new Error(`seed-003: table of contents out of order at ${JSON.stringify(line)}`);
    toc.set(n, m[2].trim());
  }
  if (toc.size !== 23) throw new Error(`seed-003: expected 23 entries in the table of contents, found ${toc.size}`);
  return { toc, next: tocIndex + 1 };
}

/** Parse the text of seed 003. Exported for tests; most callers want readSeed003(). */
export function parseSeed003(text: string): Map<number, SeedTable> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blocks = splitBlocks(lines);
  const { toc, next } = parseToc(blocks);
  const tables = new Map<number, SeedTable>();

  let i = next;
  for (const layout of LAYOUT) {
    const where = `table ${layout.number}`;
    const tocTitle = toc.get(layout.number);
    if (tocTitle === undefined) throw new Error(`seed-003: ${where} is not in the table of contents`);
    const first = blocks[i];
    if (first === undefined) throw new Error(`seed-003: file ended before ${where} (${tocTitle})`);

    // Title.
    let title: string;
    if (layout.untitledStartsWith === undefined) {
      if (!isTitleBlock(first)) {
        throw new Error(`seed-003: expected the title of ${where} (${tocTitle}), found ${JSON.stringify(first[0])}`);
      }
      title = (first[0] ?? '').trim();
      if (normaliseTitle(title) !== normaliseTitle(tocTitle)) {
        throw new Error(`seed-003: title ${JSON.stringify(title)} does not match table of contents entry ${layout.number} ${JSON.stringify(tocTitle)}`);
      }
      i++;
    } else {
      if (!(first[0] ?? '').startsWith(layout.untitledStartsWith)) {
        throw new Error(
          `seed-003: expected untitled ${where} (${tocTitle}) to start with ${JSON.stringify(layout.untitledStartsWith)}, found ${JSON.stringify(first[0])}`,
        );
      }
      title = tocTitle;
    }

    // Unit lines.
    const unitLines: string[] = [];
    for (let b = blocks[i]; b !== undefined && b.length === 1 && isUnitLine(b[0] ?? ''); b = blocks[++i]) {
      unitLines.push((b[0] ?? '').trim());
    }
    if (layout.untitledStartsWith === undefined && unitLines.length !== 2) {
      throw new Error(`seed-003: ${where} should have 2 unit lines after its title, found ${JSON.stringify(unitLines)}`);
    }

    // Grid.
    const gridBlock = blocks[i];
    if (gridBlock === undefined || isTitleBlock(gridBlock) || isNoteLine(gridBlock[0] ?? '')) {
      throw new Error(`seed-003: ${where} has no grid block (found ${JSON.stringify(gridBlock?.[0])})`);
    }
    i++;
    const grid = gridBlock.map(splitCells);

    if (layout.untitledStartsWith === undefined) {
      const detected = detectHeaderLineCount(grid);
      if (detected !== layout.headerLines) {
        throw new Error(`seed-003: ${where} should have ${layout.headerLines} header lines but the amount/合计 rule finds ${detected}`);
      }
    }
    const headerLines = grid.slice(0, layout.headerLines);
    const rows = grid.slice(layout.headerLines);
    if (rows.length === 0) throw new Error(`seed-003: ${where} has no body rows`);

    // Optional note.
    let note: string | null = null;
    const noteBlock = blocks[i];
    if (noteBlock !== undefined && noteBlock.length === 1 && isNoteLine(noteBlock[0] ?? '')) {
      note = (noteBlock[0] ?? '').trim();
      i++;
    }

    tables.set(layout.number, { number: layout.number, title, headerLines, rows, unitLines, note });
  }

  const rest = blocks[i];
  if (rest !== undefined) {
    throw new Error(`seed-003: unexpected content after table 23: ${JSON.stringify(rest[0])}`);
  }
  return tables;
}

/** Read and parse seed 003 (default: /work/shared/seeds/003_ff6f660fe330d49a.txt). */
export function readSeed003(path?: string | URL): Map<number, SeedTable> {
  return parseSeed003(readFileSync(path ?? SEED_003_URL, 'utf8'));
}
