/**
 * The compliance self-check of one disclosure, along the dimensions 财政部 inspections of
 * 部门预算公开 look at: 及时性 (the dates), 完整性 (tables, empty-table notes, the 三公 split, the
 * required 说明 sections), 细化程度 (功能分类 to 项, basic 经济分类 to 款) and 公开形式 (every table
 * machine-readable). Each item passes or fails with the reason and the file (and field) where a
 * clerk fixes it. The site shows the list per disclosure and per region-year; `npm run check`
 * prints the same list (`formatCompliance`).
 *
 * Pure: the caller hands in the disclosure, its derived tables and the headings of its rendered
 * 说明. Tables are found by what they are (a column heading, a property), never by a number.
 */
import { packOf } from '../templates/registry.ts';
import { definitionFor } from '../templates/template-pack.ts';
import { tableNumberLabel } from '../i18n/format.ts';
import { basicEconFacts, functionFacts } from '../tables/facts.ts';
import type { Disclosure, Fact } from '../disclosure/model.ts';
import type { Table } from '../tables/model.ts';
import { timeliness } from '../publication/timeliness.ts';
import { timelinessStatement } from '../publication/publication-facts.ts';

export const DIMENSIONS = ['timeliness', 'completeness', 'detail', 'format'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Readonly<Record<Dimension, string>> = {
  timeliness: '及时性',
  completeness: '完整性',
  detail: '细化程度',
  format: '公开形式',
};

export interface ComplianceItem {
  /** Stable id, e.g. `completeness.threePublicSplit`. */
  readonly id: string;
  readonly dimension: Dimension;
  /** What is required, in one line. */
  readonly requirement: string;
  readonly pass: boolean;
  /** Why it passes or fails, with the facts. */
  readonly reason: string;
  /** Where a clerk fixes it: a content file and field; empty when it passes. */
  readonly fix: string;
}

export interface ComplianceInput {
  readonly disclosure: Disclosure;
  readonly tables: readonly Table[];
  /** The headings of the disclosure's rendered 说明 (author's and generated), in order. */
  readonly narrativeHeadings: readonly string[];
}

/** The 说明 sections every 部门预算说明 must have, and the words a heading for each holds. */
export const REQUIRED_SECTIONS: readonly { readonly name: string; readonly matches: RegExp }[] = [
  { name: '部门职责', matches: /职责|职能/ },
  { name: '机构设置', matches: /机构设置|机构情况|单位构成/ },
  { name: '收支预算及增减变化', matches: /收支|增减|变动/ },
  { name: '机关运行经费', matches: /机关运行经费/ },
  { name: '政府采购', matches: /政府采购/ },
  { name: '国有资产占用', matches: /国有资产/ },
  { name: '绩效目标', matches: /绩效目标/ },
  { name: '名词解释', matches: /名词解释/ },
];

/** The four parts of 三公经费 a 三公 table must print separately. */
export const THREE_PUBLIC_PARTS: readonly { readonly name: string; readonly matches: RegExp }[] = [
  { name: '因公出国（境）费', matches: /出国/ },
  { name: '公务用车购置费', matches: /购置/ },
  { name: '公务用车运行维护费', matches: /运行/ },
  { name: '公务接待费', matches: /接待/ },
];

const tableName = (t: Table) => `${tableNumberLabel(t)} ${t.title}`.trim();
/** The disclosure's ledger file, or where it would go. */
const ledgerFile = (d: Disclosure) => d.files.ledger ?? d.files.disclosure.replace(/disclosure\.yaml$/, 'ledger.yaml');
const list = (names: readonly string[], max = 6) => (names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')}等${names.length}项`);

/** The 三公 table, by the id every template gives it. */
export function threePublicTable(tables: readonly Table[]): Table | undefined {
  return tables.find((t) => t.id === 'threePublic');
}

function timelinessItem(d: Disclosure): ComplianceItem {
  const approvedOn = d.publication?.approvedOn ?? null;
  const result = timeliness(approvedOn, d.publication?.publishedOn ?? null);
  return {
    id: 'timeliness.twentyDays',
    dimension: 'timeliness',
    requirement: '批复后20日内公开，并载明批复日期和公开日期',
    pass: result.status === 'onTime',
    reason: timelinessStatement(result, approvedOn),
    fix: result.status === 'onTime' ? '' : `${d.files.disclosure}：approvedOn（批复日期）、publishedOn（公开日期）`,
  };
}

function completenessItems(input: ComplianceInput): ComplianceItem[] {
  const { disclosure: d, tables } = input;
  // A table the template does not require (a form only some departments have) is never missing.
  const pack = packOf(d);
  const missing = tables.filter((t) => !t.provided && definitionFor(pack, t.id)?.optional !== true);
  // Each template words its empty-table note its own way (Hunan's standard note, Shanghai's “故本表为空表”): an empty table must print one.
  const emptyWithoutNote = tables.filter((t) => t.provided && t.empty && (t.note ?? '') === '');
  const threePublic = threePublicTable(tables);
  const parts = threePublic?.provided
    ? THREE_PUBLIC_PARTS.filter((part) => !threePublic.columns.some((c) => c.path.some((label) => part.matches.test(label))))
    : THREE_PUBLIC_PARTS;
  const headings = input.narrativeHeadings;
  const sectionsMissing = REQUIRED_SECTIONS.filter((section) => !headings.some((h) => section.matches.test(h)));
  const notes = d.narrative?.file ?? d.files.disclosure.replace(/disclosure\.yaml$/, 'notes.md');
  return [
    {
      id: 'completeness.tables',
      dimension: 'completeness',
      requirement: `模板规定的${tables.length}张表全部公开`,
      pass: missing.length === 0,
      reason:
        missing.length === 0
          ? `${tables.length}张表均已公开。`
          : `${missing.length}张表未提供（已在页面上标明“本公开未提供此表”）：${list(missing.map(tableName))}。`,
      fix: missing.length === 0 ? '' : `${d.files.disclosure}：tables（并补充 ${ledgerFile(d)}）`,
    },
    {
      id: 'completeness.emptyTableNote',
      dimension: 'completeness',
      requirement: '空表照常公开并注明“如本表格为空，则表示本年度未安排此项目”',
      pass: emptyWithoutNote.length === 0,
      reason:
        emptyWithoutNote.length === 0
          ? tables.some((t) => t.provided && t.empty)
            ? `${tables.filter((t) => t.provided && t.empty).length}张空表均已公开并附说明。`
            : '没有空表。'
          : `空表未附说明：${list(emptyWithoutNote.map(tableName))}。`,
      fix: emptyWithoutNote.length === 0 ? '' : '公开模板（src/lib/templates/<模板>/pack.ts）中该表的注释',
    },
    {
      id: 'completeness.threePublicSplit',
      dimension: 'completeness',
      requirement: '“三公”经费分列因公出国（境）费、公务用车购置费、公务用车运行维护费、公务接待费',
      pass: Boolean(threePublic?.provided) && parts.length === 0,
      reason: !threePublic?.provided
        ? '未公开“三公”经费支出表。'
        : parts.length === 0
          ? `${tableName(threePublic)}分列四项。`
          : `${tableName(threePublic)}未分列：${list(parts.map((p) => p.name))}。`,
      fix:
        threePublic?.provided && parts.length === 0
          ? ''
          : `${d.files.disclosure}：tables；三公经费来自 ${ledgerFile(d)} 中经济分类 30212、31013、30231、30217 的行`,
    },
    {
      id: 'completeness.narrativeSections',
      dimension: 'completeness',
      requirement: `部门预算说明包含${REQUIRED_SECTIONS.map((s) => s.name).join('、')}`,
      pass: sectionsMissing.length === 0,
      reason:
        sectionsMissing.length === 0
          ? '说明的各部分齐全。'
          : headings.length === 0
            ? '本公开没有部门预算说明。'
            : `说明缺少：${list(
                sectionsMissing.map((s) => s.name),
                8,
              )}。`,
      fix: sectionsMissing.length === 0 ? '' : `${notes}：按小标题补写（如“## 部门职责”）`,
    },
  ];
}

function detailItems(d: Disclosure): ComplianceItem[] {
  const ledger = ledgerFile(d);
  // The facts that give each dimension: a full ledger, or the coarse sets of a summary-table template.
  const functional = functionFacts(d);
  const economic = basicEconFacts(d);
  if (functional.length === 0 && economic.length === 0) {
    const reason = '本公开没有支出明细（未公开支出表），无法体现细化程度。';
    return [
      {
        id: 'detail.functional',
        dimension: 'detail',
        requirement: '支出功能分类细化到项级科目',
        pass: false,
        reason,
        fix: `${ledger}：按单位、功能分类项、经济分类款录入支出`,
      },
      {
        id: 'detail.economic',
        dimension: 'detail',
        requirement: '基本支出经济分类细化到款级科目',
        pass: false,
        reason,
        fix: `${ledger}：按单位、功能分类项、经济分类款录入支出`,
      },
    ];
  }
  const notItem = functional.filter((row) => !/^\d{7}$/.test(row.func ?? ''));
  const basic = economic;
  const notSection = basic.filter((row) => !/^\d{5}$/.test(row.econ ?? ''));
  const at = (rows: readonly Fact[]) =>
    rows
      .slice(0, 3)
      .map((row) => `${row.at.file}:${row.at.line}`)
      .join('、');
  return [
    {
      id: 'detail.functional',
      dimension: 'detail',
      requirement: '支出功能分类细化到项级科目',
      pass: notItem.length === 0,
      reason: notItem.length === 0 ? `${functional.length}行支出均细化到项级（7位编码）。` : `${notItem.length}行支出未细化到项级。`,
      fix: notItem.length === 0 ? '' : `${at(notItem)}：func`,
    },
    {
      id: 'detail.economic',
      dimension: 'detail',
      requirement: '基本支出经济分类细化到款级科目',
      pass: notSection.length === 0,
      reason: notSection.length === 0 ? `${basic.length}行基本支出均细化到款级（5位编码）。` : `${notSection.length}行基本支出只到类级。`,
      fix: notSection.length === 0 ? '' : `${at(notSection)}：econ`,
    },
  ];
}

function formatItem(tables: readonly Table[]): ComplianceItem {
  const provided = tables.filter((t) => t.provided);
  const unreadable = provided.filter((t) => t.columns.length === 0);
  return {
    id: 'format.machineReadable',
    dimension: 'format',
    requirement: '每张表以可机读格式公开（CSV、Excel），并附开放数据',
    pass: provided.length > 0 && unreadable.length === 0,
    reason:
      provided.length === 0
        ? '没有公开的表。'
        : unreadable.length === 0
          ? `${provided.length}张表均提供网页表格、CSV 和 Excel 工作簿，支出明细见开放数据。`
          : `无法导出：${list(unreadable.map(tableName))}。`,
    fix: provided.length > 0 && unreadable.length === 0 ? '' : '公开模板中该表的表头定义',
  };
}

export function disclosureCompliance(input: ComplianceInput): ComplianceItem[] {
  return [timelinessItem(input.disclosure), ...completenessItems(input), ...detailItems(input.disclosure), formatItem(input.tables)];
}

export interface ComplianceSummary {
  readonly passed: number;
  readonly failed: number;
  /** Per dimension: whether every item of it passes. */
  readonly byDimension: Readonly<Record<Dimension, boolean>>;
}

export function summariseCompliance(items: readonly ComplianceItem[]): ComplianceSummary {
  const byDimension = Object.fromEntries(
    DIMENSIONS.map((dimension) => [dimension, items.filter((i) => i.dimension === dimension).every((i) => i.pass)]),
  ) as Record<Dimension, boolean>;
  return { passed: items.filter((i) => i.pass).length, failed: items.filter((i) => !i.pass).length, byDimension };
}

/** The list as `npm run check` prints it: one line per item, ✓ or ✗, the reason and where to fix it. */
export function formatCompliance(title: string, items: readonly ComplianceItem[]): string {
  const summary = summariseCompliance(items);
  return [
    `公开自查 compliance — ${title}：${summary.passed}项通过，${summary.failed}项未通过`,
    ...items.map(
      (item) =>
        `  ${item.pass ? '✓' : '✗'} ${DIMENSION_LABELS[item.dimension]} · ${item.requirement}：${item.reason}${item.fix ? `\n      改 fix: ${item.fix}` : ''}`,
    ),
  ].join('\n');
}

/** The headings (h2–h6) of rendered 说明 HTML, as text. */
export function headingsOf(html: string): string[] {
  return [...html.matchAll(/<h[2-6][^>]*>([\s\S]*?)<\/h[2-6]>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').trim());
}
