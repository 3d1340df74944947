/**
 * Hunan's 项目支出绩效目标表 and 整体支出绩效目标表 in the grid of gongkai's own download (the
 * form's labelled values above the grid, one row per project then one per indicator) to
 * performance.yaml, every field the grid prints; and their proof: the forms derived from the
 * written performance.yaml equal the sheet cell for cell (`compareFormSheet`).
 */
import type { AmountUnit } from '../money.ts';
import { formatAmount } from '../money.ts';
import { leafColumns, type Cell, type Table } from '../tables/model.ts';
import { BUDGET_LABELS } from '../tables/performance-tables.ts';
import type { UnitBudgetLine } from '../disclosure/model.ts';
import { readAmountCell } from './amount-cell.ts';
import { amountText, type ImportedProject } from './content-data.ts';
import type { ImportIssue } from './issues.ts';
import { notAnAmount } from './shanghai-budget.ts';
import { cellText, type Sheet, type SheetCell } from './sheet.ts';
import { plainLabel, type TableSheet } from './table-sheet.ts';

const UNIT: AmountUnit = '万元';
const HEADER_WORDS = new Set(['项目', '本年度绩效指标', '一级指标', '二级指标', '三级指标', '分项绩效目标']);

/** A form sheet's parts: labelled values, leaf header labels and body rows. */
export interface FormGrid {
  readonly fields: readonly { readonly label: string; readonly value: SheetCell | undefined; readonly address: string }[];
  /** Header row of each group ('' for none) and the leaf labels, per column. */
  readonly groups: readonly string[];
  readonly leaves: readonly string[];
  readonly headerAddress: string;
  readonly rows: readonly (readonly SheetCell[])[];
}

export function formGrid(sheet: Sheet): FormGrid {
  const rows = sheet.rows;
  // Row 1 is the title, row 2 the 单位 line; the fields follow until the header.
  let r = 2;
  const fields: FormGrid['fields'][number][] = [];
  const isHeader = (row: readonly SheetCell[]) => row.some((c) => HEADER_WORDS.has(plainLabel(cellText(c))));
  while (r < rows.length && !isHeader(rows[r] ?? [])) {
    const row = rows[r] ?? [];
    const label = cellText(row[0]);
    if (label !== '') fields.push({ label, value: row[1], address: row[1]?.address ?? row[0]?.address ?? 'A1' });
    r++;
  }
  const first = rows[r] ?? [];
  const twoLevels = first.some((c) => plainLabel(cellText(c)) === '本年度绩效指标');
  const leafRow = twoLevels ? (rows[r + 1] ?? []) : first;
  const groups: string[] = [];
  let group = '';
  first.forEach((c, i) => {
    if (twoLevels && cellText(c) !== '') group = cellText(c);
    groups[i] = twoLevels ? group : '';
  });
  const leaves = leafRow.map((c, i) => cellText(c) || (twoLevels ? cellText(first[i]) : ''));
  const body = rows.slice(r + (twoLevels ? 2 : 1)).filter((row) => row.some((c) => cellText(c) !== ''));
  return { fields, groups, leaves, headerAddress: first[0]?.address ?? 'A3', rows: body };
}

const q = (text: string): string => JSON.stringify(text);
const a = (v: number | null): string => (v === null ? 'null' : amountText(v, UNIT));

interface Reader {
  text: (row: readonly SheetCell[], label: string, group?: string) => string;
  amount: (row: readonly SheetCell[], label: string) => number | null;
  has: (label: string) => boolean;
}

