/**
 * SYNTHETIC content at scale for benchmarks and shard tests: `count` valid disclosures over the
 * real catalogue, spread over regions, departments and two years, as the content files a clerk
 * would write. Every region, department, unit, project and figure is invented and its name says
 * SYNTHETIC (合成).
 *
 * The shapes vary the way real content does, including the odd-but-valid ones:
 *   - `full`: all 23 tables, one to three units (admin and institution), projects with their
 *     performance forms, a unit form, a narrative with figure references;
 *   - `fundOnly`: an admin unit whose only spending is government-fund money (no general budget);
 *   - `formsOnly`: only the performance forms (tables 22 and 23), no ledger;
 *   - `noProjects`: basic spending only, every project table empty.
 * Only the Hunan budget template exists in this version of gongkai, so that is the template and
 * phase every disclosure uses.
 *
 * `fundOnly` is left out of the mix for now ({@link FUND_ONLY_IN_MIX}): its generated 机关运行经费
 * paragraph fails the build (table 7 has no row for a unit without general-budget money), a bug
 * another change fixes. `SYNTH_FUND_ONLY=1` puts it back in.
 */
import type { Catalogue } from '../../src/lib/catalogue/catalogue.ts';
import type { ExpenditureKind, FundingSource } from '../../src/lib/ledger/sources.ts';
import { formatWan } from '../../src/lib/money.ts';
import { prng } from '../../tests/support/synthetic-disclosure.ts';

export type SynthShape = 'full' | 'fundOnly' | 'formsOnly' | 'noProjects';

export interface SynthFile {
  /** Path inside the content folder (`disclosures/990101/103/2024/ledger.yaml`). */
  readonly path: string;
  readonly text: string;
}

export interface SynthDisclosure {
  readonly regionCode: string;
  readonly departmentCode: string;
  readonly year: number;
  readonly shape: SynthShape;
  readonly files: readonly SynthFile[];
}

export const SYNTH_YEARS = [2024, 2025] as const;

/** Departments per region: ~50, so 1,000 unit-years make 10 regions of 50 departments × 2 years. */
export const DEPARTMENTS_PER_REGION = 50;

/** Whether the fund-only shape is generated (see the module comment). */
export const FUND_ONLY_IN_MIX = process.env['SYNTH_FUND_ONLY'] === '1';

/** Which shape the n-th department has: mostly full, the odd shapes each about one in twelve. */
export function shapeOf(department: number, fundOnly: boolean = FUND_ONLY_IN_MIX): SynthShape {
  const n = department % 12;
  return n === 5 ? (fundOnly ? 'fundOnly' : 'full') : n === 7 ? 'formsOnly' : n === 11 ? 'noProjects' : 'full';
}

/** Region code of the r-th synthetic region: 99xx01, outside GB/T 2260's real codes. */
export const regionCodeOf = (r: number): string => `99${String(r + 1).padStart(2, '0')}01`;

const SOURCES: readonly FundingSource[] = ['appropriation', 'appropriation', 'appropriation', 'adminFees', 'govFund', 'specialAccount', 'serviceIncome'];
/** Spending every real department has, so searches for it find every disclosure. */
const ALWAYS_BASIC = ['30101', '30217'] as const;

const q = (s: string): string => JSON.stringify(s);
const yamlRow = (fields: Record<string, string>): string =>
  `  - {${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')}}`;

interface Row {
  readonly unit: string;
  readonly func: string;
  readonly econ: string;
  readonly source: FundingSource;
  readonly kind: ExpenditureKind;
  readonly project?: string;
  /** 分 */
  amount: number;
}

/** The content files of `count` disclosures: region by region, department by department, both years. */
export function synthesise(catalogue: Catalogue, count: number): SynthDisclosure[] {
  const out: SynthDisclosure[] = [];
  for (let i = 0; out.length < count; i++) {
    const region = Math.floor(i / DEPARTMENTS_PER_REGION);
    const department = i % DEPARTMENTS_PER_REGION;
    for (const year of SYNTH_YEARS) {
      if (out.length >= count) break;
      out.push(synthDisclosure(catalogue, region, department, year));
    }
  }
  return out;
}

