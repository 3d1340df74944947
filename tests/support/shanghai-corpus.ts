/**
 * Parser for the tab-separated text of the real Shanghai disclosures in `../shared/corpus/`
 * (`ptczj-2025-ys.txt`, `ptwl-2023-ys.txt`, `ptwl-2024-ys.txt` …), the golden reference the
 * `shanghai-budget` template is compared with. It shares no code with gongkai's engine.
 *
 * Layout of a corpus `.txt` file (see `../shared/corpus/README.md`):
 *
 *   per table, tables separated by one empty line:
 *     title line                    `2025年部门财务收支预算总表`
 *     unit line                     `编制部门：上海市普陀区财政局\t单位：元` (三公 table: `单位:万元`)
 *     header lines                  a merged header cell's text appears once, at its top-left
 *     body rows                     codes, names and amounts as printed; all-blank padding rows
 *     note (optional)               `注:本部门…故本表为空表。` / `注：…`
 *   per 财政项目支出绩效目标填报表 (ptwl-2023 only), after the tables:
 *     `财政项目支出绩效目标填报表`, `（2023年度）`, then the form's grid rows
 *
 * Strict on purpose: every structural assumption is checked and a descriptive Error names the
 * line, so golden tests built on it never silently compare the wrong cells.
 */
import { readFileSync } from 'node:fs';

/** The corpus folder (`/work/shared/corpus`), next to the repository. */
export const CORPUS_DIR: URL = new URL('../../../shared/corpus/', import.meta.url);

/** The text of a corpus file by id (`ptwl-2024-ys` → `ptwl-2024-ys.txt`; `-narrative` for the text). */
export function readCorpus(id: string): string {
  return readFileSync(new URL(`${id}.txt`, CORPUS_DIR), 'utf8');
}

/** A printed amount unit. */
export type CorpusUnit = '元' | '万元';

/** A body row of a table: its cells split on tabs and trimmed, and its 1-based line in the file. */
export interface CorpusRow {
  readonly cells: string[];
  readonly line: number;
}

export interface CorpusUnitLine {
  /** The line as printed. */
  readonly text: string;
  /** The department after `编制部门：`. */
  readonly department: string;
  /** The unit after `单位：` (or `单位:`). */
  readonly unit: CorpusUnit;
  /** The colon the unit label is printed with (the 三公 table prints the ASCII `:`). */
  readonly unitColon: '：' | ':';
}

export interface CorpusTable {
  /** The title line as printed (`2025年部门财务收支预算总表`). */
  readonly title: string;
  /** 1-based line of the title. */
  readonly line: number;
  readonly unitLine: CorpusUnitLine;
  /** Header lines, cells split on tabs and trimmed, empty cells kept. */
  readonly headerLines: string[][];
  /** Body rows in printed order; all-blank padding rows are left out. */
  readonly bodyRows: CorpusRow[];
  /** The number of all-blank padding rows the table prints (left out of bodyRows). */
  readonly paddingRows: number;
  /** The `注:` / `注：` line, if the table prints one. */
  readonly note: string | null;
}

const split = (line: string): string[] => line.split('\t').map((cell) => cell.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''));
const blank = (cells: readonly string[]): boolean => cells.every((cell) => cell === '');

/** A cell that is an amount as these documents print it (`156,211,123`, `31,214,205.80`, `0`, `1.35`). */
export const AMOUNT_TEXT: RegExp = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const CODE_TEXT = /^\d{1,3}$/;

/** A line that starts the body of a table rather than continuing its header. */
function startsBody(cells: readonly string[]): boolean {
  if (blank(cells)) return true; // padding rows of an empty table (its 合计 row follows them)
  const first = cells[0] ?? '';
  if (/^[一二三四五六七八九十]+、/u.test(first)) return true; // 一、财政拨款收入
  if (CODE_TEXT.test(first)) return true; // 201 …
  return cells.some((cell) => AMOUNT_TEXT.test(cell)); // the 三公 table's single row
}

function parseUnitLine(line: string, at: number): CorpusUnitLine {
  // A 决算 (ptczj-2024-js) prints the unit alone, without the 编制部门 part: department is then ''.
  const match = /^(?:编制部门：(.+?)\t+)?单位([：:])(元|万元)\t*$/u.exec(line);
  if (!match) throw new Error(`line ${at}: expected the 编制部门/单位 line, got ${JSON.stringify(line)}`);
  return {
    text: line.replace(/\t+$/u, ''),
    department: match[1] ?? '',
    unitColon: match[2] === ':' ? ':' : '：',
    unit: match[3] === '万元' ? '万元' : '元',
  };
}

