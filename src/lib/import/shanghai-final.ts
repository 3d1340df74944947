/**
 * Facts of a workbook of Shanghai's ten 部门决算 tables, at the grain the tables give: spending by
 * 功能 项 × fund × 基本/项目 (一般公共预算 and the two fund tables; the rest of the 支出决算表 from
 * the one non-fiscal source the 收入决算表 gives that 项, where it gives one), income by 功能 项 ×
 * source (收入决算表; 财政拨款收入 split by the fund tables' 本年收入), 一般公共预算基本支出 by 经济
 * 款, the balances (收入支出决算总表, 财政拨款收入支出决算总表), the 三公 预算数 and 决算数, and the
 * 单位构成. The 年初预算数 the 说明 prints are not in a table and are not imported. Every total is
 * not read but checked, by the round trip.
 */
import type { ExpenditureKind, FundingSource } from '../ledger/sources.ts';
import type { Fen } from '../money.ts';
import { readAmountCell } from './amount-cell.ts';
import type { CodeName, ImportedEconFact, ImportedFunctionFact } from './content-data.ts';
import { columnOf } from './hunan-budget.ts';
import type { ImportIssue } from './issues.ts';
import { notAnAmount, rowCode } from './shanghai-budget.ts';
import { cellText } from './sheet.ts';
import { plainLabel, type BodyRow, type TableSheet } from './table-sheet.ts';

export interface ImportedIncomeFact {
  readonly func: string;
  readonly source: FundingSource;
  readonly amount: Fen;
  readonly name: string;
}

export interface ImportedFinalAccounts {
  readonly carryoverIn: Readonly<Record<'total' | 'generalBudget' | 'govFund' | 'stateCapital', Fen | null>>;
  readonly carryoverOut: Readonly<Record<'total' | 'generalBudget' | 'govFund' | 'stateCapital', Fen | null>>;
  readonly nonFiscalSurplusUsed: Fen | null;
  readonly surplusAllocation: Fen | null;
  readonly threePublicBudget: Readonly<Record<ThreePublicItem, Fen | null>>;
}

export type ThreePublicItem = 'outboundTravel' | 'reception' | 'vehiclePurchase' | 'vehicleOperation';

export interface FinalFacts {
  readonly byFunction: ImportedFunctionFact[];
  readonly incomeByFunction: ImportedIncomeFact[];
  readonly basicByEcon: ImportedEconFact[];
  readonly finalAccounts: ImportedFinalAccounts;
  /** 三公 决算数. */
  readonly threePublic: Readonly<Record<ThreePublicItem, Fen | null>>;
  readonly units: { name: string; remark?: string }[];
  readonly functionalNames: CodeName[];
  readonly econNames: CodeName[];
  readonly issues: ImportIssue[];
}

const FUNDS = [
  { id: 'govFundExpenditure', source: 'govFund' },
  { id: 'stateCapitalExpenditure', source: 'stateCapital' },
] as const;

/** The 收入决算表's columns after 财政拨款收入, and their sources. */
const OTHER_INCOME: readonly (readonly [string, FundingSource])[] = [
  ['上级补助收入', 'superiorGrant'],
  ['事业收入', 'serviceIncome'],
  ['经营收入', 'businessIncome'],
  ['附属单位上缴收入', 'affiliateRemittance'],
  ['其他收入', 'otherIncome'],
];

const OTHER_KINDS: readonly (readonly [string, ExpenditureKind])[] = [
  ['上缴上级支出', 'remittance'],
  ['经营支出', 'business'],
  ['对附属单位补助支出', 'affiliateSubsidy'],
];

const THREE_PUBLIC: readonly (readonly [string[], ThreePublicItem])[] = [
  [['因公出国（境）费'], 'outboundTravel'],
  [['公务用车购置及运行费', '公务用车购置费'], 'vehiclePurchase'],
  [['公务用车购置及运行费', '公务用车运行费'], 'vehicleOperation'],
  [['公务接待费'], 'reception'],
];

