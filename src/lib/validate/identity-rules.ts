/**
 * Identities the ledger cannot enforce by itself: whatever sits beside the ledger (income lines,
 * carry-over, the figures printed on the performance forms) must agree with it. Sums come from
 * the same builders and selections the tables use, so a check and a table can never disagree.
 */
import { finding, type Finding, type SourcePosition } from '../findings.ts';
import { UNIT_BUDGET_LINES, type Disclosure, type UnitBudgetLine } from '../disclosure/model.ts';
import { FISCAL_FUNDS } from '../ledger/sources.ts';
import { formatWan, sumAmounts, type Amount } from '../money.ts';
import { everything, inFund, isBasic, isOperating, isPersonnel, isProject, sumWhere, viewRows, type Select } from '../tables/ledger-view.ts';
import type { Table } from '../tables/model.ts';
import { amountAtColumn, lookupColumn, parseColumnPath, rowByKey } from '../tables/table-cells.ts';
import { buildTable } from '../templates/build-tables.ts';
import { packOf } from '../templates/registry.ts';
import { definitionFor } from '../templates/template-pack.ts';
import type { DisclosureRule, RuleContext } from './rule.ts';

/** Amounts compared as published: an empty cell counts as nothing arranged. */
const same = (a: Amount, b: Amount): boolean => (a ?? 0) === (b ?? 0);
const wan = (amount: Amount): string => `${formatWan(amount ?? 0)} 万元`;
/** A figure as the form prints it: an empty cell says so. */
const printedWan = (amount: Amount): string => (amount === null ? '空 empty' : wan(amount));

/** The first of `keys` written at the top of disclosure.yaml, else the start of the file. */
function disclosureKeyPosition(d: Disclosure, context: RuleContext, keys: readonly string[]): SourcePosition {
  const source = context.yamlSource(d.files.disclosure);
  const data = source?.data;
  const present = data !== null && typeof data === 'object' ? Object.keys(data) : [];
  const key = keys.find((k) => present.includes(k));
  return source && key ? source.keyPositionOf([key]) : { file: d.files.disclosure, line: 1, column: 1 };
}

/** Where income and carry-over are written: the `carryoverOut` key, else `income`. */
const carryoverPosition = (d: Disclosure, context: RuleContext): SourcePosition => disclosureKeyPosition(d, context, ['carryoverOut', 'income']);

/**
 * Each balance the template declares (收支总表: 收入总计 = 支出总计, and the same for 财政拨款):
 * facts are on both sides, so this says: income no fact spends must be carried over.
 */
export const balancesHold: DisclosureRule = (d, context) => {
  const pack = packOf(d);
  return (pack.balances ?? []).flatMap((balance): Finding[] => {
    const definition = definitionFor(pack, balance.table);
    if (!definition || !d.providedTables.includes(definition.id)) return [];
    const table = buildTable(d, definition);
    const income = readAmount(table, balance.income.row, balance.income.column);
    const expenditure = readAmount(table, balance.expenditure.row, balance.expenditure.column);
    if (same(income, expenditure)) return [];
    return [
      finding({
        code: balance.code,
        severity: 'error',
        zh: `${balance.zh}不平：收入总计 ${wan(income)}，支出总计 ${wan(expenditure)}。未由明细行支出的收入（income）应等于年终结转结余（carryoverOut）`,
        en: `${balance.en} does not balance: total income ${wan(income)}, total expenditure ${wan(expenditure)}. Income no ledger row spends (income) must equal the carry-over to next year (carryoverOut)`,
        at: carryoverPosition(d, context),
        expected: `支出总计 expenditure = ${wan(income)}`,
        actual: wan(expenditure),
      }),
    ];
  });
};

