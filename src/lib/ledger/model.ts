/**
 * The resolved disclosure: content after parsing, with every amount an exact number of 分 and
 * every value remembering where it was written. Tables, exports and checks all read this.
 */
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { SourcePosition } from '../findings.ts';
import type { Amount, Fen } from '../money.ts';
import type { CarryoverFund, ExpenditureKind, FundingSource } from './sources.ts';

export type UnitType = 'admin' | 'institution';

export interface Region {
  readonly code: string;
  readonly name: string;
}

export interface Department {
  readonly code: string;
  readonly name: string;
}

export interface Unit {
  readonly code: string;
  readonly name: string;
  readonly type: UnitType;
}

export interface Project {
  readonly id: string;
  readonly unit: string;
  readonly name: string;
  readonly specialFund: boolean;
  readonly compilation: 'department' | 'finance';
  readonly at: SourcePosition;
}

/** One row of the ledger: an amount spent by a unit on a 功能分类 项 and an econDept code from one source. */
export interface LedgerRow {
  readonly unit: string;
  /** 功能分类 项 code, 7 digits. */
  readonly func: string;
  /** econDept 款 (5 digits) or 类 (3 digits). */
  readonly econ: string;
  readonly source: FundingSource;
  readonly kind: ExpenditureKind;
  readonly project?: string;
  readonly amount: Fen;
  readonly reason?: string;
  readonly at: SourcePosition;
}

export interface IncomeLine {
  readonly unit: string;
  readonly source: FundingSource;
  readonly amount: Fen;
  readonly note?: string;
  readonly at: SourcePosition;
}

export interface CarryoverLine {
  readonly unit: string;
  readonly fund: CarryoverFund;
  readonly amount: Fen;
  readonly at: SourcePosition;
}

/** One row of a form's indicator grid, in printed order (see `content/schema.ts` for each field). */
export interface Indicator {
  readonly level1: string;
  /** Number printed before the 一级指标 (`1` of `1-产出指标`), or ''. */
  readonly level1Code: string;
  readonly level2: string;
  /** Number printed before the 二级指标 (`11` of `11-数量指标`), or ''. */
  readonly level2Code: string;
  /** 三级指标; '' on a row that only lists an unfilled 二级指标. */
  readonly name: string;
  readonly target: string;
  readonly description: string;
  readonly measureUnit: string;
  readonly comparator: string;
  readonly basis: string;
  readonly note: string;
  /** The 分项绩效目标 (its name) the row is listed under on a department form, or '' when none. */
  readonly goal: string;
  readonly at: SourcePosition;
}

export interface ScheduleLine {
  readonly content: string;
  readonly start: string;
  readonly end: string;
}

export interface SpendingPlanLine {
  readonly by: string;
  readonly percent: string;
}

/** A 项目支出绩效目标表. It stands alone: disclosures without a ledger publish forms only. */
export interface ProjectForm {
  /** Identifier in the disclosure and URL segment: the form's `id`, else its ledger project id. */
  readonly id: string;
  /** The ledger project it belongs to, or null for a form published without a ledger. */
  readonly project: string | null;
  /** 项目名称: as printed, else the ledger project's name. */
  readonly name: string;
  readonly code: string;
  readonly category: string;
  readonly attribute: string;
  readonly period: string;
  readonly department: string;
  readonly unit: string;
  readonly unitCode: string | null;
  readonly office: string;
  readonly amount: Amount;
  readonly funding: { readonly fiscal: Amount; readonly other: Amount };
  readonly purpose: string;
  readonly basis: string;
  readonly duties: string;
  readonly schedule: readonly ScheduleLine[];
  readonly spendingPlan: readonly SpendingPlanLine[];
  readonly goal: string;
  readonly measures: string;
  readonly indicators: readonly Indicator[];
  readonly at: SourcePosition;
}

export const UNIT_BUDGET_LINES = [
  'total',
  'fiscalAppropriation',
  'generalBudget',
  'govFund',
  'specialAccount',
  'other',
  'basic',
  'personnel',
  'operating',
  'project',
] as const;
export type UnitBudgetLine = (typeof UNIT_BUDGET_LINES)[number];

export interface UnitGoal {
  readonly name: string;
  readonly standard: string;
}

/** The 整体支出绩效目标表 of the department. */
export interface UnitForm {
  /** 部门名称 as printed, else the disclosure's department name. */
  readonly department: string;
  readonly mission: string;
  readonly duties: string;
  readonly tasks: readonly { readonly name: string; readonly content: string }[];
  /** 预算情况; null where the form prints no such line. */
  readonly budget: Readonly<Record<UnitBudgetLine, Amount>>;
  /** Every indicator row: the form's own, then those of each goal in order (their `goal` says which). */
  readonly indicators: readonly Indicator[];
  /** 分项绩效目标, in printed order; their indicators are in `indicators`. */
  readonly goals: readonly UnitGoal[];
  readonly measures: string;
  readonly at: SourcePosition;
}

export interface Narrative {
  readonly markdown: string;
  readonly file: string;
}

export interface Disclosure {
  /** Stable identifier and URL segment: `<regionCode>-<departmentCode>-<year>`. */
  readonly id: string;
  readonly year: number;
  readonly phase: 'budget';
  readonly region: Region;
  readonly department: Department;
  readonly units: readonly Unit[];
  /** Table numbers (1–23) this disclosure publishes; the rest are "not provided". */
  readonly providedTables: readonly number[];
  readonly projects: readonly Project[];
  readonly ledger: readonly LedgerRow[];
  readonly income: readonly IncomeLine[];
  readonly carryoverOut: readonly CarryoverLine[];
  readonly projectForms: readonly ProjectForm[];
  readonly unitForm: UnitForm | null;
  readonly narrative: Narrative | null;
  readonly catalogue: Catalogue;
  readonly privacyAllowList: readonly string[];
  readonly provenance: { readonly title: string; readonly url?: string; readonly transcribedFrom?: string; readonly file?: string; readonly sha256?: string };
  /** 批复日期, 公开日期 and 更新记录; absent on disclosures built in code (tests, benchmarks). */
  readonly publication?: Publication;
  /** The content files, relative to the working directory, for messages. */
  readonly files: { readonly disclosure: string; readonly ledger: string | null; readonly performance: string | null };
}

/** When a disclosure was approved and published (YYYY-MM-DD, null when the content does not say), and its re-publications. */
export interface Publication {
  readonly approvedOn: string | null;
  readonly publishedOn: string | null;
  readonly revisions: readonly { readonly on: string; readonly note: string }[];
  /** Where `publishedOn` (or the disclosure) is written, for findings. */
  readonly at: SourcePosition;
}

export const disclosureId = (regionCode: string, departmentCode: string, year: number): string =>
  `${regionCode}-${departmentCode}-${year}`;
