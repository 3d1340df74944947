/**
 * Shanghai's nine-table 部门预算 template, as 上海市普陀区's departments print it
 * (../shared/corpus/ptczj-2025-ys, ptwl-2023-ys, ptwl-2024-ys). The tables carry no printed
 * number in their tables (the 目录 numbers them 1–9); they are in the unit the document declares (元) except the 三公 table, in 万元.
 */
import { officeRunningCostSection, performanceSection, threePublicSection } from '../../narrative/sections.ts';
import { projectPerformance } from '../../tables/performance-tables.ts';
import type { Disclosure } from '../../disclosure/model.ts';
import type { Fund } from '../../ledger/sources.ts';
import { functionFacts } from '../../tables/facts.ts';
import { figure, type FigureSpec, type TableDefinition, type TemplatePack } from '../template-pack.ts';
import { SHANGHAI_SECTIONS } from './sections.ts';
import {
  expenditureSummary,
  fiscalSummary,
  fundByFunction,
  generalBudgetBasic,
  incomeExpenditureSummary,
  incomeSummary,
  threePublicAndAdminCost,
} from './tables.ts';

/** The note Shanghai prints under a fund table with nothing in it (and none under one with figures). */
const emptyFundNote =
  (fund: Fund, fundName: string) =>
  (d: Disclosure): string | null =>
    functionFacts(d).some((f) => f.fund === fund) ? null : `注:本部门${d.year}年无${fundName}财政拨款安排的预算，故本表为空表。`;

const TABLES: readonly TableDefinition[] = [
  {
    id: 'incomeExpenditureSummary',
    number: 1,
    title: '部门财务收支预算总表',
    family: 'summary',
    amountUnit: 'disclosure',
    note: null,
    source: 'facts',
    identities: { hierarchy: false },
    build: incomeExpenditureSummary,
  },
  { id: 'incomeSummary', number: 2, title: '部门收入预算总表', family: 'summary', amountUnit: 'disclosure', note: null, source: 'facts', build: incomeSummary },
  {
    id: 'expenditureSummary',
    number: 3,
    title: '部门支出预算总表',
    family: 'summary',
    amountUnit: 'disclosure',
    note: null,
    source: 'facts',
    identities: {
      rowSums: [
        {
          total: ['支出预算', '合计'],
          parts: [
            ['支出预算', '基本支出'],
            ['支出预算', '项目支出'],
          ],
          label: '合计 = 基本 + 项目',
        },
      ],
    },
    build: expenditureSummary,
  },
  {
    id: 'fiscalSummary',
    number: 4,
    title: '部门财政拨款收支预算总表',
    family: 'summary',
    amountUnit: 'disclosure',
    note: null,
    source: 'facts',
    identities: { hierarchy: false },
    build: fiscalSummary,
  },
  {
    id: 'generalBudgetExpenditure',
    number: 5,
    title: '部门一般公共预算支出功能分类预算表',
    family: 'generalBudget',
    amountUnit: 'disclosure',
    note: null,
    source: 'facts',
    identities: {
      rowSums: [
        {
          total: ['一般公共预算支出', '合计'],
          parts: [
            ['一般公共预算支出', '基本支出'],
            ['一般公共预算支出', '项目支出'],
          ],
          label: '合计 = 基本 + 项目',
        },
      ],
    },
    build: fundByFunction('generalBudget', '一般公共预算支出'),
  },
  {
    id: 'govFundExpenditure',
    number: 6,
    title: '部门政府性基金预算支出功能分类预算表',
    family: 'fund',
    amountUnit: 'disclosure',
    note: emptyFundNote('govFund', '政府性基金预算'),
    source: 'facts',
    build: fundByFunction('govFund', '政府性基金预算支出'),
  },
  {
    id: 'stateCapitalExpenditure',
    number: 7,
    title: '部门国有资本经营预算支出功能分类预算表',
    family: 'fund',
    amountUnit: 'disclosure',
    note: emptyFundNote('stateCapital', '国有资本经营预算'),
    source: 'facts',
    build: fundByFunction('stateCapital', '国有资本经营预算支出'),
  },
  {
    id: 'generalBudgetBasic',
    number: 8,
    title: '部门一般公共预算基本支出部门预算经济分类预算表',
    family: 'generalBudget',
    amountUnit: 'disclosure',
    note: null,
    source: 'facts',
    identities: {
      rowSums: [
        {
          total: ['一般公共预算基本支出', '合计'],
          parts: [
            ['一般公共预算基本支出', '人员经费'],
            ['一般公共预算基本支出', '公用经费'],
          ],
          label: '合计 = 人员 + 公用',
        },
      ],
    },
    build: generalBudgetBasic,
  },
  {
    id: 'threePublic',
    number: 9,
    title: '部门“三公”经费和机关运行经费预算表',
    family: 'threePublic',
    amountUnit: '万元',
    note: null,
    source: 'facts',
    identities: {
      hierarchy: false,
      rowSums: [
        {
          total: ['“三公”经费预算数', '合计'],
          parts: [['因公出国(境)费'], ['公务接待费'], ['公务用车购置及运行费', '小计']],
          label: '合计 = 出国 + 接待 + 车辆',
        },
        { total: ['公务用车购置及运行费', '小计'], parts: [['购置费'], ['运行费']], label: '小计 = 购置 + 运行' },
      ],
    },
    build: threePublicAndAdminCost,
  },
  // Not one of the nine: 财政项目支出绩效目标填报表, published beside them where a department has them.
  {
    id: 'projectPerformance',
    number: null,
    title: '财政项目支出绩效目标填报表',
    optional: true,
    family: 'performance',
    amountUnit: '元',
    note: null,
    source: 'forms',
    identities: { hierarchy: false },
    build: projectPerformance,
  },
];

