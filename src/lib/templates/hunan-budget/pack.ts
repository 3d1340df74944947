/**
 * Hunan's 23-table 部门预算 template (seed 003, 株洲市荷塘区): the tables with the numbers and
 * titles Hunan prints, the figures its 说明 name, and its standard 说明 sections. Every table is
 * in 万元 with two decimals. The 23 tables are computed from one full-grain ledger.
 */
import { projectPerformance, unitPerformance } from '../../tables/performance-tables.ts';
import { EMPTY_TABLE_NOTE } from '../../tables/model.ts';
import { figure, type FigureSpec, type TableDefinition, type TableIdentities, type TemplatePack } from '../template-pack.ts';
import {
  expenditureByEconDept,
  expenditureByEconGov,
  expenditureSummary,
  fundExpenditure,
  generalBudgetBasic,
  generalBudgetExpenditure,
  govFundByEconDept,
  govFundByEconGov,
  operatingByEconDept,
  operatingByEconGov,
  personnelHouseholdByEconDept,
  personnelHouseholdByEconGov,
  personnelWagesByEconDept,
  personnelWagesByEconGov,
  specialFundSummary,
  threePublicExpenditure,
} from './expenditure-tables.ts';
import { HUNAN_SECTIONS, officeRunningCostFigure } from './standard-sections.ts';
import { fiscalSummary, incomeExpenditureSummary, incomeSummary, summaryBalances } from './summary-tables.ts';

const GRAND_TOTAL: TableIdentities = { grandTotal: true };
/** 合计 = 基本 + 项目 and 基本 = 人员 + 公用, for the tables that split a fund's spending that way. */
const fundSplit = (basicGroup: string): TableIdentities => ({
  rowSums: [
    { total: ['合计'], parts: [[basicGroup, '小计'], ['项目支出']], label: '合计 = 基本 + 项目' },
    {
      total: [basicGroup, '小计'],
      parts: [
        [basicGroup, '人员经费', '工资福利支出'],
        [basicGroup, '人员经费', '对个人和家庭的补助'],
        [basicGroup, '公用经费'],
      ],
      label: '基本 = 人员 + 公用',
    },
  ],
});

type Def = Omit<TableDefinition, 'amountUnit' | 'source' | 'note'> & { readonly printsNote: boolean };
const table = ({ printsNote, ...rest }: Def): TableDefinition => ({
  ...rest,
  amountUnit: '万元',
  source: rest.family === 'performance' ? 'forms' : 'facts',
  note: printsNote ? EMPTY_TABLE_NOTE : null,
});

