import { describe, expect, it } from 'vitest';
import { FOLDER, loadSynthetic, positionOfText, type Edit } from '../../../tests/validation/synthetic-content.ts';
import { financialTablesNeedLedger, balancesHold, projectFormsMatchLedger, projectsHaveLedgerRows, unitFormMatchesLedger } from './identity-rules.ts';
import { ruleContext, type DisclosureRule } from './rule.ts';

const balanceOf =
  (code: string): DisclosureRule =>
  (d, context) =>
    balancesHold(d, context).filter((f) => f.code === code);
const incomeEqualsExpenditure = balanceOf('identity.incomeExpenditure');
const fiscalIncomeEqualsExpenditure = balanceOf('identity.fiscalIncomeExpenditure');

function run(rule: DisclosureRule, edits: readonly Edit[] = [], without: Parameters<typeof loadSynthetic>[1] = []) {
  const { result, files } = loadSynthetic(edits, without);
  expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const findings = rule(result.disclosures[0]!, ruleContext(files));
  const text = (name: string) => files.find((f) => f.path === `${FOLDER}/${name}`)?.text ?? '';
  return { findings, text };
}

describe('收入总计 = 支出总计 (table 1)', () => {
  it('holds for the valid fixture, whose unspent 事业收入 is carried over', () => {
    expect(run(incomeEqualsExpenditure).findings).toEqual([]);
  });

  it('fails when income no row spends is not carried over, with both totals', () => {
    const { findings, text } = run(incomeEqualsExpenditure, [{ file: 'disclosure.yaml', from: 'fund: other, amount: 5.00', to: 'fund: other, amount: 3.00' }]);
    expect(findings.map((f) => [f.code, f.line, f.column, f.expected, f.actual])).toEqual([
      ['identity.incomeExpenditure', positionOfText(text('disclosure.yaml'), 'carryoverOut:').line, 1, '支出总计 expenditure = 235.00 万元', '233.00 万元'],
    ]);
  });

  it('fails when a carry-over from last year (上年结转) is neither spent nor carried on', () => {
    const edit: Edit = { file: 'disclosure.yaml', from: 'income:\n', to: 'income:\n  - {unit: "901001", source: carryoverOther, amount: 1.50}\n' };
    expect(run(incomeEqualsExpenditure, [edit]).findings.map((f) => f.actual)).toEqual(['235.00 万元']);
  });
});

describe('财政拨款收入总计 = 支出总计 (table 6)', () => {
  it('holds when the fiscal carry-over balances, fails when it is booked under another fund', () => {
    const income: Edit = { file: 'disclosure.yaml', from: 'income:\n', to: 'income:\n  - {unit: "901001", source: carryoverGeneralBudget, amount: 3.00}\n' };
    const carried = (fund: string): Edit => ({
      file: 'disclosure.yaml',
      from: 'carryoverOut:\n',
      to: `carryoverOut:\n  - {unit: "901001", fund: ${fund}, amount: 3.00}\n`,
    });
    expect(run(fiscalIncomeEqualsExpenditure, [income, carried('generalBudget')]).findings).toEqual([]);
    expect(run(fiscalIncomeEqualsExpenditure, [income, carried('other')]).findings.map((f) => f.code)).toEqual(['identity.fiscalIncomeExpenditure']);
    // Table 1 balances either way: only the fund is wrong.
    expect(run(incomeEqualsExpenditure, [income, carried('other')]).findings).toEqual([]);
  });
});