/** The file cut into blocks of consecutive non-empty lines, each line with its 1-based number. */
function blocks(text: string): { text: string; line: number }[][] {
  const result: { text: string; line: number }[][] = [];
  let current: { text: string; line: number }[] = [];
  text.split(/\r?\n/u).forEach((line, i) => {
    if (line === '') {
      if (current.length > 0) result.push(current);
      current = [];
    } else current.push({ text: line, line: i + 1 });
  });
  if (current.length > 0) result.push(current);
  return result;
}

export const FORM_TITLE = '财政项目支出绩效目标填报表';

function parseTable(block: readonly { text: string; line: number }[]): CorpusTable {
  const [titleLine, unitLine, ...rest] = block;
  if (!titleLine || !unitLine) throw new Error(`line ${block[0]?.line}: a table needs a title and a unit line`);
  const title = titleLine.text.trim();
  if (!/表$/u.test(title)) throw new Error(`line ${titleLine.line}: not a table title: ${JSON.stringify(title)}`);
  const headerLines: string[][] = [];
  const bodyRows: CorpusRow[] = [];
  let note: string | null = null;
  let paddingRows = 0;
  let inBody = false;
  for (const { text, line } of rest) {
    if (note !== null) throw new Error(`line ${line}: text after the note of ${title}`);
    if (/^注[:：]/u.test(text)) {
      note = text.trim();
      continue;
    }
    const cells = split(text);
    inBody ||= startsBody(cells);
    if (!inBody) headerLines.push(cells);
    else if (blank(cells)) paddingRows += 1;
    else bodyRows.push({ cells, line });
  }
  if (headerLines.length === 0) throw new Error(`line ${titleLine.line}: ${title} has no header lines`);
  if (bodyRows.length === 0) throw new Error(`line ${titleLine.line}: ${title} has no body rows`);
  return { title, line: titleLine.line, unitLine: parseUnitLine(unitLine.text, unitLine.line), headerLines, bodyRows, paddingRows, note };
}

/** The 部门决算单位构成 list a 决算 prints before its tables (no title in the text file: `（无表题）｜…`). */
export interface CorpusUnitList {
  readonly line: number;
  readonly header: string[];
  readonly rows: CorpusRow[];
}

const UNTITLED = /^（无表题）/u;

/**
 * A 决算 corpus file (ptczj-2024-js): the untitled 单位构成 list first, then its nine tables.
 * The 三公 table prints an all-blank header line before its 预算数/决算数 line, which the table
 * parser takes for the start of its body: header lines that carry no amount are moved back.
 */
export function parseFinalCorpus(text: string): { units: CorpusUnitList; tables: CorpusTable[] } {
  const [first, ...rest] = blocks(text);
  if (!first || !UNTITLED.test(first[0]?.text ?? '')) throw new Error('a 决算 corpus file starts with its untitled 单位构成 list');
  const [, headerLine, ...unitRows] = first;
  if (!headerLine) throw new Error(`line ${first[0]?.line}: the 单位构成 list has no header`);
  const units = { line: first[0]?.line ?? 0, header: split(headerLine.text), rows: unitRows.map(({ text: t, line }) => ({ cells: split(t), line })) };
  const tables = rest.map(parseTable).map((table) => {
    const firstAmount = table.bodyRows.findIndex((r) => r.cells.some((c) => AMOUNT_TEXT.test(c)) || r.cells.some((c) => /合计/u.test(c)));
    if (firstAmount <= 0) return table;
    return {
      ...table,
      headerLines: [...table.headerLines, ...table.bodyRows.slice(0, firstAmount).map((r) => r.cells)],
      bodyRows: table.bodyRows.slice(firstAmount),
    };
  });
  return { units, tables };
}

/** The budget tables of a corpus file, in printed order (the 9 tables of a Shanghai 预算). */
export function parseCorpusTables(text: string): CorpusTable[] {
  return blocks(text)
    .filter((block) => block[0]?.text.trim() !== FORM_TITLE)
    .map(parseTable);
}

/** One indicator row of a 绩效目标填报表, with the merged 一级/二级 cells carried down. */
export interface CorpusIndicator {
  readonly level1: string;
  readonly level2: string;
  /** 三级指标. */
  readonly name: string;
  /** 年度(/项目)指标值, as printed. */
  readonly target: string;
  readonly line: number;
}

