/**
 * The content model: what a disclosure folder holds, one schema per file, one comment per field.
 * Amounts are read here as the text the clerk wrote (`RawAmount`); the loader turns them into
 * exact 分 with the file's declared unit, so every amount error can name its line.
 */
import { z } from 'zod';
import { AMOUNT_UNITS } from '../money.ts';
import { CARRYOVER_FUNDS, EXPENDITURE_KINDS, FUNDING_SOURCES } from '../ledger/sources.ts';
import { identifier } from './ids.ts';
import { sourceIdOf } from './source-names.ts';

/** A funding source id (`appropriation`), or its printed Chinese name (`经费拨款`), read as the id. */
const fundingSource = z.preprocess(sourceIdOf, z.enum(FUNDING_SOURCES));

/** An amount as written: a number's source text, a pasted string, or empty. Resolved by the loader. */
export const rawAmount = z.union([z.string(), z.null()]);
export type RawAmount = z.infer<typeof rawAmount>;

const digits = (count: number, what: string) =>
  z.string().regex(new RegExp(`^\\d{${count}}$`), `${what}应为 ${count} 位数字 / ${what} must be ${count} digits`);

/** A 6-digit GB/T 2260 行政区划代码, as text. */
export const regionCode = digits(6, '行政区划代码');
/** A unit code: department code followed by 3 digits (`001001`), as text so leading zeros stay. */
export const unitCode = z.string().regex(/^\d{6,9}$/, '单位编码应为 6–9 位数字 / unit code must be 6–9 digits');
/** A 功能分类 项 code: 7 digits (类 3 + 款 2 + 项 2). */
export const functionalItemCode = digits(7, '功能分类项级科目编码');
/** An econDept code: 类 (3 digits), or 款 (5 digits). Basic expenditure needs the 款. */
export const econDeptCode = z.string().regex(/^\d{3}(\d{2})?$/, '部门经济分类科目应为 3 位（类）或 5 位（款）/ econDept code must be 3 or 5 digits');

export const regionSchema = z.strictObject({
  /** 行政区划代码 of the county or district (e.g. `430202` 荷塘区). */
  code: regionCode,
  /** Full name as the region prints it (e.g. 株洲市荷塘区). */
  name: z.string().min(1),
});

export const unitSchema = z.strictObject({
  /** Unit code (`001001`): the department code followed by the unit's own number; omitted where the document prints none. */
  code: unitCode.optional(),
  /** The unit's official name. */
  name: z.string().min(1),
  /** 行政单位 (`admin`, 参公 included) or 事业单位 (`institution`): decides how econDept maps to econGov; omitted where the document does not say. */
  type: z.enum(['admin', 'institution']).optional(),
  /** 备注 printed beside the unit in a 决算's 单位构成 list (`预算不单列，并入本级`). */
  remark: z.string().optional(),
});

export const departmentSchema = z.strictObject({
  /** Department code, unique inside its region (`001`); where a document prints none, a short lower-case placeholder (`ptwl`). */
  code: z.string().regex(/^(?:\d{3,6}|[a-z][a-z0-9]{1,11})$/, '部门编码应为 3–6 位数字，文件未印编码时用 2–12 位小写字母 / department code must be 3–6 digits, or 2–12 lower-case letters where the document prints none'),
  /** The department's official name. */
  name: z.string().min(1),
});

export const projectSchema = z.strictObject({
  /** Identifier used by ledger rows and performance forms and in URLs; unique in the disclosure (grammar: content/ids.ts). */
  id: identifier('项目编号', 'a project id'),
  /** The unit that runs the project; omitted where the document prints no unit codes. */
  unit: unitCode.optional(),
  /** The project's name as published (专项资金表, 项目支出绩效目标表). */
  name: z.string().min(1),
  /** Funded as 专项资金 (listed in the 专项资金 table). */
  specialFund: z.boolean().default(false),
  /** 预算编制方式: 编入部门预算 (`department`) or 财政代编 (`finance`). */
  compilation: z.enum(['department', 'finance']).default('department'),
});

