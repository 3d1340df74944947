/**
 * Parser for the text of a real published document:
 * /work/shared/seeds/004_636228d89cf3601e.txt
 * (平罗县人民代表大会常务委员会办公室, 2025, 项目支出预算绩效目标表 × 6, 单位：万元).
 *
 * Layout: a heading line, then for each form one table row per line, cells separated by tabs:
 *
 *   部门项目支出预算绩效目标表
 *   单位：万元
 *   项目名称 | <name>
 *   主管部门 | <department> | 实施单位 | <unit>
 *   项目属性 | <attribute> | 项目期限 | <period>
 *   项目主管处室 | <office> | 项目年度金额 | <amount>
 *   年度总体绩效目标 | <goal>
 *   一级指标 | 二级指标 | 三级指标 | 绩效值
 *   <indicator rows: 一级 and 二级 printed as `1-产出指标`, blank where merged with the row above>
 *
 * Blank lines (page breaks) may fall anywhere, even inside the indicator grid.
 */
import { readFileSync } from 'node:fs';
import { lineCells, seedError, seedIndicator, splitLevel, type SeedIndicator, type SeedProjectForm } from './seed-forms.ts';

export const SEED_004_URL: URL = new URL('../../../shared/seeds/004_636228d89cf3601e.txt', import.meta.url);

export interface Seed004Form extends SeedProjectForm {
  readonly department: string;
  readonly unit: string;
  readonly attribute: string;
  readonly period: string;
  readonly office: string;
  readonly goal: string;
}

export interface Seed004 {
  /** The amount unit every form declares (单位：万元). */
  readonly amountUnit: string;
  readonly forms: readonly Seed004Form[];
}

const FORM_TITLE = '部门项目支出预算绩效目标表';
const INDICATOR_HEADER = ['一级指标', '二级指标', '三级指标', '绩效值'];

export function parseSeed004(text: string): Seed004 {
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map(lineCells)
    .filter((cells) => cells.length > 0);
  const starts = rows.flatMap((cells, i) => (cells[0] === FORM_TITLE ? [i] : []));
  if (starts.length === 0) throw seedError('004', `no form title ${FORM_TITLE}`);
  const heading = rows.slice(0, starts[0]);
  if (heading.length !== 1 || !(heading[0]?.[0] ?? '').startsWith('附件')) {
    throw seedError('004', `expected one heading line before the first form, found ${JSON.stringify(heading)}`);
  }

  const units = new Set<string>();
  const forms = starts.map((start, f) => {
    const body = rows.slice(start + 1, starts[f + 1] ?? rows.length);
    const where = `form ${f + 1}`;
    let line = 0;
    const next = (label: string): string[] => {
      const cells = body[line++];
      if (cells?.[0] !== label) throw seedError('004', `${where}: expected a line starting with ${label}, found ${JSON.stringify(cells)}`);
      return cells;
    };
    const unitLine = body[line++]?.[0] ?? '';
    const unitMatch = /^单位：(.+)$/.exec(unitLine);
    if (!unitMatch?.[1]) throw seedError('004', `${where}: expected 单位：…, found ${JSON.stringify(unitLine)}`);
    units.add(unitMatch[1]);
    const pair = (label: string, second: string): [string, string] => {
      const cells = next(label);
      if (cells[2] !== second || cells.length !== 4) throw seedError('004', `${where}: expected ${label} | … | ${second} | …, found ${JSON.stringify(cells)}`);
      return [cells[1] ?? '', cells[3] ?? ''];
    };
    const single = (label: string): string => {
      const cells = next(label);
      if (cells.length !== 2) throw seedError('004', `${where}: expected ${label} | …, found ${JSON.stringify(cells)}`);
      return cells[1] ?? '';
    };
    const name = single('项目名称');
    const [department, unit] = pair('主管部门', '实施单位');
    const [attribute, period] = pair('项目属性', '项目期限');
    const [office, amount] = pair('项目主管处室', '项目年度金额');
    const goal = single('年度总体绩效目标');
    const header = body[line++];
    if (JSON.stringify(header) !== JSON.stringify(INDICATOR_HEADER)) {
      throw seedError('004', `${where}: expected the indicator header ${INDICATOR_HEADER.join(' | ')}, found ${JSON.stringify(header)}`);
    }
    const indicators: SeedIndicator[] = [];
    let level1 = '';
    let level2 = '';
    for (const cells of body.slice(line)) {
      // Rows keep their leading empty cells (merged 一级/二级), so read them by position.
      const [l1 = '', l2 = '', indicator = '', target = '', ...extra] = cells;
      if (extra.length > 0) throw seedError('004', `${where}: an indicator row has more than 4 cells: ${JSON.stringify(cells)}`);
      level1 = l1 || level1;
      level2 = l2 || level2;
      if (level1 === '' || level2 === '') throw seedError('004', `${where}: indicator row without 一级/二级: ${JSON.stringify(cells)}`);
      const one = splitLevel(level1);
      const two = splitLevel(level2);
      indicators.push(seedIndicator({ level1: one.name, level1Code: one.code, level2: two.name, level2Code: two.code, name: indicator, target }));
    }
    return { name, department, unit, attribute, period, office, amount, goal, indicators };
  });
  if (units.size !== 1) throw seedError('004', `forms disagree on their amount unit: ${[...units].join(', ')}`);
  return { amountUnit: [...units][0] ?? '', forms };
}

/** Read and parse seed 004 (default: /work/shared/seeds/004_636228d89cf3601e.txt). */
export function readSeed004(path?: string | URL): Seed004 {
  return parseSeed004(readFileSync(path ?? SEED_004_URL, 'utf8'));
}
