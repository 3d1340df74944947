/**
 * Ledger rows from a workbook of Hunan's 23 部门预算 tables, at the finest grain the tables give
 * and never finer. The tables print unit rows interleaved with 类/款/项 rows (a unit's code in the
 * 科目编码 or 单位代码 column), so every 项 row belongs to the unit above it or the unit it names.
 *
 * - 一般公共预算基本支出: unit × 项 × 经济 款 from the 工资福利 / 对个人和家庭的补助 / 商品和服务支出
 *   款 tables; the rest of 公用经费 (资本性支出 …) from the 基本支出表's 款 where the tables leave
 *   exactly one way to place it (one 项 with such spending, or one such 款).
 * - 项目支出: unit × 项 × fund × 经济 类 (the tables print no 款 of project spending), where either
 *   the fund or the 类 of a 项 is single.
 * - Sources from the 收入总表 per unit, where a unit's fund has one source.
 * - 专项 projects (专项资金预算汇总表) by a one-to-one match of their amount with a 项's project spending.
 *
 * Wherever the tables leave more than one ledger possible, the import refuses with the cell and
 * points to the line-level export: a breakdown is never invented. Every 合计/类/款/unit cell is
 * not read but checked, by the round trip (round-trip.ts).
 */
import type { UnitType } from '../disclosure/model.ts';
import { ECON_GOV_CLASSES } from '../templates/hunan-budget/summary-tables.ts';
import { SOURCE_INFO, type ExpenditureKind, type FundingSource } from '../ledger/sources.ts';
import type { AmountUnit, Fen } from '../money.ts';
import { ECON_SECTION_COLUMNS, PROJECT_CLASS_COLUMNS } from '../templates/hunan-budget/expenditure-tables.ts';
import { readAmountCell } from './amount-cell.ts';
import type { CodeName, ImportedLedgerRow, ImportedProject } from './content-data.ts';
import type { ImportIssue } from './issues.ts';
import { notAnAmount } from './shanghai-budget.ts';
import { cellText } from './sheet.ts';
import { plainLabel, type BodyRow, type TableSheet } from './table-sheet.ts';

export interface HunanFacts {
  readonly rows: ImportedLedgerRow[];
  readonly department: CodeName | null;
  readonly units: (CodeName & { readonly type: UnitType })[];
  readonly projects: ImportedProject[];
  readonly functionalNames: CodeName[];
  readonly econNames: CodeName[];
  readonly issues: ImportIssue[];
}

/** The column of a header path: each label found at or below, and at or right of, the one before. */
export function columnOf(sheet: TableSheet, path: readonly string[]): number {
  let row = 0;
  let col = 0;
  for (const label of path) {
    const wanted = plainLabel(label);
    let found = -1;
    let foundRow = -1;
    for (let r = row; r < sheet.headerRows.length; r++) {
      const cells = sheet.headerRows[r]?.cells ?? [];
      for (let c = col; c < cells.length; c++) {
        if (plainLabel(cellText(cells[c])) === wanted) {
          if (found < 0 || c < found) {
            found = c;
            foundRow = r;
          }
          break;
        }
      }
    }
    if (found < 0) return -1;
    row = foundRow + 1;
    col = found;
  }
  return col;
}

interface Line {
  readonly kind: 'total' | 'org' | 'func';
  readonly code: string;
  /** The unit a 功能 row belongs to (the unit row above it, or the 单位代码 it prints); null where the table has no units. */
  readonly unit: string | null;
  readonly name: string;
  readonly body: BodyRow;
}

const pad = (part: string): string => (/^\d$/.test(part) ? `0${part}` : part);

