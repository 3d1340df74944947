/**
 * Open data: the ledgers of every disclosure as one long-format CSV (and one per year), plus
 * projects and performance indicators as their own CSVs. Each file is defined once as a list
 * of columns (field description + value); the CSV header, the rows and the Data Package schema
 * (datapackage.ts) all read that list, so they cannot disagree.
 */
import { classOf, nameOf, sectionOf, type Catalogue, type CatalogueKind, type Confidence } from '../catalogue/catalogue.ts';
import type { Disclosure, Fact, Indicator, Project, ProjectForm } from '../disclosure/model.ts';
import { EXPENDITURE_KIND_LABEL, SOURCE_INFO, type ExpenditureKind, type FundingSource } from '../ledger/sources.ts';
import { formatYuan, sumAmounts, type Amount } from '../money.ts';
import { viewRows } from '../tables/ledger-view.ts';
import { decimal, toCsv, type CsvField } from './csv.ts';
import { summaryRecords, type SummaryRecord } from './summary-data.ts';
import type { Table } from '../tables/model.ts';

/** Frictionless Table Schema field types used by the open data. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';

/** One column of an open-data CSV, as the Data Package describes it. */
export interface OpenDataField {
  /** Header of the column; stable, ASCII, the glossary's code name. */
  readonly name: string;
  readonly type: FieldType;
  /** Short label, Chinese / English. */
  readonly title: string;
  /** What the column holds, in Chinese and English. */
  readonly description: string;
}

interface Column<T> extends OpenDataField {
  readonly value: (record: T) => CsvField;
}

const column = <T>(name: string, type: FieldType, title: string, description: string, value: (record: T) => CsvField): Column<T> => ({
  name,
  type,
  title,
  description,
  value,
});

const integerField = (n: number): CsvField => decimal(String(n));
const yuanField = (amount: Amount): CsvField => (amount === null ? '' : decimal(formatYuan(amount)));
const booleanField = (b: boolean): CsvField => (b ? 'true' : 'false');

/** Columns every open-data file starts with: which disclosure a row belongs to. */
const disclosureColumns = <T extends { readonly d: Disclosure }>(): Column<T>[] => [
  column('year', 'integer', '预算年度 / Budget year', '预算年度。Budget year.', (r) => integerField(r.d.year)),
  column(
    'phase',
    'string',
    '阶段 / Phase',
    'budget（预算：年初预算数）或 final（决算：决算数）；同一部门同一年度可有两套金额，不同阶段的金额不可相加。Phase: budget (the budget as approved) or final (the final accounts: amounts spent); a department-year can have both, never add amounts of different phases.',
    (r) => r.d.phase,
  ),
  column(
    'regionCode',
    'string',
    '行政区划代码 / Region code',
    '6 位行政区划代码（GB/T 2260），文本。6-digit GB/T 2260 region code, as text.',
    (r) => r.d.region.code,
  ),
  column('region', 'string', '行政区划 / Region', '行政区划名称。Region name.', (r) => r.d.region.name),
  column(
    'departmentCode',
    'string',
    '部门编码 / Department code',
    '部门编码，仅在本行政区划内唯一，文本（保留前导零）。Department code, unique only within its region; text, leading zeros kept.',
    (r) => r.d.department.code,
  ),
  column('department', 'string', '部门 / Department', '预算部门名称。Budget department name.', (r) => r.d.department.name),
];

const unitName = (d: Disclosure, code: string): string => (code === '' ? '' : (d.units.find((u) => u.code === code)?.name ?? ''));

const RANK: Readonly<Record<Confidence, number>> = { high: 2, medium: 1, low: 0 };

/**
 * One row of the open data: a ledger row, or a fact of a coarser set, with '' for a dimension its
 * source does not itemise (never filled in). `set` says which set it belongs to: sets overlap, so
 * amounts are only ever summed within one set.
 */
interface OpenFact {
  readonly set: 'ledger' | 'byFunction' | 'basicByEcon';
  readonly unit: string;
  readonly func: string;
  readonly econ: string;
  readonly source: FundingSource;
  readonly kind: ExpenditureKind;
  readonly project?: string | undefined;
  readonly amount: number;
}

