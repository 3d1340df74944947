/**
 * Parser for the text of a real published document:
 * /work/shared/seeds/001_7b9a053dd8e8f2a7.txt
 * (秦皇岛市山海关区人民代表大会常务委员会, 2021, 部门整体绩效目标 and four 项目绩效目标表, amounts in 元).
 *
 * 第一部分 部门整体绩效目标 is running text with headings:
 *   一、总体绩效目标     paragraphs (the department's overall goals, with 职责分类目标)
 *   二、分项绩效目标     goals `N、<goal>`, each followed by indicators `<name>：<反映…>` (several may
 *                        share a line, the colon may be ASCII) and a line 各项指标完成100%为优 …
 *   三、工作保障措施     paragraphs
 * 第二部分 预算项目绩效目标: forms from a Word file, one table row per blank-line-separated block,
 * one cell per line (see `cellBlocks`):
 *   N.<name>绩效目标表 | <unit code><unit name> | 单位：元
 *   项目编码 | <code> | 项目名称 | <name>
 *   预算规模及资金用途 | 预算数 | <amount> | 其中：财政资金 | <amount> | 其他资金 | <amount>
 *   (blank) | <purpose>
 *   资金支出计划（%） | 3月底 | 6月底 | 10月底 | 12月底
 *   (blank) | <percent> × 4 (blank where not planned)
 *   绩效目标 | <goal>
 *   一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据, then one block per row
 */
import { readFileSync } from 'node:fs';
import { cellBlocks, seedError, seedIndicator, trimCell, withoutBookmarks, type SeedIndicator, type SeedProjectForm } from './seed-forms.ts';

export const SEED_001_URL: URL = new URL('../../../shared/seeds/001_7b9a053dd8e8f2a7.txt', import.meta.url);

export interface Seed001Goal {
  readonly name: string;
  readonly standard: string;
  readonly indicators: readonly SeedIndicator[];
}

export interface Seed001Form extends SeedProjectForm {
  readonly title: string;
  readonly unitLine: string;
  readonly amountUnit: string;
  readonly code: string;
  readonly fiscal: string;
  readonly other: string;
  readonly purpose: string;
  readonly spendingPlan: readonly { readonly by: string; readonly percent: string }[];
  readonly goal: string;
}

export interface Seed001 {
  readonly unitForm: {
    /** The lines of 一、总体绩效目标. */
    readonly mission: readonly string[];
    readonly goals: readonly Seed001Goal[];
    /** The lines of 三、工作保障措施. */
    readonly measures: readonly string[];
  };
  readonly forms: readonly Seed001Form[];
}

const PART_TWO = '第二部分';
const INDICATOR_HEADER = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];

/** The trimmed, non-empty lines between two headings of part one. */
function section(lines: readonly string[], from: string, to: string): string[] {
  const start = lines.findIndex((l) => l === from);
  const end = lines.findIndex((l) => l === to);
  if (start < 0 || end < start) throw seedError('001', `headings ${from} … ${to} not found in order`);
  return lines.slice(start + 1, end);
}

/** 二、分项绩效目标: goals with their `<name>：<description>` indicators and scoring standard. */
function parseGoals(rawLines: readonly string[]): Seed001Goal[] {
  const goals: { name: string; standard: string; text: string[] }[] = [];
  for (const raw of rawLines) {
    const line = trimCell(raw);
    const goal = /^(\d+)、([^\t]+)(?:\t(.*))?$/.exec(line);
    if (goal?.[1] !== undefined && goal[2] !== undefined) {
      if (Number(goal[1]) !== goals.length + 1) throw seedError('001', `goal ${goal[1]} out of order`);
      goals.push({ name: trimCell(goal[2]), standard: '', text: goal[3] === undefined ? [] : [goal[3]] });
      continue;
    }
    const current = goals.at(-1);
    if (!current) throw seedError('001', `text before the first goal: ${JSON.stringify(line)}`);
    if (line.startsWith('各项指标完成')) current.standard = line;
    else current.text.push(line);
  }
  return goals.map((goal) => {
    const indicators = [...goal.text.join('\n').matchAll(/([^\s：:]+)\s*[：:]\s*([^\s：:]+)/gu)].map((m) =>
      seedIndicator({ name: m[1] ?? '', description: m[2] ?? '', goal: goal.name }),
    );
    if (indicators.length === 0 || goal.standard === '') throw seedError('001', `goal ${goal.name} has no indicators or no standard`);
    for (const i of indicators) {
      if (!i.description.startsWith('反映')) throw seedError('001', `indicator ${i.name}: description should start with 反映, found ${i.description}`);
    }
    return { name: goal.name, standard: goal.standard, indicators };
  });
}