export function synthDisclosure(catalogue: Catalogue, region: number, department: number, year: number): SynthDisclosure {
  const random = prng(region * 100_003 + department * 101 + year);
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(random() * list.length)];
    if (item === undefined) throw new Error('synth: pick from an empty list');
    return item;
  };
  const shape = shapeOf(department);
  const regionCode = regionCodeOf(region);
  const departmentCode = String(101 + department).padStart(3, '0');
  const folder = `disclosures/${regionCode}/${departmentCode}/${year}`;
  const departmentName = `合成第${region + 1}区第${department + 1}局（SYNTHETIC）`;
  const unitCount = shape === 'fundOnly' ? 1 : 1 + (department % 3);
  const units = Array.from({ length: unitCount }, (_, u) => ({
    code: `${departmentCode}${String(u + 1).padStart(3, '0')}`,
    name: u === 0 ? `${departmentName.replace('（SYNTHETIC）', '')}机关（SYNTHETIC）` : `合成第${region + 1}区第${department + 1}局服务中心${u}（SYNTHETIC）`,
    type: u === 0 ? 'admin' : 'institution',
  }));
  const projects =
    shape === 'noProjects'
      ? []
      : units.flatMap((unit, u) =>
          Array.from({ length: 2 }, (_, p) => ({
            id: `S${u + 1}${p + 1}`,
            unit: unit.code,
            name: `合成专项工作经费${u + 1}-${p + 1}（SYNTHETIC）`,
            specialFund: p === 0,
          })),
        );

  const items = [...catalogue.functional.keys()].filter(
    (c) => c.length === 7 && catalogue.functional.has(c.slice(0, 5)) && catalogue.functional.has(c.slice(0, 3)),
  );
  const mapped = (code: string) => {
    const m = catalogue.mapping.get(code);
    return m !== undefined && m.admin !== '' && m.institution !== '';
  };
  const basicCodes = [...catalogue.econDept.keys()].filter((c) => c.length === 5 && /^30[123]|^310/.test(c) && mapped(c));
  const projectCodes = [...catalogue.econDept.keys()].filter((c) => /^(302|303|310)/.test(c) && mapped(c));
  const amount = () => (1 + Math.floor(random() * 4_000)) * 10_000; // 0.01–40.00 万元, in 分

  const rows: Row[] = [];
  // A finance system exports one line per combination, and the ledger check refuses a repeated one:
  // a drawn combination that is already there adds its amount to that line.
  const keyOf = (r: Row) => [r.unit, r.func, r.econ, r.source, r.kind, r.project ?? ''].join('|');
  const lineOf = new Map<string, Row>();
  const addRow = (row: Row) => {
    const existing = lineOf.get(keyOf(row));
    if (existing) existing.amount += row.amount;
    else {
      lineOf.set(keyOf(row), row);
      rows.push(row);
    }
  };
  if (shape !== 'formsOnly') {
    const sourceOf = (): FundingSource => (shape === 'fundOnly' ? 'govFund' : pick(SOURCES));
    for (const unit of units) {
      const func = pick(items);
      for (const econ of ALWAYS_BASIC)
        addRow({ unit: unit.code, func, econ, source: shape === 'fundOnly' ? 'govFund' : 'appropriation', kind: 'basic', amount: amount() });
    }
    const extra = 20 + Math.floor(random() * 30);
    for (let r = 0; r < extra; r++) {
      const unit = pick(units);
      const own = projects.filter((p) => p.unit === unit.code);
      const kind: ExpenditureKind = own.length > 0 && random() < 0.3 ? 'project' : 'basic';
      const project = kind === 'project' ? pick(own) : undefined;
      addRow({
        unit: unit.code,
        func: pick(items),
        econ: kind === 'basic' ? pick(basicCodes) : pick(projectCodes),
        source: sourceOf(),
        kind,
        ...(project ? { project: project.id } : {}),
        amount: amount(),
      });
    }
    // Every project is spent on, so none is reported as forgotten.
    for (const p of projects) {
      if (!rows.some((r) => r.project === p.id))
        addRow({ unit: p.unit, func: pick(items), econ: pick(projectCodes), source: sourceOf(), kind: 'project', project: p.id, amount: amount() });
    }
  }
  const sum = (select: (r: Row) => boolean) => rows.filter(select).reduce((total, r) => total + r.amount, 0);
  const wan = (fen: number) => formatWan(fen);

  const disclosureYaml = [
    `# SYNTHETIC disclosure (npm run synth): the region, department, units, projects and figures are invented.`,
    `year: ${year}`,
    `amountUnit: 万元`,
    `region: {code: ${q(regionCode)}, name: ${q(`合成第${region + 1}区（SYNTHETIC）`)}}`,
    `department: {code: ${q(departmentCode)}, name: ${q(departmentName)}}`,
    `units:`,
    ...units.map((u) => yamlRow({ code: q(u.code), name: q(u.name), type: u.type })),
    shape === 'formsOnly' ? `tables: [22, 23]` : `tables: all`,
    projects.length === 0 ? `projects: []` : `projects:`,
    ...projects.map((p) => yamlRow({ id: p.id, unit: q(p.unit), name: q(p.name), specialFund: String(p.specialFund) })),
    `income: []`,
    `carryoverOut: []`,
    `provenance:`,
    `  title: ${q(`${departmentName}${year}年部门预算（SYNTHETIC）`)}`,
    `  transcribedFrom: SYNTHETIC, written by npm run synth`,
    ``,
  ].join('\n');

  const files: SynthFile[] = [{ path: `${folder}/disclosure.yaml`, text: disclosureYaml }];
  if (shape !== 'formsOnly') {
    files.push({
      path: `${folder}/ledger.yaml`,
      text: [
        `# SYNTHETIC ledger (npm run synth).`,
        `amountUnit: 万元`,
        `rows:`,
        ...rows.map((r) =>
          yamlRow({
            unit: q(r.unit),
            func: q(r.func),
            econ: q(r.econ),
            source: r.source,
            kind: r.kind,
            ...(r.project ? { project: r.project } : {}),
            amount: wan(r.amount),
          }),
        ),
        ``,
      ].join('\n'),
    });
  }

  const indicator = (name: string, target: string, unit: string) =>
    `      - {level1: 产出指标, level2: 数量指标, name: ${q(name)}, target: ${q(target)}, measureUnit: ${unit}, comparator: "≥"}`;
  const formProjects = shape === 'formsOnly' ? [{ id: 'F1', unit: units[0]?.code ?? '', name: `合成绩效项目（SYNTHETIC）`, specialFund: false }] : projects;
  const performance = [
    `# SYNTHETIC performance forms (npm run synth), consistent with ledger.yaml.`,
    `amountUnit: 万元`,
    formProjects.length === 0 ? `projects: []` : `projects:`,
    ...formProjects.flatMap((p) => [
      shape === 'formsOnly' ? `  - id: ${p.id}` : `  - project: ${p.id}`,
      ...(shape === 'formsOnly' ? [`    name: ${q(p.name)}`] : []),
      `    category: 特定目标类`,
      `    period: ${year}年1月-12月`,
      `    amount: ${shape === 'formsOnly' ? '12.00' : wan(sum((r) => r.project === p.id))}`,
      `    goal: ${q(`完成${p.name.replace('（SYNTHETIC）', '')}的年度工作（合成测试数据）。`)}`,
      `    indicators:`,
      indicator(`合成培训次数`, String(2 + Math.floor(random() * 10)), '次'),
      indicator(`合成服务人次`, String(100 + Math.floor(random() * 900)), '人次'),
    ]),
    `unit:`,
    `  mission: ${q(`完成${departmentName.replace('（SYNTHETIC）', '')}年度工作（合成测试数据）。`)}`,
    `  tasks:`,
    `    - {name: 合成年度任务, content: 合成年度任务内容（SYNTHETIC）。}`,
    ...(shape === 'formsOnly'
      ? []
      : [`  budget: {total: ${wan(sum(() => true))}, basic: ${wan(sum((r) => r.kind === 'basic'))}, project: ${wan(sum((r) => r.kind === 'project'))}}`]),
    `  indicators:`,
    `    - {level1: 效益指标, level2: 社会效益指标, name: 合成群众满意度, target: "90", measureUnit: "%", comparator: "≥"}`,
    ``,
  ].join('\n');
  files.push({ path: `${folder}/performance.yaml`, text: performance });

  if (shape !== 'formsOnly') {
    const reasons =
      year === SYNTH_YEARS[0]
        ? '{}'
        : `{${['income', 'expenditure', 'fiscal', 'threePublic', 'officeRunningCost'].map((k) => `${k}: 合成测试数据的随机变动（SYNTHETIC）`).join(', ')}}`;
    files.push({
      path: `${folder}/notes.md`,
      text: [
        `---`,
        `changeReasons: ${reasons}`,
        `---`,
        ``,
        `# ${departmentName}${year}年部门预算说明`,
        ``,
        `本说明为合成测试数据（SYNTHETIC），所有单位和数字均为虚构。{{年度}}年本部门支出预算合计{{支出合计}}万元，其中基本支出{{基本支出}}万元、项目支出{{项目支出}}万元；“三公”经费预算{{三公合计}}万元。`,
        ``,
        `{{说明:收支预算总体情况}}`,
        ``,
      ].join('\n'),
    });
  }
  return { regionCode, departmentCode, year, shape, files };
}