/** The least certain of the catalogue entries a ledger row's names and econGov code come from. */
function catalogueConfidence(catalogue: Catalogue, row: OpenFact, econGovCode: string): Confidence | '' {
  const used: (Confidence | undefined)[] = [
    ...(['functional', 'econDept', 'econGov'] as const).flatMap((kind: CatalogueKind) =>
      codesOf(kind, row, econGovCode).map((code) => catalogue[kind].get(code)?.confidence),
    ),
    row.econ === '' ? undefined : (catalogue.mapping.get(row.econ)?.confidence ?? catalogue.mapping.get(classOf(row.econ))?.confidence),
  ];
  const known = used.filter((c): c is Confidence => c !== undefined);
  if (known.length === 0) return '';
  return known.reduce((least, c) => (RANK[c] < RANK[least] ? c : least));
}

const codesOf = (kind: CatalogueKind, row: OpenFact, econGovCode: string): string[] =>
  kind === 'functional'
    ? row.func === ''
      ? []
      : [classOf(row.func), sectionOf(row.func), row.func]
    : kind === 'econDept'
      ? row.econ === ''
        ? []
        : [row.econ]
      : econGovCode === ''
        ? []
        : [econGovCode];

interface LedgerRecord {
  readonly d: Disclosure;
  readonly row: OpenFact;
  /** econGov 款 from the mapping, else its 类 (a row whose econDept is only a 类 maps to a 类). */
  readonly econGovCode: string;
}

const name = (r: { readonly d: Disclosure }, kind: CatalogueKind, code: string): string => (code === '' ? '' : (nameOf(r.d.catalogue, kind, code) ?? ''));

