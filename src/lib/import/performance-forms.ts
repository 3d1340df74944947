/**
 * Shanghai's 财政项目支出绩效目标填报表 sheets to performance.yaml: each printed label (项目名称,
 * 项目性质 …) is read with the value to its right, the indicator grid below 一级指标/二级指标/
 * 三级指标 with merged 一级/二级 cells carried down. Amounts in the unit the form prints (元).
 */
import type { AmountUnit } from '../money.ts';
import { readAmountCell } from './amount-cell.ts';
import { amountText, yamlString, type ImportedProject } from './content-data.ts';
import type { ImportIssue } from './issues.ts';
import { cellText, type Sheet, type SheetCell } from './sheet.ts';

export interface ImportedForm {
  readonly sheet: string;
  readonly name: string;
  readonly attribute: string;
  readonly category: string;
  readonly department: string;
  readonly unit: string;
  readonly amount: number | null;
  readonly fiscal: number | null;
  readonly other: number | null;
  readonly goal: string;
  readonly indicators: readonly { level1: string; level2: string; name: string; target: string }[];
}

const plain = (t: string): string => t.replace(/[\s\u3000]+/gu, '');

/** The first non-blank cell right of the cell whose text is `label` (the first such label). */
function valueRightOf(sheet: Sheet, label: string, from = 0): SheetCell | undefined {
  for (const row of sheet.rows.slice(from)) {
    const i = row.findIndex((c) => plain(cellText(c)) === label);
    if (i >= 0) return row.slice(i + 1).find((c) => cellText(c) !== '');
  }
  return undefined;
}

/** A filled-in form: titled as one (in its first rows or its name) and naming a project (a "not provided" sheet names none). */
export const isFormSheet = (sheet: Sheet): boolean =>
  (sheet.rows.slice(0, 3).some((row) => row.some((c) => plain(cellText(c)).endsWith('绩效目标填报表'))) || /绩效目标/u.test(sheet.name)) &&
  cellText(valueRightOf(sheet, '项目名称')) !== '';

/**
 * The forms of a sheet: one form laid out as printed (labels beside values), or — gongkai's own
 * download — every form as rows of one grid (项目名称 … 一级指标 … as column headers, the project's
 * own row first, then one row per indicator).
 */
export function readForms(sheet: Sheet, unit: AmountUnit, issues: ImportIssue[]): ImportedForm[] {
  const headerAt = sheet.rows.findIndex((row) => {
    const texts = row.map((c) => plain(cellText(c)));
    return texts.includes('项目名称') && texts.includes('一级指标');
  });
  return headerAt < 0 ? [readForm(sheet, unit, issues)] : readGrid(sheet, headerAt, unit, issues);
}

function readGrid(sheet: Sheet, headerAt: number, unit: AmountUnit, issues: ImportIssue[]): ImportedForm[] {
  const labels = new Map<string, number>();
  for (const row of sheet.rows.slice(Math.max(0, headerAt - 1), headerAt + 1))
    row.forEach((c, i) => {
      if (cellText(c) !== '') labels.set(plain(cellText(c)), i);
    });
  const get = (row: readonly SheetCell[], label: string) => cellText(row[labels.get(label) ?? -1]);
  const amount = (row: readonly SheetCell[], label: string): number | null => {
    const cell = row[labels.get(label) ?? -1];
    const read = readAmountCell(cell, unit);
    if (!read.ok) {
      issues.push({
        code: 'import.notAnAmount',
        at: `${sheet.name}!${cell?.address ?? 'A1'}`,
        zh: `金额“${read.text}”不是数字`,
        en: `amount "${read.text}" is not a number`,
      });
      return null;
    }
    return read.value;
  };
  const forms: { form: Omit<ImportedForm, 'indicators'>; indicators: ImportedForm['indicators'][number][] }[] = [];
  for (const row of sheet.rows.slice(headerAt + 1)) {
    if (get(row, '项目名称') === '') continue;
    if (get(row, '一级指标') === '' && get(row, '三级指标') === '') {
      forms.push({
        form: {
          sheet: sheet.name,
          name: get(row, '项目名称'),
          attribute: get(row, '项目属性'),
          category: get(row, '项目类别'),
          department: get(row, '主管部门'),
          unit: get(row, '实施单位'),
          amount: amount(row, '年度本级预算金额'),
          fiscal: amount(row, '其中：财政拨款'),
          other: amount(row, '其中：其他资金'),
          goal: get(row, '本年度绩效目标'),
        },
        indicators: [],
      });
    } else
      forms.at(-1)?.indicators.push({ level1: get(row, '一级指标'), level2: get(row, '二级指标'), name: get(row, '三级指标'), target: get(row, '指标值') });
  }
  return forms.map((f) => ({ ...f.form, indicators: f.indicators }));
}