function readerOf(sheet: Sheet, grid: FormGrid, issues: ImportIssue[]): Reader {
  const index = (label: string, group?: string) =>
    grid.leaves.findIndex((l, i) => plainLabel(l) === plainLabel(label) && (group === undefined || grid.groups[i] === group));
  return {
    has: (label) => index(label) >= 0,
    text: (row, label, group) => {
      const i = index(label, group);
      const cell = i < 0 ? undefined : row[i];
      // Text as written (no trimming: the form's own spaces are part of what it prints).
      return cell?.value.kind === 'text' ? cell.value.value : cellText(cell);
    },
    amount: (row, label) => {
      const i = index(label);
      const cell = i < 0 ? undefined : row[i];
      const read = readAmountCell(cell, UNIT);
      if (!read.ok) {
        issues.push(notAnAmount({ sheet } as TableSheet, cell?.address ?? '?', read.text, read.reason));
        return null;
      }
      return read.value;
    },
  };
}

const LEVEL = /^(\d+)-(.+)$/u;
const level = (printed: string): { code: string; name: string } => {
  const m = LEVEL.exec(printed);
  return m ? { code: m[1] ?? '', name: m[2] ?? '' } : { code: '', name: printed };
};

function indicatorYaml(read: Reader, row: readonly SheetCell[], indent: string): string {
  const l1 = level(read.text(row, '一级指标', '本年度绩效指标') || read.text(row, '一级指标'));
  const l2 = level(read.text(row, '二级指标', '本年度绩效指标') || read.text(row, '二级指标'));
  const t = (label: string) => read.text(row, label);
  const parts = [
    `level1: ${q(l1.name)}`,
    `level1Code: ${q(l1.code)}`,
    `level2: ${q(l2.name)}`,
    `level2Code: ${q(l2.code)}`,
    `name: ${q(t('三级指标'))}`,
    `target: ${q(t('指标值'))}`,
    `description: ${q(t('指标值内容'))}`,
    `measureUnit: ${q(t('度量单位'))}`,
    `comparator: ${q(t('指标值类型'))}`,
    `basis: ${q(t('指标值确定依据'))}`,
    `note: ${q(t('备注'))}`,
  ];
  return `${indent}- {${parts.join(', ')}}`;
}

/** `内容 开始—结束` lines of 实施进度计划, back to their parts. */
function scheduleYaml(text: string, indent: string): string[] {
  if (text === '') return [];
  return [
    `${indent}schedule:`,
    ...text.split('\n').map((line) => {
      const m = /^(?:(.*) )?([^ ]*—[^ ]*)$/u.exec(line);
      const [content, span] = m ? [m[1] ?? '', m[2] ?? ''] : [line, ''];
      const [start = '', end = ''] = span === '' ? [] : span.split('—');
      return `${indent}  - {content: ${q(content)}, start: ${q(start)}, end: ${q(end)}}`;
    }),
  ];
}

function spendingPlanYaml(text: string, indent: string): string[] {
  if (text === '') return [];
  return [
    `${indent}spendingPlan:`,
    ...text.split('\n').map((line) => {
      const i = line.lastIndexOf('：');
      return `${indent}  - {by: ${q(i < 0 ? line : line.slice(0, i))}, percent: ${q(i < 0 ? '' : line.slice(i + 1))}}`;
    }),
  ];
}

const PROJECT_TEXT: readonly (readonly [label: string, key: string])[] = [
  ['项目编码', 'code'],
  ['项目类别', 'category'],
  ['项目属性', 'attribute'],
  ['项目支出实施期', 'period'],
  ['主管部门', 'department'],
  ['实施单位', 'unit'],
  ['项目主管处室', 'office'],
  ['资金用途', 'purpose'],
  ['立项依据', 'basis'],
  ['部门职能职责概述', 'duties'],
  ['本年度绩效目标', 'goal'],
  ['保障措施', 'measures'],
];