export const incomeLineSchema = z.strictObject({
  /** The unit that receives the income. */
  unit: unitCode,
  /** The 收支总表 line it belongs to. */
  source: fundingSource,
  /** The amount, in the file's unit. */
  amount: rawAmount,
  /** Why the line exists (shown to readers in the data download). */
  note: z.string().optional(),
});

export const carryoverOutSchema = z.strictObject({
  /** The unit that carries the balance to next year. */
  unit: unitCode,
  /** Which budget's balance it is (财政拨款收支总表 lists them separately). */
  fund: z.enum(CARRYOVER_FUNDS),
  /** The amount, in the file's unit. */
  amount: rawAmount,
});

export const codeNameSchema = z.strictObject({
  /** The code as printed. */
  code: z.string().regex(/^\d{3,7}$/),
  /** The name this disclosure uses for it. */
  name: z.string().min(1),
});

export const mappingEntrySchema = z.strictObject({
  /** The econDept code (类 or 款). */
  econDept: econDeptCode,
  /** The econGov code it maps to for this unit type. */
  econGov: z.string().regex(/^\d{3}(\d{2})?$/),
  /** Which unit type the mapping is for. */
  unitType: z.enum(['admin', 'institution']),
});

/** Codes this disclosure uses that the year's catalogue lacks; accepted with a warning. */
export const catalogueAdditionsSchema = z.strictObject({
  /** 功能分类 codes (类, 款 or 项) with their names. */
  functional: z.array(codeNameSchema).default([]),
  /** 部门经济分类 codes with their names. */
  econDept: z.array(codeNameSchema).default([]),
  /** 政府经济分类 codes with their names. */
  econGov: z.array(codeNameSchema).default([]),
  /** econDept → econGov mappings missing from the catalogue. */
  mapping: z.array(mappingEntrySchema).default([]),
});

