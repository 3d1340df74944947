import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../../content/read-content-dir.ts';
import type { Disclosure } from '../../disclosure/model.ts';
import { renderNarrative } from '../../narrative/render.ts';
import { buildTables } from '../build-tables.ts';

const content = loadContentDir('content');
const final = content.disclosures.find((d) => d.id === '310107-ptczj-2024-final') as Disclosure;
const tables = buildTables(final);

/** The 决算 with a 说明 that writes none of the standard sections: they are generated from the data. */
const generated = () => {
  const front = (final.narrative?.markdown ?? '').split('\n---\n')[0]?.replace(/\ntranscribed: true/u, '') ?? '';
  return renderNarrative({
    disclosure: { ...final, narrative: { markdown: `${front}\n---\n\n## 概况\n\n本部门的说明。\n`, file: 'fixture/notes.md' } },
    tables,
  });
};

describe('the generated 决算 说明', () => {
  it('states the totals from the tables', () => {
    const { html, findings } = generated();
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(html).toContain('收入支出总计2995.39万元');
    expect(html).toContain('财政拨款收入支出总计2961.68万元');
  });

  it('holds 一般公共预算财政拨款支出 against its 年初预算 with the required sentence and its reason', () => {
    const { html } = generated();
    expect(html).toContain(
      '年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数小于预算数的主要原因：因年度工作计划安排，个别信息化项目和中介机构服务调减。',
    );
    expect(html).toContain('一般行政管理事务（项）。年初预算为10.00万元，支出决算为10.00万元，完成年初预算的100.00%。决算数与预算数持平。');
  });

  it('gives no completion rate of the 三公 items the budget left blank, and says the counts it was not told', () => {
    const { html } = generated();
    expect(html).toContain('“三公”经费财政拨款支出年初预算为0.95万元');
    expect(html).toContain('年末保有量0辆');
    expect(html).toContain('因公出国（境）团组未说明');
  });
});
