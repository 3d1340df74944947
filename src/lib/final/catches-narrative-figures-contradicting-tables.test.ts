import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../content/read-content-dir.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { buildTables } from '../templates/build-tables.ts';
import { narrativeClaims } from './narrative-claims.ts';

const content = loadContentDir('content');
const final = content.disclosures.find((d) => d.id === '310107-ptczj-2024-final') as Disclosure;
const tables = buildTables(final);

/** The 决算 with a 说明 of the given lines (sentences from the corpus narrative, some altered). */
const claims = (...lines: string[]) =>
  narrativeClaims({ disclosure: { ...final, narrative: { markdown: lines.join('\n'), file: 'fixture/notes.md' } }, tables });
const codes = (...lines: string[]) => claims(...lines).map((f) => [f.code, f.severity, f.line]);

describe('typed figures of a 决算 说明 held against its tables', () => {
  it('catches a total the table contradicts, on its line', () => {
    const [f] = claims('第三部分', '上海市普陀区财政局2024年度收入支出总计0万元。与2023年度相比，收入支出总计减少56.95万元');
    expect(f).toMatchObject({ code: 'narrative.figureContradictsTable', severity: 'error', line: 2, expected: '2,995.39 万元', actual: '0.00 万元' });
  });

  it('accepts the figures the tables give, typed or as references', () => {
    expect(
      codes(
        '上海市普陀区财政局2024年度收入支出总计2995.39万元。',
        '本年收入合计{{收入合计}}万元，其中： 财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；',
      ),
    ).toEqual([]);
  });

  it('reports the real document’s 财政拨款收入支出总计0.3万元 as a warning where the transcriber marked it, as an error where not', () => {
    expect(codes('上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元<!-- figure: kept as printed -->。')).toEqual([
      ['narrative.figureContradictsTable', 'warning', 1],
    ]);
    expect(codes('上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。')).toEqual([['narrative.figureContradictsTable', 'error', 1]]);
  });

  it('catches 大于 where the 决算 is less than the 预算, and 持平 where they differ', () => {
    const item =
      '1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为{{generalBudgetExpenditure:item:2010601:合计}}万元。';
    expect(codes(`${item} 决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。`)).toEqual([]);
    expect(codes(`${item} 决算数大于预算数的主要原因：人员进出及退休变化，减少人员经费开支。`)).toEqual([['narrative.varianceWordContradicts', 'error', 1]]);
    expect(codes(`${item} 决算数与预算数基本持平。`)).toEqual([['narrative.varianceWordContradicts', 'error', 1]]);
  });

  it('checks the 完成率 against 决算 / 年初预算, and refuses one of a zero budget', () => {
    const total = (budget: string, rate: string, word: string) =>
      `一般公共预算财政拨款支出年初预算为${budget}万元，支出决算为{{一般公共预算支出}}万元，完成年初预算的${rate}%。 决算数${word}预算数的主要原因：因年度工作计划安排。`;
    expect(codes(total('2993.92', '98.20', '小于'))).toEqual([]);
    expect(codes(total('2993.92', '99.20', '小于'))).toEqual([['narrative.rateContradicts', 'error', 1]]);
    expect(codes(total('0', '100', '大于'))).toEqual([['final.rateOnZeroBudget', 'error', 1]]);
  });

  it('finds nothing unmarked in the transcribed 说明 of the real document', () => {
    const findings = narrativeClaims({ disclosure: final, tables });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['narrative.figureContradictsTable', 'warning']]);
  });
});
