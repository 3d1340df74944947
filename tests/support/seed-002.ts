/**
 * Parser for the text of a real published document:
 * /work/shared/seeds/002_b088b343cd787761.txt
 * (攀枝花市仁和区人大常委会办公室, 2022年度, 部门（单位）整体支出绩效目标申报表 and six
 * 部门（单位）预算项目支出绩效目标申报表, amounts in 万元).
 *
 * The text comes from a Word file: one table row per blank-line-separated block, one cell per
 * line (see `cellBlocks`). Layout:
 *
 *   department form   预算名称 | <name>
 *                     预算情况（万元 | 年度财政拨款资金总额:万元 | <amount>, then three 其中 rows
 *                     年度主要任务及拟达到的目标 …, then the text in a row of its own
 *                     绩效指标 | 一级指标 | 二级指标 | 指标值（包含数字及文字描述）, then rows
 *   project forms     title, 项目名称 | <name>; 预算单位 | <unit>;
 *                     项目资金(万元) | 年度资金总额： | <amount>; 其中：财政拨款 | <amount>; 其他资金 | <amount>
 *                     总体目标 | 年度目标, then the text in a row of its own
 *                     绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值（…）, then rows
 *
 * Blank 一级/二级 cells continue the label above (merged cells); wholly blank rows are skipped.
 */
import { readFileSync } from 'node:fs';
import { cellBlocks, normaliseCellText, withoutBookmarks, seedError, seedIndicator, type SeedIndicator, type SeedProjectForm } from './seed-forms.ts';

export const SEED_002_URL: URL = new URL('../../../shared/seeds/002_b088b343cd787761.txt', import.meta.url);

export interface Seed002Budget {
  /** Each 预算情况 line: its printed label and amount. */
  readonly label: string;
  readonly amount: string;
}

export interface Seed002 {
  readonly unitForm: {
    readonly department: string;
    readonly budget: readonly Seed002Budget[];
    readonly tasks: string;
    readonly indicators: readonly SeedIndicator[];
  };
  readonly forms: readonly (SeedProjectForm & { readonly unit: string; readonly fiscal: string; readonly other: string; readonly goal: string })[];
}

const UNIT_TITLE = '部门（单位）整体支出绩效目标申报表';
const PROJECT_TITLE = '部门（单位）预算项目支出绩效目标申报表';

/** Cursor over the blocks with strict expectations, so any surprise names its place. */
class Blocks {
  private index = 0;
  private readonly blocks: readonly string[][];
  constructor(blocks: readonly string[][]) {
    this.blocks = blocks;
  }
  get done(): boolean {
    return this.index >= this.blocks.length;
  }
  peek(): readonly string[] | undefined {
    return this.blocks[this.index];
  }
  next(): readonly string[] {
    const block = this.blocks[this.index++];
    if (!block) throw seedError('002', 'file ended early');
    return block;
  }
  /** The next block, checked to have `label` in cell `at`. */
  expect(label: string, at: number): readonly string[] {
    const block = this.next();
    if (normaliseCellText(block[at] ?? '') !== normaliseCellText(label)) {
      throw seedError('002', `block ${this.index}: expected ${label} in cell ${at + 1}, found ${JSON.stringify(block)}`);
    }
    return block;
  }
  /** Skips blocks whose cells are all empty. */
  skipEmpty(): void {
    while (this.peek()?.every((c) => c === '')) this.index++;
  }
}

const isFormTitle = (block: readonly string[] | undefined, title: string): boolean => (block?.[0] ?? '').split('\n')[0] === title;

function indicatorRows(blocks: Blocks, header: readonly string[], stopAt: (block: readonly string[]) => boolean): SeedIndicator[] {
  const withName = header.length === 5;
  const rows: SeedIndicator[] = [];
  let level1 = '';
  let level2 = '';
  while (!blocks.done && !stopAt(blocks.peek() ?? [])) {
    const cells = blocks.next();
    if (cells.length !== header.length || cells[0] !== '') {
      throw seedError('002', `an indicator row should have ${header.length} cells, the first blank: ${JSON.stringify(cells)}`);
    }
    if (cells.every((c) => c === '')) continue;
    const [, l1 = '', l2 = '', ...rest] = cells;
    level1 = l1 || level1;
    level2 = l2 || level2;
    const [name, target] = withName ? [rest[0] ?? '', rest[1] ?? ''] : ['', rest[0] ?? ''];
    rows.push(seedIndicator({ level1, level2, name, target }));
  }
  return rows;
}

export function parseSeed002(text: string): Seed002 {
  const blocks = new Blocks(cellBlocks(withoutBookmarks(text)));
  const first = blocks.next();
  if (first[0] !== '附件3' || (first[1] ?? '').split('\n')[0] !== UNIT_TITLE) {
    throw seedError('002', `expected 附件3 and ${UNIT_TITLE}, found ${JSON.stringify(first)}`);
  }
  const department = blocks.expect('预算名称：', 0)[1] ?? '';
  const budget: Seed002Budget[] = [];
  const totalRow = blocks.expect('预算情况（万元', 0);
  budget.push({ label: totalRow[1] ?? '', amount: totalRow[2] ?? '' });
  for (let i = 0; i < 3; i++) {
    const row = blocks.next();
    if (row.length !== 3 || row[0] !== '') throw seedError('002', `expected a 预算情况 其中 row, found ${JSON.stringify(row)}`);
    budget.push({ label: row[1] ?? '', amount: row[2] ?? '' });
  }
  blocks.expect('年度主要任务及拟达到的目标', 0);
  blocks.skipEmpty();
  const tasks = blocks.next()[1] ?? '';
  blocks.skipEmpty();
  const unitHeader = blocks.expect('绩效指标', 0);
  if (unitHeader.length !== 4) throw seedError('002', `the department form's indicator header should have 4 cells: ${JSON.stringify(unitHeader)}`);
  const unitIndicators = indicatorRows(blocks, unitHeader, (b) => isFormTitle(b, PROJECT_TITLE));

  const forms: Seed002['forms'][number][] = [];
  while (!blocks.done) {
    const head = blocks.next();
    if (!isFormTitle(head, PROJECT_TITLE) || normaliseCellText(head[1] ?? '') !== '项目名称') {
      throw seedError('002', `expected ${PROJECT_TITLE} | 项目名称 | …, found ${JSON.stringify(head)}`);
    }
    const name = head[2] ?? '';
    const unit = blocks.expect('预算单位', 0)[1] ?? '';
    const amount = blocks.expect('项目资金(万元)', 0)[2] ?? '';
    const fiscal = blocks.expect('其中：财政拨款', 1)[2] ?? '';
    const other = blocks.expect('其他资金', 1)[2] ?? '';
    blocks.expect('总体目标', 0);
    const goal = blocks.next()[1] ?? '';
    const header = blocks.expect('绩效指标', 0);
    if (header.length !== 5) throw seedError('002', `a project form's indicator header should have 5 cells: ${JSON.stringify(header)}`);
    const indicators = indicatorRows(blocks, header, (b) => isFormTitle(b, PROJECT_TITLE));
    forms.push({ name, unit, amount, fiscal, other, goal, indicators });
  }
  return { unitForm: { department, budget, tasks, indicators: unitIndicators }, forms };
}

/** Read and parse seed 002 (default: /work/shared/seeds/002_b088b343cd787761.txt). */
export function readSeed002(path?: string | URL): Seed002 {
  return parseSeed002(readFileSync(path ?? SEED_002_URL, 'utf8'));
}
