/**
 * Funding sources: the income lines of the 收支总表 (收支总表) a ledger row can be paid from.
 * The order here is the printed order of the official form; tables iterate it, never re-sort it.
 */

export const FUNDING_SOURCES = [
  'appropriation',
  'adminFees',
  'specialRevenue',
  'stateCapitalIncome',
  'stateResourceIncome',
  'fines',
  'donations',
  'housingFund',
  'otherNonTax',
  'generalBond',
  'foreignLoan',
  'foreignGrant',
  'generalBudget',
  'govFund',
  'stateCapital',
  'socialInsurance',
  'specialAccount',
  'superiorSubsidyGeneral',
  'superiorSubsidyGovFund',
  'superiorSubsidyStateCapital',
  'serviceIncome',
  'businessIncome',
  'superiorGrant',
  'affiliateRemittance',
  'otherIncome',
  'carryoverGeneralBudget',
  'carryoverGovFund',
  'carryoverStateCapital',
  'carryoverSocialInsurance',
  'carryoverOther',
] as const;

export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** The budgets (资金性质) sources belong to; the fund tables each cover one of them. */
export type Fund = 'generalBudget' | 'govFund' | 'stateCapital' | 'socialInsurance' | 'specialAccount' | 'superiorSubsidy' | 'nonFiscal';

export interface SourceInfo {
  /** The line's label on the 收支总表, without its ordinal. */
  readonly label: string;
  readonly fund: Fund;
  /** For the general budget: the sub-group of the form (经费拨款, 非税收入, 一般债券 …). */
  readonly generalBudgetPart?: 'appropriation' | 'nonTax' | 'generalBond' | 'foreignLoan' | 'foreignGrant';
  /** Paid from last year's carry-over (上年结转) rather than this year's income. */
  readonly carryover: boolean;
}

export const SOURCE_INFO: Readonly<Record<FundingSource, SourceInfo>> = {
  appropriation: { label: '经费拨款', fund: 'generalBudget', generalBudgetPart: 'appropriation', carryover: false },
  adminFees: { label: '行政事业性收费收入', fund: 'generalBudget', generalBudgetPart: 'nonTax', carryover: false },
  specialRevenue: { label: '专项收入', fund: 'generalBudget', generalBudgetPart: 'nonTax', carryover: false },
  stateCapitalIncome: { label: '国有资本经营收入', fund: 'generalBudget', generalBudgetPart: 'nonTax', carryover: false },
  stateResourceIncome: { label: '国有资源（资产）有偿使用收入', fund: 'generalBudget', generalBudgetPart: 'nonTax', carryover: false },
  fines: { label: '罚没收入', fund: 'generalBudget', generalBudgetPart: 'nonTax', carryover: false },
  donations: { label: '捐赠收入', fund: 'generalBudget', generalBudgetPart: 'nonTax', carryover: false },
  housingFund: { label: '政府住房基金收入', fund: 'generalBudget', generalBudgetPart: 'nonTax', carryover: false },
  otherNonTax: { label: '其他纳入一般公共预算管理的非税收入', fund: 'generalBudget', generalBudgetPart: 'nonTax', carryover: false },
  generalBond: { label: '一般债券', fund: 'generalBudget', generalBudgetPart: 'generalBond', carryover: false },
  foreignLoan: { label: '外国政府和国际组织贷款', fund: 'generalBudget', generalBudgetPart: 'foreignLoan', carryover: false },
  foreignGrant: { label: '外国政府和国际组织捐赠', fund: 'generalBudget', generalBudgetPart: 'foreignGrant', carryover: false },
  // Shanghai's tables give 一般公共预算资金 without its parts (经费拨款, 非税收入 …).
  generalBudget: { label: '一般公共预算资金', fund: 'generalBudget', carryover: false },
  govFund: { label: '政府性基金预算拨款收入', fund: 'govFund', carryover: false },
  stateCapital: { label: '国有资本经营预算拨款收入', fund: 'stateCapital', carryover: false },
  socialInsurance: { label: '社会保障基金预算资金', fund: 'socialInsurance', carryover: false },
  specialAccount: { label: '财政专户管理资金收入', fund: 'specialAccount', carryover: false },
  superiorSubsidyGeneral: { label: '一般公共预算补助', fund: 'superiorSubsidy', carryover: false },
  superiorSubsidyGovFund: { label: '政府性基金补助', fund: 'superiorSubsidy', carryover: false },
  superiorSubsidyStateCapital: { label: '国有资本经营预算补助', fund: 'superiorSubsidy', carryover: false },
  serviceIncome: { label: '事业收入', fund: 'nonFiscal', carryover: false },
  businessIncome: { label: '事业单位经营收入', fund: 'nonFiscal', carryover: false },
  superiorGrant: { label: '上级单位补助收入', fund: 'nonFiscal', carryover: false },
  affiliateRemittance: { label: '附属单位上缴收入', fund: 'nonFiscal', carryover: false },
  otherIncome: { label: '其他收入', fund: 'nonFiscal', carryover: false },
  carryoverGeneralBudget: { label: '上年结转（一般公共预算拨款）', fund: 'generalBudget', carryover: true },
  carryoverGovFund: { label: '上年结转（政府性基金预算拨款）', fund: 'govFund', carryover: true },
  carryoverStateCapital: { label: '上年结转（国有资本经营预算拨款）', fund: 'stateCapital', carryover: true },
  carryoverSocialInsurance: { label: '上年结转（社会保险基金预算资金）', fund: 'socialInsurance', carryover: true },
  carryoverOther: { label: '上年结转（其他资金）', fund: 'nonFiscal', carryover: true },
};

/** 财政拨款: the funds appropriated by the finance bureau (the 财政拨款 tables). */
export const FISCAL_FUNDS: readonly Fund[] = ['generalBudget', 'govFund', 'stateCapital', 'socialInsurance'];

/** Kinds of expenditure as the 支出总表 splits them. GLOSSARY: basic / project; the rest are institution-only columns. */
export const EXPENDITURE_KINDS = ['basic', 'project', 'business', 'remittance', 'affiliateSubsidy'] as const;
export type ExpenditureKind = (typeof EXPENDITURE_KINDS)[number];

export const EXPENDITURE_KIND_LABEL: Readonly<Record<ExpenditureKind, string>> = {
  basic: '基本支出',
  project: '项目支出',
  business: '事业单位经营支出',
  remittance: '上缴上级支出',
  affiliateSubsidy: '对附属单位补助支出',
};

/** Carry-over to next year (年终结转结余) by fund, as 财政拨款收支总表 lists it. */
export const CARRYOVER_FUNDS = ['generalBudget', 'govFund', 'stateCapital', 'socialInsurance', 'other'] as const;
export type CarryoverFund = (typeof CARRYOVER_FUNDS)[number];
