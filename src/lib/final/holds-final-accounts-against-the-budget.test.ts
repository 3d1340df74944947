import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../content/read-content-dir.ts';
import type { Disclosure, FinalAccounts } from '../disclosure/model.ts';
import { wan } from '../money.ts';
import { compareBudgetWithFinal } from './budget-vs-final.ts';
import { carryoverContinues, finalRulesFor, initialBudgetMatchesBudget, requiredTablesPublished } from './final-rules.ts';
import { completion, completionClause, varianceSentence } from './variance.ts';

const content = loadContentDir('content');
const final = content.disclosures.find((d) => d.id === '310107-ptczj-2024-final') as Disclosure;
const accounts = final.finalAccounts as FinalAccounts;

/** The 2024 预算 this 决算 states as its 年初预算 (the corpus has not got it: built from the 决算's own figures). */
function budgetOf(d: Disclosure, change?: { func: string; by: number }): Disclosure {
  const byFunction = accounts.initialBudget.map((l) => ({
    unit: null,
    func: l.func,
    econ: null,
    source: 'generalBudget' as const,
    kind: 'basic' as const,
    amount: (l.amount ?? 0) + (l.func === change?.func ? change.by : 0),
    at: l.at,
  }));
  const { finalAccounts: _unused, ...rest } = d;
  return {
    ...rest,
    id: '310107-ptczj-2024',
    phase: 'budget',
    template: 'shanghai-budget',
    coarseFacts: { byFunction, basicByEcon: [] },
    declaredThreePublic: {
      outboundTravel: null,
      reception: wan('0.95'),
      vehiclePurchase: null,
      vehicleOperation: null,
      adminOperatingCost: null,
      at: accounts.at,
    },
    files: { ...d.files, disclosure: 'content/disclosures/310107/ptczj/2024/disclosure.yaml' },
  };
}

describe('完成率 = 决算 / 年初预算', () => {
  it('is rounded once, half up, to 0.01 %', () => {
    expect(completion(wan('2993.92'), wan('2940.05'))).toMatchObject({ kind: 'rate', text: '98.20%' });
    expect(completion(wan('0.95'), null)).toMatchObject({ kind: 'rate', text: '0.00%' });
    expect(completion(wan('3'), wan('2'))).toMatchObject({ kind: 'rate', text: '66.67%' });
  });

  it('is never a percentage of a zero or blank budget, and the sentence says why', () => {
    expect(completion(0, wan('10'))).toEqual({ kind: 'noBudget', budget: 'zero' });
    expect(completion(null, wan('10'))).toEqual({ kind: 'noBudget', budget: 'blank' });
    expect(completionClause(0, wan('10'))).toBe('年初预算为0，不计算完成率');
    expect(completionClause(wan('10'), wan('10'))).toBe('完成年初预算的100.00%');
  });

  it('says 大于 / 小于 with the reason, and 持平 when equal', () => {
    expect(varianceSentence(wan('10'), wan('12'), '主要原因是增人').text).toBe('决算数大于预算数的主要原因：增人。');
    expect(varianceSentence(wan('1560.05'), wan('1511.89'), '人员进出及退休变化').text).toBe('决算数小于预算数的主要原因：人员进出及退休变化。');
    expect(varianceSentence(wan('10'), wan('10'), undefined)).toEqual({ text: '决算数与预算数持平。', reasonMissing: false });
    expect(varianceSentence(wan('10'), wan('9'), undefined).reasonMissing).toBe(true);
  });
});

describe('the 2024 决算 of 普陀区财政局 against its 年初预算', () => {
  const comparison = compareBudgetWithFinal(final, content.disclosures);

  it('has no published 预算 of the same year on the site, and still compares with its own 年初预算数', () => {
    expect(comparison?.budget).toBeUndefined();
    expect(comparison?.total.completion).toMatchObject({ kind: 'rate', text: '98.20%' });
    expect(comparison?.byClass.map((l) => [l.key, l.initialBudget, l.actual])).toEqual([
      ['201', wan('2156.47'), wan('2106.66')],
      ['208', wan('328.92'), wan('326.72')],
      ['210', wan('62.29'), wan('60.99')],
      ['221', wan('446.25'), wan('445.69')],
    ]);
    expect(comparison?.byItem.find((l) => l.key === '2010601')?.sentence).toBe('决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。');
    expect(comparison?.byItem.find((l) => l.key === '2010602')?.sentence).toBe('决算数与预算数持平。');
    expect(comparison?.threePublic.find((l) => l.key === 'reception')).toMatchObject({
      direction: 'less',
      sentence: '决算数小于预算数的主要原因：当年度无“三公”经费支出。',
    });
  });

  it('raises no 决算 error on the real content', () => {
    expect(finalRulesFor(content.disclosures)(final).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('bad 决算 input, each located', () => {
  it('a 年初预算数 that disagrees with the published 预算 is an error on its line', () => {
    const budget = budgetOf(final, { func: '2010607', by: wan('1') });
    const findings = initialBudgetMatchesBudget(final, [final, budget]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'final.initialBudgetMismatch', severity: 'error', expected: '136.90 万元', actual: '135.90 万元' });
    expect(findings[0]?.file).toBe(final.files.disclosure);
    expect(findings[0]?.line).toBe(accounts.initialBudget.find((l) => l.func === '2010607')?.at.line);
  });

  it('a 年初预算数 equal to the published 预算 in every 项 and 三公 item passes', () => {
    expect(initialBudgetMatchesBudget(final, [final, budgetOf(final)])).toEqual([]);
  });

  it('a 三公 预算数 that disagrees with the published 预算 is an error', () => {
    const budget = {
      ...budgetOf(final),
      declaredThreePublic: {
        outboundTravel: null,
        reception: wan('1.20'),
        vehiclePurchase: null,
        vehicleOperation: null,
        adminOperatingCost: null,
        at: accounts.at,
      },
    };
    expect(initialBudgetMatchesBudget(final, [final, budget]).map((f) => f.code)).toEqual(['final.initialBudgetMismatch']);
  });

  it('a required 决算 table missing is an error naming the table', () => {
    const findings = requiredTablesPublished({ ...final, providedTables: final.providedTables.filter((id) => id !== 'threePublic') });
    expect(findings.map((f) => [f.code, f.expected])).toEqual([['final.tableMissing', 'threePublic']]);
  });

  it('年初结转和结余 must equal last year’s 年末结转和结余', () => {
    const previous = (closing: string): Disclosure => ({
      ...final,
      id: '310107-ptczj-2023-final',
      year: 2023,
      finalAccounts: { ...accounts, carryoverOut: { total: wan(closing), generalBudget: wan('21.63'), govFund: null, stateCapital: null } },
    });
    expect(carryoverContinues(final, [final, previous('49.14')])).toEqual([]);
    const findings = carryoverContinues(final, [final, previous('50.00')]);
    expect(findings.map((f) => [f.code, f.expected, f.actual])).toEqual([['final.carryoverMismatch', '50.00 万元', '49.14 万元']]);
    expect(findings[0]?.line).toBe(accounts.at.line);
  });
});