export function finalFacts(sheets: ReadonlyMap<string, TableSheet>): FinalFacts {
  const issues: ImportIssue[] = [];
  const functionalNames = new Map<string, string>();
  const econNames = new Map<string, string>();
  const amount = (sheet: TableSheet, body: BodyRow | undefined, column: number): Fen | null => {
    if (column < 0 || !body) return null;
    const cell = body.cells[column];
    const read = readAmountCell(cell, sheet.unit ?? '万元');
    if (!read.ok) {
      issues.push(notAnAmount(sheet, cell?.address ?? '?', read.text, read.reason));
      return null;
    }
    return read.value;
  };
  const nameCol = (sheet: TableSheet) => sheet.leafLabels.findIndex((l) => /名称$/u.test(l));
  const items = (id: string) => {
    const sheet = sheets.get(id);
    if (!sheet) return { sheet, rows: [] as { code: string; name: string; body: BodyRow }[] };
    const rows = sheet.bodyRows.flatMap((body) => {
      const code = rowCode(sheet, body);
      if (code === null) return [];
      const name = cellText(body.cells[nameCol(sheet)]);
      if (name !== '' && !functionalNames.has(code)) functionalNames.set(code, name);
      return [{ code, name, body }];
    });
    return { sheet, rows: rows.filter((r) => r.code.length === 7) };
  };
  const nameOf = (code: string) => functionalNames.get(code) ?? '';

  // Spending of each fund by 项 and kind.
  const byFunction: ImportedFunctionFact[] = [];
  const fiscalSpent = new Map<string, Record<'basic' | 'project', Fen>>();
  const add = (func: string, kind: 'basic' | 'project', value: Fen) => {
    const s = fiscalSpent.get(func) ?? { basic: 0, project: 0 };
    s[kind] += value;
    fiscalSpent.set(func, s);
  };
  const general = items('generalBudgetExpenditure');
  for (const r of general.rows) {
    if (!general.sheet) continue;
    for (const kind of ['basic', 'project'] as const) {
      const value = amount(general.sheet, r.body, columnOf(general.sheet, [kind === 'basic' ? '基本支出' : '项目支出']));
      if (value !== null && value !== 0) {
        byFunction.push({ func: r.code, source: 'generalBudget', kind, amount: value, name: r.name });
        add(r.code, kind, value);
      }
    }
  }
  const fundIncome = new Map<string, Fen>();
  for (const f of FUNDS) {
    const t = items(f.id);
    if (!t.sheet) continue;
    for (const r of t.rows) {
      for (const kind of ['basic', 'project'] as const) {
        const value = amount(t.sheet, r.body, columnOf(t.sheet, ['本年支出', kind === 'basic' ? '基本支出' : '项目支出']));
        if (value !== null && value !== 0) {
          byFunction.push({ func: r.code, source: f.source, kind, amount: value, name: r.name });
          add(r.code, kind, value);
        }
      }
      const received = amount(t.sheet, r.body, columnOf(t.sheet, ['本年收入']));
      if (received !== null && received !== 0) fundIncome.set(`${r.code}|${f.source}`, received);
    }
  }

  // Income by 项 and source.
  const incomeByFunction: ImportedIncomeFact[] = [];
  const income = items('incomeSummary');
  const nonFiscalOf = new Map<string, FundingSource[]>();
  for (const r of income.rows) {
    if (!income.sheet) continue;
    const fiscal = amount(income.sheet, r.body, columnOf(income.sheet, ['财政拨款收入'])) ?? 0;
    const byFund = FUNDS.map((f) => ({ source: f.source, value: fundIncome.get(`${r.code}|${f.source}`) ?? 0 }));
    const generalIncome = fiscal - byFund.reduce((s, x) => s + x.value, 0);
    if (generalIncome !== 0) incomeByFunction.push({ func: r.code, source: 'generalBudget', amount: generalIncome, name: r.name });
    for (const x of byFund) if (x.value !== 0) incomeByFunction.push({ func: r.code, source: x.source, amount: x.value, name: '' });
    const others: FundingSource[] = [];
    for (const [label, source] of OTHER_INCOME) {
      const value = amount(income.sheet, r.body, columnOf(income.sheet, [label]));
      if (value !== null && value !== 0) {
        incomeByFunction.push({ func: r.code, source, amount: value, name: '' });
        others.push(source);
      }
    }
    nonFiscalOf.set(r.code, others);
  }

  // Non-fiscal spending: what the 支出决算表 leaves after the fiscal funds, from the 项's one non-fiscal source.
  const spent = items('expenditureSummary');
  for (const r of spent.rows) {
    if (!spent.sheet) continue;
    const kinds: [ExpenditureKind, Fen][] = [
      ['basic', (amount(spent.sheet, r.body, columnOf(spent.sheet, ['基本支出'])) ?? 0) - (fiscalSpent.get(r.code)?.basic ?? 0)],
      ['project', (amount(spent.sheet, r.body, columnOf(spent.sheet, ['项目支出'])) ?? 0) - (fiscalSpent.get(r.code)?.project ?? 0)],
      ...OTHER_KINDS.map(([label, kind]): [ExpenditureKind, Fen] => [
        kind,
        amount(spent.sheet as TableSheet, r.body, columnOf(spent.sheet as TableSheet, [label])) ?? 0,
      ]),
    ];
    for (const [kind, value] of kinds) {
      if (value === 0) continue;
      const sources = nonFiscalOf.get(r.code) ?? [];
      const source = sources.length === 1 ? sources[0] : undefined;
      if (source === undefined) {
        issues.push({
          code: 'import.ambiguousBreakdown',
          at: `${spent.sheet.sheet.name}!${r.body.cells[0]?.address ?? 'A1'}`,
          zh: `功能科目 ${r.code} 的非财政拨款支出在收入决算表中${sources.length === 0 ? '没有来源' : '有多个来源'}（不臆造拆分）；请改用明细导出文件`,
          en: `${r.code}: non-fiscal spending has ${sources.length === 0 ? 'no source' : 'several sources'} in the 收入决算表 (no breakdown is invented): import the line-level export instead`,
        });
        continue;
      }
      byFunction.push({ func: r.code, source, kind, amount: value, name: nameOf(r.code) });
    }
  }
  const order = ['generalBudget', 'govFund', 'stateCapital', 'superiorGrant', 'serviceIncome', 'businessIncome', 'affiliateRemittance', 'otherIncome'];
  byFunction.sort(
    (a, b) => a.func.localeCompare(b.func) || order.indexOf(a.source) - order.indexOf(b.source) || (a.kind === b.kind ? 0 : a.kind === 'basic' ? -1 : 1),
  );
  incomeByFunction.sort((a, b) => a.func.localeCompare(b.func) || order.indexOf(a.source) - order.indexOf(b.source));
  for (const f of [...byFunction, ...incomeByFunction]) if (f.name === '') Object.assign(f, { name: nameOf(f.func) });

  // 一般公共预算财政拨款基本支出 by 经济 款: both halves (人员经费, 公用经费) of the table.
  const basicByEcon: ImportedEconFact[] = [];
  const basic = sheets.get('generalBudgetBasic');
  if (basic) {
    for (const half of ['人员经费', '公用经费']) {
      const [cls, kuan, name, value] = [['经济分类科目编码', '类'], ['经济分类科目编码', '款'], ['科目名称'], ['决算数']].map((p) =>
        columnOf(basic, [half, ...p]),
      );
      const coded = basic.bodyRows.flatMap((body) => {
        const c = cellText(body.cells[cls ?? -1]);
        const k = cellText(body.cells[kuan ?? -1]);
        if (!/^\d{3}$/u.test(c)) return [];
        return [{ code: k === '' ? c : `${c}${k.padStart(2, '0')}`, name: cellText(body.cells[name ?? -1]), body }];
      });
      for (const c of coded) {
        if (c.name !== '' && !econNames.has(c.code)) econNames.set(c.code, c.name);
        const leaf = c.code.length === 5 || !coded.some((x) => x.code.length === 5 && x.code.startsWith(c.code));
        const v = leaf ? amount(basic, c.body, value ?? -1) : null;
        if (v !== null && v !== 0) basicByEcon.push({ econ: c.code, amount: v, name: c.name });
      }
    }
  }

  // Balances, as the two summary tables print them.
  const line = (id: string, label: string, column: string[]): Fen | null => {
    const sheet = sheets.get(id);
    if (!sheet) return null;
    for (const body of sheet.bodyRows) {
      const i = body.cells.findIndex((c) => plainLabel(cellText(c)) === plainLabel(label));
      if (i < 0) continue;
      const valueCol = column.length === 0 ? i + 1 : columnOf(sheet, column);
      return amount(sheet, body, valueCol);
    }
    return null;
  };
  const fiscalOpening = (fund: string) => {
    // The lines under 年初财政拨款结转和结余 (一、一般公共预算财政拨款 …), after the 本年收入合计 line.
    const sheet = sheets.get('fiscalSummary');
    if (!sheet) return null;
    const start = sheet.bodyRows.findIndex((b) => b.cells.some((c) => plainLabel(cellText(c)) === '年初财政拨款结转和结余'));
    const row = sheet.bodyRows.slice(start + 1).find((b) => plainLabel(cellText(b.cells[0])) === plainLabel(fund));
    return start < 0 ? null : amount(sheet, row, 1);
  };
  const closingAt = (label: string) => {
    const sheet = sheets.get('fiscalSummary');
    const body = sheet?.bodyRows.find((b) => b.cells.some((c) => plainLabel(cellText(c)) === '年末财政拨款结转和结余'));
    return sheet && body ? amount(sheet, body, columnOf(sheet, ['支出', label])) : null;
  };
  const finalAccounts: ImportedFinalAccounts = {
    carryoverIn: {
      total: line('incomeExpenditureSummary', '年初结转和结余', []),
      generalBudget: fiscalOpening('一、一般公共预算财政拨款'),
      govFund: fiscalOpening('二、政府性基金预算财政拨款'),
      stateCapital: fiscalOpening('三、国有资本经营预算财政拨款'),
    },
    carryoverOut: {
      total: line('incomeExpenditureSummary', '年末结转和结余', []),
      generalBudget: closingAt('一般公共预算财政拨款'),
      govFund: closingAt('政府性基金预算财政拨款'),
      stateCapital: closingAt('国有资本经营预算财政拨款'),
    },
    nonFiscalSurplusUsed: line('incomeExpenditureSummary', '使用非财政拨款结余（含专用结余）', []),
    surplusAllocation: line('incomeExpenditureSummary', '结余分配', []),
    threePublicBudget: threePublicOf(sheets, '预算数', amount),
  };

  // 单位构成.
  const composition = sheets.get('unitComposition');
  const units = (composition?.bodyRows ?? []).flatMap((body) => {
    const name = cellText(body.cells[columnOf(composition as TableSheet, ['单位名称'])]);
    const remark = cellText(body.cells[columnOf(composition as TableSheet, ['备注'])]);
    return name === '' ? [] : [{ name, ...(remark === '' ? {} : { remark }) }];
  });
  const names = (m: Map<string, string>): CodeName[] => [...m].map(([code, name]) => ({ code, name }));
  return {
    byFunction,
    incomeByFunction,
    basicByEcon,
    finalAccounts,
    threePublic: threePublicOf(sheets, '决算数', amount),
    units,
    functionalNames: names(functionalNames),
    econNames: names(econNames),
    issues,
  };
}

function threePublicOf(
  sheets: ReadonlyMap<string, TableSheet>,
  which: '预算数' | '决算数',
  amount: (sheet: TableSheet, body: BodyRow | undefined, column: number) => Fen | null,
): Record<ThreePublicItem, Fen | null> {
  const sheet = sheets.get('threePublic');
  const out: Record<ThreePublicItem, Fen | null> = { outboundTravel: null, reception: null, vehiclePurchase: null, vehicleOperation: null };
  if (!sheet) return out;
  for (const [path, key] of THREE_PUBLIC) out[key] = amount(sheet, sheet.bodyRows[0], columnOf(sheet, ['财政拨款“三公”经费', ...path, which]));
  return out;
}
