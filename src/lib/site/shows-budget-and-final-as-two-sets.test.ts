import { describe, expect, it } from 'vitest';
import { factsCsv } from '../export/facts-csv.ts';
import { dataPackage } from '../export/datapackage.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { phaseView } from './budget-final-view.ts';
import { buildSiteData } from './site-data.ts';
import { loadContentDir } from '../content/read-content-dir.ts';

const content = loadContentDir('content');
const site = buildSiteData(content.disclosures);
const entryOf = (id: string) => {
  const entry = site.entries.find((e) => e.disclosure.id === id);
  if (!entry) throw new Error(`no ${id}`);
  return entry;
};

describe('a department-year with a 决算', () => {
  it('labels the 决算 page as 决算 and says the 预算 of the year is not on the site', () => {
    const view = phaseView(site, entryOf('310107-ptczj-2024-final'));
    expect(view.phaseLabel).toBe('决算');
    expect(view.other).toBeNull();
    expect(view.comparison?.budgetNote).toContain('本站未公开该部门2024年部门预算');
  });

  it('compares 年初预算 with 决算 per 功能 类 and the whole, never a rate of a blank budget', () => {
    const view = phaseView(site, entryOf('310107-ptczj-2024-final'));
    expect(view.comparison?.byClass.map((r) => [r.name, r.initialBudget, r.actual, r.rate])).toEqual([
      ['一般公共服务支出', '2156.47', '2106.66', '97.69%'],
      ['社会保障和就业支出', '328.92', '326.72', '99.33%'],
      ['卫生健康支出', '62.29', '60.99', '97.91%'],
      ['住房保障支出', '446.25', '445.69', '99.87%'],
      ['一般公共预算财政拨款支出', '2993.92', '2940.05', '98.20%'],
    ]);
    expect(view.comparison?.threePublic.map((r) => [r.name, r.initialBudget, r.rate])).toEqual([
      ['因公出国（境）费', '', '不计算'],
      ['公务用车购置费', '', '不计算'],
      ['公务用车运行费', '', '不计算'],
      ['公务接待费', '0.95', '0.00%'],
    ]);
    // One bar per phase and 类, labelled with both; no bar adds the two.
    expect(view.comparison?.chart?.labels.slice(0, 2)).toEqual(['一般公共服务支出·年初预算', '一般公共服务支出·决算']);
  });

  it('links the 预算 and the 决算 of the same year to each other when both are on the site', () => {
    const final = entryOf('310107-ptczj-2024-final');
    const budget: Disclosure = { ...entryOf('310107-ptczj-2025').disclosure, id: '310107-ptczj-2024', year: 2024 };
    const both = buildSiteData([final.disclosure, budget]);
    const finalView = phaseView(both, both.entries.find((e) => e.disclosure.phase === 'final') ?? final);
    expect(finalView.other).toEqual({ label: '2024年部门预算（年初预算）', page: '310107/ptczj/2024/' });
    expect(finalView.comparison?.budgetNote).toBe('年初预算数已与本站公开的2024年部门预算逐项核对。');
    const budgetView = phaseView(both, both.entries.find((e) => e.disclosure.phase === 'budget') ?? final);
    expect(budgetView).toMatchObject({
      phaseLabel: '预算',
      other: { label: '2024年度部门决算（实际支出）', page: '310107/ptczj/2024-final/' },
      comparison: null,
    });
  });
});

describe('open data of budgets and final accounts', () => {
  it('says the phase and the figure of every fact', () => {
    const lines = factsCsv(content.disclosures)
      .replace(/^\uFEFF/u, '')
      .split('\r\n');
    expect(lines[0]).toBe('year,phase,figure,regionCode,departmentCode,department,factSet,func,econ,source,kind,amountYuan');
    const final = lines.filter((l) => l.startsWith('2024,final,'));
    expect(final.filter((l) => l.includes(',initialBudget,'))).toHaveLength(11);
    expect(final.filter((l) => l.includes(',income,'))).toHaveLength(13);
    expect(final.find((l) => l.includes(',actual,') && l.includes(',2010601,') && l.includes(',basic,'))).toMatch(/,15035200\.00$/u);
    expect(lines.some((l) => l.startsWith('2025,budget,budget,'))).toBe(true);
  });

  it('describes the facts file, with its phase column, in datapackage.json', () => {
    const facts = dataPackage([2024, 2025]).resources.find((r) => r.name === 'facts');
    expect(facts?.path).toBe('facts.csv');
    expect(facts?.schema.fields.find((f) => f.name === 'phase')?.description).toContain('不可相加');
  });
});
