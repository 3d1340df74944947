import { describe, expect, it } from 'vitest';
import { parseAmount, parseCorpusForms, parseCorpusTables, readCorpus, rowCode } from './shanghai-corpus.ts';

const BUDGETS = ['ptczj-2025-ys', 'ptwl-2023-ys', 'ptwl-2024-ys'] as const;
const tablesOf = (id: string) => parseCorpusTables(readCorpus(id));
const table = (id: string, titleIncludes: string) => {
  const found = tablesOf(id).find((t) => t.title.includes(titleIncludes));
  if (!found) throw new Error(`${id}: no table ${titleIncludes}`);
  return found;
};

describe('parseAmount', () => {
  it('reads 元 as exact 分, with or without separators and decimals', () => {
    expect(parseAmount('156,211,123', '元')).toBe(15_621_112_300);
    expect(parseAmount('31,214,205.80', '元')).toBe(3121420580);
    expect(parseAmount('7595500.00', '元')).toBe(759550000);
    expect(parseAmount('9,620.00', '元')).toBe(962000);
  });
  it('keeps a blank cell empty and a printed zero zero', () => {
    expect(parseAmount('', '元')).toBeNull();
    expect(parseAmount(' \u3000', '元')).toBeNull();
    expect(parseAmount('0', '元')).toBe(0);
    expect(parseAmount('0.00', '元')).toBe(0);
  });
  it('reads the 三公 table in 万元: 1.35 万元 = 1,350,000 分', () => {
    expect(parseAmount('1.35', '万元')).toBe(1350000);
    expect(parseAmount('443.18', '万元')).toBe(443180000);
    expect(parseAmount('25', '万元')).toBe(25000000);
    expect(parseAmount('0.95', '万元')).toBe(950000);
  });
  it('refuses text that is not an amount, and 元 finer than 分', () => {
    expect(() => parseAmount('合规', '元')).toThrow(/not an amount/u);
    expect(() => parseAmount('1,23,4', '元')).toThrow(/not an amount/u);
    expect(() => parseAmount('1.234', '元')).toThrow(/decimals/u);
  });
});

describe('rowCode', () => {
  it('joins the printed 类/款/项 cells into the canonical code', () => {
    expect(rowCode(['201', '05', '07', '专项普查活动', '257,700'])).toEqual({ printed: ['201', '05', '07'], code: '2010507', padded: false });
    expect(rowCode(['201', '05', '', '统计信息事务', '257,700'])?.code).toBe('20105');
    expect(rowCode(['201', '', '', '一般公共服务支出'])?.code).toBe('201');
    expect(rowCode(['302', '', '商品和服务支出', '11,168,569'])?.code).toBe('302');
  });
  it('keeps a 款 printed with one digit (ptwl-2024 `301 2 津贴补贴`) and pads it', () => {
    const econ = table('ptwl-2024-ys', '经济分类');
    const row = econ.bodyRows.find((r) => r.cells[2] === '津贴补贴');
    expect(row?.cells.slice(0, 2)).toEqual(['301', '2']);
    expect(rowCode(row?.cells ?? [])).toEqual({ printed: ['301', '2'], code: '30102', padded: true });
    const padded = econ.bodyRows.flatMap((r) => {
      const code = rowCode(r.cells);
      return code?.padded ? [`${code.printed.join(' ')} → ${code.code}`] : [];
    });
    expect(padded).toEqual(['301 2 → 30102', '301 7 → 30107']);
  });
  it('gives no code to rows that print none', () => {
    expect(rowCode(['合计', '', '', '', '156,211,123'])).toBeNull();
    expect(rowCode(['一、财政拨款收入', '156,211,123'])).toBeNull();
  });
});

