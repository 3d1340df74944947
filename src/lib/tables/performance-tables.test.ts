import { describe, expect, it } from 'vitest';
import { syntheticFormDisclosure, syntheticIndicator, syntheticProjectForm, syntheticUnitForm } from '../../../tests/support/synthetic-performance.ts';
import { leafColumns, type Row } from './model.ts';
import { levelLabel, projectPerformance, unitPerformance } from './performance-tables.ts';

const SEED_003_PROJECT_COLUMNS = ['项目名称', '项目类别', '年度本级预算金额', '项目支出实施期', '本年度绩效目标'];
const SEED_003_INDICATOR_COLUMNS = ['一级指标', '二级指标', '三级指标', '指标值', '指标值内容', '度量单位', '指标值类型', '备注'];

const labels = (header: ReturnType<typeof projectPerformance>['header']) => leafColumns(header).map((c) => c.path.at(-1));
const texts = (row: Row | undefined) => row?.cells.map((c) => c.value);

describe('表22 项目支出绩效目标表', () => {
  it('prints the columns of seed 003 for forms that fill only those fields', () => {
    const d = syntheticFormDisclosure({
      projectForms: [
        syntheticProjectForm('A', {
          category: '特定目标类',
          amount: 200_000,
          indicators: [syntheticIndicator({ level1: '产出指标', name: '甲', target: '1' })],
        }),
      ],
    });
    expect(labels(projectPerformance(d).header)).toEqual([...SEED_003_PROJECT_COLUMNS, ...SEED_003_INDICATOR_COLUMNS]);
  });

  it('adds a column for each further field some form fills, in a fixed order', () => {
    const d = syntheticFormDisclosure({
      projectForms: [
        syntheticProjectForm('A', { code: 'SYN-1', funding: { fiscal: 100, other: 0 } }),
        syntheticProjectForm('B', {
          spendingPlan: [{ by: '3月底', percent: '50.00%' }],
          indicators: [syntheticIndicator({ level1: '产出指标', name: '甲', basis: '年度工作计划' })],
        }),
      ],
    });
    expect(labels(projectPerformance(d).header)).toEqual([
      '项目名称',
      '项目编码',
      '项目类别',
      '年度本级预算金额',
      '其中：财政拨款',
      '其中：其他资金',
      '项目支出实施期',
      '资金支出计划（%）',
      '本年度绩效目标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '指标值内容',
      '度量单位',
      '指标值类型',
      '指标值确定依据',
      '备注',
    ]);
  });

  it('writes a project row keyed by the form id, then one row per indicator repeating the project name', () => {
    const d = syntheticFormDisclosure({
      projectForms: [
        syntheticProjectForm('P01', {
          name: '合成项目（SYNTHETIC）',
          amount: 660_000,
          indicators: [syntheticIndicator({ level1Code: '1', level1: '产出指标', level2Code: '11', level2: '数量指标', name: '甲', target: '2 次' })],
        }),
      ],
    });
    const { rows } = projectPerformance(d);
    expect(rows.map((r) => [r.level, r.key])).toEqual([
      ['project', 'project:P01'],
      ['indicator', 'indicator:P01:1'],
    ]);
    expect(texts(rows[0])).toEqual(['合成项目（SYNTHETIC）', '', 660_000, '', '', '', '', '', '', '', '', '', '']);
    expect(texts(rows[1])).toEqual(['合成项目（SYNTHETIC）', '', null, '', '', '1-产出指标', '11-数量指标', '甲', '2 次', '', '', '', '']);
  });

  it('writes schedule and spending plan as readable text', () => {
    const d = syntheticFormDisclosure({
      projectForms: [
        syntheticProjectForm('A', {
          schedule: [
            { content: '1、', start: '2021年1月1日', end: '2021年12月31日' },
            { content: '2、', start: '', end: '' },
          ],
          spendingPlan: [
            { by: '3月底', percent: '' },
            { by: '6月底', percent: '100.00%' },
          ],
        }),
      ],
    });
    const { header, rows } = projectPerformance(d);
    const cell = (label: string) => rows[0]?.cells[leafColumns(header).findIndex((c) => c.path.at(-1) === label)]?.value;
    expect(cell('实施进度计划')).toBe('1、 2021年1月1日—2021年12月31日\n2、');
    expect(cell('资金支出计划（%）')).toBe('3月底：\n6月底：100.00%');
  });
});

describe('表23 整体支出绩效目标表', () => {
  it('lists only the 预算情况 lines the form prints, a printed zero included', () => {
    const d = syntheticFormDisclosure({
      unitForm: syntheticUnitForm({
        budget: {
          total: null,
          fiscalAppropriation: 100,
          generalBudget: null,
          govFund: 0,
          specialAccount: null,
          other: null,
          basic: null,
          personnel: 60,
          operating: 40,
          project: null,
        },
      }),
    });
    expect(
      unitPerformance(d)
        .fields.filter((f) => f.label.startsWith('预算情况'))
        .map((f) => [f.label, f.value.value]),
    ).toEqual([
      ['预算情况 · 年度财政拨款资金总额', 100],
      ['预算情况 · 按收入性质分 · 政府性基金拨款', 0],
      ['预算情况 · 按支出性质分 · 人员经费', 60],
      ['预算情况 · 按支出性质分 · 公用经费', 40],
    ]);
  });

  it('adds a 分项绩效目标 column and the goals as fields when the form lists indicators under goals', () => {
    const d = syntheticFormDisclosure({
      unitForm: syntheticUnitForm({
        goals: [{ name: '目标一（SYNTHETIC）', standard: '完成100%为优' }],
        indicators: [syntheticIndicator({ goal: '目标一（SYNTHETIC）', name: '甲', description: '反映甲' })],
        mission: '总体目标（SYNTHETIC）',
        measures: '保障措施（SYNTHETIC）',
      }),
    });
    const table = unitPerformance(d);
    expect(labels(table.header)).toEqual(['分项绩效目标', ...SEED_003_INDICATOR_COLUMNS]);
    expect(texts(table.rows[0])?.slice(0, 6)).toEqual(['目标一（SYNTHETIC）', '', '', '甲', '', '反映甲']);
    expect(table.fields.map((f) => f.label)).toEqual(['部门名称', '年履职目标', '分项绩效目标1', '分项绩效目标1 · 评价标准', '工作保障措施']);
  });

  it('labels an untitled task as 年度主要任务 and leaves out texts the form does not print', () => {
    const d = syntheticFormDisclosure({ unitForm: syntheticUnitForm({ tasks: [{ name: '', content: '主要任务（SYNTHETIC）' }] }) });
    expect(unitPerformance(d).fields.map((f) => [f.label, f.value.value])).toEqual([
      ['部门名称', '合成部门（SYNTHETIC）'],
      ['年度主要任务', '主要任务（SYNTHETIC）'],
    ]);
  });

  it('is an empty grid without fields for a disclosure without a department form', () => {
    const table = unitPerformance(syntheticFormDisclosure({}));
    expect(table.rows).toEqual([]);
    expect(table.fields).toEqual([]);
    expect(labels(table.header)).toEqual(SEED_003_INDICATOR_COLUMNS);
  });
});

describe('levelLabel', () => {
  it('prints a numbered level as the form does, and a plain one unchanged', () => {
    expect(levelLabel('11', '数量指标')).toBe('11-数量指标');
    expect(levelLabel('', '数量指标')).toBe('数量指标');
  });
});
