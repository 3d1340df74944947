/**
 * content/disclosures/510411/001/2022 against seed 002 itself (攀枝花市仁和区人大常委会办公室
 * 2022): the department form and every project form, amount and indicator row as printed.
 */
import { describe, expect, it } from 'vitest';
import type { UnitBudgetLine } from '../../src/lib/disclosure/model.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';
import { readSeed002 } from '../support/seed-002.ts';
import { expectSameIndicators, printedAmount, sameText, sampleDisclosure } from '../support/transcription.ts';

const seed = readSeed002();
const disclosure = sampleDisclosure('510411-001-2022');
const unit = '万元';

/** Which budget line each printed 预算情况 label is, by the label's wording. */
const BUDGET_LINE_BY_LABEL: readonly (readonly [RegExp, UnitBudgetLine])[] = [
  [/财政拨款资金总额/, 'fiscalAppropriation'],
  [/人员经费/, 'personnel'],
  [/公用经费/, 'operating'],
  [/项目经费/, 'project'],
];

describe('seed 002 (仁和区人大常委会办公室 2022) in content/', () => {
  it('reads amounts in 万元, the unit every printed amount label names', () => {
    expect(seed.unitForm.budget.every((line) => line.label.includes(unit))).toBe(true);
  });

  it('has one project form per printed form, in printed order, with the printed amounts and sources', () => {
    expect(seed.forms).toHaveLength(6);
    expect(disclosure.projectForms.map((f) => sameText(f.name))).toEqual(seed.forms.map((f) => sameText(f.name)));
    seed.forms.forEach((printed, i) => {
      const form = disclosure.projectForms[i];
      expect(form?.amount, printed.name).toBe(printedAmount(printed.amount, unit));
      expect(form?.funding.fiscal, `${printed.name} 财政拨款`).toBe(printedAmount(printed.fiscal, unit));
      expect(form?.funding.other, `${printed.name} 其他资金`).toBe(printedAmount(printed.other, unit));
      expect(sameText(form?.unit ?? ''), `${printed.name} 预算单位`).toBe(sameText(printed.unit));
      expect(sameText(form?.goal ?? ''), `${printed.name} 年度目标`).toBe(sameText(printed.goal));
    });
  });

  it('transcribes every project indicator row', () => {
    seed.forms.forEach((printed, i) => expectSameIndicators(disclosure.projectForms[i]?.indicators ?? [], printed.indicators, printed.name));
  });

  it('transcribes the department form: name, 预算情况 line by line, tasks and indicator rows', () => {
    const form = disclosure.unitForm;
    expect(form).not.toBeNull();
    expect(sameText(form?.department ?? '')).toBe(sameText(seed.unitForm.department));
    const printedLines = seed.unitForm.budget.map((line) => {
      const key = BUDGET_LINE_BY_LABEL.find(([pattern]) => pattern.test(line.label))?.[1];
      if (!key) throw new Error(`unrecognised 预算情况 line ${line.label}`);
      return [key, printedAmount(line.amount, unit)] as const;
    });
    expect(Object.entries(form?.budget ?? {}).filter(([, amount]) => amount !== null)).toEqual(printedLines.map(([k, v]) => [k, v]));
    expect(form?.tasks.map((t) => sameText(t.content))).toEqual([sameText(seed.unitForm.tasks)]);
    expectSameIndicators(form?.indicators ?? [], seed.unitForm.indicators, '整体支出绩效目标申报表');
  });

  it('publishes tables 22 and 23 only', () => {
    const tables = buildTables(disclosure);
    expect(tables.filter((t) => t.provided).map((t) => t.number)).toEqual([22, 23]);
    expect(tables.filter((t) => t.provided).every((t) => !t.empty)).toBe(true);
  });
});
