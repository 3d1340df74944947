/**
 * The performance forms (绩效目标表) in the generic table model, so they
 * download and print like every other table. Project pages render the forms from the same data.
 *
 * Forms differ between provinces (seeds 000–004 print five layouts). The columns seed 003 prints
 * are always present, so its tables keep their printed shape; a column for a field only other
 * layouts print (项目编码, 资金支出计划, 指标值确定依据 …) appears when some form of the
 * disclosure fills it, so no layout loses a field and none gets a wall of empty columns.
 */
import type { Disclosure, Indicator, ProjectForm, UnitBudgetLine, UnitForm } from '../disclosure/model.ts';
import { amountCell, textCell, type Cell, type FormField, type HeaderNode, type Row } from './model.ts';

/** A column: its header, how to read a cell, and whether it is printed even when every cell is empty. */
interface ColumnSpec<T> {
  readonly label: string;
  readonly kind?: 'text';
  readonly always: boolean;
  readonly cell: (item: T) => Cell;
}

const text = <T>(label: string, always: boolean, value: (item: T) => string): ColumnSpec<T> => ({
  label,
  kind: 'text',
  always,
  cell: (item) => textCell(value(item)),
});

/** The printed 一级/二级 label: its number and name as the form shows them (`1-产出指标`). */
export const levelLabel = (code: string, name: string): string => (code === '' ? name : `${code}-${name}`);

const INDICATOR_COLUMNS: readonly ColumnSpec<Indicator>[] = [
  text('一级指标', true, (i) => levelLabel(i.level1Code, i.level1)),
  text('二级指标', true, (i) => levelLabel(i.level2Code, i.level2)),
  text('三级指标', true, (i) => i.name),
  text('指标值', true, (i) => i.target),
  text('指标值内容', true, (i) => i.description),
  text('度量单位', true, (i) => i.measureUnit),
  text('指标值类型', true, (i) => i.comparator),
  text('指标值确定依据', false, (i) => i.basis),
  text('备注', true, (i) => i.note),
];

const scheduleText = (form: ProjectForm): string =>
  form.schedule.map((line) => [line.content, line.start || line.end ? `${line.start}—${line.end}` : ''].filter((s) => s !== '').join(' ')).join('\n');

const spendingPlanText = (form: ProjectForm): string => form.spendingPlan.map((line) => `${line.by}：${line.percent}`).join('\n');

const PROJECT_COLUMNS: readonly ColumnSpec<ProjectForm>[] = [
  text('项目名称', true, (f) => f.name),
  text('项目编码', false, (f) => f.code),
  text('项目类别', true, (f) => f.category),
  text('项目属性', false, (f) => f.attribute),
  { label: '年度本级预算金额', always: true, cell: (f) => amountCell(f.amount) },
  { label: '其中：财政拨款', always: false, cell: (f) => amountCell(f.funding.fiscal) },
  { label: '其中：其他资金', always: false, cell: (f) => amountCell(f.funding.other) },
  text('项目支出实施期', true, (f) => f.period),
  text('主管部门', false, (f) => f.department),
  text('实施单位', false, (f) => f.unit),
  text('项目主管处室', false, (f) => f.office),
  text('资金用途', false, (f) => f.purpose),
  text('立项依据', false, (f) => f.basis),
  text('部门职能职责概述', false, (f) => f.duties),
  text('实施进度计划', false, scheduleText),
  text('资金支出计划（%）', false, spendingPlanText),
  text('本年度绩效目标', true, (f) => f.goal),
  text('保障措施', false, (f) => f.measures),
];

const filled = (cell: Cell): boolean => cell.value !== null && cell.value !== '';

/** The columns a set of items uses: every `always` column, and the others when some item fills them. */
const usedColumns = <T>(specs: readonly ColumnSpec<T>[], items: readonly T[]): ColumnSpec<T>[] =>
  specs.filter((spec) => spec.always || items.some((item) => filled(spec.cell(item))));

const headerOf = <T>(specs: readonly ColumnSpec<T>[]): HeaderNode[] =>
  specs.map((spec) => (spec.kind ? { label: spec.label, kind: spec.kind } : { label: spec.label }));

const blankCell = <T>(spec: ColumnSpec<T>): Cell => (spec.kind ? textCell('') : amountCell(null));