function parseForms(blocks: readonly string[][]): Seed001Form[] {
  let i = 0;
  const next = (what: string, check: (block: readonly string[]) => boolean): readonly string[] => {
    const block = blocks[i++];
    if (!block || !check(block)) throw seedError('001', `block ${i}: expected ${what}, found ${JSON.stringify(block)}`);
    return block;
  };
  const same = (expected: readonly string[]) => (block: readonly string[]) => JSON.stringify(block) === JSON.stringify(expected);
  next('第二部分', same([PART_TWO]));
  next('预算项目绩效目标', same(['预算项目绩效目标']));
  const forms: Seed001Form[] = [];
  while (i < blocks.length) {
    const [title = '', unitLine = '', unitCell = ''] = next(
      'N.<name>绩效目标表 | unit | 单位：…',
      (b) => /^\d+\..+绩效目标表$/.test(b[0] ?? '') && b.length === 3,
    );
    const amountUnit = /^单位：(.+)$/.exec(unitCell)?.[1] ?? '';
    const [, code = '', , name = ''] = next('项目编码 | … | 项目名称 | …', (b) => b[0] === '项目编码' && b[2] === '项目名称' && b.length === 4);
    const [, , amount = '', , fiscal = '', , other = ''] = next(
      '预算规模及资金用途 …',
      (b) => b[0] === '预算规模及资金用途' && b[1] === '预算数' && b[3] === '其中：财政资金' && b[5] === '其他资金' && b.length === 7,
    );
    const purpose = next('the purpose of the funds', (b) => b.length === 2 && b[0] === '')[1] ?? '';
    const dates = next('资金支出计划（%） | dates', (b) => b[0] === '资金支出计划（%）' && b.length === 5).slice(1);
    const percents = next('the spending plan percentages', (b) => b.length === 5 && b[0] === '').slice(1);
    const spendingPlan = dates.map((by, d) => ({ by, percent: percents[d] ?? '' }));
    const goal = next('绩效目标 | …', (b) => b[0] === '绩效目标' && b.length === 2)[1] ?? '';
    next('the indicator header', same(INDICATOR_HEADER));
    const indicators: SeedIndicator[] = [];
    let level1 = '';
    while (i < blocks.length && !/^\d+\./.test(blocks[i]?.[0] ?? '')) {
      const [l1 = '', level2 = '', indicator = '', description = '', target = '', basis = ''] = next('an indicator row of 6 cells', (b) => b.length === 6);
      level1 = l1 || level1;
      indicators.push(seedIndicator({ level1, level2, name: indicator, description, target, basis }));
    }
    forms.push({ title, unitLine, amountUnit, code, name, amount, fiscal, other, purpose, spendingPlan, goal, indicators });
  }
  return forms;
}

export function parseSeed001(text: string): Seed001 {
  const clean = withoutBookmarks(text.replace(/^\uFEFF/, ''));
  const split = clean.indexOf(`\n ${PART_TWO}`);
  if (split < 0) throw seedError('001', `${PART_TWO} not found`);
  const partOne = clean.slice(0, split).split(/\r?\n/);
  const trimmed = partOne.map(trimCell);
  const keep = (lines: readonly string[]) => lines.map(trimCell).filter((l) => l !== '');
  const headingIndex = (heading: string) => trimmed.indexOf(heading);
  const goalsFrom = headingIndex('二、分项绩效目标');
  const measuresFrom = headingIndex('三、工作保障措施');
  if (goalsFrom < 0 || measuresFrom < goalsFrom) throw seedError('001', 'headings 二、分项绩效目标 / 三、工作保障措施 not found');
  return {
    unitForm: {
      mission: keep(section(trimmed, '一、总体绩效目标', '二、分项绩效目标')),
      // Goal lines keep their tabs: a tab separates a goal from an indicator printed on its line.
      goals: parseGoals(partOne.slice(goalsFrom + 1, measuresFrom).filter((l) => trimCell(l) !== '')),
      measures: keep(trimmed.slice(measuresFrom + 1)),
    },
    forms: parseForms(cellBlocks(clean.slice(split + 1))),
  };
}

/** Read and parse seed 001 (default: /work/shared/seeds/001_7b9a053dd8e8f2a7.txt). */
export function readSeed001(path?: string | URL): Seed001 {
  return parseSeed001(readFileSync(path ?? SEED_001_URL, 'utf8'));
}
