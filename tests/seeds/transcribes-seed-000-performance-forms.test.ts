/**
 * content/disclosures/430407/001/2021 against seed 000 itself (石鼓区人大常委会 2021): the twelve
 * 专项资金绩效目标申报表 (table 22) and the 部门整体支出绩效目标申报表 (table 23).
 */
import { describe, expect, it } from 'vitest';
import type { UnitBudgetLine } from '../../src/lib/disclosure/model.ts';
import { sumAmounts } from '../../src/lib/money.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';
import { markedAttribute, readSeed000 } from '../support/seed-000.ts';
import { amountUnitOf, expectSameIndicators, printedAmount, sameText, sampleDisclosure } from '../support/transcription.ts';

const seed = readSeed000();
const disclosure = sampleDisclosure('430407-001-2021');
const unit = amountUnitOf(seed.amountUnit);

/** Which budget line each printed 年度预算申请 label is. */
const BUDGET_LINE_BY_LABEL: Readonly<Record<string, UnitBudgetLine>> = {
  资金总额: 'total',
  公共财政拨款: 'generalBudget',
  政府性基金拨款: 'govFund',
  纳入专户管理的非税收入拨款: 'specialAccount',
  其他资金: 'other',
  基本支出: 'basic',
  项目支出: 'project',
};

describe('seed 000 (石鼓区人大常委会 2021) in content/', () => {
  it('has one project form per printed 专项资金绩效目标申报表, in printed order', () => {
    expect(seed.forms).toHaveLength(12);
    expect(disclosure.projectForms.map((f) => sameText(f.name))).toEqual(seed.forms.map((f) => sameText(f.name)));
  });

  it('gives every project the 资金总额 the seed prints', () => {
    seed.forms.forEach((printed, i) => expect(disclosure.projectForms[i]?.amount, printed.name).toBe(printedAmount(printed.amount, unit)));
  });

  it('transcribes attribute, department, basis, schedule, goal and measures of every form', () => {
    seed.forms.forEach((printed, i) => {
      const form = disclosure.projectForms[i];
      expect(form?.attribute, printed.name).toBe(markedAttribute(printed.attributeText));
      expect(
        [form?.department, form?.basis, form?.goal, form?.measures].map((t) => sameText(t ?? '')),
        printed.name,
      ).toEqual([printed.department, printed.basis, printed.goal, printed.measures].map(sameText));
      expect(
        form?.schedule.map((l) => [l.content, l.start, l.end].map(sameText)),
        printed.name,
      ).toEqual(printed.schedule.map((l) => [l.content, l.start, l.end].map(sameText)));
      expect(form?.duties.split('\n').map(sameText), printed.name).toEqual(printed.duties.split('\n').map(sameText));
    });
  });

  it('transcribes every project indicator row', () => {
    seed.forms.forEach((printed, i) => expectSameIndicators(disclosure.projectForms[i]?.indicators ?? [], printed.indicators, printed.name));
  });

  it('transcribes the department form: 年度预算申请 line by line, duties, goals and indicators', () => {
    const form = disclosure.unitForm;
    expect(sameText(form?.department ?? '')).toBe(sameText(seed.unitForm.department));
    const printed = seed.unitForm.budget.map((line) => {
      const key = BUDGET_LINE_BY_LABEL[line.label];
      if (!key) throw new Error(`unrecognised 年度预算申请 line ${line.label}`);
      return [key, printedAmount(line.amount, unit)];
    });
    expect(Object.entries(form?.budget ?? {}).filter(([, amount]) => amount !== null)).toEqual(printed);
    expect(form?.duties.split('\n').map(sameText)).toEqual(seed.unitForm.duties.split('\n').map(sameText));
    expect(form?.mission.split('\n').map(sameText)).toEqual(seed.unitForm.mission.split('\n').map(sameText));
    expectSameIndicators(form?.indicators ?? [], seed.unitForm.indicators, '部门整体支出绩效目标申报表');
  });

  it('has project forms adding up to the 项目支出 of the department form, as the seed prints them', () => {
    expect(sumAmounts(disclosure.projectForms.map((f) => f.amount))).toBe(disclosure.unitForm?.budget.project);
  });

  it('publishes tables 22 and 23 only', () => {
    const tables = buildTables(disclosure);
    expect(tables.filter((t) => t.provided).map((t) => t.number)).toEqual([22, 23]);
  });
});