export function readForm(sheet: Sheet, unit: AmountUnit, issues: ImportIssue[]): ImportedForm {
  const text = (label: string) => cellText(valueRightOf(sheet, label));
  const amount = (label: string): number | null => {
    const cell = valueRightOf(sheet, label);
    const read = readAmountCell(cell, unit);
    if (!read.ok) {
      issues.push({
        code: 'import.notAnAmount',
        at: `${sheet.name}!${cell?.address ?? 'A1'}`,
        zh: `金额“${read.text}”不是数字`,
        en: `amount "${read.text}" is not a number`,
      });
      return null;
    }
    return read.value;
  };
  // 年度总体目标: the text below its label.
  let goal = '';
  sheet.rows.forEach((row, r) => {
    const i = row.findIndex((c) => plain(cellText(c)) === '年度总体目标');
    if (i >= 0 && goal === '') goal = cellText(sheet.rows[r + 1]?.[i]) || cellText(row.slice(i + 1).find((c) => cellText(c) !== ''));
  });
  const indicators: { level1: string; level2: string; name: string; target: string }[] = [];
  const headerRow = sheet.rows.findIndex((row) => row.some((c) => plain(cellText(c)) === '一级指标'));
  if (headerRow >= 0) {
    const header = sheet.rows[headerRow] ?? [];
    const col = (re: RegExp) => header.findIndex((c) => re.test(plain(cellText(c))));
    const [c1, c2, c3, ct] = [col(/^一级指标$/u), col(/^二级指标$/u), col(/^三级指标$/u), col(/指标值/u)];
    let level1 = '';
    let level2 = '';
    for (const row of sheet.rows.slice(headerRow + 1)) {
      const name = cellText(row[c3]);
      if (cellText(row[c1]) !== '') level1 = cellText(row[c1]);
      if (cellText(row[c2]) !== '') level2 = cellText(row[c2]);
      if (name === '' && cellText(row[ct]) === '') continue;
      indicators.push({ level1, level2, name, target: cellText(row[ct]) });
    }
  }
  return {
    sheet: sheet.name,
    name: text('项目名称'),
    attribute: text('项目性质'),
    category: text('项目类别'),
    department: text('主管部门'),
    unit: text('实施单位'),
    amount: amount('项目资金总额'),
    fiscal: amount('其中：财政资金'),
    other: amount('其他资金'),
    goal,
    indicators,
  };
}

/** performance.yaml of the forms, and the projects they name (P01 …, in sheet order). */
export function formsContent(forms: readonly ImportedForm[], unit: AmountUnit, file: string): { yaml: string; projects: ImportedProject[] } {
  const projects = forms.map((f, i) => ({ id: `P${String(i + 1).padStart(2, '0')}`, name: f.name, specialFund: false }));
  const a = (v: number | null) => (v === null ? 'null' : amountText(v, unit));
  const lines = [
    `# 财政项目支出绩效目标填报表, imported from ${file} (one form per sheet).`,
    `amountUnit: ${unit}`,
    forms.length === 0 ? 'projects: []' : 'projects:',
  ];
  forms.forEach((f, i) => {
    lines.push(`  - project: ${projects[i]?.id ?? ''}  # ${f.sheet}`);
    lines.push(`    name: ${yamlString(f.name)}`);
    for (const key of ['attribute', 'category', 'department', 'unit'] as const) if (f[key] !== '') lines.push(`    ${key}: ${yamlString(f[key])}`);
    lines.push(`    amount: ${a(f.amount)}`);
    lines.push(`    funding: {fiscal: ${a(f.fiscal)}, other: ${a(f.other)}}`);
    if (f.goal !== '') lines.push(`    goal: ${yamlString(f.goal)}`);
    lines.push(f.indicators.length === 0 ? '    indicators: []' : '    indicators:');
    for (const x of f.indicators)
      lines.push(`      - {level1: ${yamlString(x.level1)}, level2: ${yamlString(x.level2)}, name: ${yamlString(x.name)}, target: ${yamlString(x.target)}}`);
  });
  return { yaml: `${lines.join('\n')}\n`, projects };
}
