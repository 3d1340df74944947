/**
 * The performance section of the loader: forms that stand alone (no ledger), forms tied to a
 * ledger project, and the department form, with SYNTHETIC in-memory content.
 */
import { describe, expect, it } from 'vitest';
import { loadContent, type ContentFile } from './load.ts';

const CATALOGUE: ContentFile[] = ['functional', 'econ-dept', 'econ-gov', 'econ-mapping'].map((kind) => ({
  path: `content/catalogues/2024/${kind}.yaml`,
  text: 'source: SYNTHETIC empty catalogue\nentries: []\n',
}));

const DISCLOSURE = `year: 2024
amountUnit: 万元
region: {code: "999901", name: 合成测试区（SYNTHETIC）}
department: {code: "901", name: 合成测试部门（SYNTHETIC）}
units:
  - {code: "901001", name: 合成测试单位（SYNTHETIC）, type: admin}
tables: [22, 23]
projects:
  - {id: L1, unit: "901001", name: 合成账内项目（SYNTHETIC）}
provenance: {title: SYNTHETIC}
`;

function load(performance: string) {
  return loadContent(
    [
      ...CATALOGUE,
      { path: 'content/disclosures/x/disclosure.yaml', text: DISCLOSURE },
      { path: 'content/disclosures/x/performance.yaml', text: performance },
    ],
    'content',
  );
}

const codes = (result: ReturnType<typeof load>) => result.findings.map((f) => f.code);

describe('loading performance.yaml', () => {
  it('reads a form without a ledger: its own name, amounts in the file unit, sources, plan and schedule', () => {
    const result = load(`amountUnit: 元
projects:
  - id: F1
    name: 合成独立项目（SYNTHETIC）
    code: SYN-001
    unitCode: "901001"
    amount: 100000.00
    funding: {fiscal: 100000.00, other: 0}
    spendingPlan:
      - {by: 3月底}
      - {by: 12月底, percent: 100.00%}
    schedule:
      - {content: 1、, start: 2024年1月1日, end: 2024年12月31日}
    indicators:
      - {level1Code: "1", level1: 产出指标, level2Code: "11", level2: 数量指标, name: 合成指标, target: ≥90%, basis: 年度工作计划}
      - {level1: 效益指标, level2: 经济效益}
`);
    expect(result.findings).toEqual([]);
    const form = result.disclosures[0]?.projectForms[0];
    expect(form).toMatchObject({
      id: 'F1',
      project: null,
      name: '合成独立项目（SYNTHETIC）',
      code: 'SYN-001',
      unitCode: '901001',
      amount: 10_000_000,
      funding: { fiscal: 10_000_000, other: 0 },
      spendingPlan: [
        { by: '3月底', percent: '' },
        { by: '12月底', percent: '100.00%' },
      ],
      schedule: [{ content: '1、', start: '2024年1月1日', end: '2024年12月31日' }],
    });
    expect(form?.indicators.map((i) => [i.level1Code, i.level1, i.level2Code, i.level2, i.name, i.target, i.basis, i.goal])).toEqual([
      ['1', '产出指标', '11', '数量指标', '合成指标', '≥90%', '年度工作计划', ''],
      ['', '效益指标', '', '经济效益', '', '', '', ''],
    ]);
    expect(form?.indicators[1]?.at.line).toBe(16);
  });

  it('takes id and name of a form tied to a ledger project from the project', () => {
    const result = load('amountUnit: 万元\nprojects:\n  - {project: L1, amount: 20}\n');
    expect(result.findings).toEqual([]);
    expect(result.disclosures[0]?.projectForms[0]).toMatchObject({ id: 'L1', project: 'L1', name: '合成账内项目（SYNTHETIC）', amount: 20_000_000 });
  });

  it('reports a form with neither id nor project, a repeated id and a standalone form without a name', () => {
    const result = load(`amountUnit: 万元
projects:
  - {name: 甲（SYNTHETIC）, amount: 1}
  - {id: F1, name: 乙（SYNTHETIC）, amount: 1}
  - {id: F1, name: 丙（SYNTHETIC）, amount: 1}
  - {id: F2, amount: 1}
`);
    expect(codes(result)).toEqual(['performance.formIdMissing', 'performance.duplicateFormId', 'performance.formNameMissing']);
    expect(result.findings.map((f) => f.line)).toEqual([3, 5, 6]);
  });

  it('reports an unknown project and an unknown unit code', () => {
    const result = load(`amountUnit: 万元
projects:
  - {project: L9, amount: 1}
  - {id: F1, name: 甲（SYNTHETIC）, unitCode: "901009", amount: 1}
`);
    expect(codes(result)).toEqual(['reference.unknownProject', 'reference.unknownUnit']);
  });

  it('rejects an indicator row that names no level, indicator or value', () => {
    const result = load(`amountUnit: 万元
projects:
  - {id: F1, name: 甲（SYNTHETIC）, amount: 1, indicators: [{note: 备注}]}
`);
    expect(result.findings.map((f) => [f.code, f.line])).toEqual([['file.invalid', 3]]);
  });

  it('flattens a department form’s goals into its indicators, each row naming its goal', () => {
    const result = load(`amountUnit: 万元
unit:
  mission: 合成目标（SYNTHETIC）
  budget: {total: 10, personnel: 6, operating: 4}
  indicators:
    - {level1: 产出指标, name: 甲, target: "1"}
  goals:
    - name: 目标一
      standard: 完成100%为优
      indicators:
        - {name: 乙, description: 反映乙}
`);
    expect(result.findings).toEqual([]);
    const form = result.disclosures[0]?.unitForm;
    expect(form?.department).toBe('合成测试部门（SYNTHETIC）');
    expect(form?.indicators.map((i) => [i.name, i.goal])).toEqual([
      ['甲', ''],
      ['乙', '目标一'],
    ]);
    expect(form?.goals).toEqual([{ name: '目标一', standard: '完成100%为优' }]);
    expect(form?.budget).toMatchObject({ total: 10_000_000, personnel: 6_000_000, operating: 4_000_000, basic: null, generalBudget: null });
  });
});