/** A 财政项目支出绩效目标填报表, its printed fields as text. */
export interface CorpusProjectForm {
  readonly title: string;
  /** `（2023年度）`. */
  readonly yearLine: string;
  readonly line: number;
  /** Every non-blank row of the form's grid, cells as printed. */
  readonly rows: CorpusRow[];
  /** 项目名称. */
  readonly name: string;
  /** 项目性质 (经常性项目, 阶段性项目). */
  readonly nature: string;
  /** 项目类别 (特定目标类, 其他运转类). */
  readonly category: string;
  /** 主管部门. */
  readonly department: string;
  /** 实施单位. */
  readonly unit: string;
  /** 计划开始日期 / 计划完成日期, as printed (`2023-01-01`). */
  readonly start: string;
  readonly end: string;
  /** 项目资金（元）, each cell as printed. */
  readonly funding: {
    /** 项目资金总额. */
    readonly total: string;
    /** 其中：财政资金. */
    readonly fiscal: string;
    /** 其他资金 (project column). */
    readonly other: string;
    /** 年度资金申请总额. */
    readonly annualTotal: string;
    /** 其中：当年财政拨款. */
    readonly annualFiscal: string;
    /** 上年结转资金. */
    readonly carryover: string;
    /** 其他资金 (annual column). */
    readonly annualOther: string;
  };
  /** 项目总目标. */
  readonly totalGoal: string;
  /** 年度总体目标. */
  readonly annualGoal: string;
  readonly indicators: CorpusIndicator[];
}

/** The first non-empty cell after the cell printed `label` in `row`; throws when absent. */
function valueAfter(row: CorpusRow | undefined, label: string, occurrence = 0): string {
  if (!row) throw new Error(`missing row for ${label}`);
  let from = -1;
  for (let seen = -1; seen < occurrence; seen += 1) {
    from = row.cells.indexOf(label, from + 1);
    if (from < 0) throw new Error(`line ${row.line}: no cell ${label} (occurrence ${occurrence + 1})`);
  }
  const value = row.cells.slice(from + 1).find((cell) => cell !== '');
  if (value === undefined) throw new Error(`line ${row.line}: nothing printed after ${label}`);
  return value;
}

function rowStarting(rows: readonly CorpusRow[], label: string): CorpusRow {
  const row = rows.find((r) => r.cells.includes(label));
  if (!row) throw new Error(`form at line ${rows[0]?.line}: no row with ${label}`);
  return row;
}

function parseForm(block: readonly { text: string; line: number }[]): CorpusProjectForm {
  const [titleLine, yearLine, ...rest] = block;
  if (!titleLine || !yearLine || !/^（\d{4}年度）$/u.test(yearLine.text.trim())) {
    throw new Error(`line ${titleLine?.line}: a ${FORM_TITLE} starts with its title and （YYYY年度）`);
  }
  const rows: CorpusRow[] = rest.map(({ text, line }) => ({ cells: split(text), line })).filter((r) => !blank(r.cells));
  const nameRow = rowStarting(rows, '项目名称');
  const deptRow = rowStarting(rows, '主管部门');
  const dateRow = rowStarting(rows, '计划开始日期');
  const totalRow = rowStarting(rows, '项目资金总额');
  const fiscalRow = rowStarting(rows, '其中：财政资金');
  const carryRow = rowStarting(rows, '上年结转资金');
  const otherRow = rowStarting(rows, '其他资金');
  const goalHead = rowStarting(rows, '项目总目标');
  const goalRow = rows[rows.indexOf(goalHead) + 1];
  const gridHead = rowStarting(rows, '三级指标');
  if (!goalRow || rows.indexOf(gridHead) !== rows.indexOf(goalHead) + 2) {
    throw new Error(`line ${goalHead.line}: the goals row must sit between 项目总目标 and the indicator header`);
  }
  const goalStart = goalHead.cells.indexOf('项目总目标');
  const annualStart = goalHead.cells.indexOf('年度总体目标');
  const level1At = gridHead.cells.indexOf('一级指标');
  const level2At = gridHead.cells.indexOf('二级指标');
  const nameAt = gridHead.cells.indexOf('三级指标');
  const targetAt = gridHead.cells.indexOf('年度(/项目)指标值');
  if ([goalStart, annualStart, level1At, level2At, nameAt, targetAt].some((i) => i < 0)) {
    throw new Error(`line ${gridHead.line}: unexpected goal or indicator header`);
  }
  const indicators: CorpusIndicator[] = [];
  let level1 = '';
  let level2 = '';
  for (const row of rows.slice(rows.indexOf(gridHead) + 1)) {
    const cell = (i: number) => row.cells[i] ?? '';
    if (cell(level1At) !== '') {
      level1 = cell(level1At);
      level2 = '';
    }
    if (cell(level2At) !== '') level2 = cell(level2At);
    if (level1 === '' || level2 === '' || cell(nameAt) === '') throw new Error(`line ${row.line}: an indicator row needs 一级/二级 above it and a 三级指标`);
    indicators.push({ level1, level2, name: cell(nameAt), target: cell(targetAt), line: row.line });
  }
  return {
    title: titleLine.text.trim(),
    yearLine: yearLine.text.trim(),
    line: titleLine.line,
    rows,
    name: valueAfter(nameRow, '项目名称'),
    nature: valueAfter(nameRow, '项目性质'),
    category: valueAfter(nameRow, '项目类别'),
    department: valueAfter(deptRow, '主管部门'),
    unit: valueAfter(deptRow, '实施单位'),
    start: valueAfter(dateRow, '计划开始日期'),
    end: valueAfter(dateRow, '计划完成日期'),
    funding: {
      total: valueAfter(totalRow, '项目资金总额'),
      fiscal: valueAfter(fiscalRow, '其中：财政资金'),
      other: valueAfter(otherRow, '其他资金', 0),
      annualTotal: valueAfter(totalRow, '年度资金申请总额'),
      annualFiscal: valueAfter(fiscalRow, '其中：当年财政拨款'),
      carryover: valueAfter(carryRow, '上年结转资金'),
      annualOther: valueAfter(otherRow, '其他资金', 1),
    },
    totalGoal: goalRow.cells[goalStart] ?? '',
    annualGoal: goalRow.cells[annualStart] ?? '',
    indicators,
  };
}

