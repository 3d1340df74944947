/**
 * content/disclosures/130303/101/2021 against seed 001 itself (山海关区人大常委会 2021): the
 * department's overall goals (table 23) and the four project forms in 元 (table 22).
 */
import { describe, expect, it } from 'vitest';
import { formatWan } from '../../src/lib/money.ts';
import { amountAtColumn } from '../../src/lib/tables/table-cells.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';
import { readSeed001 } from '../support/seed-001.ts';
import { amountUnitOf, expectSameIndicators, printedAmount, sameText, sampleDisclosure } from '../support/transcription.ts';

const seed = readSeed001();
const disclosure = sampleDisclosure('130303-101-2021');

describe('seed 001 (山海关区人大常委会 2021) in content/', () => {
  it('reads every form in the unit the seed prints (元)', () => {
    expect(new Set(seed.forms.map((f) => f.amountUnit))).toEqual(new Set(['元']));
  });

  it('has one project form per printed form, with code, unit, amount and sources as printed', () => {
    expect(seed.forms).toHaveLength(4);
    expect(disclosure.projectForms).toHaveLength(seed.forms.length);
    seed.forms.forEach((printed, i) => {
      const form = disclosure.projectForms[i];
      const unit = amountUnitOf(printed.amountUnit);
      expect(sameText(form?.name ?? ''), printed.title).toBe(sameText(printed.name));
      expect(form?.code, printed.title).toBe(printed.code);
      expect(`${form?.unitCode}${form?.unit}`, printed.title).toBe(printed.unitLine);
      expect(form?.amount, printed.title).toBe(printedAmount(printed.amount, unit));
      expect(form?.funding.fiscal, `${printed.title} 财政资金`).toBe(printedAmount(printed.fiscal, unit));
      expect(form?.funding.other, `${printed.title} 其他资金`).toBe(printedAmount(printed.other, unit));
    });
  });

  it('shows the 元 amounts in 万元 in table 22 (100000.00 元 is 10.00 万元)', () => {
    const table = buildTables(disclosure).find((t) => t.number === 22);
    const amountColumn = table?.columns.find((c) => c.path.at(-1) === '年度本级预算金额')?.index ?? -1;
    const shown = (table?.rows ?? []).filter((r) => r.level === 'project').map((r) => formatWan(amountAtColumn(r, amountColumn)));
    expect(shown).toEqual(seed.forms.map((f) => formatWan(printedAmount(f.amount, '元'))));
    const printedHundredThousand = seed.forms.findIndex((f) => f.amount === '100000.00');
    expect(shown[printedHundredThousand]).toBe('10.00');
  });

  it('transcribes purpose, spending plan and goal of every form', () => {
    seed.forms.forEach((printed, i) => {
      const form = disclosure.projectForms[i];
      expect(sameText(form?.purpose ?? ''), printed.title).toBe(sameText(printed.purpose));
      expect(form?.spendingPlan, printed.title).toEqual(printed.spendingPlan);
      expect(form?.goal.split('\n').map(sameText), printed.title).toEqual(printed.goal.split('\n').map(sameText));
    });
  });

  it('transcribes every project indicator row: levels, name, description, value and basis', () => {
    seed.forms.forEach((printed, i) => expectSameIndicators(disclosure.projectForms[i]?.indicators ?? [], printed.indicators, printed.title));
  });

  it('transcribes the department goals: 总体绩效目标 and 工作保障措施 line by line', () => {
    const form = disclosure.unitForm;
    expect(form?.mission.split('\n').map(sameText)).toEqual(seed.unitForm.mission.map(sameText));
    expect(form?.measures.split('\n').map(sameText)).toEqual(seed.unitForm.measures.map(sameText));
  });

  it('transcribes 分项绩效目标: each goal, its standard and its indicators', () => {
    const form = disclosure.unitForm;
    expect(form?.goals.map((g) => [sameText(g.name), sameText(g.standard)])).toEqual(seed.unitForm.goals.map((g) => [sameText(g.name), sameText(g.standard)]));
    expectSameIndicators(
      form?.indicators ?? [],
      seed.unitForm.goals.flatMap((g) => g.indicators),
      '分项绩效目标',
    );
  });

  it('publishes tables 22 and 23 only', () => {
    const tables = buildTables(disclosure);
    expect(tables.filter((t) => t.provided).map((t) => t.number)).toEqual([22, 23]);
  });
});
