/**
 * What an importer produces: the content of one disclosure as plain data (amounts in exact 分),
 * and its writing as the YAML and Markdown files a clerk reads and edits afterwards. The files
 * are written by hand-made, stable formatting (flow rows, codes quoted, keys in a fixed order), so
 * importing the same file twice gives byte-identical content.
 */
import type { ExpenditureKind, FundingSource } from '../ledger/sources.ts';
import type { AmountUnit, Fen } from '../money.ts';
import type { DisclosurePhase, UnitType } from '../disclosure/model.ts';
import type { ImportedFinalAccounts, ImportedIncomeFact } from './shanghai-final.ts';

export interface CodeName {
  readonly code: string;
  readonly name: string;
}

export interface ImportedLedgerRow {
  readonly unit: string;
  readonly func: string;
  readonly econ: string;
  readonly source: FundingSource;
  readonly kind: ExpenditureKind;
  readonly project?: string;
  readonly amount: Fen;
}

export interface ImportedFunctionFact {
  readonly func: string;
  readonly source: FundingSource;
  readonly kind: ExpenditureKind;
  readonly amount: Fen;
  /** The printed name, as a comment beside the row. */
  readonly name: string;
}

export interface ImportedEconFact {
  readonly econ: string;
  readonly amount: Fen;
  readonly name: string;
}

export interface ImportedPrintedCell {
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly amount: Fen | null;
  /** The unit the amount is written in (the table's). */
  readonly unit: AmountUnit;
  /** Where it was printed, for the comment. */
  readonly at: string;
  readonly derived: string;
}

export interface ImportedThreePublic {
  readonly amountUnit: AmountUnit;
  readonly outboundTravel: Fen | null;
  readonly reception: Fen | null;
  readonly vehiclePurchase: Fen | null;
  readonly vehicleOperation: Fen | null;
  readonly adminOperatingCost: Fen | null;
}

export interface ImportedProject {
  readonly id: string;
  /** The unit that runs it; absent where the source prints no unit codes. */
  readonly unit?: string;
  readonly name: string;
  readonly specialFund: boolean;
  /** 预算编制方式, written only when 财政代编 (the default is 编入部门预算). */
  readonly compilation?: 'department' | 'finance';
}

export interface ImportedContent {
  readonly template: string;
  readonly phase: DisclosurePhase;
  readonly year: number;
  readonly amountUnit: AmountUnit;
  readonly region: CodeName;
  readonly department: CodeName;
  readonly units: readonly { readonly code?: string; readonly name: string; readonly type?: UnitType; readonly remark?: string }[];
  /** Table ids published. */
  readonly tables: readonly string[];
  readonly projects: readonly ImportedProject[];
  readonly threePublic: ImportedThreePublic | null;
  readonly printStyle: {
    readonly decimals: 0 | 2;
    readonly zeroWhereNothing: readonly string[];
    readonly labels: Readonly<Record<string, string>>;
    readonly notes: Readonly<Record<string, string>>;
  };
  readonly printedAsPublished: readonly ImportedPrintedCell[];
  readonly catalogue: { readonly functional: readonly CodeName[]; readonly econDept: readonly CodeName[] };
  readonly provenance: {
    readonly title: string;
    readonly file: string;
    readonly sha256: string;
    /** Table id → the sheet it was imported from (empty for a flat export). */
    readonly sheets: Readonly<Record<string, string>>;
  };
  /** `none`: a workbook of forms only gives no ledger at all (no ledger.yaml is written). */
  readonly ledger:
    | { readonly kind: 'none' }
    | { readonly kind: 'rows'; readonly rows: readonly ImportedLedgerRow[] }
    | {
        readonly kind: 'facts';
        readonly byFunction: readonly ImportedFunctionFact[];
        readonly basicByEcon: readonly ImportedEconFact[];
        /** A 决算's income by 功能 项 × source (收入决算表). */
        readonly incomeByFunction?: readonly ImportedIncomeFact[];
      };
  /** What a 决算 states beside its facts (balances, 三公 预算数); absent for a 预算. */
  readonly finalAccounts?: ImportedFinalAccounts;
  /** The 说明 section titles of the template, for the notes.md skeleton. */
  readonly sections: readonly string[];
  /** performance.yaml, already written, or null. */
  readonly performanceYaml: string | null;
}

/** An amount in `unit` as the shortest exact decimal text (`257700`, `16231840.8` → `16231840.80`). */
export function amountText(fen: Fen, unit: AmountUnit): string {
  const perUnit = unit === '万元' ? 1_000_000 : 100;
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / perUnit);
  const rest = abs - whole * perUnit;
  const digits = String(rest)
    .padStart(String(perUnit).length - 1, '0')
    .replace(/0+$/u, '');
  const fraction = digits === '' ? '' : `.${digits.length === 1 ? `${digits}0` : digits}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** A YAML scalar: quoted when it could read as anything but the string it is. */
export function yamlString(text: string): string {
  if (text === '' || /^[\s\d\-+.]|[:#{}[\],&*!|>'"%@`]|\s$/u.test(text) || /^(true|false|null|yes|no|on|off|~)$/iu.test(text)) return JSON.stringify(text);
  return text;
}

