/**
 * The resolved disclosure: content after parsing, with every amount an exact number of 分 and
 * every value remembering where it was written. Tables, exports and checks all read this.
 */
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { SourcePosition } from '../findings.ts';
import type { Amount, AmountUnit, Fen } from '../money.ts';
import type { CarryoverFund, ExpenditureKind, FundingSource } from '../ledger/sources.ts';

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
  /** '' where the document prints no unit codes. */
  readonly code: string;
  readonly name: string;
  /** null where the document does not say whether the unit is 行政 or 事业. */
  readonly type: UnitType | null;
  /** 备注 the document prints beside the unit in its 单位构成 list (`预算不单列，并入本级`); absent where none. */
  readonly remark?: string;
}

export interface Project {
  readonly id: string;
  readonly unit: string;
  readonly name: string;
  readonly specialFund: boolean;
  readonly compilation: 'department' | 'finance';
  readonly at: SourcePosition;
}

/**
 * A fact: an amount spent, at the grain its source gives. A dimension the source does not itemise
 * is null (never filled in): Shanghai's tables give 功能 项 × fund × 基本/项目 without the 经济
 * 款, and 一般公共预算基本支出 by 经济 款 without the 功能 项, for the department as a whole.
 */
export interface Fact {
  /** The spending unit, or null when the source gives the department as a whole. */
  readonly unit: string | null;
  /** 功能分类 项 (7 digits), or null when not itemised. */
  readonly func: string | null;
  /** econDept 款 (5 digits) or 类 (3 digits), or null when not itemised. */
  readonly econ: string | null;
  readonly source: FundingSource;
  readonly kind: ExpenditureKind;
  readonly amount: Fen;
  readonly at: SourcePosition;
}

/**
 * Facts coarser than a ledger, each set complete for what it covers: `byFunction` covers all
 * spending (功能 × fund × kind), `basicByEcon` the general budget's basic spending (经济 款).
 * Where the two overlap (basic general-budget spending) they must agree; the check says where not.
 */
export interface CoarseFacts {
  readonly byFunction: readonly Fact[];
  readonly basicByEcon: readonly Fact[];
  /**
   * Income by 功能 项 × source, where a 决算's 收入决算表 prints it. Income is its own set: what a
   * 项 received is not what it spent (ptczj 2024: 一般行政管理事务 received 6.19 万元 of 其他收入
   * and spent none of it; it went to 年末结转和结余). Absent for a 预算, whose income tables are
   * its spending by source.
   */
  readonly incomeByFunction?: readonly IncomeFact[];
}

/** Income of one 功能 项 from one source (收入决算表). */
export interface IncomeFact {
  readonly func: string;
  readonly source: FundingSource;
  readonly amount: Fen;
  readonly at: SourcePosition;
}

/** Balances of a 决算 by fund: all income (`total`) and its 财政拨款 part per fund; blank where not printed. */
export interface FundBalances {
  readonly total: Amount;
  readonly generalBudget: Amount;
  readonly govFund: Amount;
  readonly stateCapital: Amount;
}

/** The four 三公 items, each blank where the document prints nothing. */
export interface ThreePublicItems {
  readonly outboundTravel: Amount;
  readonly reception: Amount;
  readonly vehiclePurchase: Amount;
  readonly vehicleOperation: Amount;
}

/** The counts a 三公 决算 must state (null where the document does not state one). */
export interface ThreePublicCounts {
  /** 因公出国（境）团组 / 人次. */
  readonly trips: number | null;
  readonly travellers: number | null;
  /** 公务用车购置数 / 保有量. */
  readonly vehiclesBought: number | null;
  readonly vehiclesHeld: number | null;
  /** 公务接待 批次 / 人次. */
  readonly receptions: number | null;
  readonly guests: number | null;
}

/** 年初预算数 of one 功能 项 of 一般公共预算财政拨款支出, as the 决算 prints it. */
export interface InitialBudgetLine {
  readonly func: string;
  readonly amount: Amount;
  readonly at: SourcePosition;
}

/**
 * What a 决算 states beside its spending facts: balances, 结余分配, the 年初预算数 it holds its
 * spending against, and the 三公 预算数 and counts. A 预算 has none of these (see `phase`).
 */