const LEDGER_COLUMNS: readonly Column<LedgerRecord>[] = [
  ...disclosureColumns<LedgerRecord>(),
  column(
    'factSet',
    'string',
    '明细口径 / Fact set',
    'ledger 完整明细（单位×功能×经济×资金×类型）；byFunction 只按功能分类（经济分类未细化，为空）；basicByEcon 一般公共预算基本支出只按经济分类（功能分类未细化，为空）。不同口径互有重叠，只可在同一口径内求和。ledger = full grain; byFunction = by function only (econ not itemised: empty); basicByEcon = general-budget basic spending by economic class only (function not itemised: empty). Sets overlap: sum within one set only.',
    (r) => r.row.set,
  ),
  column(
    'unitCode',
    'string',
    '单位编码 / Unit code',
    '预算单位编码（部门编码 + 单位序号），文本（保留前导零）。Budget unit code (department code + unit number); text, leading zeros kept.',
    (r) => r.row.unit,
  ),
  column('unit', 'string', '单位 / Unit', '预算单位名称。Budget unit name.', (r) => unitName(r.d, r.row.unit)),
  column(
    'functionalClassCode',
    'string',
    '功能分类类级编码 / Functional class code',
    '支出功能分类 类（3 位）。Functional classification class (3 digits).',
    (r) => (r.row.func === '' ? '' : classOf(r.row.func)),
  ),
  column('functionalClass', 'string', '功能分类类级名称 / Functional class', "该年度科目目录中的类名称。Class name in that year's catalogue.", (r) =>
    name(r, 'functional', r.row.func === '' ? '' : classOf(r.row.func)),
  ),
  column(
    'functionalSectionCode',
    'string',
    '功能分类款级编码 / Functional section code',
    '支出功能分类 款（5 位）。Functional classification section (5 digits).',
    (r) => (r.row.func === '' ? '' : sectionOf(r.row.func)),
  ),
  column('functionalSection', 'string', '功能分类款级名称 / Functional section', "该年度科目目录中的款名称。Section name in that year's catalogue.", (r) =>
    name(r, 'functional', r.row.func === '' ? '' : sectionOf(r.row.func)),
  ),
  column(
    'functionalItemCode',
    'string',
    '功能分类项级编码 / Functional item code',
    '支出功能分类 项（7 位）。Functional classification item (7 digits).',
    (r) => r.row.func,
  ),
  column('functionalItem', 'string', '功能分类项级名称 / Functional item', "该年度科目目录中的项名称。Item name in that year's catalogue.", (r) =>
    name(r, 'functional', r.row.func),
  ),
  column(
    'econDeptCode',
    'string',
    '部门预算经济分类编码 / econDept code',
    '部门预算支出经济分类 款（5 位），未细化到款的项目支出为类（3 位）。Departmental economic classification section (5 digits), or class (3 digits) where project spending is not itemised.',
    (r) => r.row.econ,
  ),
  column('econDept', 'string', '部门预算经济分类名称 / econDept name', "该年度科目目录中的名称。Name in that year's catalogue.", (r) =>
    name(r, 'econDept', r.row.econ),
  ),
  column(
    'econGovCode',
    'string',
    '政府预算经济分类编码 / econGov code',
    "按该年度对照表（依单位类型）由部门预算经济分类转换的政府预算经济分类：款级，对照表只有类级时为类；都没有时为空。Government economic classification derived from econDept by that year's mapping for the unit type: the section, or the class where only the class maps; empty where neither does.",
    (r) => r.econGovCode,
  ),
  column('econGov', 'string', '政府预算经济分类名称 / econGov name', "该年度科目目录中的名称。Name in that year's catalogue.", (r) =>
    name(r, 'econGov', r.econGovCode),
  ),
  column(
    'catalogueConfidence',
    'string',
    '科目目录可信度 / Catalogue confidence',
    '本行所用科目名称与经济分类对照中最低的可信度：high 见于官方或已公开文件；medium、low 非权威。The least certain catalogue name or mapping used on this row: high = seen in an official or published source; medium/low = not authoritative.',
    (r) => catalogueConfidence(r.d.catalogue, r.row, r.econGovCode),
  ),
  column(
    'source',
    'string',
    '资金来源代码 / Funding source code',
    '资金来源（收支总表收入项目）的代码名。Code name of the funding source (an income line of the 收支总表).',
    (r) => r.row.source,
  ),
  column('sourceName', 'string', '资金来源 / Funding source', '资金来源名称。Funding source name.', (r) => SOURCE_INFO[r.row.source].label),
  column(
    'kind',
    'string',
    '支出类型代码 / Expenditure kind',
    'basic 基本支出、project 项目支出，或事业单位的其他支出类型。basic or project expenditure, or an institution-only kind.',
    (r) => r.row.kind,
  ),
  column('kindName', 'string', '支出类型 / Expenditure kind name', '支出类型名称。Expenditure kind name.', (r) => EXPENDITURE_KIND_LABEL[r.row.kind]),
  column(
    'projectId',
    'string',
    '项目标识 / Project id',
    '项目支出所属项目的标识（基本支出为空），与 projects.csv 对应。Project id for project expenditure (empty for basic), as in projects.csv.',
    (r) => r.row.project ?? '',
  ),
  column('project', 'string', '项目名称 / Project', '项目名称（基本支出为空）。Project name (empty for basic expenditure).', (r) =>
    r.row.project === undefined ? '' : projectName(r.d, r.row.project),
  ),
  column(
    'amountYuan',
    'number',
    '金额（元）/ Amount (yuan)',
    '预算金额，单位元，两位小数；负数为调减。Budget amount in yuan, two decimals; negative amounts are reductions.',
    (r) => yuanField(r.row.amount),
  ),
];

const projectName = (d: Disclosure, id: string): string => d.projects.find((p) => p.id === id)?.name ?? '';

/**
 * A project: a ledger project (with its performance form, if published), or a performance form
 * published without a ledger (a forms-only disclosure), which is a project all the same.
 */
interface ProjectRecord {
  readonly d: Disclosure;
  readonly unitCode: string;
  /** The unit's name: from the disclosure's units, else as the form prints it. */
  readonly unitName: string;
  readonly id: string;
  readonly name: string;
  readonly project: Project | undefined;
  readonly form: ProjectForm | undefined;
}