function projectForms(sheet: Sheet, issues: ImportIssue[], projects: readonly ImportedProject[]): string[] {
  const grid = formGrid(sheet);
  const read = readerOf(sheet, grid, issues);
  const indicatorColumns = grid.leaves.map((_, i) => i).filter((i) => grid.groups[i] === '本年度绩效指标');
  const lines: string[] = [];
  const used = new Set(projects.map((p) => p.id));
  let n = 0;
  for (const row of grid.rows) {
    const isIndicator = indicatorColumns.some((i) => cellText(row[i]) !== '');
    if (isIndicator) {
      if (lines.length === 0) continue;
      if (lines[lines.length - 1] === '    indicators: []') lines[lines.length - 1] = '    indicators:';
      lines.push(indicatorYaml(read, row, '      '));
      continue;
    }
    const name = read.text(row, '项目名称');
    const project = projects.find((p) => p.name === name);
    let id = project?.id;
    if (!project) {
      do id = `P${String(++n).padStart(2, '0')}`;
      while (used.has(id));
      used.add(id);
    }
    lines.push(project ? `  - project: ${q(project.id)}` : `  - id: ${q(id ?? '')}`);
    lines.push(`    name: ${q(name)}`);
    for (const [label, k] of PROJECT_TEXT) {
      const v = read.text(row, label);
      if (v !== '') lines.push(`    ${k}: ${q(v)}`);
    }
    lines.push(`    amount: ${a(read.amount(row, '年度本级预算金额'))}`);
    lines.push(`    funding: {fiscal: ${a(read.amount(row, '其中：财政拨款'))}, other: ${a(read.amount(row, '其中：其他资金'))}}`);
    lines.push(...scheduleYaml(read.text(row, '实施进度计划'), '    '));
    lines.push(...spendingPlanYaml(read.text(row, '资金支出计划（%）'), '    '));
    lines.push('    indicators: []');
  }
  return lines;
}

function unitForm(sheet: Sheet, issues: ImportIssue[]): string[] {
  const grid = formGrid(sheet);
  const read = readerOf(sheet, grid, issues);
  const text = (label: string) => {
    const f = grid.fields.find((x) => x.label === label);
    return f?.value?.value.kind === 'text' ? f.value.value.value : cellText(f?.value);
  };
  const lines = ['unit:'];
  for (const [label, k] of [
    ['部门名称', 'department'],
    ['年履职目标', 'mission'],
    ['部门职能职责概述', 'duties'],
    ['工作保障措施', 'measures'],
  ] as const) {
    const v = text(label);
    if (v !== '') lines.push(`  ${k}: ${q(v)}`);
  }
  const tasks = grid.fields.flatMap((f) => {
    const m = /^年度主要任务(?:\d+：(.*))?$/u.exec(f.label);
    const content = f.value?.value.kind === 'text' ? f.value.value.value : cellText(f.value);
    return m ? [`    - {name: ${q(m[1] ?? '')}, content: ${q(content)}}`] : [];
  });
  if (tasks.length > 0) lines.push('  tasks:', ...tasks);
  const budget = (Object.entries(BUDGET_LABELS) as [UnitBudgetLine, string][]).flatMap(([k, label]) => {
    const f = grid.fields.find((x) => x.label === label);
    if (!f) return [];
    const r = readAmountCell(f.value, UNIT);
    if (!r.ok) {
      issues.push(notAnAmount({ sheet } as TableSheet, f.address, r.text, r.reason));
      return [];
    }
    return [`${k}: ${a(r.value)}`];
  });
  if (budget.length > 0) lines.push(`  budget: {${budget.join(', ')}}`);
  const goals = grid.fields.flatMap((f) => {
    const m = /^分项绩效目标(\d+)$/u.exec(f.label);
    return m ? [{ n: m[1] ?? '', name: f.value?.value.kind === 'text' ? f.value.value.value : cellText(f.value) }] : [];
  });
  const own = grid.rows.filter((row) => !read.has('分项绩效目标') || read.text(row, '分项绩效目标') === '');
  lines.push(own.length === 0 ? '  indicators: []' : '  indicators:', ...own.map((row) => indicatorYaml(read, row, '    ')));
  if (goals.length > 0) {
    lines.push('  goals:');
    for (const g of goals) {
      const standard = text(`分项绩效目标${g.n} · 评价标准`);
      const rows = grid.rows.filter((row) => read.text(row, '分项绩效目标') === g.name);
      lines.push(`    - name: ${q(g.name)}`);
      if (standard !== '') lines.push(`      standard: ${q(standard)}`);
      lines.push(rows.length === 0 ? '      indicators: []' : '      indicators:', ...rows.map((row) => indicatorYaml(read, row, '        ')));
    }
  }
  return lines;
}

