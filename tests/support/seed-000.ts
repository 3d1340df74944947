/**
 * Parser for the text of a real published document:
 * /work/shared/seeds/000_9da4bde89d5685f6.txt
 * (石鼓区人民代表大会常务委员会, 2021年度, twelve 专项资金绩效目标申报表 and one
 * 部门整体支出绩效目标申报表, amounts in 万元).
 *
 * PRIVACY: every form ends with a 填报人 / 填表人 line holding a clerk's name and mobile number.
 * The parser exposes them (`contacts`) only so the privacy test can look for them in published
 * files at test time; they must never be written into content, source or test code.
 *
 * The text comes from a Word file: one table row per blank-line-separated block, one cell per
 * line (see `cellBlocks`). A project form:
 *
 *   专项资金绩效目标申报表 …  | 专项名称 | <name> | 专项属性 | 延续专项     新增专项□
 *   部门名称 | <department> | 资金总额（万元） | <amount>
 *   部门相应职能职责概述 | <duties, one per line>
 *   专项立项依据 | <basis>
 *   专项实施进度计划 | 专项实施内容 | 计划开始时间 | 计划完成时间, then rows (blank) | 1、 | <start> | <end>
 *   专项年度绩效目标 | <goal>
 *   专项年度绩效指标 | 一级指标 | 二级指标 | 指标内容 | 指标值 | 备注, then rows (blank) | … × 5
 *   专项实施保障措施 | <measures>
 *   finance bureau review boxes, 填报人 line
 *
 * The department form: 部门名称, 年度预算申请 (资金总额 and 其中 lines written as `label：amount`),
 * 部门职能职责概述, 整体绩效目标, then 年度绩效指标 as one cell per 一级指标 with one indicator a line.
 */
import { readFileSync } from 'node:fs';
import { cellBlocks, normaliseCellText, seedError, seedIndicator, type SeedIndicator, type SeedProjectForm } from './seed-forms.ts';

export const SEED_000_URL: URL = new URL('../../../shared/seeds/000_9da4bde89d5685f6.txt', import.meta.url);

export interface Seed000Form extends SeedProjectForm {
  /** 专项属性 as printed (the options and their check boxes). */
  readonly attributeText: string;
  readonly department: string;
  readonly duties: string;
  readonly basis: string;
  readonly schedule: readonly { readonly content: string; readonly start: string; readonly end: string }[];
  readonly goal: string;
  readonly measures: string;
}

export interface Seed000 {
  /** The unit every amount label names (资金总额（万元）, 年度预算申请（万元）). */
  readonly amountUnit: string;
  readonly forms: readonly Seed000Form[];
  readonly unitForm: {
    readonly department: string;
    /** 年度预算申请 lines as printed: label and amount. */
    readonly budget: readonly { readonly label: string; readonly amount: string }[];
    readonly duties: string;
    readonly mission: string;
    readonly indicators: readonly SeedIndicator[];
  };
  /** The clerk contact of each 填报人 / 填表人 line: personal data, for the privacy test only. */
  readonly contacts: readonly { readonly name: string; readonly phone: string }[];
}

const PROJECT_TITLE = '专项资金绩效目标申报表';
const UNIT_TITLE = '部门整体支出绩效目标申报表';
const CONTACT_LINE = /填[报表]人(?:（签名）)?：\s*(\S+)\s+联系电话：\s*(\d+)/u;

const label = (cell: string | undefined): string => normaliseCellText(cell ?? '');

/** The option of 专项属性 whose box is not printed empty (□): the extraction lost the ticked box. */
export function markedAttribute(attributeText: string): string {
  const options = attributeText.split(/[\s\u3000]+/u).filter((o) => o !== '');
  const marked = options.filter((o) => !o.endsWith('□'));
  if (marked.length !== 1 || options.length !== 2) throw seedError('000', `cannot tell the marked option of 专项属性: ${JSON.stringify(attributeText)}`);
  return marked[0] ?? '';
}