const PROJECT_COLUMNS: readonly Column<ProjectRecord>[] = [
  ...disclosureColumns<ProjectRecord>(),
  column(
    'unitCode',
    'string',
    '单位编码 / Unit code',
    '预算单位编码，文本（保留前导零）；仅有绩效目标表且未印编码时为空。Budget unit code, text with leading zeros kept; empty for a form that prints no code.',
    (r) => r.unitCode,
  ),
  column('unit', 'string', '单位 / Unit', '预算单位（实施单位）名称。Budget (implementing) unit name.', (r) => r.unitName),
  column(
    'projectId',
    'string',
    '项目标识 / Project id',
    '项目在本公开内的标识，与 ledger、indicators 的 projectId 对应。Project id within its disclosure, as projectId in the ledger and indicators.',
    (r) => r.id,
  ),
  column('project', 'string', '项目名称 / Project', '项目名称。Project name.', (r) => r.name),
  column(
    'specialFund',
    'boolean',
    '专项资金 / Special fund',
    '是否列入专项资金预算汇总表；仅有绩效目标表时为空。Whether the project is a special fund (专项资金预算汇总表); empty for a project known only from its performance form.',
    (r) => (r.project === undefined ? '' : booleanField(r.project.specialFund)),
  ),
  column(
    'compilation',
    'string',
    '预算编制方式 / Compilation',
    'department 编入部门预算；finance 财政代编；仅有绩效目标表时为空。department = compiled in the department budget; finance = compiled by the finance bureau; empty for a project known only from its form.',
    (r) => r.project?.compilation ?? '',
  ),
  column(
    'amountYuan',
    'number',
    '项目支出金额（元）/ Amount (yuan)',
    "账本中该项目各行金额之和，单位元；账本无此项目时为空。Sum of the project's ledger rows in yuan; empty when the ledger has none.",
    (r) => yuanField(r.project === undefined ? null : sumAmounts(r.d.ledger.filter((row) => row.project === r.id).map((row) => row.amount))),
  ),
  column(
    'hasPerformanceForm',
    'boolean',
    '有绩效目标表 / Has performance form',
    '是否公开了项目支出绩效目标表。Whether a project performance form was published.',
    (r) => booleanField(r.form !== undefined),
  ),
  column(
    'formAmountYuan',
    'number',
    '绩效目标表金额（元）/ Form amount (yuan)',
    '绩效目标表所印年度预算金额，单位元；无表或未印时为空。The annual budget amount printed on the performance form, in yuan; empty when there is no form or no amount.',
    (r) => yuanField(r.form?.amount ?? null),
  ),
  column('category', 'string', '项目类别 / Category', '绩效目标表所列项目类别。Project category from the performance form.', (r) => r.form?.category ?? ''),
  column('period', 'string', '实施期 / Period', '项目支出实施期。Implementation period.', (r) => r.form?.period ?? ''),
  column('goal', 'string', '本年度绩效目标 / Annual goal', '本年度绩效目标。Performance goal for the year.', (r) => r.form?.goal ?? ''),
];

interface IndicatorRecord {
  readonly d: Disclosure;
  readonly scope: 'project' | 'unit';
  readonly projectId: string;
  readonly projectName: string;
  readonly position: number;
  readonly indicator: Indicator;
}

