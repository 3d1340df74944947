/**
 * Open data for disclosures given as facts coarser than a ledger (Shanghai's 预算 and 决算): one
 * line per fact, with the dimensions the source gives and the others empty ("not itemised",
 * never filled in), and the phase of every amount. A 决算 adds its income by 功能 项 and the
 * 年初预算数 it states, each line saying which figure it is, so 预算, 年初预算 and 决算 are never
 * mistaken for one another or added together.
 */
import type { Disclosure } from '../disclosure/model.ts';
import { formatYuan, type Amount } from '../money.ts';
import { decimal, toCsv, type CsvField } from './csv.ts';
import { inOpenDataOrder, type OpenDataField } from './open-data.ts';

interface FactLine {
  readonly d: Disclosure;
  readonly figure: 'budget' | 'initialBudget' | 'actual' | 'income';
  readonly set: 'byFunction' | 'basicByEcon' | 'incomeByFunction' | 'initialBudget';
  readonly func: string;
  readonly econ: string;
  readonly source: string;
  readonly kind: string;
  readonly amount: Amount;
}

const FIELDS: readonly (OpenDataField & { readonly value: (l: FactLine) => CsvField })[] = [
  {
    name: 'year',
    type: 'integer',
    title: '年度 / Year',
    description: '预算或决算年度。Budget or final-accounts year.',
    value: (l) => decimal(String(l.d.year)),
  },
  {
    name: 'phase',
    type: 'string',
    title: '阶段 / Phase',
    description: 'budget（预算）或 final（决算）；不同阶段的金额不可相加。budget or final; never add amounts of different phases.',
    value: (l) => l.d.phase,
  },
  {
    name: 'figure',
    type: 'string',
    title: '数字 / Figure',
    description:
      'budget 预算数，initialBudget 决算所列年初预算数，actual 决算数（支出），income 决算收入。budget: the budget; initialBudget: the 年初预算 a 决算 states; actual: spent; income: received.',
    value: (l) => l.figure,
  },
  {
    name: 'regionCode',
    type: 'string',
    title: '行政区划代码 / Region code',
    description: '6 位行政区划代码，文本。6-digit region code, text.',
    value: (l) => l.d.region.code,
  },
  {
    name: 'departmentCode',
    type: 'string',
    title: '部门编码 / Department code',
    description: '部门编码，文本。Department code, text.',
    value: (l) => l.d.department.code,
  },
  { name: 'department', type: 'string', title: '部门 / Department', description: '部门名称。Department name.', value: (l) => l.d.department.name },
  {
    name: 'factSet',
    type: 'string',
    title: '事实集 / Fact set',
    description:
      '来源表给出的粒度：byFunction 功能项×资金×基本/项目，basicByEcon 基本支出经济款，incomeByFunction 收入功能项×来源，initialBudget 年初预算功能项。The grain the source gives.',
    value: (l) => l.set,
  },
  {
    name: 'func',
    type: 'string',
    title: '功能分类项 / Functional item',
    description: '功能分类项级编码；空 = 来源未细分。Functional item code; empty = not itemised.',
    value: (l) => l.func,
  },
  {
    name: 'econ',
    type: 'string',
    title: '部门经济分类 / econDept',
    description: '部门经济分类款；空 = 来源未细分。econDept code; empty = not itemised.',
    value: (l) => l.econ,
  },
  { name: 'source', type: 'string', title: '资金来源 / Source', description: '资金来源（代码名）。Funding source.', value: (l) => l.source },
  {
    name: 'kind',
    type: 'string',
    title: '支出性质 / Kind',
    description: 'basic 基本支出，project 项目支出；收入与年初预算为空。basic or project; empty for income and 年初预算.',
    value: (l) => l.kind,
  },
  {
    name: 'amountYuan',
    type: 'number',
    title: '金额（元）/ Amount (yuan)',
    description: '金额，元，两位小数；空不是零。Amount in yuan; empty is not zero.',
    value: (l) => (l.amount === null ? '' : decimal(formatYuan(l.amount))),
  },
];

export const FACT_FIELDS: readonly OpenDataField[] = FIELDS.map(({ name, type, title, description }) => ({ name, type, title, description }));

function linesOf(d: Disclosure): FactLine[] {
  const facts = d.coarseFacts;
  if (!facts) return [];
  const spent = d.phase === 'final' ? 'actual' : 'budget';
  return [
    ...facts.byFunction.map((f): FactLine => ({
      d,
      figure: spent,
      set: 'byFunction',
      func: f.func ?? '',
      econ: '',
      source: f.source,
      kind: f.kind,
      amount: f.amount,
    })),
    ...facts.basicByEcon.map((f): FactLine => ({
      d,
      figure: spent,
      set: 'basicByEcon',
      func: '',
      econ: f.econ ?? '',
      source: f.source,
      kind: f.kind,
      amount: f.amount,
    })),
    ...(facts.incomeByFunction ?? []).map((f): FactLine => ({
      d,
      figure: 'income',
      set: 'incomeByFunction',
      func: f.func,
      econ: '',
      source: f.source,
      kind: '',
      amount: f.amount,
    })),
    ...(d.finalAccounts?.initialBudget ?? []).map((l): FactLine => ({
      d,
      figure: 'initialBudget',
      set: 'initialBudget',
      func: l.func,
      econ: '',
      source: 'generalBudget',
      kind: '',
      amount: l.amount,
    })),
  ];
}

/** `facts.csv`: every coarse fact of every disclosure, in open-data order. */
export function factsCsv(disclosures: readonly Disclosure[]): string {
  const lines = inOpenDataOrder(disclosures).flatMap(linesOf);
  return toCsv([FIELDS.map((f) => f.name), ...lines.map((l) => FIELDS.map((f) => f.value(l)))], { bom: false });
}
