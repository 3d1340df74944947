/**
 * Shanghai's 部门决算 template, as 上海市普陀区财政局 prints its 2024年度部门决算
 * (../shared/corpus/ptczj-2024-js): the nine tables the 目录 numbers 一 to 九, all in 万元, and the
 * 部门决算单位构成 list of 第一部分. Table ids are those of the 预算 pack where a table stands for
 * the same thing (收入支出决算总表 is the 决算 of 部门财务收支预算总表: `incomeExpenditureSummary`), so a
 * budget and its final accounts can be read side by side by id, never by number.
 */
import type { Disclosure } from '../../disclosure/model.ts';
import type { Fund } from '../../ledger/sources.ts';
import { functionFacts } from '../../tables/facts.ts';
import { figure, type FigureSpec, type TableDefinition, type TemplatePack } from '../template-pack.ts';
import { FINAL_SECTIONS } from './sections.ts';
import {
  expenditureFinal,
  fiscalFinal,
  fundFinal,
  generalBudgetBasicFinal,
  generalBudgetFinal,
  incomeExpenditureFinal,
  incomeFacts,
  incomeFinal,
  threePublicFinal,
  unitComposition,
} from './tables.ts';

/** The note this template prints under an empty fund table, in the department's name. */
const emptyFundNote =
  (fund: Fund, fundName: string) =>
  (d: Disclosure): string | null =>
    functionFacts(d).some((f) => f.fund === fund) || incomeFacts(d).some((f) => f.source === fund)
      ? null
      : `注：${d.department.name}无${fundName}财政拨款支出，故本表无数据。`;

const TABLES: readonly TableDefinition[] = [
  // 第一部分 二、部门决算单位构成: a list, not one of the nine tables (no number).
  {
    id: 'unitComposition',
    number: null,
    title: '部门决算单位构成',
    family: 'summary',
    amountUnit: '万元',
    note: null,
    source: 'facts',
    identities: { hierarchy: false },
    build: unitComposition,
  },
  {
    id: 'incomeExpenditureSummary',
    number: 1,
    title: '收入支出决算总表',
    family: 'summary',
    amountUnit: '万元',
    note: null,
    source: 'facts',
    identities: { hierarchy: false },
    build: incomeExpenditureFinal,
  },
  {
    id: 'incomeSummary',
    number: 2,
    title: '收入决算表',
    family: 'summary',
    amountUnit: '万元',
    note: null,
    source: 'facts',
    identities: {
      rowSums: [
        {
          total: ['本年收入合计'],
          parts: [['财政拨款收入'], ['上级补助收入'], ['事业收入'], ['经营收入'], ['附属单位上缴收入'], ['其他收入']],
          label: '本年收入合计 = 各项收入',
        },
      ],
    },
    build: incomeFinal,
  },
  {
    id: 'expenditureSummary',
    number: 3,
    title: '支出决算表',
    family: 'summary',
    amountUnit: '万元',
    note: null,
    source: 'facts',
    identities: {
      rowSums: [
        {
          total: ['本年支出合计'],
          parts: [['基本支出'], ['项目支出'], ['上缴上级支出'], ['经营支出'], ['对附属单位补助支出']],
          label: '本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助',
        },
      ],
    },
    build: expenditureFinal,
  },
  {
    id: 'fiscalSummary',
    number: 4,
    title: '财政拨款收入支出决算总表',
    family: 'summary',
    amountUnit: '万元',
    note: null,
    source: 'facts',
    identities: { hierarchy: false },
    build: fiscalFinal,
  },
  {
    id: 'generalBudgetExpenditure',
    number: 5,
    title: '一般公共预算财政拨款支出决算表',
    family: 'generalBudget',
    amountUnit: '万元',
    note: null,
    source: 'facts',
    identities: { rowSums: [{ total: ['合计'], parts: [['基本支出'], ['项目支出']], label: '合计 = 基本 + 项目' }] },
    build: generalBudgetFinal,
  },
  {
    id: 'generalBudgetBasic',
    number: 6,
    title: '一般公共预算财政拨款基本支出决算表',
    family: 'generalBudget',
    amountUnit: '万元',
    note: null,
    source: 'facts',
    identities: { hierarchy: false },
    build: generalBudgetBasicFinal,
  },
  {
    id: 'threePublic',
    number: 7,
    title: '财政拨款“三公”经费支出决算表',
    family: 'threePublic',
    amountUnit: '万元',
    note: null,
    source: 'facts',
    identities: {
      hierarchy: false,
      rowSums: [
        {
          total: ['合计', '预算数'],
          parts: [
            ['因公出国（境）费', '预算数'],
            ['公务用车购置及运行费', '小计', '预算数'],
            ['公务接待费', '预算数'],
          ],
          label: '合计 = 出国 + 车辆 + 接待（预算数）',
        },
        {
          total: ['合计', '决算数'],
          parts: [
            ['因公出国（境）费', '决算数'],
            ['公务用车购置及运行费', '小计', '决算数'],
            ['公务接待费', '决算数'],
          ],
          label: '合计 = 出国 + 车辆 + 接待（决算数）',
        },
      ],
    },
    build: threePublicFinal,
  },
  {
    id: 'govFundExpenditure',
    number: 8,
    title: '政府性基金预算财政拨款收入支出决算表',
    family: 'fund',
    amountUnit: '万元',
    note: emptyFundNote('govFund', '政府性基金预算'),
    source: 'facts',
    build: fundFinal('govFund'),
  },
  {
    id: 'stateCapitalExpenditure',
    number: 9,
    title: '国有资本经营预算财政拨款收入支出决算表',
    family: 'fund',
    amountUnit: '万元',
    note: emptyFundNote('stateCapital', '国有资本经营预算'),
    source: 'facts',
    build: fundFinal('stateCapital'),
  },
];