/** A cell by row key and column path (the label column is skipped by the path: `支出/项目…` names the amount after it). */
function readAmount(table: Table, rowKey: string, columnPath: string): Amount {
  const column = lookupColumn(table, parseColumnPath(columnPath));
  const row = rowByKey(table, rowKey);
  if (!column.ok || !row) return null;
  // A label column names the amount printed right after it (the 收支总表 pairs them).
  const index = column.column.kind === 'amount' ? column.column.index : column.column.index + 1;
  return amountAtColumn(row, index);
}

/**
 * Where a difference between a form and the ledger can come from. Both are typed by a clerk: a
 * message that named the ledger sum as "expected" would have them copy it into the form and
 * publish a duplicated row. So it names both sides, and the ledger rows to look at.
 */
const eitherSide = (lines: string): string =>
  `差异可能来自本表（抄录有误），也可能来自 ledger.yaml 的明细行（某行重复、遗漏、金额或项目填错${lines}）：请对照原始文件核对两边，不要直接把本表改成明细账之数；可在 disclosure.yaml 的 controls 中写下批复数以便核对`;
const EITHER_SIDE_EN =
  'the difference can come from this form (mistyped) or from a ledger row (duplicated, missing, a wrong amount or project): check both against the source, do not copy the ledger figure into the form; controls in disclosure.yaml can hold the approved figure';

/** `；相关明细行：ledger.yaml 第 7、9 行` for the given ledger rows (at most 12 listed). */
function rowLines(d: Disclosure, rows: readonly { readonly at: SourcePosition }[]): string {
  const lines = rows.map((r) => r.at.line);
  if (lines.length === 0) return '；明细账中没有相关行';
  return `；相关明细行：${d.files.ledger ?? 'ledger.yaml'} 第 ${lines.slice(0, 12).join('、')}${lines.length > 12 ? ' 等' : ''} 行`;
}

const ledgerAmountOf = (d: Disclosure, projectId: string): Amount => sumAmounts(d.ledger.filter((r) => r.project === projectId).map((r) => r.amount));

/** 项目支出绩效目标表: the amount of each project form tied to a ledger project = the project's ledger rows. */
export const projectFormsMatchLedger: DisclosureRule = (d, context) =>
  // Facts coarser than a ledger do not itemise projects: there is nothing to compare a form with.
  (d.coarseFacts !== null ? [] : d.projectForms).flatMap((form): Finding[] => {
    // A form without a ledger project stands alone; an unknown project is the loader's reference.unknownProject.
    const project = form.project === null ? undefined : d.projects.find((p) => p.id === form.project);
    if (!project) return [];
    const ledger = ledgerAmountOf(d, project.id);
    if (same(form.amount, ledger)) return [];
    return [
      finding({
        code: 'identity.projectFormAmount',
        severity: 'error',
        zh: `项目“${project.name}”（${project.id}）绩效目标表的预算金额 ${printedWan(form.amount)} 与明细账 ${wan(ledger)} 不符。${eitherSide(
          rowLines(
            d,
            d.ledger.filter((r) => r.project === project.id),
          ),
        )}`,
        en: `the performance form of project "${project.name}" (${project.id}) says ${printedWan(form.amount)}, its ledger rows sum to ${wan(ledger)}. ${EITHER_SIDE_EN}`,
        at: context.fieldPosition(form.at, 'amount'),
        expected: `明细账 ledger: ${wan(ledger)}`,
        actual: `本表 form: ${printedWan(form.amount)}`,
      }),
    ];
  });

/**
 * 整体支出绩效目标表 预算情况, line by line, and the ledger selection each must equal. A Record over the
 * model's lines, so a line added to the form cannot go unchecked. 其他资金 is what the named
 * sources leave (国有资本经营, 上级补助, 事业收入 …), so the sources add up to 资金总额.
 */
