/**
 * The Hunan 23-table template (seed 003): number, title, slug and builder of each table.
 * A province with another template is another list like this one, not another renderer.
 */
import type { Disclosure } from '../ledger/model.ts';
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
import { EMPTY_TABLE_NOTE, leafColumns, type FormField, type HeaderNode, type Row, type Table } from './model.ts';
import { projectPerformance, unitPerformance } from './performance-tables.ts';
import { fiscalSummary, incomeExpenditureSummary, incomeSummary } from './summary-tables.ts';

export type TableFamily = 'summary' | 'generalBudget' | 'fund' | 'specialFund' | 'performance';

export interface TableDefinition {
  readonly number: number;
  readonly title: string;
  /** URL segment, stable year after year: `01` … `23`. */
  readonly slug: string;
  readonly family: TableFamily;
  /** Whether the official form prints the empty-table note under it. */
  readonly printsNote: boolean;
  readonly build: (d: Disclosure) => { header: HeaderNode[]; rows: Row[]; fields?: FormField[] };
}

const def = (
  number: number,
  title: string,
  family: TableFamily,
  printsNote: boolean,
  build: TableDefinition['build'],
): TableDefinition => ({ number, title, slug: String(number).padStart(2, '0'), family, printsNote, build });

export const HUNAN_TEMPLATE: readonly TableDefinition[] = [
  def(1, '收支总表', 'summary', false, incomeExpenditureSummary),
  def(2, '收入总表', 'summary', false, incomeSummary),
  def(3, '支出总表', 'summary', false, expenditureSummary),
  def(4, '支出预算分类汇总表（按政府预算经济分类）', 'summary', true, expenditureByEconGov),
  def(5, '支出预算分类汇总表（按部门预算经济分类）', 'summary', true, expenditureByEconDept),
  def(6, '财政拨款收支总表', 'summary', false, fiscalSummary),
  def(7, '一般公共预算支出表', 'generalBudget', true, generalBudgetExpenditure),
  def(8, '一般公共预算基本支出表', 'generalBudget', true, generalBudgetBasic),
  def(9, '一般公共预算基本支出表--人员经费(工资福利支出)(按政府预算经济分类)', 'generalBudget', true, personnelWagesByEconGov),
  def(10, '一般公共预算基本支出表--人员经费(工资福利支出)(按部门预算经济分类)', 'generalBudget', true, personnelWagesByEconDept),
  def(11, '一般公共预算基本支出表--人员经费(对个人和家庭的补助)(按政府预算经济分类)', 'generalBudget', true, personnelHouseholdByEconGov),
  def(12, '一般公共预算基本支出表--人员经费(对个人和家庭的补助)（按部门预算经济分类）', 'generalBudget', true, personnelHouseholdByEconDept),
  def(13, '一般公共预算基本支出表--公用经费(商品和服务支出)（按政府预算经济分类）', 'generalBudget', true, operatingByEconGov),
  def(14, '一般公共预算基本支出表--公用经费(商品和服务支出)(按部门预算经济分类)', 'generalBudget', true, operatingByEconDept),
  def(15, '一般公共预算“三公”经费支出表', 'generalBudget', true, threePublicExpenditure),
  def(16, '政府性基金预算支出表', 'fund', true, fundExpenditure('govFund')),
  def(17, '政府性基金预算支出分类汇总表（按政府预算经济分类）', 'fund', true, govFundByEconGov),
  def(18, '政府性基金预算支出分类汇总表（按部门预算经济分类）', 'fund', true, govFundByEconDept),
  def(19, '国有资本经营预算支出表', 'fund', true, fundExpenditure('stateCapital')),
  def(20, '财政专户管理资金预算支出表', 'fund', true, fundExpenditure('specialAccount')),
  def(21, '专项资金预算汇总表', 'specialFund', true, specialFundSummary),
  def(22, '项目支出绩效目标表', 'performance', false, projectPerformance),
  def(23, '整体支出绩效目标表', 'performance', false, unitPerformance),
];

/** The 单位 line of every table: the only unit, or the department when there are several. */
export function unitLabel(d: Disclosure): string {
  const only = d.units.length === 1 ? d.units[0] : undefined;
  return only ? `${only.code}_${only.name}` : `${d.department.code}_${d.department.name}`;
}

const hasContent = (rows: readonly Row[], fields: readonly FormField[]): boolean =>
  fields.length > 0 ||
  rows.some((row) => row.level !== 'total' && row.cells.some((c) => (c.kind === 'amount' ? c.value !== null && c.value !== 0 : row.level === 'indicator' && c.value !== '')));

/** Builds one table of a disclosure; a table the disclosure did not publish comes back `provided: false` with no rows. */
export function buildTable(d: Disclosure, definition: TableDefinition): Table {
  const provided = d.providedTables.includes(definition.number);
  const built = definition.build(d);
  const fields = built.fields ?? [];
  const rows = provided ? built.rows : [];
  return {
    number: definition.number,
    title: definition.title,
    unitLabel: unitLabel(d),
    amountUnit: '万元',
    header: built.header,
    columns: leafColumns(built.header),
    rows,
    fields: provided ? fields : [],
    note: definition.printsNote ? EMPTY_TABLE_NOTE : null,
    empty: !provided || !hasContent(rows, fields),
    provided,
  };
}

/** All 23 tables of a disclosure, in order. Compute once per disclosure and share. */
export function buildTables(d: Disclosure, template: readonly TableDefinition[] = HUNAN_TEMPLATE): Table[] {
  return template.map((definition) => buildTable(d, definition));
}
