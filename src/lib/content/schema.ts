/**
 * The content model: what a disclosure folder holds, one schema per file, one comment per field.
 * Amounts are read here as the text the clerk wrote (`RawAmount`); the loader turns them into
 * exact 分 with the file's declared unit, so every amount error can name its line.
 */
import { z } from 'zod';
import { AMOUNT_UNITS } from '../money.ts';
import { CARRYOVER_FUNDS, EXPENDITURE_KINDS, FUNDING_SOURCES } from '../ledger/sources.ts';

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
  /** Unit code (`001001`): the department code followed by the unit's own number. */
  code: unitCode,
  /** The unit's official name. */
  name: z.string().min(1),
  /** 行政单位 (`admin`) or 事业单位 (`institution`): decides how econDept maps to econGov. */
  type: z.enum(['admin', 'institution']),
});

export const departmentSchema = z.strictObject({
  /** Department code, unique inside its region (`001`). */
  code: z.string().regex(/^\d{3,6}$/, '部门编码应为 3–6 位数字 / department code must be 3–6 digits'),
  /** The department's official name. */
  name: z.string().min(1),
});

export const projectSchema = z.strictObject({
  /** Identifier used by ledger rows and performance forms; unique in the disclosure. */
  id: z.string().min(1),
  /** The unit that runs the project. */
  unit: unitCode,
  /** The project's name as published (表 21, 表 22). */
  name: z.string().min(1),
  /** Funded as 专项资金 (listed in table 21). */
  specialFund: z.boolean().default(false),
  /** 预算编制方式: 编入部门预算 (`department`) or 财政代编 (`finance`). */
  compilation: z.enum(['department', 'finance']).default('department'),
});

export const incomeLineSchema = z.strictObject({
  /** The unit that receives the income. */
  unit: unitCode,
  /** The 收支总表 line it belongs to. */
  source: z.enum(FUNDING_SOURCES),
  /** The amount, in the file's unit. */
  amount: rawAmount,
  /** Why the line exists (shown to readers in the data download). */
  note: z.string().optional(),
});

export const carryoverOutSchema = z.strictObject({
  /** The unit that carries the balance to next year. */
  unit: unitCode,
  /** Which budget's balance it is (table 6 lists them separately). */
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
});

/** `disclosure.yaml`: who publishes, for which year, and everything beside the ledger. */
export const disclosureFileSchema = z.strictObject({
  /** 预算年度. */
  year: z.coerce.number().int().min(2000).max(2100),
  /** 预算 (`budget`); 决算 (`finalAccounts`) is a later phase and not accepted yet. */
  phase: z.literal('budget').default('budget'),
  /** Unit of every amount in this file. */
  amountUnit: z.enum(AMOUNT_UNITS),
  /** The county or district. */
  region: regionSchema,
  /** The publishing department. */
  department: departmentSchema,
  /** Budget units inside the department; most small departments have one. */
  units: z.array(unitSchema).min(1),
  /**
   * Which of the 23 tables this disclosure publishes. `all` for a full disclosure; a list when the
   * source only published some (e.g. performance forms only): the rest show as "not provided".
   */
  tables: z.union([z.literal('all'), z.array(z.coerce.number().int().min(1).max(23))]).default('all'),
  /** Projects (项目支出) referenced by ledger rows and performance forms. */
  projects: z.array(projectSchema).default([]),
  /** Income lines that no ledger row spends (e.g. 事业收入 kept for next year, 上年结转 not yet arranged). */
  income: z.array(incomeLineSchema).default([]),
  /** 年终结转结余: balances carried to next year. */
  carryoverOut: z.array(carryoverOutSchema).default([]),
  /** Codes missing from the year's catalogue, with the names this disclosure gives them. */
  catalogue: catalogueAdditionsSchema.default({ functional: [], econDept: [], econGov: [], mapping: [] }),
  /** Values that look personal but are public (an office telephone); the privacy check lets exactly these through. */
  privacyAllowList: z.array(z.string()).default([]),
  /** Where the content comes from. */
  provenance: provenanceSchema,
});