const FIGURES: readonly FigureSpec[] = [
  figure('收入合计', 'incomeExpenditureSummary', 'total', '本年收入/预算数'),
  figure('收入总计', 'incomeExpenditureSummary', 'total', '本年收入/预算数'),
  figure('支出合计', 'expenditureSummary', 'total', '支出预算/合计'),
  figure('基本支出', 'expenditureSummary', 'total', '支出预算/基本支出', '支出合计'),
  figure('项目支出', 'expenditureSummary', 'total', '支出预算/项目支出', '支出合计'),
  figure('财政拨款收入', 'fiscalSummary', 'total', '财政拨款收入/预算数'),
  figure('财政拨款支出', 'fiscalSummary', 'total', '财政拨款支出/合计'),
  figure('一般公共预算支出', 'generalBudgetExpenditure', 'total', '一般公共预算支出/合计'),
  figure('一般公共预算基本支出', 'generalBudgetExpenditure', 'total', '一般公共预算支出/基本支出', '一般公共预算支出'),
  figure('一般公共预算项目支出', 'generalBudgetExpenditure', 'total', '一般公共预算支出/项目支出', '一般公共预算支出'),
  figure('政府性基金预算支出', 'govFundExpenditure', 'total', '政府性基金预算支出/合计'),
  figure('国有资本经营预算支出', 'stateCapitalExpenditure', 'total', '国有资本经营预算支出/合计'),
  figure('人员经费', 'generalBudgetBasic', 'total', '一般公共预算基本支出/人员经费', '一般公共预算基本支出'),
  figure('公用经费', 'generalBudgetBasic', 'total', '一般公共预算基本支出/公用经费', '一般公共预算基本支出'),
  figure('三公合计', 'threePublic', 'total', '“三公”经费预算数/合计'),
  figure('因公出国（境）费', 'threePublic', 'total', '因公出国(境)费', '三公合计'),
  figure('公务接待费', 'threePublic', 'total', '公务接待费', '三公合计'),
  figure('公务用车购置及运行费', 'threePublic', 'total', '公务用车购置及运行费/小计', '三公合计'),
  figure('公务用车购置费', 'threePublic', 'total', '公务用车购置及运行费/购置费', '三公合计'),
  figure('公务用车运行费', 'threePublic', 'total', '公务用车购置及运行费/运行费', '三公合计'),
  figure('机关运行经费', 'threePublic', 'total', '机关运行经费预算数'),
];

export const SHANGHAI_BUDGET: TemplatePack = {
  id: 'shanghai-budget',
  name: '上海市部门预算公开表（9张）',
  phase: 'budget',
  unitLine: 'department',
  tables: TABLES,
  figures: FIGURES,
  incomeLines: { table: 'incomeExpenditureSummary', label: ['本年收入', '项目'] },
  functionLines: { table: 'incomeExpenditureSummary', label: ['本年支出', '项目'] },
  // A getter: the sections module and this registry import each other (see registry.ts).
  get sections() {
    return [...SHANGHAI_SECTIONS, threePublicSection, officeRunningCostSection, performanceSection];
  },
};
