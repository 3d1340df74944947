import { describe, expect, it } from 'vitest';
import { syntheticFormDisclosure, syntheticIndicator, syntheticProjectForm, syntheticUnitForm } from '../../../tests/support/synthetic-performance.ts';
import type { Indicator, ProjectForm } from '../disclosure/model.ts';
import { indicatorIndex, indicatorUses, nameKey } from './indicator-index.ts';

const row = syntheticIndicator;
const projectForm = (id: string, indicators: Indicator[]) => syntheticProjectForm(id, { indicators });
const disclosure = (year: number, regionCode: string, projectForms: ProjectForm[], unitIndicators: Indicator[] = []) =>
  syntheticFormDisclosure({ year, regionCode, projectForms, unitForm: unitIndicators.length === 0 ? null : syntheticUnitForm({ indicators: unitIndicators }) });

describe('nameKey', () => {
  it('ignores spaces and a trailing 指标, so printed variants of one level share a key', () => {
    expect(nameKey('社会效益指标')).toBe(nameKey('社会效益'));
    expect(nameKey('满 意度指标')).toBe('满意度');
    expect(nameKey('产出指标')).not.toBe(nameKey('效益指标'));
  });
});

describe('indicatorUses', () => {
  it('lists rows latest year first, project forms before the department form, skipping unfilled rows', () => {
    const older = disclosure(2021, '999902', [projectForm('A', [row({ level1: '产出指标', name: '旧' })])]);
    const newer = disclosure(
      2025,
      '999901',
      [projectForm('B', [row({ level1: '效益指标', level2: '经济效益' }), row({ level1: '效益指标', level2: '社会效益', name: '新', target: '提升' })])],
      [row({ level1: '产出指标', name: '部门' })],
    );
    const uses = indicatorUses([older, newer]);
    expect(uses.map((u) => [u.disclosure.id, u.form.kind, u.position, u.indicator.name])).toEqual([
      ['999901-901-2025', 'project', 2, '新'],
      ['999901-901-2025', 'unit', 1, '部门'],
      ['999902-901-2021', 'project', 1, '旧'],
    ]);
    expect(uses[0]?.form).toEqual({ kind: 'project', id: 'B', name: '合成项目B（SYNTHETIC）' });
  });
});

describe('indicatorIndex', () => {
  const index = indicatorIndex([
    disclosure(2024, '999901', [
      projectForm('A', [
        row({ level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', target: '100%' }),
        row({ level1: '产出指标', level2: '数量指标', name: '开会次数', target: '1' }),
      ]),
      projectForm('B', [row({ level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', target: '95%' })]),
    ]),
    disclosure(2022, '999902', [projectForm('C', [row({ level1: '满意度', level2: '服务对象满意度', name: '群众 满意度', target: '≥90%' })])]),
  ]);

  it('groups printed variants of a level under one key and keeps each spelling', () => {
    const satisfaction = index.find((g) => g.key === '满意度');
    expect(satisfaction?.names).toEqual(['满意度指标', '满意度']);
    expect(satisfaction?.children.map((g) => [g.key, g.names])).toEqual([['服务对象满意度', ['服务对象满意度指标', '服务对象满意度']]]);
  });

  it('puts the same indicator of several forms and disclosures into one name group, with every row', () => {
    const names = index.find((g) => g.key === '满意度')?.children[0]?.children ?? [];
    expect(names.map((g) => [g.key, g.count])).toEqual([['群众满意度', 3]]);
    expect(names[0]?.children.map((u) => [u.disclosure.year, u.indicator.target])).toEqual([
      [2024, '100%'],
      [2024, '95%'],
      [2022, '≥90%'],
    ]);
  });

  it('orders groups by number of rows, then by first appearance', () => {
    expect(index.map((g) => [g.key, g.count])).toEqual([
      ['满意度', 3],
      ['产出', 1],
    ]);
  });
});