export const provenanceSchema = z.strictObject({
  /** Title of the published document this content transcribes. */
  title: z.string().min(1),
  /** Where it was published, when known. */
  url: z.string().optional(),
  /** Which seed or file it was transcribed from, for auditors. */
  transcribedFrom: z.string().optional(),
  /** The finance-system file `npm run import` read: its name, SHA-256 and the sheet of each table. */
  importedFrom: z
    .strictObject({
      file: z.string().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** Table id → sheet name; empty for a flat line-level export. */
      sheets: z.record(z.string(), z.string()).default({}),
    })
    .optional(),
  /** The original file's name (e.g. the PDF or workbook the department published). */
  file: z.string().min(1).optional(),
  /** SHA-256 of that original file, lowercase hex, so anyone can check a copy against it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits').optional(),
});

/** A calendar date written as YYYY-MM-DD (kept as text: a date, not a moment). */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD').refine((text) => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}, 'not a calendar date');

/** One entry of the 更新记录: when the disclosure was published again, and why. */
export const revisionSchema = z.strictObject({
  /** The date the corrected disclosure was published. */
  on: isoDate,
  /** What changed, in the words the site shows. */
  note: z.string().min(1),
});

/** `disclosure.yaml`: who publishes, for which year, and everything beside the ledger. */
/** Declared figures where a document prints 三公 as figures rather than as 款 of the tables (Shanghai). */
export const threePublicSchema = z.strictObject({
  /** Unit of the figures below (Shanghai prints this table in 万元). */
  amountUnit: z.enum(AMOUNT_UNITS),
  /** 因公出国(境)费; omitted where the cell is blank. */
  outboundTravel: rawAmount.optional(),
  /** 公务接待费. */
  reception: rawAmount.optional(),
  /** 公务用车购置费. */
  vehiclePurchase: rawAmount.optional(),
  /** 公务用车运行费. */
  vehicleOperation: rawAmount.optional(),
  /** 机关运行经费, printed beside 三公. */
  adminOperatingCost: rawAmount.optional(),
});

/** Balances of a 决算 by fund; a key is omitted where the cell is printed blank. */
const fundBalancesSchema = z.strictObject({
  /** All income (收入支出决算总表). */
  total: rawAmount.optional(),
  /** The 财政拨款 part per fund (财政拨款收入支出决算总表). */
  generalBudget: rawAmount.optional(),
  govFund: rawAmount.optional(),
  stateCapital: rawAmount.optional(),
});

const threePublicItemsSchema = z.strictObject({
  outboundTravel: rawAmount.optional(),
  reception: rawAmount.optional(),
  vehiclePurchase: rawAmount.optional(),
  vehicleOperation: rawAmount.optional(),
});

const count = z.coerce.number().int().min(0).optional();

/**
 * What a 决算 states beside its spending facts (phase: final). Amounts in `amountUnit`; a key is
 * omitted where the document prints nothing, never filled in.
 */
export const finalAccountsSchema = z.strictObject({
  amountUnit: z.enum(AMOUNT_UNITS),
  /** 年初结转和结余. */
  carryoverIn: fundBalancesSchema.default({}),
  /** 年末结转和结余. */
  carryoverOut: fundBalancesSchema.default({}),
  /** 使用非财政拨款结余（含专用结余）. */
  nonFiscalSurplusUsed: rawAmount.optional(),
  /** 结余分配. */
  surplusAllocation: rawAmount.optional(),
  /** 年初预算数 of 一般公共预算财政拨款支出: the printed total and one line per 功能 项 the document states. */
  initialBudget: z
    .strictObject({
      total: rawAmount.optional(),
      items: z.array(z.strictObject({ func: functionalItemCode, amount: rawAmount })).default([]),
    })
    .default({ items: [] }),
  /** 财政拨款“三公”经费支出决算表 预算数 per item (its 决算数 go in `threePublic`). */
  threePublicBudget: threePublicItemsSchema.default({}),
  /** The counts a 三公 决算 states: 因公出国 团组/人次, 公务用车 购置数/保有量, 公务接待 批次/人次. */
  threePublicCounts: z
    .strictObject({ trips: count, travellers: count, vehiclesBought: count, vehiclesHeld: count, receptions: count, guests: count })
    .default({}),
});

/** How the document prints its tables, so pages reproduce it. */
export const printStyleSchema = z.strictObject({
  /** 0 where amounts are printed as whole 元, 2 otherwise. */
  decimals: z.coerce
    .number()
    .refine((n) => n === 0 || n === 2, '应为 0 或 2 / must be 0 or 2')
    .transform((n) => (n === 0 ? 0 : 2) as 0 | 2)
    .default(2),
  /** Table ids whose empty cells the document prints as 0 (nothing arranged), rather than blank. */
  zeroWhereNothing: z.array(z.string()).default([]),
  /** Fixed labels this document words differently from its template: the template's label → the label as printed (`1.一般公共预算资金: 1.一般公共预算`). */
  labels: z.record(z.string(), z.string()).default({}),
  /** Notes printed under tables in the document's own words, by table id (a note the template would word otherwise). */
  notes: z.record(z.string(), z.string()).default({}),
});

/** A figure printed differently from the sum of the figures it totals: published as printed, reported as a warning. */
export const printedCellSchema = z.strictObject({
  /** Table id in the disclosure's template. */
  table: z.string().min(1),
  /** The printed code (`212`, `2120101`) or line label (`合计`). */
  row: z.string().min(1),
  /** Header labels from the top to the leaf, joined with `/` (`支出预算/合计`). */
  column: z.string().min(1),
  /** The printed figure, in the file's unit (or the table's, for the 三公 table: see `threePublic.amountUnit`). */
  amount: rawAmount,
});

export const disclosureFileSchema = z.strictObject({
  /** The template pack its tables follow (templates/registry.ts); Hunan's 23 tables when absent. */
  template: z.string().default('hunan-budget'),
  /** 预算年度. */
  year: z.coerce.number().int().min(2000).max(2100),
  /** 预算 (`budget`) or 决算 (`final`): never added together. */
  phase: z.enum(['budget', 'final']).default('budget'),
  /** Unit of every amount in this file. */
  amountUnit: z.enum(AMOUNT_UNITS),
  /** The county or district. */
  region: regionSchema,
  /** The publishing department. */
  department: departmentSchema,
  /** Budget units inside the department; most small departments have one. */
  units: z.array(unitSchema).default([]),
  /**
   * Which of the 23 tables this disclosure publishes. `all` for a full disclosure; a list when the
   * source only published some (e.g. performance forms only): the rest show as "not provided".
   */
  tables: z.union([z.literal('all'), z.array(z.union([z.number().int(), z.string().min(1)]))]).default('all'),
  /** “三公”经费 and 机关运行经费 as the document prints them, where they are figures of their own. */
  threePublic: threePublicSchema.optional(),
  /** A 决算's balances, 年初预算数 and 三公 预算数 and counts (phase: final only). */
  finalAccounts: finalAccountsSchema.optional(),
  printStyle: printStyleSchema.default({ decimals: 2, zeroWhereNothing: [], labels: {}, notes: {} }),
  printedAsPublished: z.array(printedCellSchema).default([]),
  /** Projects (项目支出) referenced by ledger rows and performance forms. */
  projects: z.array(projectSchema).default([]),
  /** Income lines that no ledger row spends (e.g. 事业收入 kept for next year, 上年结转 not yet arranged). */
  income: z.array(incomeLineSchema).default([]),
  /** 年终结转结余: balances carried to next year. */
  carryoverOut: z.array(carryoverOutSchema).default([]),
  /** Codes missing from the year's catalogue, with the names this disclosure gives them. */
  catalogue: catalogueAdditionsSchema.default({ functional: [], econDept: [], econGov: [], mapping: [] }),
  /**
   * Control figures from a source independent of the ledger (the finance bureau's approval, the
   * imported tables): figure name or table cell reference (as in notes.md, `支出合计`,
   * `公务接待费`, `threePublic:total:公务接待费`) → amount in this file's unit. Each must equal what the
   * tables derive from the ledger (validate/control-rules.ts); a 支出合计 here also confirms a
   * total that looks implausible for the declared unit.
   */
  controls: z.record(z.string(), rawAmount).default({}),
  /** Values that look personal but are public (an office telephone); the privacy check lets exactly these through. */
  privacyAllowList: z.array(z.string()).default([]),
  /** Where the content comes from. */
  provenance: provenanceSchema,
  /** 批复日期: when the finance bureau approved the budget. */
  approvedOn: isoDate.optional(),
  /** 公开日期: when the department published it (the law asks for 20 days at most after 批复). */
  publishedOn: isoDate.optional(),
  /** 更新记录: later re-publications, oldest first. */
  revisions: z.array(revisionSchema).default([]),
});

export const ledgerRowSchema = z.strictObject({
  /** The unit that spends. */
  unit: unitCode,
  /** 功能分类 项 code (7 digits). */
  func: functionalItemCode,
  /** 部门经济分类 款 code (5 digits); project rows may give only the 类 (3 digits) when the 款 is not itemised. */
  econ: econDeptCode,
  /** The income line paying for it. */
  source: fundingSource,
  /** 基本支出, 项目支出, or one of the institution-only kinds. */
  kind: z.enum(EXPENDITURE_KINDS),
  /** The project, for `kind: project` rows (a project id from disclosure.yaml). */
  project: z.string().optional(),
  /** The amount, in the file's unit. */
  amount: rawAmount,
  /** Required on a negative amount: why the row is negative. */
  reason: z.string().optional(),
});

/** A fact without its 经济 款: 功能 项 × source × kind (see disclosure/model.ts `Fact`). */
export const functionFactSchema = z.strictObject({
  /** The unit that spends; omitted where the source gives the department as a whole. */
  unit: unitCode.optional(),
  func: functionalItemCode,
  source: z.enum(FUNDING_SOURCES),
  kind: z.enum(EXPENDITURE_KINDS),
  amount: rawAmount,
});

/** Income of one 功能 项 from one source, as a 决算's 收入决算表 prints it. */
export const incomeFactSchema = z.strictObject({
  func: functionalItemCode,
  source: z.enum(FUNDING_SOURCES),
  amount: rawAmount,
});

/** 一般公共预算基本支出 of one 经济 款, without its 功能 项. */
export const econFactSchema = z.strictObject({
  unit: unitCode.optional(),
  econ: econDeptCode,
  amount: rawAmount,
});

/** `ledger.yaml`: the expenditure rows every financial table is computed from. */
export const ledgerFileSchema = z.strictObject({
  /** Unit of every amount in this file. */
  amountUnit: z.enum(AMOUNT_UNITS),
  /** One row per (unit, 项, 款, source, kind, project). */
  rows: z.array(ledgerRowSchema).default([]),
  /** Facts by 功能 项 × source × kind, for a source that does not cross them with the 经济 款 (Shanghai). */
  byFunction: z.array(functionFactSchema).optional(),
  /** 一般公共预算基本支出 by 经济 款, for a source that gives it apart from the 功能 项. */
  basicByEcon: z.array(econFactSchema).optional(),
  /** Income by 功能 项 × source (a 决算's 收入决算表): income is not what was spent, so it is its own set. */
  incomeByFunction: z.array(incomeFactSchema).optional(),
});

/** Free text as printed on a form; absent and empty are the same (nothing printed). */
const formText = z.string().default('');

/**
 * One row of a form's indicator grid (绩效指标). The rows stay flat, in printed order, with their
 * 一级/二级 labels written out on every row (merged cells repeated): the 一级/二级/三级 tree is
 * derived by grouping (`src/lib/performance/indicator-tree.ts`), so a transcription can always be
 * compared row by row with the printed form.
 */
export const indicatorSchema = z
  .strictObject({
    /** 一级指标 (产出指标, 效益指标, 满意度指标, 成本指标 …), without any printed number; empty when the form has no such column. */
    level1: formText,
    /** The number the form prints before the 一级指标, joined with a hyphen (seed 004 prints `1-产出指标`: code `1`). */
    level1Code: formText,
    /** 二级指标 (数量指标, 质量指标 …), without any printed number; empty when the form has no such column. */
    level2: formText,
    /** The number the form prints before the 二级指标, joined with a hyphen (seed 004 prints `11-数量指标`: code `11`). */
    level2Code: formText,
    /**
     * 三级指标 (指标内容, 指标名称): the indicator itself. Empty on a row that only lists a 二级指标
     * the form leaves unfilled (e.g. 经济效益指标 with no indicator), or where the form has no 三级 column.
     */
    name: formText,
    /** 指标值 (绩效值) as printed: a number, a number with its comparator and unit (`≥90%`), or a phrase. */
    target: formText,
    /** 指标值内容 / 绩效指标描述: what the indicator or its value means. */
    description: formText,
    /** 度量单位, when the form prints it in its own column. */
    measureUnit: formText,
    /** 指标值类型: ≥ ≤ = 定性 定量 … as printed, when the form prints it in its own column. */
    comparator: formText,
    /** 指标值确定依据: where the target comes from (e.g. 年度工作计划). */
    basis: formText,
    /** 备注. */
    note: formText,
  })
  .refine((i) => [i.level1, i.level2, i.name, i.target, i.description].some((v) => v !== ''), {
    message: '指标行不能全部为空 / an indicator row must say something (a 一级/二级 label, a name or a value)',
  });

/** 实施进度计划: one printed line of the schedule. */
export const scheduleLineSchema = z.strictObject({
  /** 实施内容 as printed (seed 000 prints only the line's number, `1、`). */
  content: formText,
  /** 计划开始时间 as printed (`2021年3月19日`, `2021年下半年`). */
  start: formText,
  /** 计划完成时间 as printed. */
  end: formText,
});

/** 资金支出计划: the share of the amount planned to be spent by a date. */
export const spendingPlanLineSchema = z.strictObject({
  /** The date as printed (`3月底`). */
  by: z.string().min(1),
  /** The cumulative share as printed (`50.00%`); empty when the form leaves the cell blank. */
  percent: formText,
});

/** 项目支出绩效目标表 (专项资金绩效目标申报表, 项目绩效目标表): one project's form. */
export const projectFormSchema = z.strictObject({
  /**
   * Identifier of the form in this disclosure, used in URLs (`projects/<id>/`). Optional when
   * `project` is set, which then serves as the id.
   */
  id: identifier('表单编号', 'a form id').optional(),
  /**
   * The ledger project (an id from disclosure.yaml `projects`) this form is for; its amount must
   * then equal the project's ledger rows. Absent when the disclosure publishes forms without a ledger.
   */
  project: z.string().min(1).optional(),
  /** 项目名称 / 专项名称 as printed; may be left out when `project` names a project, whose name is used. */
  name: formText,
  /** 项目编码 as printed (seed 001: `13030321B95PH8DGE1F7C`). */
  code: formText,
  /** 项目类别 (特定目标类 …). */
  category: formText,
  /** 项目属性 / 专项属性: 延续专项 / 新增专项, 一年期项目 / 经常性项目 … (the option the form marks). */
  attribute: formText,
  /** 项目支出实施期 / 项目期限 as printed (`2024年1月-12月`, `1 年`). */
  period: formText,
  /** 主管部门 / 部门名称 as the form prints it. */
  department: formText,
  /** 实施单位 / 预算单位 as the form prints it. */
  unit: formText,
  /** The unit code the form prints beside the unit (seed 001: `101001`); must be a unit of disclosure.yaml. */
  unitCode: unitCode.optional(),
  /** 项目主管处室 (seed 004: 行财室). */
  office: formText,
  /** 年度金额 / 资金总额 / 预算数 as printed, in the file's unit. */
  amount: rawAmount,
  /** The amount by source, where the form splits it (其中：财政拨款 / 财政资金, 其他资金); in the file's unit. */
  funding: z
    .strictObject({
      /** 财政拨款 (财政资金). */
      fiscal: rawAmount.default(null),
      /** 其他资金. */
      other: rawAmount.default(null),
    })
    .default({ fiscal: null, other: null }),
  /** 资金用途 (seed 001: the text under 预算规模及资金用途). */
  purpose: formText,
  /** 立项依据 / 专项立项依据. */
  basis: formText,
  /** 部门相应职能职责概述 printed on the form, one duty per line. */
  duties: formText,
  /** 实施进度计划, line by line as printed. */
  schedule: z.array(scheduleLineSchema).default([]),
  /** 资金支出计划 (%), by date as printed. */
  spendingPlan: z.array(spendingPlanLineSchema).default([]),
  /** 本年度绩效目标 / 年度（总体）绩效目标. */
  goal: formText,
  /** 保障措施 / 专项实施保障措施. */
  measures: formText,
  /** 本年度绩效指标, row by row. */
  indicators: z.array(indicatorSchema).default([]),
});

/** 分项绩效目标: a goal of the department with the indicators that measure it (seed 001). */
export const unitGoalSchema = z.strictObject({
  /** The goal as printed, without its number. */
  name: z.string().min(1),
  /** The indicators listed under the goal. */
  indicators: z.array(indicatorSchema).default([]),
  /** The scoring standard printed under the indicators (各项指标完成100%为优 …). */
  standard: formText,
});

/** 预算情况 of the department form, in the file's unit; a line the form does not print stays empty (null). */
export const unitBudgetSchema = z.strictObject({
  /** 资金总额. */
  total: rawAmount.default(null),
  /** 年度财政拨款资金总额 (seed 002 prints this instead of 资金总额). */
  fiscalAppropriation: rawAmount.default(null),
  /** 一般公共预算 (公共财政拨款). */
  generalBudget: rawAmount.default(null),
  /** 政府性基金拨款. */
  govFund: rawAmount.default(null),
  /** 财政专户管理资金 (纳入专户管理的非税收入拨款). */
  specialAccount: rawAmount.default(null),
  /** 其他资金. */
  other: rawAmount.default(null),
  /** 基本支出. */
  basic: rawAmount.default(null),
  /** 人员经费. */
  personnel: rawAmount.default(null),
  /** 公用经费. */
  operating: rawAmount.default(null),
  /** 项目支出 (项目经费). */
  project: rawAmount.default(null),
});

/** 整体支出绩效目标表 (部门整体支出绩效目标申报表, 部门整体绩效目标): the department's form. */
export const unitFormSchema = z.strictObject({
  /** 部门名称 / 预算名称 as the form prints it; the disclosure's department name when left out. */
  department: formText,
  /** 年履职目标 / 总体绩效目标 / 整体绩效目标, as printed (one paragraph or item per line). */
  mission: formText,
  /** 部门职能职责概述, one duty per line. */
  duties: formText,
  /** 年度主要任务: name and content of each (a form with one untitled text gives an empty name). */
  tasks: z
    .array(
      z.strictObject({
        /** 任务名称; empty when the form prints the tasks as one untitled text. */
        name: formText,
        /** 主要内容. */
        content: z.string().min(1),
      }),
    )
    .default([]),
  /** 预算情况 (年度预算申请) as printed, in the file's unit. */
  budget: unitBudgetSchema.default({
    total: null,
    fiscalAppropriation: null,
    generalBudget: null,
    govFund: null,
    specialAccount: null,
    other: null,
    basic: null,
    personnel: null,
    operating: null,
    project: null,
  }),
  /** 部门整体绩效指标 (年度绩效指标), row by row. */
  indicators: z.array(indicatorSchema).default([]),
  /** 分项绩效目标, each with its own indicators (seed 001). */
  goals: z.array(unitGoalSchema).default([]),
  /** 工作保障措施, as printed (headings and items one per line). */
  measures: formText,
});

/** `performance.yaml`: the performance forms. */
export const performanceFileSchema = z.strictObject({
  /** Unit of every amount in this file. */
  amountUnit: z.enum(AMOUNT_UNITS),
  /** 项目支出绩效目标表, one per project that published one, in printed order. */
  projects: z.array(projectFormSchema).default([]),
  /** 整体支出绩效目标表. */
  unit: unitFormSchema.optional(),
});

export type DisclosureFile = z.infer<typeof disclosureFileSchema>;
export type LedgerFile = z.infer<typeof ledgerFileSchema>;
export type PerformanceFile = z.infer<typeof performanceFileSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;

/** A catalogue file (`content/catalogues/<year>/<kind>.yaml`). */
export const catalogueFileSchema = z.strictObject({
  /** Where the codes and names come from; shown on the site beside the catalogue. */
  source: z.string().min(1),
  /** The codes, each with its name and how sure we are of it. */
  entries: z.array(
    z.strictObject({
      /** The code as printed. */
      code: z.string().regex(/^\d{3,7}$/),
      /** Its name in that year's official list. */
      name: z.string().min(1),
      /** `high`: seen in an official or published source; `medium`/`low`: not authoritative. */
      confidence: z.enum(['high', 'medium', 'low']).default('high'),
    }),
  ),
});

/** The econDept → econGov mapping file (`content/catalogues/<year>/econ-mapping.yaml`). */
export const mappingFileSchema = z.strictObject({
  /** Where the mapping comes from. */
  source: z.string().min(1),
  /** One entry per econDept code, with its target for each unit type. */
  entries: z.array(
    z.strictObject({
      /** The econDept code (类 or 款). */
      econDept: econDeptCode,
      /** Target for 行政单位. */
      admin: z.string().regex(/^\d{3}(\d{2})?$/),
      /** Target for 事业单位. */
      institution: z.string().regex(/^\d{3}(\d{2})?$/),
      /** How sure we are of it. */
      confidence: z.enum(['high', 'medium', 'low']).default('high'),
    }),
  ),
});
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;
export type MappingFile = z.infer<typeof mappingFileSchema>;