/** The nine tables a 决算 of this template must publish (the 单位构成 list may be left out). */
export const REQUIRED_FINAL_TABLES: readonly string[] = TABLES.filter((t) => t.number !== null).map((t) => t.id);

const FIGURES: readonly FigureSpec[] = [
  figure('收入支出总计', 'incomeExpenditureSummary', 'total', '收入/决算数'),
  figure('收入总计', 'incomeExpenditureSummary', 'total', '收入/决算数'),
  figure('收入合计', 'incomeSummary', 'total', '本年收入合计'),
  figure('财政拨款收入', 'incomeSummary', 'total', '财政拨款收入', '收入合计'),
  figure('其他收入', 'incomeSummary', 'total', '其他收入', '收入合计'),
  figure('支出合计', 'expenditureSummary', 'total', '本年支出合计'),
  figure('基本支出', 'expenditureSummary', 'total', '基本支出', '支出合计'),
  figure('项目支出', 'expenditureSummary', 'total', '项目支出', '支出合计'),
  figure('年初结转和结余', 'incomeExpenditureSummary', 'carryover', '收入/决算数'),
  figure('年末结转和结余', 'incomeExpenditureSummary', 'carryover', '支出/决算数'),
  figure('财政拨款收入支出总计', 'fiscalSummary', 'total', '收入/决算数'),
  figure('财政拨款支出', 'fiscalSummary', 'yearTotal', '支出/合计'),
  figure('一般公共预算支出', 'generalBudgetExpenditure', 'total', '合计', '支出合计'),
  figure('一般公共预算基本支出', 'generalBudgetExpenditure', 'total', '基本支出', '一般公共预算支出'),
  figure('一般公共预算项目支出', 'generalBudgetExpenditure', 'total', '项目支出', '一般公共预算支出'),
  figure('人员经费', 'generalBudgetBasic', 'total', '人员经费/决算数', '一般公共预算基本支出'),
  figure('公用经费', 'generalBudgetBasic', 'total', '公用经费/决算数', '一般公共预算基本支出'),
  figure('三公合计', 'threePublic', 'total', '合计/决算数'),
  figure('三公预算', 'threePublic', 'total', '合计/预算数'),
  figure('因公出国（境）费', 'threePublic', 'total', '因公出国（境）费/决算数', '三公合计'),
  figure('公务用车购置及运行费', 'threePublic', 'total', '公务用车购置及运行费/小计/决算数', '三公合计'),
  figure('公务用车购置费', 'threePublic', 'total', '公务用车购置及运行费/公务用车购置费/决算数', '三公合计'),
  figure('公务用车运行费', 'threePublic', 'total', '公务用车购置及运行费/公务用车运行费/决算数', '三公合计'),
  figure('公务接待费', 'threePublic', 'total', '公务接待费/决算数', '三公合计'),
];

export const SHANGHAI_FINAL: TemplatePack = {
  id: 'shanghai-final',
  name: '上海市部门决算公开表（9张）',
  phase: 'final',
  unitLine: 'department',
  tables: TABLES,
  figures: FIGURES,
  incomeLines: { table: 'incomeExpenditureSummary', label: ['收入', '项目'] },
  functionLines: { table: 'incomeExpenditureSummary', label: ['支出', '项目'] },
  basicOverlap: {
    byFunction: { table: 'generalBudgetExpenditure', row: 'total', column: '基本支出' },
    byEcon: [
      { table: 'generalBudgetBasic', row: 'total', column: '人员经费/决算数' },
      { table: 'generalBudgetBasic', row: 'total', column: '公用经费/决算数' },
    ],
  },
  balances: [
    {
      code: 'final.totalsDiffer',
      zh: '收入支出决算总表',
      en: 'the 收入支出决算总表',
      table: 'incomeExpenditureSummary',
      income: { row: 'total', column: '收入/决算数' },
      expenditure: { row: 'total', column: '支出/决算数' },
    },
    {
      code: 'final.fiscalTotalsDiffer',
      zh: '财政拨款收入支出决算总表',
      en: 'the 财政拨款收入支出决算总表',
      table: 'fiscalSummary',
      income: { row: 'total', column: '收入/决算数' },
      expenditure: { row: 'total', column: '支出/合计' },
    },
  ],
  // A getter: the sections module and the registry import each other (see registry.ts).
  get sections() {
    return FINAL_SECTIONS;
  },
};
