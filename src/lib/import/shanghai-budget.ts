/**
 * Facts from a workbook of Shanghai's nine 部门预算 tables, at the grain the tables give: 功能 项
 * × fund × 基本/项目 (the 一般公共预算 / 政府性基金 / 国有资本经营 功能分类 tables; 事业收入 and
 * the other non-fiscal sources from the 收入预算总表, split into 基本/项目 by the 支出预算总表 only
 * where that is unambiguous), 一般公共预算基本支出 by 经济 款, and the declared 三公 figures.
 * Every 类/款/合计 cell is not read but checked, by the round trip (round-trip.ts).
 */
import type { ExpenditureKind, FundingSource } from '../ledger/sources.ts';
import type { AmountUnit, Fen } from '../money.ts';
import { readAmountCell } from './amount-cell.ts';
import type { CodeName, ImportedEconFact, ImportedFunctionFact, ImportedThreePublic } from './content-data.ts';
import type { ImportIssue } from './issues.ts';
import { cellText } from './sheet.ts';
import { plainLabel, type BodyRow, type TableSheet } from './table-sheet.ts';

export interface ShanghaiFacts {
  readonly byFunction: ImportedFunctionFact[];
  readonly basicByEcon: ImportedEconFact[];
  readonly threePublic: ImportedThreePublic | null;
  /** Codes with the names printed beside them, for catalogue additions. */
  readonly functionalNames: CodeName[];
  readonly econNames: CodeName[];
  readonly issues: ImportIssue[];
}

const FUND_TABLES: readonly { id: string; source: FundingSource }[] = [
  { id: 'generalBudgetExpenditure', source: 'generalBudget' },
  { id: 'govFundExpenditure', source: 'govFund' },
  { id: 'stateCapitalExpenditure', source: 'stateCapital' },
];

const NON_FISCAL: readonly { label: string; source: FundingSource }[] = [
  { label: '事业收入', source: 'serviceIncome' },
  { label: '事业单位经营收入', source: 'businessIncome' },
  { label: '其他收入', source: 'otherIncome' },
];

const column = (sheet: TableSheet, label: string): number => sheet.leafLabels.findIndex((l) => l === plainLabel(label));

/** The code a row prints: 类/款/项 in their columns (款 `2` read as `02`), or joined in one column. */
export function rowCode(sheet: TableSheet, body: BodyRow): string | null {
  const cls = column(sheet, '类');
  const parts = [cls, column(sheet, '款'), column(sheet, '项')].filter((i) => i >= 0).map((i) => cellText(body.cells[i]));
  const [first = '', ...rest] = parts;
  if (/^\d{5}$|^\d{7}$/.test(first) && rest.every((p) => p === '')) return first;
  if (!/^\d{3}$/.test(first)) {
    const joined = body.cells.map(cellText).find((t) => /^\d{3}(\d{2}){0,2}$/.test(t));
    return cls < 0 && joined ? joined : null;
  }
  let code = first;
  for (const p of rest) {
    if (p === '') break;
    if (!/^\d{1,2}$/.test(p)) return null;
    code += p.padStart(2, '0');
  }
  return code;
}

const nameOf = (sheet: TableSheet, body: BodyRow): string => {
  const i = sheet.leafLabels.findIndex((l) => /名称$/u.test(l));
  return i < 0 ? '' : cellText(body.cells[i]);
};