const TABLES: readonly TableDefinition[] = [
  table({
    id: 'incomeExpenditureSummary',
    number: 1,
    title: '收支总表',
    family: 'summary',
    printsNote: false,
    identities: { hierarchy: false },
    build: incomeExpenditureSummary,
  }),
  table({ id: 'incomeSummary', number: 2, title: '收入总表', family: 'summary', printsNote: false, build: incomeSummary }),
  table({
    id: 'expenditureSummary',
    number: 3,
    title: '支出总表',
    family: 'summary',
    printsNote: false,
    identities: {
      rowSums: [
        {
          total: ['合计'],
          parts: [['基本支出'], ['项目支出'], ['事业单位经营支出'], ['上缴上级支出'], ['对附属单位补助支出']],
          label: '合计 = 基本 + 项目 + …',
        },
      ],
    },
    build: expenditureSummary,
  }),
  table({
    id: 'expenditureByEconGov',
    number: 4,
    title: '支出预算分类汇总表（按政府预算经济分类）',
    family: 'summary',
    printsNote: true,
    identities: GRAND_TOTAL,
    build: expenditureByEconGov,
  }),
  table({
    id: 'expenditureByEconDept',
    number: 5,
    title: '支出预算分类汇总表（按部门预算经济分类）',
    family: 'summary',
    printsNote: true,
    identities: GRAND_TOTAL,
    build: expenditureByEconDept,
  }),
  table({
    id: 'fiscalSummary',
    number: 6,
    title: '财政拨款收支总表',
    family: 'summary',
    printsNote: false,
    identities: { hierarchy: false },
    build: fiscalSummary,
  }),
  table({
    id: 'generalBudgetExpenditure',
    number: 7,
    title: '一般公共预算支出表',
    family: 'generalBudget',
    printsNote: true,
    identities: fundSplit('基本支出'),
    build: generalBudgetExpenditure,
  }),
  table({
    id: 'generalBudgetBasic',
    number: 8,
    title: '一般公共预算基本支出表',
    family: 'generalBudget',
    printsNote: true,
    identities: {
      rowSums: [
        {
          total: ['本年一般公共预算基本支出', '合计'],
          parts: [
            ['本年一般公共预算基本支出', '人员经费'],
            ['本年一般公共预算基本支出', '公用经费'],
          ],
          label: '合计 = 人员 + 公用',
        },
      ],
    },
    build: generalBudgetBasic,
  }),
  table({
    id: 'personnelWagesByEconGov',
    number: 9,
    title: '一般公共预算基本支出表--人员经费(工资福利支出)(按政府预算经济分类)',
    family: 'generalBudget',
    printsNote: true,
    identities: GRAND_TOTAL,
    build: personnelWagesByEconGov,
  }),
  table({
    id: 'personnelWagesByEconDept',
    number: 10,
    title: '一般公共预算基本支出表--人员经费(工资福利支出)(按部门预算经济分类)',
    family: 'generalBudget',
    printsNote: true,
    identities: GRAND_TOTAL,
    build: personnelWagesByEconDept,
  }),
  table({
    id: 'personnelHouseholdByEconGov',
    number: 11,
    title: '一般公共预算基本支出表--人员经费(对个人和家庭的补助)(按政府预算经济分类)',
    family: 'generalBudget',
    printsNote: true,
    identities: GRAND_TOTAL,
    build: personnelHouseholdByEconGov,
  }),
  table({
    id: 'personnelHouseholdByEconDept',
    number: 12,
    title: '一般公共预算基本支出表--人员经费(对个人和家庭的补助)（按部门预算经济分类）',
    family: 'generalBudget',
    printsNote: true,
    identities: GRAND_TOTAL,
    build: personnelHouseholdByEconDept,
  }),
  table({
    id: 'operatingByEconGov',
    number: 13,
    title: '一般公共预算基本支出表--公用经费(商品和服务支出)（按政府预算经济分类）',
    family: 'generalBudget',
    printsNote: true,
    identities: GRAND_TOTAL,
    build: operatingByEconGov,
  }),
  table({
    id: 'operatingByEconDept',
    number: 14,
    title: '一般公共预算基本支出表--公用经费(商品和服务支出)(按部门预算经济分类)',
    family: 'generalBudget',
    printsNote: true,
    identities: GRAND_TOTAL,
    build: operatingByEconDept,
  }),
  table({
    id: 'threePublic',
    number: 15,
    title: '一般公共预算“三公”经费支出表',
    family: 'threePublic',
    printsNote: true,
    identities: GRAND_TOTAL,
    build: threePublicExpenditure,
  }),
  table({
    id: 'govFundExpenditure',
    number: 16,
    title: '政府性基金预算支出表',
    family: 'fund',
    printsNote: true,
    identities: fundSplit('本年政府性基金预算支出'),
    build: fundExpenditure('govFund'),
  }),
  table({
    id: 'govFundByEconGov',
    number: 17,
    title: '政府性基金预算支出分类汇总表（按政府预算经济分类）',
    family: 'fund',
    printsNote: true,
    identities: GRAND_TOTAL,
    build: govFundByEconGov,
  }),
  table({
    id: 'govFundByEconDept',
    number: 18,
    title: '政府性基金预算支出分类汇总表（按部门预算经济分类）',
    family: 'fund',
    printsNote: true,
    identities: GRAND_TOTAL,
    build: govFundByEconDept,
  }),
  table({
    id: 'stateCapitalExpenditure',
    number: 19,
    title: '国有资本经营预算支出表',
    family: 'fund',
    printsNote: true,
    identities: fundSplit('本年国有资本经营预算支出'),
    build: fundExpenditure('stateCapital'),
  }),
  table({
    id: 'specialAccountExpenditure',
    number: 20,
    title: '财政专户管理资金预算支出表',
    family: 'fund',
    printsNote: true,
    identities: fundSplit('本年财政专户管理资金预算支出'),
    build: fundExpenditure('specialAccount'),
  }),
  table({ id: 'specialFundSummary', number: 21, title: '专项资金预算汇总表', family: 'specialFund', printsNote: true, build: specialFundSummary }),
  table({
    id: 'projectPerformance',
    number: 22,
    title: '项目支出绩效目标表',
    family: 'performance',
    printsNote: false,
    identities: { hierarchy: false },
    build: projectPerformance,
  }),
  table({
    id: 'unitPerformance',
    number: 23,
    title: '整体支出绩效目标表',
    family: 'performance',
    printsNote: false,
    identities: { hierarchy: false },
    build: unitPerformance,
  }),
];