/** The rows of a Hunan table: 合计, organisation (部门, 单位) and 功能 rows, whichever layout it prints. */
function linesOf(sheet: TableSheet): Line[] {
  const leaf = sheet.leafLabels;
  const idx = (label: string) => leaf.indexOf(plainLabel(label));
  const [cls, kuan, xiang] = [idx('类'), idx('款'), idx('项')];
  const unitCol = idx('单位代码');
  const codeCol = [idx('科目编码'), unitCol, idx('单位编码'), idx('科目代码')].find((i) => i >= 0) ?? -1;
  const nameCol = leaf.findIndex((l) => /名称/u.test(l));
  const t = (body: BodyRow, i: number) => (i < 0 ? '' : cellText(body.cells[i]));
  const out: Line[] = [];
  let orgs = 0;
  let unit: string | null = null;
  for (const body of sheet.bodyRows) {
    const name = t(body, nameCol);
    if (cls >= 0 && t(body, cls) !== '') {
      let code = t(body, cls);
      for (const part of [t(body, kuan), t(body, xiang)]) {
        if (part === '') break;
        code += pad(part);
      }
      out.push({ kind: 'func', code, unit: unitCol >= 0 ? t(body, unitCol) : unit, name, body });
      continue;
    }
    const code = t(body, codeCol);
    if (code === '' || /^(合计|总计)$/u.test(plainLabel(code))) {
      if (/^(合计|总计)$/u.test(plainLabel(name || code))) out.push({ kind: 'total', code: '', unit: null, name: name || code, body });
      continue;
    }
    if (cls >= 0 || idx('单位编码') >= 0) {
      // An organisation row: the first is the 部门, the others its 单位.
      unit = orgs++ === 0 ? null : code;
      out.push({ kind: 'org', code, unit, name, body });
    } else out.push({ kind: 'func', code, unit: null, name, body });
  }
  return out;
}

type Key = string;
const key = (unit: string, func: string): Key => `${unit}|${func}`;

const FUND_TABLES = [
  { id: 'generalBudgetExpenditure', fund: 'generalBudget', group: '基本支出', source: null },
  { id: 'govFundExpenditure', fund: 'govFund', group: '本年政府性基金预算支出', source: 'govFund' },
  { id: 'stateCapitalExpenditure', fund: 'stateCapital', group: '本年国有资本经营预算支出', source: 'stateCapital' },
  { id: 'specialAccountExpenditure', fund: 'specialAccount', group: '本年财政专户管理资金预算支出', source: 'specialAccount' },
] as const;

/** The 收入总表's columns and the sources they are (a 非税收入 column is resolved by the 收支总表's lines). */
const GENERAL_BUDGET_PARTS: readonly (readonly [readonly string[], FundingSource | 'nonTax'])[] = [
  [['一般公共预算拨款收入', '经费拨款'], 'appropriation'],
  [['一般公共预算拨款收入', '纳入一般公共预算管理的非税收入拨款'], 'nonTax'],
  [['一般公共预算拨款收入', '一般债券'], 'generalBond'],
  [['一般公共预算拨款收入', '外国政府和国际组织贷款'], 'foreignLoan'],
  [['一般公共预算拨款收入', '外国政府和国际组织捐赠'], 'foreignGrant'],
];
const NON_FISCAL_PARTS: readonly (readonly [string, FundingSource])[] = [
  ['事业收入', 'serviceIncome'],
  ['事业单位经营收入', 'businessIncome'],
  ['上级单位补助收入', 'superiorGrant'],
  ['附属单位上缴收入', 'affiliateRemittance'],
  ['其他收入', 'otherIncome'],
];
const UNSUPPORTED_INCOME = ['上年结转结余', '社会保障基金预算资金', '上级财政补助收入'];
const OTHER_KINDS: readonly (readonly [string, ExpenditureKind])[] = [
  ['事业单位经营支出', 'business'],
  ['上缴上级支出', 'remittance'],
  ['对附属单位补助支出', 'affiliateSubsidy'],
];

