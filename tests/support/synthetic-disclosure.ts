/**
 * SYNTHETIC disclosures for property tests and benchmarks: random but valid ledgers over the
 * real 2024 catalogue. The department, units and figures are invented and say so in their names.
 */
import type { Catalogue } from '../../src/lib/catalogue/catalogue.ts';
import type { Disclosure, LedgerRow, Project, Unit } from '../../src/lib/disclosure/model.ts';
import type { ExpenditureKind, FundingSource } from '../../src/lib/ledger/sources.ts';
import { HUNAN_BUDGET } from '../../src/lib/templates/hunan-budget/pack.ts';

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from empty list');
  return item;
};

const SOURCES: readonly FundingSource[] = [
  'appropriation',
  'appropriation',
  'adminFees',
  'govFund',
  'stateCapital',
  'specialAccount',
  'serviceIncome',
  'carryoverGeneralBudget',
];

export interface SyntheticOptions {
  readonly seed: number;
  readonly units?: number;
  readonly rows?: number;
  readonly year?: number;
  readonly regionCode?: string;
  readonly departmentCode?: string;
}

export function syntheticDisclosure(catalogue: Catalogue, options: SyntheticOptions): Disclosure {
  const random = prng(options.seed);
  const year = options.year ?? 2024;
  const regionCode = options.regionCode ?? '999901';
  const departmentCode = options.departmentCode ?? '901';
  const at = { file: 'synthetic', line: 1, column: 1 };
  const units: Unit[] = Array.from({ length: options.units ?? 2 }, (_, i) => ({
    code: `${departmentCode}${String(i + 1).padStart(3, '0')}`,
    name: `合成测试单位${i + 1}（SYNTHETIC）`,
    type: i % 2 === 0 ? 'admin' : 'institution',
  }));
  const items = [...catalogue.functional.keys()].filter(
    (c) => c.length === 7 && catalogue.functional.has(c.slice(0, 5)) && catalogue.functional.has(c.slice(0, 3)),
  );
  const mapped = (code: string) => {
    const m = catalogue.mapping.get(code);
    return m !== undefined && m.admin !== '' && m.institution !== '';
  };
  const basicSections = [...catalogue.econDept.keys()].filter((c) => c.length === 5 && /^30[123]|^310/.test(c) && mapped(c));
  // Project rows: classes the official forms have project columns for (表18 has none for 301).
  const projectCodes = [...catalogue.econDept.keys()].filter((c) => /^(302|303|310)/.test(c) && mapped(c));
  const projects: Project[] = units.flatMap((u, ui) =>
    Array.from({ length: 2 }, (_, pi) => ({
      id: `S${ui + 1}${pi + 1}`,
      unit: u.code,
      name: `合成测试项目${ui + 1}-${pi + 1}（SYNTHETIC）`,
      specialFund: pi === 0,
      compilation: pi === 0 ? 'department' : 'finance',
      at,
    })),
  );
  const ledger: LedgerRow[] = Array.from({ length: options.rows ?? 60 }, () => {
    const unit = pick(random, units);
    const kind: ExpenditureKind = random() < 0.7 ? 'basic' : 'project';
    const project =
      kind === 'project'
        ? pick(
            random,
            projects.filter((p) => p.unit === unit.code),
          )
        : undefined;
    return {
      unit: unit.code,
      func: pick(random, items),
      econ: kind === 'basic' ? pick(random, basicSections) : pick(random, projectCodes),
      source: pick(random, SOURCES),
      kind,
      ...(project ? { project: project.id } : {}),
      amount: Math.round(random() * 5_000) * 10_000, // 0.00–50.00 万元 in 0.01 万元 steps
      at,
    };
  });
  return {
    id: `${regionCode}-${departmentCode}-${year}`,
    year,
    phase: 'budget',
    template: HUNAN_BUDGET.id,
    region: { code: regionCode, name: '合成测试区（SYNTHETIC）' },
    department: { code: departmentCode, name: '合成测试部门（SYNTHETIC）' },
    units,
    providedTables: HUNAN_BUDGET.tables.map((t) => t.id),
    projects,
    ledger,
    coarseFacts: null,
    declaredThreePublic: null,
    printedAsPublished: [],
    printStyle: { amountUnit: '万元', decimals: 2, zeroWhereNothing: [], labels: {}, notes: {} },
    income: [],
    carryoverOut: [],
    projectForms: [],
    unitForm: null,
    narrative: null,
    catalogue,
    privacyAllowList: [],
    provenance: { title: 'SYNTHETIC test disclosure' },
    files: { disclosure: 'synthetic/disclosure.yaml', ledger: 'synthetic/ledger.yaml', performance: null },
  };
}