const UNIT_BUDGET_CHECKS: Readonly<Record<UnitBudgetLine, readonly [zh: string, en: string, select: Select]>> = {
  total: ['资金总额', 'total funds', everything],
  fiscalAppropriation: ['财政拨款', 'fiscal appropriation', (r) => FISCAL_FUNDS.includes(r.fund)],
  generalBudget: ['一般公共预算', 'general public budget', inFund('generalBudget')],
  govFund: ['政府性基金拨款', 'government fund budget', inFund('govFund')],
  specialAccount: ['财政专户管理资金', 'special fiscal account funds', inFund('specialAccount')],
  other: ['其他资金', 'other funds', (r) => !['generalBudget', 'govFund', 'specialAccount'].includes(r.fund)],
  basic: ['基本支出', 'basic expenditure', isBasic],
  personnel: ['人员经费', 'personnel expenditure', isPersonnel],
  operating: ['公用经费', 'operating expenditure', isOperating],
  project: ['项目支出', 'project expenditure', isProject],
};

/** 整体支出绩效目标表 整体支出绩效目标表: every 预算情况 line the form prints = the ledger total it summarises. */
export const unitFormMatchesLedger: DisclosureRule = (d, context) => {
  const form = d.unitForm;
  if (!form || d.coarseFacts !== null) return [];
  const view = viewRows(d);
  return UNIT_BUDGET_LINES.flatMap((line): Finding[] => {
    const printed = form.budget[line];
    if (printed === null) return []; // the form does not print this line
    const [zh, en, select] = UNIT_BUDGET_CHECKS[line];
    const ledger = sumWhere(view, select);
    if (same(printed, ledger)) return [];
    return [
      finding({
        code: 'identity.unitFormBudget',
        severity: 'error',
        zh: `整体支出绩效目标表“预算情况·${zh}”为 ${wan(printed)}，明细账为 ${wan(ledger)}。${eitherSide(rowLines(d, view.filter(select)))}`,
        en: `the unit performance form's budget line "${en}" says ${wan(printed)}, the ledger sums to ${wan(ledger)}. ${EITHER_SIDE_EN}`,
        at: context.fieldPosition(form.at, 'budget', line),
        expected: `明细账 ledger: ${wan(ledger)}`,
        actual: `本表 form: ${wan(printed)}`,
      }),
    ];
  });
};

/** A project no ledger row spends on shows in no table but 22: usually a forgotten row. */
export const projectsHaveLedgerRows: DisclosureRule = (d, context) =>
  (d.coarseFacts !== null ? [] : d.projects)
    .filter((p) => !d.ledger.some((r) => r.project === p.id))
    .map((p) =>
      finding({
        code: 'project.noLedgerRows',
        severity: 'warning',
        zh: `项目“${p.name}”（${p.id}）没有任何明细行，不会出现在任何财务表格中`,
        en: `project "${p.name}" (${p.id}) has no ledger rows and appears in no financial table`,
        at: context.fieldPosition(p.at, 'id'),
        actual: p.id,
      }),
    );

/** Identities between the ledger and what stands beside it; only meaningful when the disclosure has a ledger. */
export const IDENTITY_RULES: readonly DisclosureRule[] = [balancesHold, projectFormsMatchLedger, unitFormMatchesLedger, projectsHaveLedgerRows];

/** A disclosure that publishes any financial table computes it from ledger.yaml; without it the table would print empty. */
export const financialTablesNeedLedger: DisclosureRule = (d, context) => {
  const pack = packOf(d);
  if (d.files.ledger !== null || !d.providedTables.some((id) => definitionFor(pack, id)?.source === 'facts')) return [];
  return [
    finding({
      code: 'disclosure.ledgerMissing',
      severity: 'error',
      zh: '公开了由明细数据计算的财务表格，但同一文件夹中没有 ledger.yaml（只公开绩效目标表时，请在 tables 中只列绩效目标表，如 tables: [projectPerformance, unitPerformance]）',
      en: 'the disclosure publishes financial tables but its folder has no ledger.yaml (for performance forms only, list only the forms, e.g. tables: [projectPerformance, unitPerformance])',
      at: disclosureKeyPosition(d, context, ['tables']),
      expected: 'ledger.yaml',
    }),
  ];
};
