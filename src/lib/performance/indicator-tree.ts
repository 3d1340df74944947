/**
 * The 一级 / 二级 / 三级 tree of a form's indicators, derived by grouping the flat rows the
 * content stores. Content keeps rows in printed order (so a transcription compares row by row);
 * pages that show the form as nested headings read this tree instead.
 */
import type { Indicator } from '../disclosure/model.ts';

export interface Level2Node {
  /** 二级指标 name ('' when the form has no 二级 column). */
  readonly name: string;
  /** Its printed number (`11`), or ''. */
  readonly code: string;
  /** The 三级 indicators, in printed order; empty when the form lists this 二级指标 unfilled. */
  readonly indicators: readonly Indicator[];
}

export interface Level1Node {
  /** 一级指标 name ('' when the form has no 一级 column). */
  readonly name: string;
  /** Its printed number (`1`), or ''. */
  readonly code: string;
  readonly level2: readonly Level2Node[];
}

/** A row that only carries 一级/二级 labels: the form lists a 二级指标 and fills nothing in. */
export const isUnfilled = (indicator: Indicator): boolean =>
  [indicator.name, indicator.target, indicator.description, indicator.measureUnit, indicator.comparator, indicator.basis, indicator.note].every(
    (value) => value === '',
  );

/**
 * Groups rows by 一级 then 二级 label (number and name), each group placed where its first row
 * is printed. Unfilled rows keep their 二级 node but add no indicator.
 */
export function indicatorTree(indicators: readonly Indicator[]): Level1Node[] {
  const level1 = new Map<string, { name: string; code: string; level2: Map<string, { name: string; code: string; indicators: Indicator[] }> }>();
  for (const indicator of indicators) {
    const key1 = JSON.stringify([indicator.level1Code, indicator.level1]);
    let node1 = level1.get(key1);
    if (!node1) {
      node1 = { name: indicator.level1, code: indicator.level1Code, level2: new Map() };
      level1.set(key1, node1);
    }
    const key2 = JSON.stringify([indicator.level2Code, indicator.level2]);
    let node2 = node1.level2.get(key2);
    if (!node2) {
      node2 = { name: indicator.level2, code: indicator.level2Code, indicators: [] };
      node1.level2.set(key2, node2);
    }
    if (!isUnfilled(indicator)) node2.indicators.push(indicator);
  }
  return [...level1.values()].map((node1) => ({ name: node1.name, code: node1.code, level2: [...node1.level2.values()] }));
}

export interface GoalGroup {
  /** The 分项绩效目标 (its name), or '' for indicators listed under no goal. */
  readonly goal: string;
  readonly tree: readonly Level1Node[];
}

/**
 * A department form's indicators grouped by 分项绩效目标 first (seed 001 lists indicators under
 * goals), then into the tree; a form without goals gives one group with goal ''.
 */
export function indicatorTreeByGoal(indicators: readonly Indicator[]): GoalGroup[] {
  const goals = [...new Set(indicators.map((i) => i.goal))];
  return goals.map((goal) => ({ goal, tree: indicatorTree(indicators.filter((i) => i.goal === goal)) }));
}