const INDICATOR_COLUMNS: readonly Column<IndicatorRecord>[] = [
  ...disclosureColumns<IndicatorRecord>(),
  column(
    'scope',
    'string',
    '目标表类型 / Form',
    'project 项目支出绩效目标表；unit 整体支出绩效目标表。project = project form; unit = whole-department form.',
    (r) => r.scope,
  ),
  column(
    'projectId',
    'string',
    '项目标识 / Project id',
    '项目绩效指标所属项目（整体指标为空）。The project of a project indicator (empty for department-wide indicators).',
    (r) => r.projectId,
  ),
  column('project', 'string', '项目名称 / Project', '项目名称（整体指标为空）。Project name (empty for department-wide indicators).', (r) => r.projectName),
  column('position', 'integer', '序号 / Position', '指标在其目标表中的顺序，从 1 起。Order of the indicator within its form, from 1.', (r) =>
    integerField(r.position),
  ),
  column(
    'level1Code',
    'string',
    '一级指标编号 / Level 1 number',
    '表中一级指标前所印编号（如 1-产出指标 的 1），未印时为空。The number printed before the level-1 indicator (1 of 1-产出指标), empty when none.',
    (r) => r.indicator.level1Code,
  ),
  column(
    'level1',
    'string',
    '一级指标 / Level 1',
    '一级指标（产出指标、效益指标、满意度指标等）。Level-1 indicator (output, effect, satisfaction …).',
    (r) => r.indicator.level1,
  ),
  column(
    'level2Code',
    'string',
    '二级指标编号 / Level 2 number',
    '表中二级指标前所印编号（如 11-数量指标 的 11），未印时为空。The number printed before the level-2 indicator (11 of 11-数量指标), empty when none.',
    (r) => r.indicator.level2Code,
  ),
  column('level2', 'string', '二级指标 / Level 2', '二级指标（数量指标、质量指标等）。Level-2 indicator (quantity, quality …).', (r) => r.indicator.level2),
  column(
    'indicator',
    'string',
    '三级指标 / Indicator',
    '三级指标，即指标本身；只列二级指标的行为空。Level-3 indicator: the indicator itself; empty on a row that only lists a level-2 indicator.',
    (r) => r.indicator.name,
  ),
  column(
    'target',
    'string',
    '指标值 / Target',
    '指标值，按公开原文（数字或定性表述）。Target as published (a number or a qualitative phrase).',
    (r) => r.indicator.target,
  ),
  column('description', 'string', '指标值内容 / Target description', '指标值内容。What the target means.', (r) => r.indicator.description),
  column('measureUnit', 'string', '度量单位 / Measure unit', '度量单位。Unit of measure.', (r) => r.indicator.measureUnit),
  column(
    'comparator',
    'string',
    '指标值类型 / Comparator',
    '≥ ≤ = 定性 定量等，按公开原文。≥ ≤ = qualitative/quantitative, as published.',
    (r) => r.indicator.comparator,
  ),
  column(
    'basis',
    'string',
    '指标值确定依据 / Basis',
    '指标值确定依据（部分表式有）。How the target was set (printed by some form layouts).',
    (r) => r.indicator.basis,
  ),
  column('note', 'string', '备注 / Note', '备注。Note.', (r) => r.indicator.note),
  column(
    'goal',
    'string',
    '分项绩效目标 / Sub-goal',
    "整体支出绩效目标表中该指标所属的分项绩效目标，无则为空。The department form's sub-goal the indicator is listed under, empty when none.",
    (r) => r.indicator.goal,
  ),
];

const SUMMARY_COLUMNS: readonly Column<SummaryRecord>[] = [
  ...disclosureColumns<SummaryRecord>(),
  column(
    'level',
    'string',
    '层级 / Level',
    'department 部门（全部门合计）；unit 单位（所属单位，仅当公开表按单位列示时）。上海等只按部门公开的地区只有 department 行。department = the department as a whole; unit = one of its units, only where the published tables list units (Shanghai publishes by department only: department rows only).',
    (r) => r.level,
  ),
  column(
    'unitCode',
    'string',
    '单位编码 / Unit code',
    '单位行为单位编码，部门行为部门编码，文本（保留前导零）。The unit code on a unit row, the department code on a department row; text, leading zeros kept.',
    (r) => r.unitCode,
  ),
  column('unit', 'string', '单位 / Unit', '单位或部门名称。Unit or department name.', (r) => r.unitName),
  column(
    'figure',
    'string',
    '数字 / Figure',
    '模板的命名数字（与说明中的引用同名）：收入合计、支出合计、基本支出、项目支出、财政拨款收入、三公合计及各项“三公”经费、机关运行经费；模板没有的数字不列行。The template’s named figure (as the 说明 references it); a figure the template lacks has no row.',
    (r) => r.figure,
  ),
  column('tableId', 'string', '来源表标识 / Table id', '数字所在公开表的标识。Id of the table the figure is read from.', (r) => r.table.id),
  column('table', 'string', '来源表 / Table', '数字所在公开表的标题。Title of the table the figure is read from.', (r) => r.table.title),
  column(
    'amountYuan',
    'number',
    '金额（元）/ Amount (yuan)',
    '金额，单位元，两位小数，精确到分；表中该栏为空时为空（不是 0）。Amount in yuan, two decimals, exact to the fen; empty where the table prints the cell blank (not 0).',
    (r) => yuanField(r.amount),
  ),
  column('amountUnit', 'string', '金额单位 / Amount unit', '金额单位，均为元。The unit of amountYuan: always 元 (yuan).', () => '元'),
];

