import { describe, expect, it } from 'vitest';
import { FOLDER, loadSynthetic, positionOfText, type Edit } from '../../../tests/validation/synthetic-content.ts';
import { projectFormFundingAddsUp, unitFormBudgetAddsUp } from './form-rules.ts';
import { ruleContext, type DisclosureRule } from './rule.ts';

function run(rule: DisclosureRule, edits: readonly Edit[]) {
  const { result, files } = loadSynthetic(edits);
  expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const text = files.find((f) => f.path === `${FOLDER}/performance.yaml`)?.text ?? '';
  return { findings: rule(result.disclosures[0]!, ruleContext(files)), text };
}
const budget = (line: string): Edit => ({
  file: 'performance.yaml',
  from: '  budget: {total: 230, generalBudget: 222, govFund: 0, specialAccount: 0, other: 8, basic: 202, project: 28}',
  to: `  budget: {${line}}`,
});

describe('a project form’s funding split', () => {
  it('must add up to its amount, as a warning at the amount', () => {
    const split = (fiscal: string, other: string): Edit => ({
      file: 'performance.yaml',
      from: '    amount: 20\n',
      to: `    amount: 20\n    funding: {fiscal: ${fiscal}, other: ${other}}\n`,
    });
    expect(run(projectFormFundingAddsUp, [split('15', '5')]).findings).toEqual([]);
    expect(run(projectFormFundingAddsUp, [split('20', 'null')]).findings).toEqual([]);
    const { findings, text } = run(projectFormFundingAddsUp, [split('15', '4')]);
    const at = positionOfText(text, '20\n    funding');
    expect(findings.map((f) => [f.code, f.severity, f.line, f.column, f.expected, f.actual])).toEqual([
      ['form.sumMismatch', 'warning', at.line, at.column, '19.00 万元', '20.00 万元'],
    ]);
  });

  it('is not checked when the form does not split the amount', () => {
    expect(run(projectFormFundingAddsUp, []).findings).toEqual([]);
  });
});

describe('the unit form’s 预算情况', () => {
  it('adds up in the valid fixture: sources and kinds both make up the total', () => {
    expect(run(unitFormBudgetAddsUp, []).findings).toEqual([]);
  });

  it('warns when 基本 + 项目 differ from the total, falling back to 财政拨款 and 人员 + 公用 when those are what the form prints', () => {
    // As in seed 002: 921.83 printed beside 712.32 + 104.52 + 105.00 = 921.84.
    const { findings, text } = run(unitFormBudgetAddsUp, [budget('fiscalAppropriation: 921.83, personnel: 712.32, operating: 104.52, project: 105.00')]);
    const at = positionOfText(text, '921.83');
    expect(findings.map((f) => [f.line, f.column, f.expected, f.actual])).toEqual([[at.line, at.column, '921.84 万元', '921.83 万元']]);
  });

  it('warns when the sources do not make up the total, and when 人员 + 公用 differ from 基本', () => {
    const { findings } = run(unitFormBudgetAddsUp, [
      budget('total: 230, generalBudget: 222, govFund: 0, specialAccount: 0, other: 7, basic: 202, personnel: 192, operating: 11, project: 28'),
    ]);
    expect(findings.map((f) => [f.expected, f.actual])).toEqual([
      ['229.00 万元', '230.00 万元'],
      ['203.00 万元', '202.00 万元'],
    ]);
  });

  it('leaves a sum alone when the form does not print every figure in it', () => {
    expect(run(unitFormBudgetAddsUp, [budget('total: 230, generalBudget: 100, basic: 202')]).findings).toEqual([]);
  });
});