/** Figures with fixed names and places in Hunan's tables. */
const FIGURES: readonly FigureSpec[] = [
  figure('收入合计', 'incomeExpenditureSummary', 'total:current', '收入/预算数'),
  figure('收入总计', 'incomeExpenditureSummary', 'total:grand', '收入/预算数'),
  figure('上年结转', 'incomeExpenditureSummary', 'line:carryover', '收入/预算数'),
  figure('支出合计', 'expenditureSummary', 'total', '合计'),
  figure('基本支出', 'expenditureSummary', 'total', '基本支出', '支出合计'),
  figure('项目支出', 'expenditureSummary', 'total', '项目支出', '支出合计'),
  figure('事业单位经营支出', 'expenditureSummary', 'total', '事业单位经营支出', '支出合计'),
  figure('上缴上级支出', 'expenditureSummary', 'total', '上缴上级支出', '支出合计'),
  figure('对附属单位补助支出', 'expenditureSummary', 'total', '对附属单位补助支出', '支出合计'),
  figure('财政拨款收入', 'fiscalSummary', 'line:1', '收入/预算数'),
  figure('财政拨款支出', 'fiscalSummary', 'line:1', '支出/预算数'),
  figure('一般公共预算支出', 'generalBudgetExpenditure', 'total', '合计'),
  figure('一般公共预算基本支出', 'generalBudgetExpenditure', 'total', '基本支出/小计', '一般公共预算支出'),
  figure('一般公共预算项目支出', 'generalBudgetExpenditure', 'total', '项目支出', '一般公共预算支出'),
  figure('工资福利支出', 'generalBudgetExpenditure', 'total', '人员经费/工资福利支出', '人员经费'),
  figure('对个人和家庭的补助', 'generalBudgetExpenditure', 'total', '人员经费/对个人和家庭的补助', '人员经费'),
  figure('人员经费', 'generalBudgetBasic', 'total', '人员经费', '一般公共预算基本支出'),
  figure('公用经费', 'generalBudgetBasic', 'total', '公用经费', '一般公共预算基本支出'),
  figure('三公合计', 'threePublic', 'total', '“三公”经费合计'),
  figure('因公出国（境）费', 'threePublic', 'total', '因公出国（境）费', '三公合计'),
  figure('公务用车购置及运行费', 'threePublic', 'total', '公务用车购置及运行费/小计', '三公合计'),
  figure('公务用车购置费', 'threePublic', 'total', '公务用车购置费', '三公合计'),
  figure('公务用车运行费', 'threePublic', 'total', '公务用车运行费', '三公合计'),
  figure('公务接待费', 'threePublic', 'total', '公务接待费', '三公合计'),
  figure('政府性基金预算支出', 'govFundExpenditure', 'total', '合计'),
  figure('国有资本经营预算支出', 'stateCapitalExpenditure', 'total', '合计'),
  figure('财政专户管理资金支出', 'specialAccountExpenditure', 'total', '合计'),
  figure('专项资金', 'specialFundSummary', 'total', '预算额度/总计'),
];

export const HUNAN_BUDGET: TemplatePack = {
  id: 'hunan-budget',
  name: '湖南省部门预算公开表（23张）',
  phase: 'budget',
  unitLine: 'unit',
  tables: TABLES,
  figures: FIGURES,
  computedFigures: [officeRunningCostFigure],
  incomeLines: { table: 'incomeExpenditureSummary', label: ['收入', '项目'], carryoverRow: 'line:carryover' },
  functionLines: { table: 'incomeExpenditureSummary', label: ['支出', '项目（按功能分类）'] },
  // A getter: the sections module and this registry import each other (see registry.ts).
  get sections() {
    return HUNAN_SECTIONS;
  },
  balances: [
    {
      code: 'identity.incomeExpenditure',
      zh: '收支总表',
      en: 'the 收支总表',
      table: 'incomeExpenditureSummary',
      income: { row: 'total:grand', column: '收入/预算数' },
      expenditure: { row: 'total:grand', column: '支出/项目（按功能分类）' },
    },
    {
      code: 'identity.fiscalIncomeExpenditure',
      zh: '财政拨款收支总表',
      en: 'the 财政拨款收支总表',
      table: 'fiscalSummary',
      income: { row: 'total:grand', column: '收入/预算数' },
      expenditure: { row: 'total:grand', column: '支出/预算数' },
    },
  ],
  crossChecks: (tables) => {
    const summary = tables.find((t) => t.id === 'incomeExpenditureSummary' && t.provided);
    return summary ? summaryBalances(summary) : [];
  },
};