export function shanghaiFacts(sheets: ReadonlyMap<string, TableSheet>, unit: AmountUnit): ShanghaiFacts {
  const issues: ImportIssue[] = [];
  const functionalNames = new Map<string, string>();
  const econNames = new Map<string, string>();
  const amount = (sheet: TableSheet, body: BodyRow, label: string, tableUnit: AmountUnit = unit): Fen | null => {
    const i = column(sheet, label);
    if (i < 0) {
      issues.push({
        code: 'import.missingColumn',
        at: `${sheet.sheet.name}!${body.cells[0]?.address ?? 'A1'}`,
        zh: `表“${sheet.definition.title}”缺少“${label}”列`,
        en: `table ${sheet.definition.id} has no column ${label}`,
      });
      return null;
    }
    const cell = body.cells[i];
    const read = readAmountCell(cell, tableUnit);
    if (!read.ok) {
      issues.push(notAnAmount(sheet, cell?.address ?? '?', read.text, read.reason));
      return null;
    }
    return read.value;
  };
  const itemRows = (sheet: TableSheet | undefined): { code: string; body: BodyRow }[] => {
    if (!sheet) return [];
    const rows: { code: string; body: BodyRow }[] = [];
    for (const body of sheet.bodyRows) {
      const code = rowCode(sheet, body);
      if (code === null) continue;
      const name = nameOf(sheet, body);
      if (name !== '' && !functionalNames.has(code)) functionalNames.set(code, name);
      if (code.length === 7) rows.push({ code, body });
    }
    return rows;
  };

  // Fiscal facts: 功能 项 × fund × kind.
  const byFunction: ImportedFunctionFact[] = [];
  const fiscal = new Map<string, { basic: Fen; project: Fen }>();
  for (const { id, source } of FUND_TABLES) {
    const sheet = sheets.get(id);
    for (const { code, body } of itemRows(sheet)) {
      if (!sheet) continue;
      const kinds: [ExpenditureKind, Fen | null][] = [
        ['basic', amount(sheet, body, '基本支出')],
        ['project', amount(sheet, body, '项目支出')],
      ];
      const sum = fiscal.get(code) ?? { basic: 0, project: 0 };
      for (const [kind, value] of kinds) {
        if (value === null || value === 0) continue;
        byFunction.push({ func: code, source, kind, amount: value, name: functionalNames.get(code) ?? '' });
        sum[kind === 'basic' ? 'basic' : 'project'] += value;
      }
      fiscal.set(code, sum);
    }
  }

  // Non-fiscal sources: from the 收入预算总表, their kind from what the 支出预算总表 leaves after the fiscal facts.
  const income = sheets.get('incomeSummary');
  const expenditure = sheets.get('expenditureSummary');
  const spent = new Map<string, { basic: Fen; project: Fen; at: string }>();
  for (const { code, body } of itemRows(expenditure)) {
    if (!expenditure) continue;
    spent.set(code, {
      basic: amount(expenditure, body, '基本支出') ?? 0,
      project: amount(expenditure, body, '项目支出') ?? 0,
      at: `${expenditure.sheet.name}!${body.cells[0]?.address ?? 'A1'}`,
    });
  }
  for (const { code, body } of itemRows(income)) {
    if (!income) continue;
    const sources = NON_FISCAL.map((s) => ({ ...s, value: column(income, s.label) < 0 ? null : amount(income, body, s.label) })).filter(
      (s): s is typeof s & { value: Fen } => s.value !== null && s.value !== 0,
    );
    if (sources.length === 0) continue;
    const f = fiscal.get(code) ?? { basic: 0, project: 0 };
    const s = spent.get(code);
    const rest = { basic: (s?.basic ?? 0) - f.basic, project: (s?.project ?? 0) - f.project };
    const total = sources.reduce((t, x) => t + x.value, 0);
    if (rest.basic + rest.project !== total) continue; // the round trip reports the disagreement at its cells
    if (rest.basic !== 0 && rest.project !== 0 && sources.length > 1) {
      issues.push({
        code: 'import.ambiguousSplit',
        at: `${income.sheet.name}!${body.cells[0]?.address ?? 'A1'}`,
        zh: `功能科目 ${code} 的非财政拨款收入有多个来源，无法从表中拆分为基本支出和项目支出（不臆造拆分）；请改用明细导出文件`,
        en: `${code}: several non-fiscal sources cannot be split into basic and project from the tables (no breakdown is invented); import the line-level export instead`,
      });
      continue;
    }
    for (const x of sources) {
      const kind: ExpenditureKind = rest.basic === 0 ? 'project' : 'basic';
      if (rest.basic !== 0 && rest.project !== 0) {
        if (rest.basic !== 0) byFunction.push({ func: code, source: x.source, kind: 'basic', amount: rest.basic, name: functionalNames.get(code) ?? '' });
        if (rest.project !== 0) byFunction.push({ func: code, source: x.source, kind: 'project', amount: rest.project, name: functionalNames.get(code) ?? '' });
      } else byFunction.push({ func: code, source: x.source, kind, amount: x.value, name: functionalNames.get(code) ?? '' });
    }
  }
  const sourceOrder = (s: FundingSource): number => ['generalBudget', 'govFund', 'stateCapital', 'serviceIncome', 'businessIncome', 'otherIncome'].indexOf(s);
  byFunction.sort(
    (a, b) => a.func.localeCompare(b.func) || sourceOrder(a.source) - sourceOrder(b.source) || (a.kind === b.kind ? 0 : a.kind === 'basic' ? -1 : 1),
  );

  // 一般公共预算基本支出 by 经济 款 (a 类 printed without 款 is a fact of the 类).
  const basicByEcon: ImportedEconFact[] = [];
  const basic = sheets.get('generalBudgetBasic');
  if (basic) {
    const coded = basic.bodyRows.flatMap((body) => {
      const code = rowCode(basic, body);
      return code === null ? [] : [{ code, body }];
    });
    for (const { code, body } of coded) {
      const name = nameOf(basic, body);
      if (name !== '' && !econNames.has(code)) econNames.set(code, name);
      const isLeaf = code.length === 5 || !coded.some((c) => c.code.length === 5 && c.code.startsWith(code));
      if (!isLeaf) continue;
      const value = amount(basic, body, '合计');
      if (value !== null && value !== 0) basicByEcon.push({ econ: code, amount: value, name });
    }
  }

  // The declared 三公 figures, in the unit the table prints.
  let threePublic: ImportedThreePublic | null = null;
  const tp = sheets.get('threePublic');
  const line = tp?.bodyRows[0];
  if (tp && line) {
    const u = tp.unit ?? '万元';
    const at = (label: string) => amount(tp, line, label, u);
    threePublic = {
      amountUnit: u,
      outboundTravel: at('因公出国(境)费'),
      reception: at('公务接待费'),
      vehiclePurchase: at('购置费'),
      vehicleOperation: at('运行费'),
      adminOperatingCost: at('机关运行经费预算数'),
    };
  }
  const names = (m: Map<string, string>): CodeName[] => [...m].map(([code, name]) => ({ code, name }));
  return { byFunction, basicByEcon, threePublic, functionalNames: names(functionalNames), econNames: names(econNames), issues };
}

export function notAnAmount(sheet: TableSheet, address: string, text: string, reason: 'notANumber' | 'tooManyDecimals' | 'formula'): ImportIssue {
  const at = `${sheet.sheet.name}!${address}`;
  if (reason === 'formula') {
    return {
      code: 'import.formulaWithoutValue',
      at,
      zh: `公式单元格没有计算结果（${text}）：请在 Excel 中打开并保存后再导入`,
      en: `formula cell has no cached value (${text}): open and save the workbook in Excel, then import again`,
    };
  }
  if (reason === 'tooManyDecimals')
    return { code: 'import.tooManyDecimals', at, zh: `金额“${text}”超过两位小数`, en: `amount "${text}" has more than two decimals` };
  return {
    code: 'import.notAnAmount',
    at,
    zh: `金额单元格中是文字“${text}”：请改为数字或留空`,
    en: `amount cell holds text "${text}": make it a number or leave it blank`,
  };
}
