/**
 * SYNTHETIC performance forms for unit tests: every field empty unless a test names it, so a
 * test states only what it is about. Names say SYNTHETIC; no figure belongs to a real department.
 */
import type { Disclosure, Indicator, ProjectForm, UnitForm } from '../../src/lib/disclosure/model.ts';

const at = { file: 'synthetic', line: 1, column: 1 };

export const syntheticIndicator = (fields: Partial<Indicator>): Indicator => ({
  level1: '',
  level1Code: '',
  level2: '',
  level2Code: '',
  name: '',
  target: '',
  description: '',
  measureUnit: '',
  comparator: '',
  basis: '',
  note: '',
  goal: '',
  at,
  ...fields,
});

export const syntheticProjectForm = (id: string, fields: Partial<ProjectForm> = {}): ProjectForm => ({
  id,
  project: null,
  name: `合成项目${id}（SYNTHETIC）`,
  code: '',
  category: '',
  attribute: '',
  period: '',
  department: '',
  unit: '',
  unitCode: null,
  office: '',
  amount: null,
  funding: { fiscal: null, other: null },
  purpose: '',
  basis: '',
  duties: '',
  schedule: [],
  spendingPlan: [],
  goal: '',
  measures: '',
  indicators: [],
  at,
  ...fields,
});

export const syntheticUnitForm = (fields: Partial<UnitForm> = {}): UnitForm => ({
  department: '合成部门（SYNTHETIC）',
  mission: '',
  duties: '',
  tasks: [],
  budget: {
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
  },
  indicators: [],
  goals: [],
  measures: '',
  at,
  ...fields,
});

/** A disclosure publishing performance forms only (tables 22 and 23), without a ledger. */
export function syntheticFormDisclosure(options: {
  readonly year?: number;
  readonly regionCode?: string;
  readonly projectForms?: readonly ProjectForm[];
  readonly unitForm?: UnitForm | null;
}): Disclosure {
  const year = options.year ?? 2024;
  const regionCode = options.regionCode ?? '999901';
  return {
    id: `${regionCode}-901-${year}`,
    year,
    phase: 'budget',
    template: 'hunan-budget',
    region: { code: regionCode, name: `合成区${regionCode}（SYNTHETIC）` },
    department: { code: '901', name: '合成部门（SYNTHETIC）' },
    units: [{ code: '901001', name: '合成单位（SYNTHETIC）', type: 'admin' }],
    providedTables: ['projectPerformance', 'unitPerformance'],
    projects: [],
    ledger: [],
    coarseFacts: null,
    declaredThreePublic: null,
    printedAsPublished: [],
    printStyle: { amountUnit: '万元', decimals: 2, zeroWhereNothing: [], labels: {}, notes: {} },
    income: [],
    carryoverOut: [],
    projectForms: options.projectForms ?? [],
    unitForm: options.unitForm ?? null,
    narrative: null,
    catalogue: {
      year,
      functional: new Map(),
      econDept: new Map(),
      econGov: new Map(),
      mapping: new Map(),
      sources: { functional: '', econDept: '', econGov: '', mapping: '' },
    },
    privacyAllowList: [],
    provenance: { title: 'SYNTHETIC' },
    files: { disclosure: 'synthetic/disclosure.yaml', ledger: null, performance: 'synthetic/performance.yaml' },
  };
}