export interface FinalAccounts {
  /** 年初结转和结余: year N's opening equals year N−1's closing. */
  readonly carryoverIn: FundBalances;
  /** 年末结转和结余. */
  readonly carryoverOut: FundBalances;
  /** 使用非财政拨款结余（含专用结余）, an income line of the 收入支出决算总表. */
  readonly nonFiscalSurplusUsed: Amount;
  /** 结余分配, an expenditure line of the 收入支出决算总表. */
  readonly surplusAllocation: Amount;
  /**
   * 年初预算数 of 一般公共预算财政拨款支出 per 功能 项 (Shanghai prints them in the 说明, not in a
   * table), and their total as printed (which may differ from their sum: it is the printed figure).
   */
  readonly initialBudget: readonly InitialBudgetLine[];
  readonly initialBudgetTotal: Amount;
  /** 财政拨款“三公”经费 预算数 per item (the 决算数 are `declaredThreePublic`). */
  readonly threePublicBudget: ThreePublicItems;
  readonly threePublicCounts: ThreePublicCounts;
  readonly at: SourcePosition;
}

/** “三公”经费 and 机关运行经费 as a document declares them (Shanghai prints them as figures, not derivable from 款). */
export interface DeclaredThreePublic {
  readonly outboundTravel: Amount;
  readonly reception: Amount;
  readonly vehiclePurchase: Amount;
  readonly vehicleOperation: Amount;
  readonly adminOperatingCost: Amount;
  readonly at: SourcePosition;
}

/** A cell the document printed differently from the sum of its parts (see Table.published). */
export interface PrintedCell {
  readonly table: string;
  /** The printed code (`212`, `2120101`) or line label (`合计`), or a row key. */
  readonly row: string;
  /** Header labels joined by `/`. */
  readonly column: string;
  readonly amount: Amount;
  readonly at: SourcePosition;
}

/** How the document prints its amounts, so pages reproduce it. */
export interface PrintStyle {
  /** The unit of the tables whose template says `disclosure` (Shanghai's 元 tables). */
  readonly amountUnit: AmountUnit;
  /** 0 when the document prints whole 元. */
  readonly decimals: 0 | 2;
  /** Tables (by id) that print 0 where nothing was arranged, rather than a blank. */
  readonly zeroWhereNothing: readonly string[];
  /** Fixed labels (headers, line labels) this document words differently from its template: template label → as printed. */
  readonly labels: Readonly<Record<string, string>>;
  /** Notes this document prints under a table (by id) in its own words, instead of the template's. */
  readonly notes: Readonly<Record<string, string>>;
}

export type DisclosurePhase = 'budget' | 'final';

/** One row of the ledger: an amount spent by a unit on a 功能分类 项 and an econDept code from one source. */
export interface LedgerRow extends Fact {
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
  readonly phase: DisclosurePhase;
  /** The template pack (templates/registry.ts) its tables follow. */
  readonly template: string;
  readonly region: Region;
  readonly department: Department;
  readonly units: readonly Unit[];
  /** Ids of the template's tables this disclosure publishes; the rest are "not provided". */
  readonly providedTables: readonly string[];
  readonly projects: readonly Project[];
  /** Full-grain rows (unit × 功能 项 × 经济 款 × source × kind); empty when the source gives coarser facts. */
  readonly ledger: readonly LedgerRow[];
  /** Facts at a coarser grain, when the source gives no ledger (null otherwise). */
  readonly coarseFacts: CoarseFacts | null;
  readonly declaredThreePublic: DeclaredThreePublic | null;
  /** What a 决算 states beside its facts; absent for a 预算 (optional so budget fixtures need not spell it out). */
  readonly finalAccounts?: FinalAccounts;
  readonly printedAsPublished: readonly PrintedCell[];
  readonly printStyle: PrintStyle;
  readonly income: readonly IncomeLine[];
  readonly carryoverOut: readonly CarryoverLine[];
  readonly projectForms: readonly ProjectForm[];
  readonly unitForm: UnitForm | null;
  readonly narrative: Narrative | null;
  readonly catalogue: Catalogue;
  readonly privacyAllowList: readonly string[];
  readonly provenance: {
    readonly title: string;
    readonly url?: string;
    readonly transcribedFrom?: string;
    /** The finance-system file the content was imported from (`npm run import`). */
    readonly importedFrom?: { readonly file: string; readonly sha256: string; readonly sheets: Readonly<Record<string, string>> };
    /** The original document's file name and SHA-256, where the content names them. */
    readonly file?: string;
    readonly sha256?: string;
  };
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

/** `<region>-<department>-<year>` for a 预算, with `-final` for the 决算 of the same year. */
export const disclosureId = (regionCode: string, departmentCode: string, year: number, phase: DisclosurePhase = 'budget'): string =>
  `${regionCode}-${departmentCode}-${year}${phase === 'final' ? '-final' : ''}`;