export function hunanFacts(sheets: ReadonlyMap<string, TableSheet>, file: string): HunanFacts {
  const issues: ImportIssue[] = [];
  const rows: ImportedLedgerRow[] = [];
  const functionalNames = new Map<string, string>();
  const econNames = new Map<string, string>();
  const at = (sheet: TableSheet, body: BodyRow, column = 0) => `${sheet.sheet.name}!${body.cells[column]?.address ?? body.cells[0]?.address ?? 'A1'}`;
  const refuse = (where: string, zh: string, en: string) =>
    issues.push({
      code: 'import.ambiguousBreakdown',
      at: where,
      zh: `${zh}（不臆造拆分）；请改用明细导出文件`,
      en: `${en} (no breakdown is invented): import the line-level export instead`,
    });
  const amount = (sheet: TableSheet, body: BodyRow, column: number): Fen => {
    if (column < 0) return 0;
    const cell = body.cells[column];
    const read = readAmountCell(cell, sheet.unit ?? ('万元' as AmountUnit));
    if (!read.ok) {
      issues.push(notAnAmount(sheet, cell?.address ?? '?', read.text, read.reason));
      return 0;
    }
    return read.value ?? 0;
  };
  const table = (id: string) => {
    const sheet = sheets.get(id);
    return sheet ? { sheet, lines: linesOf(sheet) } : null;
  };
  const items = (t: ReturnType<typeof table>) => (t ? t.lines.filter((l) => l.kind === 'func' && l.code.length === 7) : []);

  // 部门 and 单位, and the 项 each unit spends on, from the 支出总表.
  const summary = table('expenditureSummary');
  const orgs = summary ? summary.lines.filter((l) => l.kind === 'org') : [];
  // The 部门 row's name; a table that prints the code in its place (seed 003's 支出总表) is not the one to read it from.
  const departmentName = (code: string): string =>
    ['expenditureSummary', 'generalBudgetExpenditure', 'expenditureByEconDept', 'specialFundSummary', 'threePublic', 'incomeSummary']
      .flatMap((id) => table(id)?.lines.filter((l) => l.kind === 'org' && l.code === code && l.name !== code && l.name !== '') ?? [])
      .map((l) => l.name)[0] ?? code;
  const department = orgs[0] ? { code: orgs[0].code, name: departmentName(orgs[0].code) } : null;
  // The 收支总表 prints the department's income and spending line by line: where a department has
  // one unit, it says what the 收入总表 and the 分类汇总表 would say of that unit.
  const overview = table('incomeExpenditureSummary');
  const overviewLines = (label: string[]): { label: string; value: Fen }[] => {
    if (!overview) return [];
    // Each line column is followed by its 预算数.
    const [l, v] = [columnOf(overview.sheet, label), columnOf(overview.sheet, label) + 1];
    return overview.sheet.bodyRows.map((b) => ({
      label: plainLabel(cellText(b.cells[l])).replace(/^[一二三四五六七八九十]+、/u, ''),
      value: amount(overview.sheet, b, v),
    }));
  };
  const single = orgs.length === 2;
  // 行政 or 事业: which 政府预算经济分类 classes a unit's spending maps to (机关… 501–504, 对事业单位… 505–506).
  const byEconGov = table('expenditureByEconGov');
  const typeOf = (unit: string, where: string): UnitType => {
    const row = byEconGov?.lines.find((l) => l.kind === 'org' && l.code === unit);
    const has = (codes: readonly string[]) =>
      !!byEconGov &&
      !!row &&
      ECON_GOV_CLASSES.some(([code, label]) => codes.includes(code) && amount(byEconGov.sheet, row.body, columnOf(byEconGov.sheet, [label])) !== 0);
    const fromOverview = (codes: readonly string[]) =>
      single &&
      !row &&
      overviewLines(['支出', '项目（按政府预算经济分类）']).some(
        (x) => x.value !== 0 && ECON_GOV_CLASSES.some(([code, label]) => codes.includes(code) && plainLabel(label) === x.label),
      );
    const admin = has(['501', '502', '503', '504']) || fromOverview(['501', '502', '503', '504']);
    const institution = has(['505', '506']) || fromOverview(['505', '506']);
    if (admin !== institution) return admin ? 'admin' : 'institution';
    issues.push({
      code: 'import.unitTypeAssumed',
      severity: 'warning',
      at: where,
      zh: `表中看不出单位 ${unit} 是行政还是事业单位：已写为 admin（行政），如为事业单位请改为 institution`,
      en: `the tables do not show whether unit ${unit} is 行政 or 事业: written as admin, change it to institution if it is one`,
    });
    return 'admin';
  };
  const units = orgs.slice(1).map((l) => ({ code: l.code, name: l.name, type: typeOf(l.code, summary ? at(summary.sheet, l.body) : file) }));
  for (const t of [summary, table('generalBudgetExpenditure'), ...FUND_TABLES.slice(1).map((f) => table(f.id))])
    for (const l of t?.lines ?? []) if (l.kind === 'func' && l.name !== '' && !functionalNames.has(l.code)) functionalNames.set(l.code, l.name);
  const unitsOf = new Map<string, string[]>();
  const spent = new Map<Key, { basic: Fen; project: Fen; at: string }>();
  for (const l of items(summary)) {
    if (!summary || l.unit === null) continue;
    unitsOf.set(l.code, [...(unitsOf.get(l.code) ?? []), l.unit]);
    const col = (label: string) => columnOf(summary.sheet, [label]);
    spent.set(key(l.unit, l.code), {
      basic: amount(summary.sheet, l.body, col('基本支出')),
      project: amount(summary.sheet, l.body, col('项目支出')),
      at: at(summary.sheet, l.body),
    });
    for (const [label] of OTHER_KINDS) {
      const c = col(label);
      if (amount(summary.sheet, l.body, c) !== 0)
        issues.push({
          code: 'import.unsupportedKind',
          at: at(summary.sheet, l.body, c),
          zh: `${label}的表格工作簿导入尚未实现：请导入明细导出文件`,
          en: `importing ${label} from a table workbook is not implemented: import the line-level export`,
        });
    }
  }

  // Sources of each unit's funds (收入总表), the 非税收入 line resolved by the 收支总表.
  const income = table('incomeSummary');
  const nonTaxSource = (): FundingSource | null => {
    const s = table('incomeExpenditureSummary');
    if (!s) return null;
    const labelCol = columnOf(s.sheet, ['收入', '项目']);
    const valueCol = columnOf(s.sheet, ['收入', '预算数']);
    const found = s.sheet.bodyRows
      .map((b) => ({ label: plainLabel(cellText(b.cells[labelCol])), value: amount(s.sheet, b, valueCol) }))
      .filter((x) => x.value !== 0)
      .flatMap((x) => {
        const source = (Object.keys(SOURCE_INFO) as FundingSource[]).find(
          (k) => SOURCE_INFO[k].generalBudgetPart === 'nonTax' && plainLabel(SOURCE_INFO[k].label) === x.label,
        );
        return source ? [source] : [];
      });
    return found.length === 1 ? (found[0] ?? null) : null;
  };
  const sources = new Map<string, { generalBudget: FundingSource | null; nonFiscal: FundingSource | null; at: string }>();
  const sourcesAmbiguous = new Set<string>();
  for (const l of income?.lines ?? []) {
    if (!income || l.kind !== 'org' || l.unit === null) continue;
    const gb = GENERAL_BUDGET_PARTS.filter(([path]) => amount(income.sheet, l.body, columnOf(income.sheet, path)) !== 0).map(([, s]) => s);
    const nf = NON_FISCAL_PARTS.filter(([label]) => amount(income.sheet, l.body, columnOf(income.sheet, [label])) !== 0).map(([, s]) => s);
    for (const label of UNSUPPORTED_INCOME) {
      const c = columnOf(income.sheet, [label]);
      if (amount(income.sheet, l.body, c) !== 0)
        issues.push({
          code: 'import.unsupportedIncome',
          at: at(income.sheet, l.body, c),
          zh: `“${label}”的表格工作簿导入尚未实现：请导入明细导出文件`,
          en: `importing ${label} from a table workbook is not implemented: import the line-level export`,
        });
    }
    const where = at(income.sheet, l.body);
    const general = gb.length === 1 ? (gb[0] === 'nonTax' ? nonTaxSource() : (gb[0] ?? null)) : null;
    if (gb.length > 1 || nf.length > 1 || (gb[0] === 'nonTax' && general === null)) sourcesAmbiguous.add(l.unit);
    sources.set(l.unit, { generalBudget: general, nonFiscal: nf.length === 1 ? (nf[0] ?? null) : null, at: where });
  }
  if (!income && single && units[0]) {
    const lines = overviewLines(['收入', '项目']).filter((x) => x.value !== 0);
    const of = (fund: string) =>
      (Object.keys(SOURCE_INFO) as FundingSource[]).filter(
        (k) => SOURCE_INFO[k].fund === fund && !SOURCE_INFO[k].carryover && lines.some((x) => x.label === plainLabel(SOURCE_INFO[k].label)),
      );
    const gb = of('generalBudget');
    const nf = of('nonFiscal');
    if (gb.length > 1 || nf.length > 1) sourcesAmbiguous.add(units[0].code);
    sources.set(units[0].code, { generalBudget: gb.length === 1 ? (gb[0] ?? null) : null, nonFiscal: nf.length === 1 ? (nf[0] ?? null) : null, at: file });
  }
  const sourceFor = (unit: string, fund: 'generalBudget' | 'nonFiscal', where: string): FundingSource | null => {
    const s = sources.get(unit)?.[fund] ?? null;
    if (s === null)
      refuse(
        where,
        sourcesAmbiguous.has(unit)
          ? `单位 ${unit} 的${fund === 'generalBudget' ? '一般公共预算' : '非财政拨款'}收入有多个来源，无法分到各科目`
          : `收入总表中没有单位 ${unit} 的${fund === 'generalBudget' ? '一般公共预算' : '非财政拨款'}收入`,
        `unit ${unit}: the ${fund} income ${sourcesAmbiguous.has(unit) ? 'has several sources that cannot be placed' : 'is not in the 收入总表'}`,
      );
    return s;
  };

  // Each fund's basic (by 人员/公用) and project spending per unit × 项.
  interface FundSpend {
    wages: Fen;
    household: Fen;
    operating: Fen;
    project: Fen;
    at: string;
  }
  const byFund = new Map<string, Map<Key, FundSpend>>();
  for (const f of FUND_TABLES) {
    const t = table(f.id);
    const spend = new Map<Key, FundSpend>();
    byFund.set(f.fund, spend);
    if (!t) continue;
    const c = (path: string[]) => columnOf(t.sheet, path);
    const [wages, household, operating, project] = [
      c([f.group, '人员经费', '工资福利支出']),
      c([f.group, '人员经费', '对个人和家庭的补助']),
      c([f.group, '公用经费']),
      c(['项目支出']),
    ];
    for (const l of items(t)) {
      let unit = l.unit;
      if (unit === null) {
        const candidates = unitsOf.get(l.code) ?? [];
        if (candidates.length !== 1) {
          refuse(
            at(t.sheet, l.body),
            `${t.sheet.definition.title}未按单位列出，科目 ${l.code} 有 ${candidates.length} 个单位`,
            `${f.id} is not by unit and ${candidates.length} units spend on ${l.code}`,
          );
          continue;
        }
        unit = candidates[0] ?? '';
      }
      spend.set(key(unit, l.code), {
        wages: amount(t.sheet, l.body, wages),
        household: amount(t.sheet, l.body, household),
        operating: amount(t.sheet, l.body, operating),
        project: amount(t.sheet, l.body, project),
        at: at(t.sheet, l.body),
      });
    }
  }

  // 一般公共预算基本支出 by 款, from the 款 tables.
  const placed = new Map<Key, Fen>();
  for (const [id, sections] of Object.entries(ECON_SECTION_COLUMNS)) {
    const t = table(id);
    if (!t) continue;
    const columns = sections.map(([code, label]) => ({ code, label, column: t.sheet.leafLabels.indexOf(plainLabel(label)) }));
    for (const { code, label } of columns) if (!econNames.has(code)) econNames.set(code, label);
    for (const l of items(t)) {
      if (l.unit === null) continue;
      for (const { code, column } of columns) {
        const value = amount(t.sheet, l.body, column);
        if (value === 0) continue;
        const source = sourceFor(l.unit, 'generalBudget', at(t.sheet, l.body, column));
        if (source === null) continue;
        rows.push({ unit: l.unit, func: l.code, econ: code, source, kind: 'basic', amount: value });
        if (code.startsWith('302')) placed.set(key(l.unit, l.code), (placed.get(key(l.unit, l.code)) ?? 0) + value);
      }
    }
  }
  // The rest of 公用经费 (资本性支出 …): the 基本支出表's 款 outside 301/302/303, placed where only one way is left.
  const basicTable = table('generalBudgetBasic');
  const otherSections: { code: string; amount: Fen; at: string }[] = [];
  if (basicTable) {
    const coded = basicTable.lines.filter((l) => l.kind === 'func' && /^\d{3}(\d{2})?$/u.test(l.code));
    const total = columnOf(basicTable.sheet, ['合计']);
    for (const l of coded) {
      if (l.name !== '' && !econNames.has(l.code)) econNames.set(l.code, l.name);
      const isLeaf = l.code.length === 5 || !coded.some((c) => c.code.length === 5 && c.code.startsWith(l.code));
      if (!isLeaf || ['301', '302', '303'].includes(l.code.slice(0, 3))) continue;
      const value = amount(basicTable.sheet, l.body, total);
      if (value !== 0) otherSections.push({ code: l.code, amount: value, at: at(basicTable.sheet, l.body) });
    }
  }
  const residual = [...(byFund.get('generalBudget') ?? new Map<Key, FundSpend>())]
    .map(([k, s]) => ({ k, amount: s.operating - (placed.get(k) ?? 0), at: s.at }))
    .filter((r) => r.amount !== 0);
  const push = (k: Key, econ: string, value: Fen, where: string) => {
    const [unit = '', func = ''] = k.split('|');
    const source = sourceFor(unit, 'generalBudget', where);
    if (source !== null) rows.push({ unit, func, econ, source, kind: 'basic', amount: value });
  };
  if (residual.length === 1 && residual[0]) for (const s of otherSections) push(residual[0].k, s.code, s.amount, s.at);
  else if (otherSections.length === 1 && otherSections[0]) for (const r of residual) push(r.k, otherSections[0].code, r.amount, r.at);
  else if (residual.length > 1 && otherSections.length > 1)
    refuse(
      otherSections[0]?.at ?? file,
      `公用经费中 ${otherSections.map((s) => s.code).join('、')} 无法唯一分到 ${residual.length} 个功能科目`,
      `${otherSections.length} 款 of 公用经费 cannot be placed in ${residual.length} 项 in one way`,
    );

  // Basic spending of the other funds: 人员经费 by 类; 公用经费 prints no 类 per fund.
  for (const f of FUND_TABLES) {
    if (f.source === null) continue;
    for (const [k, s] of byFund.get(f.fund) ?? []) {
      const [unit = '', func = ''] = k.split('|');
      if (s.wages !== 0) rows.push({ unit, func, econ: '301', source: f.source, kind: 'basic', amount: s.wages });
      if (s.household !== 0) rows.push({ unit, func, econ: '303', source: f.source, kind: 'basic', amount: s.household });
      if (s.operating !== 0) refuse(s.at, `${f.fund}的公用经费未按经济分类列出`, `${f.id}: 公用经费 prints no econ class`);
    }
  }

  // Project spending: per unit × 项, its funds (fund tables, the rest non-fiscal) and its 经济 类 (分类汇总表).
  const byClass = table('expenditureByEconDept');
  const classesAt = new Map<Key, { code: string; amount: Fen }[]>();
  const basicClassesAt = new Map<Key, { wages: Fen; operating: Fen; household: Fen }>();
  if (byClass) {
    const columns = PROJECT_CLASS_COLUMNS.map(([code, label]) => ({ code, column: columnOf(byClass.sheet, ['项目支出', label]) }));
    const basicCol = (label: string) => columnOf(byClass.sheet, ['基本支出', label]);
    for (const l of items(byClass)) {
      if (l.unit === null) continue;
      classesAt.set(
        key(l.unit, l.code),
        columns.map((c) => ({ code: c.code, amount: amount(byClass.sheet, l.body, c.column) })).filter((c) => c.amount !== 0),
      );
      basicClassesAt.set(key(l.unit, l.code), {
        wages: amount(byClass.sheet, l.body, basicCol('工资福利支出')),
        operating: amount(byClass.sheet, l.body, basicCol('一般商品和服务支出')),
        household: amount(byClass.sheet, l.body, basicCol('对个人和家庭的补助')),
      });
    }
  }
  // Without the 分类汇总表: a department of one unit whose project spending is of one 类 (收支总表) has it on every 项.
  const projectClasses = (() => {
    if (byClass || !single) return null;
    const lines = overviewLines(['支出', '项目（按部门预算经济分类）']);
    const start = lines.findIndex((x) => x.label === '项目支出');
    const after = lines.slice(start + 1);
    const end = after.findIndex((x) => /服务支出$/u.test(x.label) && !x.label.startsWith('按项目管理'));
    const classes = [['301', '按项目管理的工资福利支出'] as const, ...PROJECT_CLASS_COLUMNS].filter(([, label]) =>
      (end < 0 ? after : after.slice(0, end)).some((x) => x.value !== 0 && x.label === plainLabel(label)),
    );
    return start >= 0 && classes.length === 1 ? (classes[0]?.[0] ?? null) : null;
  })();
  for (const [k, s] of spent) {
    const [unit = '', func = ''] = k.split('|');
    if (projectClasses !== null && s.project !== 0) classesAt.set(k, [{ code: projectClasses, amount: s.project }]);
    const fiscal = FUND_TABLES.map((f) => ({ f, spend: byFund.get(f.fund)?.get(k) }));
    // Non-fiscal basic spending: what the 支出总表 leaves, by 类 from the 分类汇总表.
    const fiscalBasic = fiscal.reduce((sum, x) => sum + (x.spend ? x.spend.wages + x.spend.household + x.spend.operating : 0), 0);
    if (s.basic - fiscalBasic !== 0) {
      const classes = basicClassesAt.get(k);
      const fiscalOf = (pick: (x: FundSpend) => Fen) => fiscal.reduce((sum, x) => sum + (x.spend ? pick(x.spend) : 0), 0);
      const rest = classes
        ? {
            wages: classes.wages - fiscalOf((x) => x.wages),
            household: classes.household - fiscalOf((x) => x.household),
            operating: classes.operating - fiscalOf((x) => x.operating),
          }
        : null;
      if (!rest || rest.operating !== 0)
        refuse(s.at, `科目 ${func} 的非财政拨款基本支出未按经济分类列出`, `${func}: non-fiscal basic spending prints no econ class`);
      else {
        const source = sourceFor(unit, 'nonFiscal', s.at);
        if (source !== null) {
          if (rest.wages !== 0) rows.push({ unit, func, econ: '301', source, kind: 'basic', amount: rest.wages });
          if (rest.household !== 0) rows.push({ unit, func, econ: '303', source, kind: 'basic', amount: rest.household });
        }
      }
    }
    if (s.project === 0) continue;
    const funds: { source: FundingSource | null; amount: Fen }[] = fiscal
      .filter((x) => x.spend && x.spend.project !== 0)
      .map((x) => ({ source: x.f.source ?? sourceFor(unit, 'generalBudget', x.spend?.at ?? s.at), amount: x.spend?.project ?? 0 }));
    const nonFiscal = s.project - funds.reduce((sum, x) => sum + x.amount, 0);
    if (nonFiscal !== 0) funds.push({ source: sourceFor(unit, 'nonFiscal', s.at), amount: nonFiscal });
    const classes = classesAt.get(k) ?? [];
    if (funds.some((x) => x.source === null)) continue;
    if (funds.length === 1 && funds[0])
      for (const c of classes) rows.push({ unit, func, econ: c.code, source: funds[0].source ?? 'appropriation', kind: 'project', amount: c.amount });
    else if (classes.length === 1 && classes[0])
      for (const x of funds) rows.push({ unit, func, econ: classes[0].code, source: x.source ?? 'appropriation', kind: 'project', amount: x.amount });
    else
      refuse(
        s.at,
        `科目 ${func} 的项目支出有多个资金来源和多个经济分类，表中未给出其交叉`,
        `${func}: project spending has several funds and several econ classes; the tables do not cross them`,
      );
  }

  // 专项 projects: each matched one-to-one with a 项's project spending of its unit.
  const projects: ImportedProject[] = [];
  /** Units with a 专项 that matched no single 项 (reported there, not again at each project row). */
  const unmatched = new Set<string>();
  const special = table('specialFundSummary');
  if (special) {
    const codeCol = columnOf(special.sheet, ['单位代码']);
    const nameCol = special.sheet.leafLabels.findIndex((l) => /名称/u.test(l));
    const totalCol = columnOf(special.sheet, ['预算额度', '总计']);
    const financeCol = columnOf(special.sheet, ['预算编制方式', '财政代编金额']);
    const coded = special.sheet.bodyRows.filter((b) => cellText(b.cells[codeCol]) !== '');
    const groups = new Map<Key, number[]>();
    rows.forEach((r, i) => {
      if (r.kind === 'project') groups.set(key(r.unit, r.func), [...(groups.get(key(r.unit, r.func)) ?? []), i]);
    });
    const groupTotal = (indexes: readonly number[]) => indexes.reduce((sum, i) => sum + (rows[i]?.amount ?? 0), 0);
    const listed = coded.slice(1).map((body, i) => ({
      id: `P${String(i + 1).padStart(2, '0')}`,
      unit: cellText(body.cells[codeCol]),
      name: cellText(body.cells[nameCol]),
      amount: amount(special.sheet, body, totalCol),
      finance: amount(special.sheet, body, financeCol) !== 0,
      body,
    }));
    for (const p of listed) {
      const matches = [...groups].filter(([k, indexes]) => k.startsWith(`${p.unit}|`) && groupTotal(indexes) === p.amount);
      const rivals = listed.filter((q) => q.unit === p.unit && q.amount === p.amount);
      const match = matches[0];
      if (matches.length !== 1 || rivals.length !== 1 || !match) {
        unmatched.add(p.unit);
        refuse(
          at(special.sheet, p.body, nameCol),
          `专项“${p.name}”无法唯一对应到一个功能科目的项目支出`,
          `special project ${p.name} matches no single 项's project spending`,
        );
        continue;
      }
      for (const i of match[1]) {
        const r = rows[i];
        if (r) rows[i] = { ...r, project: p.id };
      }
      projects.push({ id: p.id, unit: p.unit, name: p.name, specialFund: true, ...(p.finance ? { compilation: 'finance' as const } : {}) });
    }
  }

  // Project spending the 专项资金表 does not list: the tables name no project for it.
  for (const r of rows)
    if (r.kind === 'project' && r.project === undefined && !unmatched.has(r.unit))
      refuse(
        special ? `${special.sheet.sheet.name}!A1` : file,
        `单位 ${r.unit} 科目 ${r.func} 的项目支出不在专项资金预算汇总表中，表中没有它的项目名称`,
        `project spending of ${r.unit} on ${r.func} is not in the 专项资金预算汇总表: the tables name no project for it`,
      );
  const unitOrder = (u: string) => units.findIndex((x) => x.code === u);
  const kindOrder = (k: ExpenditureKind) => (k === 'basic' ? 0 : 1);
  rows.sort(
    (a, b) => unitOrder(a.unit) - unitOrder(b.unit) || kindOrder(a.kind) - kindOrder(b.kind) || a.func.localeCompare(b.func) || a.econ.localeCompare(b.econ),
  );
  const names = (m: Map<string, string>): CodeName[] => [...m].map(([code, name]) => ({ code, name }));
  // One finding per cell and message (a source that cannot be told is met on every row it pays).
  const unique = issues.filter((issue, i) => issues.findIndex((x) => x.code === issue.code && x.at === issue.at && x.zh === issue.zh) === i);
  return { rows, department, units, projects, functionalNames: names(functionalNames), econNames: names(econNames), issues: unique };
}