/** performance.yaml of the workbook's form sheets (by table id), or null when it has none. */
export function hunanForms(formSheets: ReadonlyMap<string, Sheet>, issues: ImportIssue[], projects: readonly ImportedProject[], file: string): string | null {
  const projectSheet = formSheets.get('projectPerformance');
  const unitSheet = formSheets.get('unitPerformance');
  // A published table with no form in it (an empty grid) writes nothing.
  const unitFilled = unitSheet !== undefined && (formGrid(unitSheet).fields.length > 0 || formGrid(unitSheet).rows.length > 0);
  const forms = projectSheet ? projectForms(projectSheet, issues, projects) : [];
  if (forms.length === 0 && !unitFilled) return null;
  const lines = [`# 绩效目标表, imported from ${file}.`, `amountUnit: ${UNIT}`];
  lines.push(forms.length === 0 ? 'projects: []' : 'projects:', ...forms);
  if (unitSheet && unitFilled) lines.push(...unitForm(unitSheet, issues));
  return `${lines.join('\n')}\n`;
}

/** A form table derived from the written performance.yaml against its sheet: labelled values, header leaves and every cell. */
export function compareFormSheet(table: Table, sheet: Sheet): { at: string; imported: string; derived: string }[] {
  const grid = formGrid(sheet);
  const out: { at: string; imported: string; derived: string }[] = [];
  const at = (address: string) => `${sheet.name}!${address}`;
  const shown = (cell: Cell, target: SheetCell | undefined): [string, string] => {
    if (cell.kind === 'amount') {
      const r = readAmountCell(target, UNIT);
      return [r.ok ? (r.value === null ? '' : formatAmount(r.value, UNIT, 2)) : r.text, cell.value === null ? '' : formatAmount(cell.value, UNIT, 2)];
    }
    return [target?.value.kind === 'text' ? target.value.value : cellText(target), cell.value];
  };
  const count = Math.max(grid.fields.length, table.fields.length);
  for (let i = 0; i < count; i++) {
    const f = grid.fields[i];
    const d = table.fields[i];
    if (!f || !d || f.label !== d.label) {
      out.push({ at: at(f?.address ?? grid.headerAddress), imported: f?.label ?? '（无 none）', derived: d?.label ?? '（无 none）' });
      continue;
    }
    const [imported, derived] = shown(d.value, f.value);
    if (imported !== derived) out.push({ at: at(f.address), imported, derived });
  }
  const leaves = leafColumns(table.header).map((c) => c.path[c.path.length - 1] ?? '');
  if (leaves.join('|') !== grid.leaves.slice(0, leaves.length).join('|') || grid.leaves.slice(leaves.length).some((l) => l !== '')) {
    out.push({ at: at(grid.headerAddress), imported: grid.leaves.join('|'), derived: leaves.join('|') });
    return out;
  }
  const rows = Math.max(grid.rows.length, table.rows.length);
  for (let r = 0; r < rows; r++) {
    const sheetRow = grid.rows[r];
    const row = table.rows[r];
    if (!sheetRow || !row) {
      out.push({
        at: at(sheetRow?.[0]?.address ?? grid.headerAddress),
        imported: sheetRow ? '（多一行 extra row）' : '（无此行 no such row）',
        derived: row ? row.key : '（无此行 no such row）',
      });
      continue;
    }
    row.cells.forEach((cell, c) => {
      const [imported, derived] = shown(cell, sheetRow[c]);
      if (imported !== derived) out.push({ at: at(sheetRow[c]?.address ?? '?'), imported, derived });
    });
  }
  return out;
}