export const ledgerRowSchema = z.strictObject({
  /** The unit that spends. */
  unit: unitCode,
  /** 功能分类 项 code (7 digits). */
  func: functionalItemCode,
  /** 部门经济分类 款 code (5 digits); project rows may give only the 类 (3 digits) when the 款 is not itemised. */
  econ: econDeptCode,
  /** The income line paying for it. */
  source: z.enum(FUNDING_SOURCES),
  /** 基本支出, 项目支出, or one of the institution-only kinds. */
  kind: z.enum(EXPENDITURE_KINDS),
  /** The project, for `kind: project` rows (a project id from disclosure.yaml). */
  project: z.string().optional(),
  /** The amount, in the file's unit. */
  amount: rawAmount,
  /** Required on a negative amount: why the row is negative. */
  reason: z.string().optional(),
});

/** `ledger.yaml`: the expenditure rows every financial table is computed from. */
export const ledgerFileSchema = z.strictObject({
  /** Unit of every amount in this file. */
  amountUnit: z.enum(AMOUNT_UNITS),
  /** One row per (unit, 项, 款, source, kind, project). */
  rows: z.array(ledgerRowSchema),
});

export const indicatorSchema = z.strictObject({
  /** 一级指标 (产出指标, 效益指标, 满意度指标, 成本指标). */
  level1: z.string().min(1),
  /** 二级指标 (数量指标, 质量指标 …). */
  level2: z.string().min(1),
  /** 三级指标: the indicator itself. */
  name: z.string().min(1),
  /** 指标值 as published (a number or a qualitative phrase). */
  target: z.string().default(''),
  /** 指标值内容: what the value means. */
  description: z.string().default(''),
  /** 度量单位. */
  measureUnit: z.string().default(''),
  /** 指标值类型: ≥ ≤ = 定性 定量 … as printed. */
  comparator: z.string().default(''),
  /** 备注. */
  note: z.string().default(''),
});

export const projectFormSchema = z.strictObject({
  /** The ledger project this form is for; its amount must equal the project's ledger rows. */
  project: z.string().min(1),
  /** 项目类别 (特定目标类 …). */
  category: z.string().default(''),
  /** 项目支出实施期. */
  period: z.string().default(''),
  /** 年度本级预算金额 as printed on the form, in the file's unit. */
  amount: rawAmount,
  /** 本年度绩效目标. */
  goal: z.string().default(''),
  /** 本年度绩效指标. */
  indicators: z.array(indicatorSchema).default([]),
});

export const unitFormSchema = z.strictObject({
  /** 年履职目标. */
  mission: z.string().default(''),
  /** 年度主要任务. */
  tasks: z.array(z.strictObject({ /** 任务名称. */ name: z.string(), /** 主要内容. */ content: z.string() })).default([]),
  /** 预算情况 as printed, in the file's unit; validated against the ledger. */
  budget: z.strictObject({
    /** 资金总额. */
    total: rawAmount,
    /** 一般公共预算. */
    generalBudget: rawAmount,
    /** 政府性基金拨款. */
    govFund: rawAmount,
    /** 财政专户管理资金. */
    specialAccount: rawAmount,
    /** 其他资金. */
    other: rawAmount,
    /** 基本支出. */
    basic: rawAmount,
    /** 项目支出. */
    project: rawAmount,
  }),
  /** 部门整体绩效指标. */
  indicators: z.array(indicatorSchema).default([]),
});

/** `performance.yaml`: tables 22 and 23. */
export const performanceFileSchema = z.strictObject({
  /** Unit of every amount in this file. */
  amountUnit: z.enum(AMOUNT_UNITS),
  /** 项目支出绩效目标表, one per project that published one. */
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
