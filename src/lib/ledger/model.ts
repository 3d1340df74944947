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

export interface Indicator {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly target: string;
  readonly description: string;
  readonly measureUnit: string;
  readonly comparator: string;
  readonly note: string;
  readonly at: SourcePosition;
}

export interface ProjectForm {
  readonly project: string;
  readonly category: string;
  readonly period: string;
  readonly amount: Amount;
  readonly goal: string;
  readonly indicators: readonly Indicator[];
  readonly at: SourcePosition;
}

export interface UnitForm {
  readonly mission: string;
  readonly tasks: readonly { readonly name: string; readonly content: string }[];
  readonly budget: Readonly<Record<'total' | 'generalBudget' | 'govFund' | 'specialAccount' | 'other' | 'basic' | 'project', Amount>>;
  readonly indicators: readonly Indicator[];
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
  readonly provenance: { readonly title: string; readonly url?: string; readonly transcribedFrom?: string };
  /** The content files, relative to the working directory, for messages. */
  readonly files: { readonly disclosure: string; readonly ledger: string | null; readonly performance: string | null };
}

export const disclosureId = (regionCode: string, departmentCode: string, year: number): string =>
  `${regionCode}-${departmentCode}-${year}`;