/** 项目支出绩效目标表: each project's form line, then its indicators. */
export function projectPerformance(d: Disclosure): { header: HeaderNode[]; rows: Row[]; fields: FormField[] } {
  const forms = d.projectForms;
  const projectColumns = usedColumns(PROJECT_COLUMNS, forms);
  const indicatorColumns = usedColumns(
    INDICATOR_COLUMNS,
    forms.flatMap((f) => f.indicators),
  );
  const header: HeaderNode[] = [
    { label: '项目', children: headerOf(projectColumns) },
    { label: '本年度绩效指标', children: headerOf(indicatorColumns) },
  ];
  const rows: Row[] = [];
  for (const form of forms) {
    rows.push({
      level: 'project',
      key: `project:${form.id}`,
      cells: [...projectColumns.map((spec) => spec.cell(form)), ...indicatorColumns.map(blankCell)],
    });
    form.indicators.forEach((indicator, i) => {
      rows.push({
        level: 'indicator',
        key: `indicator:${form.id}:${i + 1}`,
        // The project name is repeated so an indicator row read alone (CSV, search) still says whose it is.
        cells: [
          ...projectColumns.map((spec) => (spec.label === '项目名称' ? textCell(form.name) : blankCell(spec))),
          ...indicatorColumns.map((spec) => spec.cell(indicator)),
        ],
      });
    });
  }
  return { header, rows, fields: [] };
}

export const BUDGET_LABELS: Readonly<Record<UnitBudgetLine, string>> = {
  total: '预算情况 · 资金总额',
  fiscalAppropriation: '预算情况 · 年度财政拨款资金总额',
  generalBudget: '预算情况 · 按收入性质分 · 一般公共预算',
  govFund: '预算情况 · 按收入性质分 · 政府性基金拨款',
  specialAccount: '预算情况 · 按收入性质分 · 财政专户管理资金',
  other: '预算情况 · 按收入性质分 · 其他资金',
  basic: '预算情况 · 按支出性质分 · 基本支出',
  personnel: '预算情况 · 按支出性质分 · 人员经费',
  operating: '预算情况 · 按支出性质分 · 公用经费',
  project: '预算情况 · 按支出性质分 · 项目支出',
};

const textField = (label: string, value: string): FormField[] => (value === '' ? [] : [{ label, value: textCell(value) }]);

/** The labelled values above the grid of the 整体支出绩效目标表, in the printed order of the forms. */
function unitFormFields(form: UnitForm): FormField[] {
  return [
    { label: '部门名称', value: textCell(form.department) },
    // Texts a layout does not print (seed 002 has no 年履职目标) are left out rather than shown blank.
    ...textField('年履职目标', form.mission),
    ...textField('部门职能职责概述', form.duties),
    ...form.tasks.map((t, i) => ({
      label: t.name === '' ? '年度主要任务' : `年度主要任务${i + 1}：${t.name}`,
      value: textCell(t.content),
    })),
    ...(Object.keys(BUDGET_LABELS) as UnitBudgetLine[])
      .filter((line) => form.budget[line] !== null)
      .map((line) => ({ label: BUDGET_LABELS[line], value: amountCell(form.budget[line]) })),
    ...form.goals.flatMap((goal, i) => [
      { label: `分项绩效目标${i + 1}`, value: textCell(goal.name) },
      ...textField(`分项绩效目标${i + 1} · 评价标准`, goal.standard),
    ]),
    ...textField('工作保障措施', form.measures),
  ];
}

/** 整体支出绩效目标表: the department's form fields, then its indicators. */
export function unitPerformance(d: Disclosure): { header: HeaderNode[]; rows: Row[]; fields: FormField[] } {
  const form = d.unitForm;
  const goalColumn: ColumnSpec<Indicator> = text('分项绩效目标', true, (i) => i.goal);
  if (!form) return { header: headerOf(usedColumns(INDICATOR_COLUMNS, [])), rows: [], fields: [] };
  const columns = [...(form.goals.length > 0 ? [goalColumn] : []), ...usedColumns(INDICATOR_COLUMNS, form.indicators)];
  const rows = form.indicators.map((indicator, i): Row => ({
    level: 'indicator',
    key: `indicator:${i + 1}`,
    cells: columns.map((spec) => spec.cell(indicator)),
  }));
  return { header: headerOf(columns), rows, fields: unitFormFields(form) };
}