function parseProjectForm(blocks: readonly string[][], start: number): { form: Seed000Form; amountUnit: string; next: number } {
  let i = start;
  const where = `form at block ${start + 1}`;
  const next = (first: string, length?: number): readonly string[] => {
    const block = blocks[i++];
    if (!block || label(block[0]) !== first || (length !== undefined && block.length !== length)) {
      throw seedError('000', `${where}: expected ${first}${length === undefined ? '' : ` with ${length} cells`}, found ${JSON.stringify(block)}`);
    }
    return block;
  };
  const head = blocks[i++] ?? [];
  if (!(head[0] ?? '').startsWith(PROJECT_TITLE) || label(head[1]) !== '专项名称' || label(head[3]) !== '专项属性' || head.length !== 5) {
    throw seedError('000', `${where}: expected the title block with 专项名称 and 专项属性, found ${JSON.stringify(head)}`);
  }
  const [, , name = '', , attributeText = ''] = head;
  const [, department = '', amountLabel = '', amount = ''] = next('部门名称', 4);
  const amountUnit = /^资金总额（(.+)）$/u.exec(label(amountLabel))?.[1] ?? '';
  const duties = next('部门相应职能职责概述', 2)[1] ?? '';
  const basis = next('专项立项依据', 2)[1] ?? '';
  next('专项实施进度计划', 4);
  const schedule: { content: string; start: string; end: string }[] = [];
  while (blocks[i]?.[0] === '' && blocks[i]?.length === 4) {
    const [, content = '', from = '', to = ''] = blocks[i++] ?? [];
    schedule.push({ content, start: from, end: to });
  }
  const goal = next('专项年度绩效目标', 2)[1] ?? '';
  const header = next('专项年度绩效指标', 6);
  if (JSON.stringify(header.slice(1).map(label)) !== JSON.stringify(['一级指标', '二级指标', '指标内容', '指标值', '备注'])) {
    throw seedError('000', `${where}: unexpected indicator header ${JSON.stringify(header)}`);
  }
  const indicators: SeedIndicator[] = [];
  let level1 = '';
  while (label(blocks[i]?.[0]) !== '专项实施保障措施') {
    const row = blocks[i++];
    if (!row || row.length !== 6 || row[0] !== '')
      throw seedError('000', `${where}: an indicator row should have 6 cells, the first blank: ${JSON.stringify(row)}`);
    const [, l1 = '', level2 = '', indicator = '', target = '', note = ''] = row;
    level1 = l1 || level1;
    indicators.push(seedIndicator({ level1, level2, name: indicator, target, note }));
  }
  const measures = next('专项实施保障措施', 2)[1] ?? '';
  next('财政部门支出股室股审核意见');
  next('财政绩效管理股审核意见');
  const contact = blocks[i++];
  if (!contact || !CONTACT_LINE.test(contact[0] ?? '')) throw seedError('000', `${where}: expected the 填报人 line after the review boxes`);
  return { form: { name, attributeText, department, amount, duties, basis, schedule, goal, indicators, measures }, amountUnit, next: i };
}

function parseUnitForm(blocks: readonly string[][], start: number): Seed000['unitForm'] & { amountUnit: string } {
  const head = blocks[start] ?? [];
  if (!(head[0] ?? '').startsWith(UNIT_TITLE) || label(head[2]) !== '部门名称' || head.length !== 4) {
    throw seedError('000', `department form: unexpected first block ${JSON.stringify(head)}`);
  }
  const dutiesAt = blocks.findIndex((b, i) => i > start && label(b[0]) === '部门职能职责概述');
  // 年度预算申请: the cells between the title block and 部门职能职责概述 (blank lines split them
  // into several blocks); every amount is written as `label：amount`.
  const budgetCells = blocks.slice(start + 1, dutiesAt).flat();
  const amountUnit = /^年度预算申请（(.+)）$/u.exec(label(budgetCells[0]))?.[1] ?? '';
  const budget = budgetCells
    .flatMap((cell) => cell.split('\n'))
    .flatMap((line) => {
      const match = /^(?:其中：)?[\s\u3000]*([^：]+)：([\d.]+)$/u.exec(line.trim());
      return match?.[1] !== undefined && match[2] !== undefined ? [{ label: match[1], amount: match[2] }] : [];
    });
  const [dutiesBlock = [], missionBlock = [], output = [], effect = []] = blocks.slice(dutiesAt);
  if (dutiesAt < 0 || label(missionBlock[0]) !== '整体绩效目标' || label(output[0]) !== '部门整体支出年度绩效指标' || effect[0] !== '') {
    throw seedError('000', 'department form: blocks after 年度预算申请 are not 部门职能职责概述, 整体绩效目标, 年度绩效指标 × 2');
  }
  const indicators = [output, effect].flatMap(([, level1 = '', text = '']) => text.split('\n').map((name) => seedIndicator({ level1, name })));
  return { amountUnit, department: head[3] ?? '', budget, duties: dutiesBlock[1] ?? '', mission: missionBlock[1] ?? '', indicators };
}

export function parseSeed000(text: string): Seed000 {
  const blocks = cellBlocks(text);
  const forms: Seed000Form[] = [];
  const units = new Set<string>();
  let i = 0;
  while ((blocks[i]?.[0] ?? '').startsWith(PROJECT_TITLE)) {
    const parsed = parseProjectForm(blocks, i);
    forms.push(parsed.form);
    units.add(parsed.amountUnit);
    i = parsed.next;
  }
  if (!(blocks[i]?.[0] ?? '').startsWith(UNIT_TITLE))
    throw seedError('000', `expected ${UNIT_TITLE} after the project forms, found ${JSON.stringify(blocks[i])}`);
  const { amountUnit, ...unitForm } = parseUnitForm(blocks, i);
  units.add(amountUnit);
  if (units.size !== 1) throw seedError('000', `forms disagree on their amount unit: ${[...units].join(', ')}`);
  const contacts = text.split(/\r?\n/).flatMap((line) => {
    const match = CONTACT_LINE.exec(line);
    return match?.[1] !== undefined && match[2] !== undefined ? [{ name: match[1], phone: match[2] }] : [];
  });
  if (contacts.length !== forms.length + 1) throw seedError('000', `expected one 填报人 line per form, found ${contacts.length}`);
  return { amountUnit, forms, unitForm, contacts };
}

/** Read and parse seed 000 (default: /work/shared/seeds/000_9da4bde89d5685f6.txt). */
export function readSeed000(path?: string | URL): Seed000 {
  return parseSeed000(readFileSync(path ?? SEED_000_URL, 'utf8'));
}