const q = (code: string): string => JSON.stringify(code);

export interface ContentFiles {
  /** File name (`disclosure.yaml`) → text. */
  readonly [name: string]: string;
}

export function writeContent(c: ImportedContent): ContentFiles {
  const files: Record<string, string> = {
    'disclosure.yaml': disclosureYaml(c),
    ...(c.ledger.kind === 'none' ? {} : { 'ledger.yaml': ledgerYaml(c) }),
    'notes.md': notesSkeleton(c),
  };
  if (c.performanceYaml !== null) files['performance.yaml'] = c.performanceYaml;
  return files;
}

function disclosureYaml(c: ImportedContent): string {
  const lines: string[] = [];
  lines.push(`# ${c.department.name} ${c.year}年${c.phase === 'final' ? '部门决算' : '部门预算'}`);
  lines.push(`# 由 npm run import 自 ${c.provenance.file} 导入 / imported from ${c.provenance.file} by npm run import.`);
  lines.push('# 可以编辑；再次导入同一文件时，若内容被改动会提示（--force 覆盖）/ editable; re-importing warns about edits (--force overwrites).');
  lines.push(`template: ${c.template}`);
  lines.push(`phase: ${c.phase}`);
  lines.push(`year: ${c.year}`);
  lines.push(`amountUnit: ${c.amountUnit}`);
  lines.push(`region: {code: ${q(c.region.code)}, name: ${yamlString(c.region.name)}}`);
  lines.push(`department: {code: ${yamlString(c.department.code)}, name: ${yamlString(c.department.name)}}`);
  if (c.units.length === 0) lines.push('units: []');
  else {
    lines.push('units:');
    for (const u of c.units) {
      const parts = [
        ...(u.code === undefined ? [] : [`code: ${q(u.code)}`]),
        `name: ${yamlString(u.name)}`,
        ...(u.type === undefined ? [] : [`type: ${u.type}`]),
        ...(u.remark === undefined ? [] : [`remark: ${yamlString(u.remark)}`]),
      ];
      lines.push(`  - {${parts.join(', ')}}`);
    }
  }
  lines.push(`tables: [${c.tables.join(', ')}]`);
  if (c.projects.length === 0) lines.push('projects: []');
  else {
    lines.push('projects:');
    for (const p of c.projects)
      lines.push(
        `  - {id: ${yamlString(p.id)}${p.unit === undefined ? '' : `, unit: ${q(p.unit)}`}, name: ${yamlString(p.name)}, specialFund: ${p.specialFund}${p.compilation === 'finance' ? ', compilation: finance' : ''}}`,
      );
  }
  lines.push('income: []');
  if (c.threePublic) {
    const t = c.threePublic;
    lines.push('# “三公”经费和机关运行经费, as printed; a blank cell is an omitted key, a printed 0 is 0.');
    lines.push('threePublic:');
    lines.push(`  amountUnit: ${t.amountUnit}`);
    for (const key of ['outboundTravel', 'reception', 'vehiclePurchase', 'vehicleOperation', 'adminOperatingCost'] as const) {
      const v = t[key];
      if (v !== null) lines.push(`  ${key}: ${amountText(v, t.amountUnit)}`);
    }
  }
  if (c.finalAccounts) {
    const f = c.finalAccounts;
    const balances = (b: Readonly<Record<string, number | null>>) =>
      `{${Object.entries(b)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k}: ${amountText(v ?? 0, c.amountUnit)}`)
        .join(', ')}}`;
    lines.push('# 决算: balances and the 三公 预算数 as the tables print them; the 年初预算数 of the 说明 are not in the workbook.');
    lines.push('finalAccounts:');
    lines.push(`  amountUnit: ${c.amountUnit}`);
    lines.push(`  carryoverIn: ${balances(f.carryoverIn)}`);
    lines.push(`  carryoverOut: ${balances(f.carryoverOut)}`);
    if (f.nonFiscalSurplusUsed !== null) lines.push(`  nonFiscalSurplusUsed: ${amountText(f.nonFiscalSurplusUsed, c.amountUnit)}`);
    if (f.surplusAllocation !== null) lines.push(`  surplusAllocation: ${amountText(f.surplusAllocation, c.amountUnit)}`);
    lines.push(`  threePublicBudget: ${balances(f.threePublicBudget)}`);
  }
  lines.push('printStyle:');
  lines.push(`  decimals: ${c.printStyle.decimals}`);
  lines.push(`  zeroWhereNothing: [${c.printStyle.zeroWhereNothing.join(', ')}]`);
  const labels = Object.entries(c.printStyle.labels);
  lines.push(labels.length === 0 ? '  labels: {}' : `  labels: {${labels.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`);
  const notes = Object.entries(c.printStyle.notes);
  if (notes.length === 0) lines.push('  notes: {}');
  else {
    lines.push('  notes:');
    for (const [k, v] of notes) lines.push(`    ${k}: ${JSON.stringify(v)}`);
  }
  if (c.printedAsPublished.length === 0) lines.push('printedAsPublished: []');
  else {
    lines.push('# Cells printed differently from the sum of their parts (rounding in the source): kept as published.');
    lines.push('printedAsPublished:');
    for (const p of c.printedAsPublished) {
      lines.push(
        `  - {table: ${p.table}, row: ${q(p.row)}, column: ${JSON.stringify(p.column)}, amount: ${p.amount === null ? 'null' : amountText(p.amount, p.unit)}}  # ${p.at}; sum of parts ${p.derived}`,
      );
    }
  }
  const additions = c.catalogue.functional.length + c.catalogue.econDept.length;
  if (additions === 0) lines.push('catalogue: {functional: [], econDept: [], econGov: [], mapping: []}');
  else {
    lines.push("# Codes the year's catalogue lacks, with the names the source prints.");
    lines.push('catalogue:');
    for (const kind of ['functional', 'econDept'] as const) {
      if (c.catalogue[kind].length === 0) lines.push(`  ${kind}: []`);
      else {
        lines.push(`  ${kind}:`);
        for (const e of c.catalogue[kind]) lines.push(`    - {code: ${q(e.code)}, name: ${yamlString(e.name)}}`);
      }
    }
  }
  lines.push('provenance:');
  lines.push(`  title: ${yamlString(c.provenance.title)}`);
  lines.push('  importedFrom:');
  lines.push(`    file: ${yamlString(c.provenance.file)}`);
  lines.push(`    sha256: ${c.provenance.sha256}`);
  const sheets = Object.entries(c.provenance.sheets);
  if (sheets.length === 0) lines.push('    sheets: {}');
  else {
    lines.push('    sheets:');
    for (const [id, name] of sheets) lines.push(`      ${id}: ${JSON.stringify(name)}`);
  }
  return `${lines.join('\n')}\n`;
}

