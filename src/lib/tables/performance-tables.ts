/**
 * Tables 22 and 23: the performance forms (绩效目标表) in the generic table model, so they
 * download and print like every other table. Project pages render the forms from the same data.
 */
import type { Disclosure, Indicator } from '../ledger/model.ts';
import { amountCell, textCell, type Cell, type FormField, type HeaderNode, type Row } from './model.ts';

const INDICATOR_HEADER: HeaderNode[] = [
  { label: '一级指标', kind: 'text' },
  { label: '二级指标', kind: 'text' },
  { label: '三级指标', kind: 'text' },
  { label: '指标值', kind: 'text' },
  { label: '指标值内容', kind: 'text' },
  { label: '度量单位', kind: 'text' },
  { label: '指标值类型', kind: 'text' },
  { label: '备注', kind: 'text' },
];

export const indicatorCells = (i: Indicator): Cell[] =>
  [i.level1, i.level2, i.name, i.target, i.description, i.measureUnit, i.comparator, i.note].map((v) => textCell(v));

/** 表22 项目支出绩效目标表: each project's form line, then its indicators. */
export function projectPerformance(d: Disclosure): { header: HeaderNode[]; rows: Row[]; fields: FormField[] } {
  const header: HeaderNode[] = [
    {
      label: '项目',
      children: [
        { label: '项目名称', kind: 'text' },
        { label: '项目类别', kind: 'text' },
        { label: '年度本级预算金额' },
        { label: '项目支出实施期', kind: 'text' },
        { label: '本年度绩效目标', kind: 'text' },
      ],
    },
    { label: '本年度绩效指标', children: INDICATOR_HEADER },
  ];
  const rows: Row[] = [];
  for (const form of d.projectForms) {
    const name = d.projects.find((p) => p.id === form.project)?.name ?? form.project;
    rows.push({
      level: 'project',
      key: `project:${form.project}`,
      cells: [textCell(name), textCell(form.category), amountCell(form.amount), textCell(form.period), textCell(form.goal), ...INDICATOR_HEADER.map(() => textCell(''))],
    });
    form.indicators.forEach((indicator, i) => {
      rows.push({
        level: 'indicator',
        key: `indicator:${form.project}:${i + 1}`,
        cells: [textCell(name), textCell(''), amountCell(null), textCell(''), textCell(''), ...indicatorCells(indicator)],
      });
    });
  }
  return { header, rows, fields: [] };
}

/** 表23 整体支出绩效目标表: the department's form fields, then its indicators. */
export function unitPerformance(d: Disclosure): { header: HeaderNode[]; rows: Row[]; fields: FormField[] } {
  const form = d.unitForm;
  if (!form) return { header: INDICATOR_HEADER, rows: [], fields: [] };
  const fields: FormField[] = [
    { label: '部门名称', value: textCell(d.department.name) },
    { label: '年履职目标', value: textCell(form.mission) },
    ...form.tasks.map((t, i) => ({ label: `年度主要任务${i + 1}：${t.name}`, value: textCell(t.content) })),
    { label: '预算情况 · 资金总额', value: amountCell(form.budget.total) },
    { label: '预算情况 · 按收入性质分 · 一般公共预算', value: amountCell(form.budget.generalBudget) },
    { label: '预算情况 · 按收入性质分 · 政府性基金拨款', value: amountCell(form.budget.govFund) },
    { label: '预算情况 · 按收入性质分 · 财政专户管理资金', value: amountCell(form.budget.specialAccount) },
    { label: '预算情况 · 按收入性质分 · 其他资金', value: amountCell(form.budget.other) },
    { label: '预算情况 · 按支出性质分 · 基本支出', value: amountCell(form.budget.basic) },
    { label: '预算情况 · 按支出性质分 · 项目支出', value: amountCell(form.budget.project) },
  ];
  const rows = form.indicators.map((indicator, i): Row => ({ level: 'indicator', key: `indicator:${i + 1}`, cells: indicatorCells(indicator) }));
  return { header: INDICATOR_HEADER, rows, fields };
}
