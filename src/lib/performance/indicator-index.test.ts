import { describe, expect, it } from 'vitest';
import type { Disclosure, Indicator, ProjectForm, UnitForm } from '../ledger/model.ts';
import { indicatorIndex, indicatorUses, nameKey } from './indicator-index.ts';

const at = { file: 'synthetic', line: 1, column: 1 };

/** A SYNTHETIC indicator row. */
const row = (fields: Partial<Indicator>): Indicator => ({
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
  at,
  ...fields,
});

/** A SYNTHETIC project form holding only what the index reads. */
const projectForm = (id: string, indicators: Indicator[]): ProjectForm => ({
  id,
  project: null,
  name: `合成项目${id}（SYNTHETIC）`,
  code: '',
  category: '',
  attribute: '',
  period: '',
  department: '',
  unit: '',
  unitCode: null,
  office: '',
  amount: null,
  funding: { fiscal: null, other: null },
  purpose: '',
  basis: '',
  duties: '',
  schedule: [],
  spendingPlan: [],
  goal: '',
  measures: '',
  indicators,
  at,
});

/** A SYNTHETIC disclosure with performance forms only. */
const disclosure = (year: number, regionCode: string, projectForms: ProjectForm[], unitIndicators: Indicator[] = []): Disclosure => {
  const unitForm: UnitForm | null =
    unitIndicators.length === 0
      ? null
      : {
          department: '合成部门（SYNTHETIC）',
          mission: '',
          duties: '',
          tasks: [],
          budget: { total: null, fiscalAppropriation: null, generalBudget: null, govFund: null, specialAccount: null, other: null, basic: null, personnel: null, operating: null, project: null },
          indicators: unitIndicators,
          goals: [],
          measures: '',
          at,
        };
  return {
    id: `${regionCode}-901-${year}`,
    year,
    phase: 'budget',
    region: { code: regionCode, name: `合成区${regionCode}（SYNTHETIC）` },
    department: { code: '901', name: '合成部门（SYNTHETIC）' },
    units: [{ code: '901001', name: '合成单位（SYNTHETIC）', type: 'admin' }],
    providedTables: [22, 23],
    projects: [],
    ledger: [],
    income: [],
    carryoverOut: [],
    projectForms,
    unitForm,
    narrative: null,
    catalogue: { year, functional: new Map(), econDept: new Map(), econGov: new Map(), mapping: new Map(), sources: { functional: '', econDept: '', econGov: '', mapping: '' } },
    privacyAllowList: [],
    provenance: { title: 'SYNTHETIC' },
    files: { disclosure: 'synthetic/disclosure.yaml', ledger: null, performance: 'synthetic/performance.yaml' },
  };
};

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
