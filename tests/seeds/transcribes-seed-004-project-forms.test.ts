/**
 * content/disclosures/640221/001/2025 against seed 004 itself (平罗县人大常委会办公室 2025):
 * every form, amount and indicator row as the seed prints them.
 */
import { describe, expect, it } from 'vitest';
import { formatWan } from '../../src/lib/money.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';
import { readSeed004 } from '../support/seed-004.ts';
import { amountUnitOf, expectSameIndicators, printedAmount, sameText, sampleDisclosure } from '../support/transcription.ts';

const seed = readSeed004();
const disclosure = sampleDisclosure('640221-001-2025');
const unit = amountUnitOf(seed.amountUnit);

describe('seed 004 (平罗县人大常委会办公室 2025) in content/', () => {
  it('has one project form per printed form, in printed order, and no department form', () => {
    expect(seed.forms).toHaveLength(6);
    expect(disclosure.projectForms.map((f) => sameText(f.name))).toEqual(seed.forms.map((f) => sameText(f.name)));
    expect(disclosure.unitForm).toBeNull();
  });

  it('gives every project the amount the seed prints', () => {
    seed.forms.forEach((printed, i) => {
      expect(disclosure.projectForms[i]?.amount, printed.name).toBe(printedAmount(printed.amount, unit));
    });
    expect(disclosure.projectForms.map((f) => formatWan(f.amount))).toEqual(seed.forms.map((f) => formatWan(printedAmount(f.amount, unit))));
  });

  it('transcribes the form fields: department, unit, attribute, period, office and goal', () => {
    seed.forms.forEach((printed, i) => {
      const form = disclosure.projectForms[i];
      const fields = (f: { department: string; unit: string; attribute: string; period: string; office: string; goal: string }) =>
        [f.department, f.unit, f.attribute, f.period, f.office, f.goal].map(sameText);
      expect(form && fields(form), printed.name).toEqual(fields(printed));
    });
  });

  it('transcribes every indicator row: levels with their printed numbers, name and value', () => {
    seed.forms.forEach((printed, i) => {
      expectSameIndicators(disclosure.projectForms[i]?.indicators ?? [], printed.indicators, printed.name);
    });
    const count = (forms: readonly { indicators: readonly unknown[] }[]) => forms.reduce((n, f) => n + f.indicators.length, 0);
    expect(count(disclosure.projectForms)).toBe(count(seed.forms));
  });

  it('publishes table 22 only: the other 22 tables are "not provided"', () => {
    const tables = buildTables(disclosure);
    expect(tables.filter((t) => t.provided).map((t) => t.number)).toEqual([22]);
    const table22 = tables.find((t) => t.number === 22);
    expect(table22?.empty).toBe(false);
    expect(table22?.rows.filter((r) => r.level === 'project')).toHaveLength(seed.forms.length);
  });
});