const fieldsOf = (columns: readonly Column<never>[]): readonly OpenDataField[] =>
  columns.map(({ name, type, title, description }) => ({ name, type, title, description }));

/** Columns of the ledger CSVs (`ledger.csv`, `ledger-<year>.csv`). */
export const LEDGER_FIELDS: readonly OpenDataField[] = fieldsOf(LEDGER_COLUMNS);
/** Columns of `projects.csv`. */
export const PROJECT_FIELDS: readonly OpenDataField[] = fieldsOf(PROJECT_COLUMNS);
/** Columns of `indicators.csv`. */
export const INDICATOR_FIELDS: readonly OpenDataField[] = fieldsOf(INDICATOR_COLUMNS);
/** Columns of `summary.csv`, and the keys of each record of `summary.json`. */
export const SUMMARY_FIELDS: readonly OpenDataField[] = fieldsOf(SUMMARY_COLUMNS);

function csvOf<T>(columns: readonly Column<T>[], records: readonly T[]): string {
  return toCsv([columns.map((c) => c.name), ...records.map((r) => columns.map((c) => c.value(r)))], { bom: false });
}

/** Disclosures in the order open data lists them: year, then region code, then department code. */
export function inOpenDataOrder(disclosures: readonly Disclosure[]): Disclosure[] {
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...disclosures].sort((a, b) => a.year - b.year || byText(a.region.code, b.region.code) || byText(a.department.code, b.department.code));
}

/** The summary of these disclosures: a row per disclosure × department or unit × key figure (src/lib/export/summary-data.ts). */
export function summaryCsv(disclosures: readonly Disclosure[], tablesOf: (d: Disclosure) => readonly Table[]): string {
  return csvOf(
    SUMMARY_COLUMNS,
    inOpenDataOrder(disclosures).flatMap((d) => summaryRecords(d, tablesOf(d))),
  );
}

/**
 * The summary as JSON: an array of records keyed like the CSV's columns, one record a line. A
 * number is written as the CSV's decimal text (`31214205.80`: valid JSON, exact), an empty
 * number as null; text as a JSON string (not neutralised: JSON is no spreadsheet).
 */
export function summaryJson(disclosures: readonly Disclosure[], tablesOf: (d: Disclosure) => readonly Table[]): string {
  const lines = inOpenDataOrder(disclosures).flatMap((d) => summaryRecords(d, tablesOf(d)).map(summaryJsonLine));
  return jsonArray(lines);
}

/** One summary record as a line of JSON. */
function summaryJsonLine(record: SummaryRecord): string {
  const parts = SUMMARY_COLUMNS.map((c) => {
    const value = c.value(record);
    const json = typeof value !== 'string' ? value.decimal : c.type !== 'string' && value === '' ? 'null' : JSON.stringify(value);
    return `${JSON.stringify(c.name)}:${json}`;
  });
  return `{${parts.join(',')}}`;
}