describe('parseCorpusTables', () => {
  it.each(BUDGETS)('%s: finds the 9 tables of a Shanghai 预算 in printed order', (id) => {
    const titles = tablesOf(id).map((t) => t.title.replace(/^\d{4}年/u, ''));
    expect(titles).toEqual([
      '部门财务收支预算总表',
      '部门收入预算总表',
      '部门支出预算总表',
      '部门财政拨款收支预算总表',
      '部门一般公共预算支出功能分类预算表',
      '部门政府性基金预算支出功能分类预算表',
      '部门国有资本经营预算支出功能分类预算表',
      '部门一般公共预算基本支出部门预算经济分类预算表',
      '部门“三公”经费和机关运行经费预算表',
    ]);
  });

  it.each(BUDGETS)('%s: reads the unit line: 元, and 万元 with an ASCII colon for the 三公 table', (id) => {
    const tables = tablesOf(id);
    const department = id.startsWith('ptczj') ? '上海市普陀区财政局' : '上海市普陀区人民政府万里街道办事处';
    for (const t of tables) expect(t.unitLine.department).toBe(department);
    expect(tables.slice(0, 8).map((t) => `${t.unitLine.unitColon}${t.unitLine.unit}`)).toEqual(Array(8).fill('：元'));
    expect(tables[8]?.unitLine).toMatchObject({ unit: '万元', unitColon: ':', text: `编制部门：${department}\t单位:万元` });
  });

  it('splits header lines from body rows', () => {
    const summary = table('ptczj-2025-ys', '财务收支预算总表');
    expect(summary.headerLines).toEqual([
      ['本年收入', '', '本年支出', ''],
      ['项目', '预算数', '项目', '预算数'],
    ]);
    expect(summary.bodyRows[0]).toEqual({ cells: ['一、财政拨款收入', '31,214,205.80', '一、一般公共服务支出', '22,186,440.80'], line: 5 });
    expect(summary.bodyRows.at(-1)?.cells).toEqual(['收入总计', '31,214,205.80', '支出总计', '31,214,205.80']);
    const expenditure = table('ptwl-2024-ys', '部门支出预算总表');
    expect(expenditure.headerLines.map((h) => h.filter((c) => c !== ''))).toEqual([
      ['项目', '支出预算'],
      ['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['类', '款', '项'],
    ]);
    expect(expenditure.bodyRows).toHaveLength(67);
    expect(expenditure.bodyRows.at(-1)?.cells).toEqual(['合计', '', '', '', '156,211,123', '99,706,020', '56,505,103']);
    const threePublic = table('ptwl-2024-ys', '“三公”');
    expect(threePublic.headerLines).toHaveLength(3);
    expect(threePublic.bodyRows.map((r) => r.cells)).toEqual([['47.91', '0', '1.35', '46.56', '25', '21.56', '443.18']]);
  });

  it('leaves out the all-blank padding rows and keeps the 合计 row of an empty table', () => {
    const govFund = table('ptwl-2023-ys', '政府性基金');
    expect(govFund.paddingRows).toBe(12);
    expect(govFund.bodyRows.map((r) => r.cells)).toEqual([['合计', '', '', '', '', '', '']]);
    expect(table('ptczj-2025-ys', '财务收支预算总表').paddingRows).toBe(6);
  });

  it('records the note with either colon, including the 三公 note ptwl-2024 prints beside its figures', () => {
    expect(table('ptwl-2023-ys', '政府性基金').note).toBe('注：本部门2023年无政府性基金预算财政拨款安排的预算，故本表为空表。');
    expect(table('ptwl-2024-ys', '国有资本经营').note).toBe('注:本部门2024年无国有资本经营预算财政拨款安排的预算，故本表为空表。');
    // ptczj-2025's 国有资本经营 table prints the 政府性基金 wording, as published.
    expect(table('ptczj-2025-ys', '国有资本经营').note).toBe('注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。');
    expect(table('ptwl-2024-ys', '“三公”').note).toBe('注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。');
    expect(table('ptwl-2023-ys', '“三公”').note).toBeNull();
    expect(table('ptczj-2025-ys', '收入预算总表').note).toBeNull();
  });

  it('keeps blanks and zeros apart as printed', () => {
    const gb = table('ptczj-2025-ys', '一般公共预算支出功能分类');
    expect(gb.bodyRows.find((r) => rowCode(r.cells)?.code === '2010602')?.cells.slice(4)).toEqual(['100,000.00', '', '100,000.00']);
    const econ = table('ptczj-2025-ys', '经济分类');
    expect(econ.bodyRows[0]?.cells.slice(3)).toEqual(['22,109,516.00', '22,109,516.00', '0.00']);
    const threePublic = table('ptczj-2025-ys', '“三公”');
    expect(threePublic.bodyRows[0]?.cells.map((c) => parseAmount(c, '万元'))).toEqual([950000, null, 950000, null, null, null, 229430000]);
  });
});

describe('parseCorpusForms', () => {
  const forms = parseCorpusForms(readCorpus('ptwl-2023-ys'));

  it('finds the five 财政项目支出绩效目标填报表 of ptwl-2023 and none in the other budgets', () => {
    expect(forms.map((f) => f.name)).toEqual([
      '新建万里街道社区公共服务中心',
      '就业援助基地补贴',
      '社区环境整治和建设经费',
      '各类工作经费',
      '公共服务设施运行经费',
    ]);
    expect(forms.every((f) => f.title === '财政项目支出绩效目标填报表' && f.yearLine === '（2023年度）')).toBe(true);
    expect(parseCorpusForms(readCorpus('ptwl-2024-ys'))).toEqual([]);
    expect(parseCorpusForms(readCorpus('ptczj-2025-ys'))).toEqual([]);
  });

  it('reads the header fields and the 项目资金 lines as printed', () => {
    expect(forms[0]).toMatchObject({
      nature: '阶段性项目',
      category: '特定目标类',
      department: '上海市普陀区人民政府万里街道办事处',
      unit: '上海市普陀区人民政府万里街道办事处',
      start: '2023-01-01',
      end: '2023-12-31',
      funding: {
        total: '4,100,000.00',
        fiscal: '4,100,000.00',
        other: '0.00',
        annualTotal: '4,100,000.00',
        annualFiscal: '4,100,000.00',
        carryover: '0.00',
        annualOther: '0.00',
      },
    });
    // printed without separators
    expect(forms[3]?.funding.total).toBe('7595500.00');
    // printed as published: 当年财政拨款 11,419,043.00 under a 年度资金申请总额 of 10,903,043.00
    expect(forms[4]?.funding).toMatchObject({ annualTotal: '10,903,043.00', annualFiscal: '11,419,043.00' });
    expect(forms[4]?.category).toBe('其他运转类');
  });

  it('prints the same text as 项目总目标 and 年度总体目标 on every form', () => {
    for (const form of forms) {
      expect(form.totalGoal.length).toBeGreaterThan(10);
      expect(form.annualGoal).toBe(form.totalGoal);
    }
  });

  it('carries merged 一级/二级 cells down the indicator rows', () => {
    expect(forms.map((f) => f.indicators.length)).toEqual([5, 4, 4, 43, 9]);
    expect(forms[0]?.indicators.map((i) => [i.level1, i.level2, i.name, i.target])).toEqual([
      ['产出指标', '数量指标', '规划建筑面积', '≥13459.00(平方米)'],
      ['产出指标', '质量指标', '完工及时率', '及时率'],
      ['产出指标', '成本指标', '预算内经费', '合规'],
      ['效益指标', '社会效益指标', '完善社区基础设施建设', '完善率'],
      ['满意度指标', '服务对象满意度指标', '居民满意度', '满意度'],
    ]);
    const last = forms[3]?.indicators.at(-1);
    expect(last).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', name: '党员群众满意度', target: '党员群众满意度不少于80%' });
  });
});