describe('project performance forms', () => {
  it('must state the amount of their project’s ledger rows', () => {
    expect(run(projectFormsMatchLedger).findings).toEqual([]);
    const { findings, text } = run(projectFormsMatchLedger, [{ file: 'performance.yaml', from: 'amount: 8\n', to: 'amount: 8.01\n' }]);
    const at = positionOfText(text('performance.yaml'), '8.01');
    expect(findings.map((f) => [f.code, f.line, f.column, f.expected, f.actual])).toEqual([
      ['identity.projectFormAmount', at.line, at.column, '明细账 ledger: 8.00 万元', '本表 form: 8.01 万元'],
    ]);
  });

  it('with an empty amount disagree with a project that has ledger rows', () => {
    const { findings } = run(projectFormsMatchLedger, [{ file: 'performance.yaml', from: 'amount: 8\n', to: 'amount: null\n' }]);
    expect(findings.map((f) => [f.expected, f.actual])).toEqual([['明细账 ledger: 8.00 万元', '本表 form: 空 empty']]);
  });
});

describe('the unit performance form’s 预算情况', () => {
  it('agrees line by line with the ledger in the valid fixture', () => {
    expect(run(unitFormMatchesLedger).findings).toEqual([]);
  });

  it('reports each line that disagrees, at that line', () => {
    const { findings, text } = run(unitFormMatchesLedger, [
      { file: 'performance.yaml', from: 'generalBudget: 222, govFund: 0', to: 'generalBudget: 230, govFund: 0' },
      { file: 'performance.yaml', from: 'other: 8,', to: 'other: 0,' },
    ]);
    const file = text('performance.yaml');
    expect(findings.map((f) => [f.line, f.column, f.expected, f.actual])).toEqual([
      [positionOfText(file, '230', 1).line, positionOfText(file, '230', 1).column, '明细账 ledger: 222.00 万元', '本表 form: 230.00 万元'],
      [positionOfText(file, 'other: 0').line, positionOfText(file, 'other: 0').column + 'other: '.length, '明细账 ledger: 8.00 万元', '本表 form: 0.00 万元'],
    ]);
  });

  it('checks the 财政拨款, 人员经费 and 公用经费 lines when the form prints them, and skips lines it does not print', () => {
    const printed = (extra: string) => ({ file: 'performance.yaml' as const, from: 'project: 28}', to: `project: 28, ${extra}}` });
    expect(run(unitFormMatchesLedger, [printed('fiscalAppropriation: 222, personnel: 192, operating: 10')]).findings).toEqual([]);
    expect(run(unitFormMatchesLedger, [printed('fiscalAppropriation: 230, personnel: 202, operating: 0')]).findings.map((f) => f.expected)).toEqual([
      '明细账 ledger: 222.00 万元',
      '明细账 ledger: 192.00 万元',
      '明细账 ledger: 10.00 万元',
    ]);
  });
});

describe('a form that disagrees with the ledger', () => {
  it('says the difference can come from either side and names the ledger rows to look at, rather than prescribing the ledger sum', () => {
    const { findings } = run(projectFormsMatchLedger, [{ file: 'performance.yaml', from: 'amount: 8\n', to: 'amount: 9\n' }]);
    expect(findings[0]?.zh).toMatch(/也可能来自 ledger\.yaml 的明细行.*第 10 行/);
    expect(findings[0]?.zh).toContain('不要直接把本表改成明细账之数');
  });
});

describe('projects and the ledger', () => {
  it('warns about a project no ledger row spends on', () => {
    expect(run(projectsHaveLedgerRows).findings).toEqual([]);
    const { findings } = run(projectsHaveLedgerRows, [
      { file: 'ledger.yaml', from: 'kind: project, project: S02, amount: 8.00', to: 'kind: basic, amount: 8.00' },
    ]);
    expect(findings.map((f) => [f.code, f.severity, f.actual])).toEqual([['project.noLedgerRows', 'warning', 'S02']]);
  });

  it('requires ledger.yaml when tables 1–21 are published, not for performance forms alone', () => {
    expect(run(financialTablesNeedLedger, [], ['ledger.yaml']).findings.map((f) => f.code)).toEqual(['disclosure.ledgerMissing']);
    expect(run(financialTablesNeedLedger, [{ file: 'disclosure.yaml', from: 'tables: all', to: 'tables: [22, 23]' }], ['ledger.yaml']).findings).toEqual([]);
    expect(run(financialTablesNeedLedger).findings).toEqual([]);
  });
});