/** The 财政项目支出绩效目标填报表 of a corpus file, in printed order (none in most files). */
export function parseCorpusForms(text: string): CorpusProjectForm[] {
  return blocks(text)
    .filter((block) => block[0]?.text.trim() === FORM_TITLE)
    .map(parseForm);
}

/** 分 per unit: 1 元 = 100 分, 1 万元 = 1,000,000 分. */
const DECIMALS: Readonly<Record<CorpusUnit, number>> = { 元: 2, 万元: 6 };

/**
 * A printed amount as an exact integer of 分, read in the table's unit: `156,211,123` 元 →
 * 15,621,112,300 分; `31,214,205.80` 元 → 3121420580; `1.35` 万元 → 1350000. A blank cell is null (not
 * zero); `0` and `0.00` are 0. The digits are handled as text, never as floating point.
 */
export function parseAmount(text: string, unit: CorpusUnit): number | null {
  const trimmed = text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
  if (trimmed === '') return null;
  if (!AMOUNT_TEXT.test(trimmed)) throw new Error(`not an amount: ${JSON.stringify(text)}`);
  const negative = trimmed.startsWith('-');
  const [whole = '', fraction = ''] = trimmed.replace(/^-/u, '').replaceAll(',', '').split('.');
  const places = DECIMALS[unit];
  if (fraction.length > places) throw new Error(`${JSON.stringify(text)} has more decimals than 分 in ${unit}`);
  const digits = `${whole}${fraction.padEnd(places, '0')}`.replace(/^0+(?=\d)/u, '');
  const fen = Number(digits);
  if (!Number.isSafeInteger(fen)) throw new Error(`${JSON.stringify(text)} is too large to hold exactly`);
  return negative && fen !== 0 ? -fen : fen;
}

/** The 类/款/项 code a row prints, as printed and in canonical form. */
export interface RowCode {
  /** The code cells as printed, non-empty ones only (`['301', '2']`). */
  readonly printed: string[];
  /** Canonical code: 类 (3 digits) + 款 (2) + 项 (2), a one-digit part padded (`301`,`2` → `30102`). */
  readonly code: string;
  /** True when some part was printed with fewer digits than its level has (`2` for `02`). */
  readonly padded: boolean;
}

/**
 * The code of a body row from its leading code cells (up to 3: 类, 款, 项; the 经济分类 table
 * prints 2), or null for a row that prints no code (合计, 收入总计, the 总表 lines).
 */
export function rowCode(cells: readonly string[]): RowCode | null {
  const codeCells: string[] = [];
  for (const cell of cells.slice(0, 3)) {
    if (!/^\d*$/u.test(cell)) break;
    codeCells.push(cell);
  }
  const printed = codeCells.filter((cell) => cell !== '');
  if (printed.length === 0) return null;
  const lastPrinted = codeCells.findLastIndex((cell) => cell !== '');
  if (codeCells.slice(0, lastPrinted + 1).some((cell) => cell === '')) {
    throw new Error(`a code with a gap: ${JSON.stringify(cells.slice(0, 3))}`);
  }
  const [classCode = '', ...parts] = printed;
  if (!/^\d{3}$/u.test(classCode)) throw new Error(`a 类 code must be 3 digits: ${JSON.stringify(classCode)}`);
  if (parts.some((part) => part.length < 1 || part.length > 2)) throw new Error(`a 款/项 code must be 1 or 2 digits: ${JSON.stringify(parts)}`);
  return {
    printed,
    code: classCode + parts.map((part) => part.padStart(2, '0')).join(''),
    padded: parts.some((part) => part.length < 2),
  };
}