/** A JSON array of pre-written record lines: `[`, the lines joined by `,` and a line break, `]`. */
export const jsonArray = (lines: readonly string[]): string => (lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`);

/** The record lines of a JSON array written by {@link jsonArray}. */
export const jsonArrayLines = (text: string): string[] => (text.trim() === '[]' ? [] : text.trim().slice(2, -2).split(',\n'));

/** The years the disclosures cover, ascending: one `ledger-<year>.csv` each (written only where it has rows). */
export function openDataYears(disclosures: readonly Disclosure[]): number[] {
  return [...new Set(disclosures.map((d) => d.year))].sort((a, b) => a - b);
}

/**
 * The long-format ledger: one line per ledger row, in the disclosure's own row order, amounts in
 * 元. For `ledger-<year>.csv` pass the disclosures of that year.
 */
/** The coarse facts of a disclosure as open-data rows: the dimension a set does not itemise stays empty. */
function coarseRecords(d: Disclosure): LedgerRecord[] {
  const facts = d.coarseFacts;
  if (!facts) return [];
  const record = (set: OpenFact['set'], f: Fact): LedgerRecord => ({
    d,
    row: { set, unit: f.unit ?? '', func: f.func ?? '', econ: f.econ ?? '', source: f.source, kind: f.kind, amount: f.amount },
    // econGov follows from econDept only with the unit's type; these sources give neither.
    econGovCode: '',
  });
  return [...facts.byFunction.map((f) => record('byFunction', f)), ...facts.basicByEcon.map((f) => record('basicByEcon', f))];
}

export function ledgerCsv(disclosures: readonly Disclosure[]): string {
  const records = inOpenDataOrder(disclosures).flatMap((d) => [
    ...viewRows(d).map((row): LedgerRecord => ({ d, row: { ...row, set: 'ledger' }, econGovCode: row.econGov !== '' ? row.econGov : row.econGovClass })),
    ...coarseRecords(d),
  ]);
  return csvOf(LEDGER_COLUMNS, records);
}

/**
 * Every project of every disclosure: the ledger's projects with their performance forms, then the
 * forms published without a ledger project.
 */
export function projectsCsv(disclosures: readonly Disclosure[]): string {
  const records = inOpenDataOrder(disclosures).flatMap((d): ProjectRecord[] => [
    ...d.projects.map((project): ProjectRecord => ({
      d,
      unitCode: project.unit,
      unitName: unitName(d, project.unit),
      id: project.id,
      name: project.name,
      project,
      form: d.projectForms.find((f) => f.project === project.id),
    })),
    ...formsWithoutProject(d).map((form): ProjectRecord => ({
      d,
      unitCode: form.unitCode ?? '',
      unitName: form.unitCode === null ? form.unit : unitName(d, form.unitCode),
      id: form.id,
      name: form.name,
      project: undefined,
      form,
    })),
  ]);
  return csvOf(PROJECT_COLUMNS, records);
}

const formsWithoutProject = (d: Disclosure): ProjectForm[] => d.projectForms.filter((f) => f.project === null || !d.projects.some((p) => p.id === f.project));

/** The project id a form's rows carry: its ledger project's, else the form's own (as in projects.csv). */
const formProjectId = (d: Disclosure, form: ProjectForm): string =>
  form.project !== null && d.projects.some((p) => p.id === form.project) ? form.project : form.id;

/** Every performance indicator: each project form's, then the department form's. */
export function indicatorsCsv(disclosures: readonly Disclosure[]): string {
  const records = inOpenDataOrder(disclosures).flatMap((d): IndicatorRecord[] => [
    ...d.projectForms.flatMap((form) =>
      form.indicators.map((indicator, i): IndicatorRecord => ({
        d,
        scope: 'project',
        projectId: formProjectId(d, form),
        projectName: form.name,
        position: i + 1,
        indicator,
      })),
    ),
    ...(d.unitForm?.indicators ?? []).map((indicator, i): IndicatorRecord => ({
      d,
      scope: 'unit',
      projectId: '',
      projectName: '',
      position: i + 1,
      indicator,
    })),
  ]);
  return csvOf(INDICATOR_COLUMNS, records);
}
