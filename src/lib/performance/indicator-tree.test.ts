import { describe, expect, it } from 'vitest';
import { syntheticIndicator } from '../../../tests/support/synthetic-performance.ts';
import { indicatorTree, indicatorTreeByGoal, isUnfilled } from './indicator-tree.ts';

const row = syntheticIndicator;

describe('indicatorTree', () => {
  it('groups rows by 一级 then 二级 in printed order, keeping every 三级 row in order', () => {
    const rows = [
      row({ level1: '产出指标', level2: '数量指标', name: '甲', target: '1' }),
      row({ level1: '产出指标', level2: '数量指标', name: '乙', target: '2' }),
      row({ level1: '产出指标', level2: '质量指标', name: '丙', target: '100%' }),
      row({ level1: '效益指标', level2: '社会效益指标', name: '丁', target: '提升' }),
    ];
    const tree = indicatorTree(rows);
    expect(tree.map((n) => n.name)).toEqual(['产出指标', '效益指标']);
    expect(tree[0]?.level2.map((n) => [n.name, n.indicators.map((i) => i.name)])).toEqual([
      ['数量指标', ['甲', '乙']],
      ['质量指标', ['丙']],
    ]);
    expect(tree[1]?.level2[0]?.indicators[0]).toBe(rows[3]);
  });

  it('keeps an unfilled 二级指标 as a node with no indicators', () => {
    const rows = [
      row({ level1: '效益指标', level2: '经济效益', level1Code: '2', level2Code: '21' }),
      row({ level1: '效益指标', level2: '社会效益', level1Code: '2', level2Code: '22', name: '戊', target: '有所提高' }),
    ];
    const tree = indicatorTree(rows);
    expect(tree).toHaveLength(1);
    expect(tree[0]?.code).toBe('2');
    expect(tree[0]?.level2.map((n) => [n.code, n.name, n.indicators.length])).toEqual([
      ['21', '经济效益', 0],
      ['22', '社会效益', 1],
    ]);
    expect(isUnfilled(rows[0]!)).toBe(true);
    expect(isUnfilled(rows[1]!)).toBe(false);
  });

  it('keeps a row that has a value but no 三级 name (a form without a 三级 column)', () => {
    const tree = indicatorTree([row({ level1: '基本经费', level2: '时效指标', target: '2022年全年' })]);
    expect(tree[0]?.level2[0]?.indicators.map((i) => i.target)).toEqual(['2022年全年']);
  });

  it('merges a 一级 label that reappears later into its first group', () => {
    const tree = indicatorTree([
      row({ level1: '产出指标', level2: '数量指标', name: '甲' }),
      row({ level1: '效益指标', level2: '社会效益', name: '乙' }),
      row({ level1: '产出指标', level2: '数量指标', name: '丙' }),
    ]);
    expect(tree.map((n) => [n.name, n.level2.flatMap((l) => l.indicators.map((i) => i.name))])).toEqual([
      ['产出指标', ['甲', '丙']],
      ['效益指标', ['乙']],
    ]);
  });

  it('tells apart labels with different printed numbers', () => {
    const tree = indicatorTree([row({ level1: '产出指标', level1Code: '1', name: '甲' }), row({ level1: '产出指标', name: '乙' })]);
    expect(tree.map((n) => n.code)).toEqual(['1', '']);
  });
});

describe('indicatorTreeByGoal', () => {
  it('groups by goal first, each goal with its own tree', () => {
    const groups = indicatorTreeByGoal([
      row({ goal: '目标一', name: '甲', description: '反映甲' }),
      row({ goal: '目标一', name: '乙', description: '反映乙' }),
      row({ goal: '目标二', name: '丙', description: '反映丙' }),
    ]);
    expect(groups.map((g) => [g.goal, g.tree.flatMap((n) => n.level2.flatMap((l) => l.indicators.map((i) => i.name)))])).toEqual([
      ['目标一', ['甲', '乙']],
      ['目标二', ['丙']],
    ]);
  });

  it('gives one group without a goal for a form that lists none', () => {
    const groups = indicatorTreeByGoal([row({ level1: '产出指标', name: '甲' })]);
    expect(groups.map((g) => g.goal)).toEqual(['']);
  });
});