function ledgerYaml(c: ImportedContent): string {
  const lines: string[] = [`# ${c.department.name} ${c.year}: imported from ${c.provenance.file}.`, `amountUnit: ${c.amountUnit}`];
  if (c.ledger.kind === 'none') return '';
  if (c.ledger.kind === 'rows') {
    lines.push('rows:');
    if (c.ledger.rows.length === 0) lines[lines.length - 1] = 'rows: []';
    for (const r of c.ledger.rows) {
      const project = r.project === undefined ? '' : `, project: ${yamlString(r.project)}`;
      lines.push(
        `  - {unit: ${q(r.unit)}, func: ${q(r.func)}, econ: ${q(r.econ)}, source: ${r.source}, kind: ${r.kind}${project}, amount: ${amountText(r.amount, c.amountUnit)}}`,
      );
    }
  } else {
    if (c.ledger.incomeByFunction) {
      lines.push('# 收入 by 功能分类 项 × 来源 (收入决算表).');
      lines.push(c.ledger.incomeByFunction.length === 0 ? 'incomeByFunction: []' : 'incomeByFunction:');
      for (const f of c.ledger.incomeByFunction)
        lines.push(`  - {func: ${q(f.func)}, source: ${f.source}, amount: ${amountText(f.amount, c.amountUnit)}}  # ${f.name}`);
    }
    lines.push('# 功能分类 项 × 资金 × 基本/项目, at the grain the tables print; 类/款 rows and totals are derived.');
    lines.push(c.ledger.byFunction.length === 0 ? 'byFunction: []' : 'byFunction:');
    for (const f of c.ledger.byFunction)
      lines.push(`  - {func: ${q(f.func)}, source: ${f.source}, kind: ${f.kind}, amount: ${amountText(f.amount, c.amountUnit)}}  # ${f.name}`);
    lines.push('# 一般公共预算基本支出 by 部门预算经济分类 款.');
    lines.push(c.ledger.basicByEcon.length === 0 ? 'basicByEcon: []' : 'basicByEcon:');
    for (const f of c.ledger.basicByEcon) lines.push(`  - {econ: ${q(f.econ)}, amount: ${amountText(f.amount, c.amountUnit)}}  # ${f.name}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The narrative is not in the workbook: the template's standard sections, each a generated reference. */
function notesSkeleton(c: ImportedContent): string {
  const lines = [
    '---',
    '# 部门预算说明 skeleton written by npm run import: replace or extend each section in your own words.',
    '# Figures are references ({{支出合计}}), never typed numbers; {{说明:…}} places the generated standard paragraph.',
    'changeReasons: {}',
    '---',
    '',
  ];
  for (const title of c.sections) lines.push(`## ${title}`, '', `{{说明:${title}}}`, '');
  return `${lines.join('\n').replace(/\n+$/u, '')}\n`;
}
