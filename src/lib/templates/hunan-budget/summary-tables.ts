/**
 * The fixed-line forms: 收支总表 (1), 收入总表 (2), 财政拨款收支总表 (6). Their lines print
 * even when empty; the line lists below are the official form's, in its order.
 */
import type { Disclosure } from '../../disclosure/model.ts';
import { FISCAL_FUNDS, SOURCE_INFO, type CarryoverFund, type FundingSource } from '../../ledger/sources.ts';
import { chineseOrdinal } from '../../i18n/format.ts';
import { formatWan, sumAmounts, type Amount } from '../../money.ts';
import {
  col,
  crossTab,
  econClassIs,
  econGovClassIs,
  everything,
  group,
  isBasic,
  isOperating,
  isProject,
  labelColumns,
  unitHierarchyGroups,
  viewRows,
  all,
  type Select,
  type ViewRow,
} from '../../tables/ledger-view.ts';
import { amountCell, textCell, type Cell, type HeaderNode, type Row, type Table } from '../../tables/model.ts';
import { amountAtColumn } from '../../tables/table-cells.ts';

const value = (a: Amount): number => a ?? 0;

/** The thirty 功能分类 类 every 收支总表 and 财政拨款收支总表 prints, with their codes. */
export const FUNCTIONAL_CLASS_LINES: readonly (readonly [code: string, label: string])[] = [
  ['201', '（一）一般公共服务支出'],
  ['202', '（二）外交支出'],
  ['203', '（三）国防支出'],
  ['204', '（四）公共安全支出'],
  ['205', '（五）教育支出'],
  ['206', '（六）科学技术支出'],
  ['207', '（七）文化旅游体育与传媒支出'],
  ['208', '（八）社会保障和就业支出'],
  ['209', '（九）社会保险基金支出'],
  ['210', '（十）卫生健康支出'],
  ['211', '（十一）节能环保支出'],
  ['212', '（十二）城乡社区支出'],
  ['213', '（十三）农林水支出'],
  ['214', '（十四）交通运输支出'],
  ['215', '（十五）资源勘探工业信息等支出'],
  ['216', '（十六）商业服务业等支出'],
  ['217', '（十七）金融支出'],
  ['219', '（十八）援助其他地区支出'],
  ['220', '（十九）自然资源海洋气象等支出'],
  ['221', '（二十）住房保障支出'],
  ['222', '（二十一）粮油物资储备支出'],
  ['223', '（二十二）国有资本经营预算支出'],
  ['224', '（二十三）灾害防治及应急管理支出'],
  ['227', '（二十四）预备费'],
  ['229', '（二十五）其他支出'],
  ['230', '（二十六）转移性支出'],
  ['231', '（二十七）债务还本支出'],
  ['232', '（二十八）债务付息支出'],
  ['233', '（二十九）债务发行费用支出'],
  ['234', '（三十）抗疫特别国债安排的支出'],
];

/** Income the 收支总表 counts: ledger rows by their source, plus income lines nothing spends. */
interface IncomeItem {
  readonly unit: string;
  readonly source: FundingSource;
  readonly amount: number;
}

function incomeItems(d: Disclosure): IncomeItem[] {
  return [...d.ledger.map((r) => ({ unit: r.unit, source: r.source, amount: r.amount })), ...d.income];
}

type IncomeSelect = (item: IncomeItem) => boolean;
const sourceIs =
  (...sources: FundingSource[]): IncomeSelect =>
  (i) =>
    sources.includes(i.source);
const currentYear: IncomeSelect = (i) => !SOURCE_INFO[i.source].carryover;
const nonTax: IncomeSelect = (i) => SOURCE_INFO[i.source].generalBudgetPart === 'nonTax';
const fundIs =
  (fund: string): IncomeSelect =>
  (i) =>
    SOURCE_INFO[i.source].fund === fund && currentYear(i);
const carryoverOf =
  (fund: string): IncomeSelect =>
  (i) =>
    SOURCE_INFO[i.source].carryover && SOURCE_INFO[i.source].fund === fund;
const sumIncome = (items: readonly IncomeItem[], select: IncomeSelect): Amount => sumAmounts(items.filter(select).map((i) => i.amount));

/** The income lines of the 收支总表 in printed order. */
const INCOME_LINES: readonly (readonly [label: string, select: IncomeSelect])[] = [
  ['一、一般公共预算拨款收入', fundIs('generalBudget')],
  ['经费拨款', sourceIs('appropriation')],
  ['纳入一般公共预算管理的非税收入拨款', nonTax],
  ['行政事业性收费收入', sourceIs('adminFees')],
  ['专项收入', sourceIs('specialRevenue')],
  ['国有资本经营收入', sourceIs('stateCapitalIncome')],
  ['国有资源（资产）有偿使用收入', sourceIs('stateResourceIncome')],
  ['罚没收入', sourceIs('fines')],
  ['捐赠收入', sourceIs('donations')],
  ['政府住房基金收入', sourceIs('housingFund')],
  ['其他纳入一般公共预算管理的非税收入', sourceIs('otherNonTax')],
  ['一般债券', sourceIs('generalBond')],
  ['外国政府和国际组织贷款', sourceIs('foreignLoan')],
  ['外国政府和国际组织捐赠', sourceIs('foreignGrant')],
  ['二、政府性基金预算拨款收入', sourceIs('govFund')],
  ['三、国有资本经营预算拨款收入', sourceIs('stateCapital')],
  ['四、社会保障基金预算资金', sourceIs('socialInsurance')],
  ['五、财政专户管理资金收入', sourceIs('specialAccount')],
  ['六、上级财政补助收入', fundIs('superiorSubsidy')],
  ['一般公共预算补助', sourceIs('superiorSubsidyGeneral')],
  ['政府性基金补助', sourceIs('superiorSubsidyGovFund')],
  ['国有资本经营预算补助', sourceIs('superiorSubsidyStateCapital')],
  ['七、事业收入', sourceIs('serviceIncome')],
  ['八、事业单位经营收入', sourceIs('businessIncome')],
  ['九、上级单位补助收入', sourceIs('superiorGrant')],
  ['十、附属单位上缴收入', sourceIs('affiliateRemittance')],
  ['十一、其他收入', sourceIs('otherIncome')],
];

/** 按部门预算经济分类 lines of the 收支总表. */
const ECON_DEPT_LINES: readonly (readonly [label: string, select: Select])[] = [
  ['一、基本支出', isBasic],
  ['工资福利支出', all(isBasic, econClassIs('301'))],
  ['商品和服务支出', all(isOperating)],
  ['对个人和家庭的补助', all(isBasic, econClassIs('303'))],
  ['二、项目支出', isProject],
  ['按项目管理的工资福利支出', all(isProject, econClassIs('301'))],
  ['按项目管理的商品和服务支出', all(isProject, econClassIs('302'))],
  ['按项目管理的对个人和家庭的补助', all(isProject, econClassIs('303'))],
  ['债务利息及费用支出', all(isProject, econClassIs('307'))],
  ['资本性支出（基本建设）', all(isProject, econClassIs('309'))],
  ['资本性支出', all(isProject, econClassIs('310'))],
  ['对企业补助（基本建设）', all(isProject, econClassIs('311'))],
  ['对企业补助', all(isProject, econClassIs('312'))],
  ['对社会保障基金补助', all(isProject, econClassIs('313'))],
  ['其他支出', all(isProject, econClassIs('399'))],
  ['三、事业单位经营服务支出', (r) => r.kind === 'business'],
];

/** 政府预算经济分类 类, in the order (and with the labels) the 2024 Hunan forms print. */
export const ECON_GOV_CLASSES: readonly (readonly [code: string, label: string])[] = [
  ['501', '机关工资福利支出'],
  ['502', '机关商品和服务支出'],
  ['503', '机关资本性支出'],
  ['504', '机关资本性支出（基本建设）'],
  ['505', '对事业单位经常性补助'],
  ['506', '对事业单位资本性补助'],
  ['507', '对企业补助'],
  ['508', '对企业资本性支出'],
  ['509', '对个人和家庭的补助'],
  ['510', '对社会保障基金补助'],
  ['511', '债务利息及费用支出'],
  ['512', '债务还本支出'],
  ['513', '转移性支出'],
  ['599', '其他支出'],
];

const carryoverOutTotal = (d: Disclosure, funds?: readonly CarryoverFund[]): Amount =>
  sumAmounts(d.carryoverOut.filter((c) => !funds || funds.includes(c.fund)).map((c) => c.amount));

const text = (value: string): Cell => textCell(value);
const amount = (value: Amount): Cell => amountCell(value);
const pad = <T>(list: readonly T[], length: number): (T | undefined)[] => Array.from({ length }, (_, i) => list[i]);
const sumRows = (rows: readonly ViewRow[], select: Select): Amount => sumAmounts(rows.filter(select).map((r) => r.amount));

/** 表1 收支总表. */
export function incomeExpenditureSummary(d: Disclosure): { header: HeaderNode[]; rows: Row[] } {
  const view = viewRows(d);
  const income = incomeItems(d);
  const header: HeaderNode[] = [
    { label: '收入', children: [{ label: '项目', kind: 'text' }, { label: '预算数' }] },
    {
      label: '支出',
      children: [
        { label: '项目（按功能分类）', kind: 'text' },
        { label: '预算数' },
        { label: '项目（按部门预算经济分类）', kind: 'text' },
        { label: '预算数' },
        { label: '项目（按政府预算经济分类）', kind: 'text' },
        { label: '预算数' },
      ],
    },
  ];
  const funcLines = FUNCTIONAL_CLASS_LINES.map(([code, label]) => [label, sumRows(view, (r) => r.func.startsWith(code))] as const);
  const deptLines = ECON_DEPT_LINES.map(([label, select]) => [label, sumRows(view, select)] as const);
  const govLines = ECON_GOV_CLASSES.map(([code, label], i) => [`${chineseOrdinal(i + 1)}、${label}`, sumRows(view, econGovClassIs(code))] as const);
  const incomeLines = INCOME_LINES.map(([label, select]) => [label, sumIncome(income, select)] as const);

  const lineCount = FUNCTIONAL_CLASS_LINES.length;
  const cellsOf = (line: readonly [string, Amount] | undefined): Cell[] => (line ? [text(line[0]), amount(line[1])] : [text(''), amount(null)]);
  const rows: Row[] = [];
  const [inc, fn, dept, gov] = [pad(incomeLines, lineCount), pad(funcLines, lineCount), pad(deptLines, lineCount), pad(govLines, lineCount)];
  for (let i = 0; i < lineCount; i++) {
    rows.push({ level: 'line', key: `line:${i + 1}`, cells: [...cellsOf(inc[i]), ...cellsOf(fn[i]), ...cellsOf(dept[i]), ...cellsOf(gov[i])] });
  }
  const incomeTotal = sumIncome(income, currentYear) ?? 0;
  const carryoverIn = sumIncome(income, (i) => SOURCE_INFO[i.source].carryover);
  const expenditureTotal = sumRows(view, everything) ?? 0;
  const carryoverOut = carryoverOutTotal(d);
  const expenditureSide = (label: string, value: Amount): Cell[] => [text(label), amount(value), text(label), amount(value), text(label), amount(value)];
  rows.push({
    level: 'total',
    key: 'total:current',
    cells: [text('本 年 收 入 合 计'), amount(incomeTotal), ...expenditureSide('本 年 支 出 合 计', expenditureTotal)],
  });
  rows.push({ level: 'line', key: 'line:carryover', cells: [text('上年结转结余'), amount(carryoverIn), ...expenditureSide('年终结转结余', carryoverOut)] });
  rows.push({
    level: 'total',
    key: 'total:grand',
    cells: [text('收 入 总 计'), amount(incomeTotal + (carryoverIn ?? 0)), ...expenditureSide('支 出 总 计', expenditureTotal + (carryoverOut ?? 0))],
  });
  return { header, rows };
}

/** 表2 收入总表: per department and unit, the total and each income source of the 收支总表. */
export function incomeSummary(d: Disclosure): { header: HeaderNode[]; rows: Row[] } {
  const income = incomeItems(d);
  // Income items are shaped like ledger rows for the cross-tab: only unit, source and amount matter.
  const asRows = income.map((i) => ({ unit: i.unit, source: i.source, amount: i.amount })) as unknown as ViewRow[];
  const by =
    (select: IncomeSelect): Select =>
    (r) =>
      select(r as unknown as IncomeItem);
  const spec = [
    ...labelColumns('unitOnly'),
    col('合计', everything),
    col(
      '上年结转结余',
      by((i) => SOURCE_INFO[i.source].carryover),
    ),
    group('一般公共预算拨款收入', [
      col('小计', by(fundIs('generalBudget'))),
      col('经费拨款', by(sourceIs('appropriation'))),
      col('纳入一般公共预算管理的非税收入拨款', by(nonTax)),
      col('一般债券', by(sourceIs('generalBond'))),
      col('外国政府和国际组织贷款', by(sourceIs('foreignLoan'))),
      col('外国政府和国际组织捐赠', by(sourceIs('foreignGrant'))),
    ]),
    col('政府性基金预算拨款收入', by(sourceIs('govFund'))),
    col('国有资本经营预算拨款收入', by(sourceIs('stateCapital'))),
    col('社会保障基金预算资金', by(sourceIs('socialInsurance'))),
    col('财政专户管理资金收入', by(sourceIs('specialAccount'))),
    col('上级财政补助收入', by(fundIs('superiorSubsidy'))),
    col('事业收入', by(sourceIs('serviceIncome'))),
    col('事业单位经营收入', by(sourceIs('businessIncome'))),
    col('上级单位补助收入', by(sourceIs('superiorGrant'))),
    col('附属单位上缴收入', by(sourceIs('affiliateRemittance'))),
    col('其他收入', by(sourceIs('otherIncome'))),
  ];
  return crossTab(spec, unitHierarchyGroups(d, asRows, { layout: 'unitOnly', functionalLevels: 'none', unitRows: true }));
}

/** 表6 财政拨款收支总表. */
export function fiscalSummary(d: Disclosure): { header: HeaderNode[]; rows: Row[] } {
  const view = viewRows(d).filter((r) => FISCAL_FUNDS.includes(r.fund));
  const income = incomeItems(d).filter((i) => FISCAL_FUNDS.includes(SOURCE_INFO[i.source].fund));
  const header: HeaderNode[] = [
    { label: '收入', children: [{ label: '项目', kind: 'text' }, { label: '预算数' }] },
    { label: '支出', children: [{ label: '项目', kind: 'text' }, { label: '预算数' }] },
  ];
  const incomeLines: (readonly [string, Amount])[] = [
    ['一、本年收入', sumIncome(income, currentYear)],
    ['（一）一般公共预算拨款', sumIncome(income, fundIs('generalBudget'))],
    ['经费拨款', sumIncome(income, sourceIs('appropriation'))],
    ['纳入一般公共预算管理的非税收入拨款', sumIncome(income, nonTax)],
    ['（二）政府性基金预算拨款', sumIncome(income, sourceIs('govFund'))],
    ['（三）国有资本经营预算拨款', sumIncome(income, sourceIs('stateCapital'))],
    ['（四）社会保险基金预算资金', sumIncome(income, sourceIs('socialInsurance'))],
    ['二、上年结转', sumIncome(income, (i) => SOURCE_INFO[i.source].carryover)],
    ['（一）一般公共预算拨款', sumIncome(income, carryoverOf('generalBudget'))],
    ['（二）政府性基金预算拨款', sumIncome(income, carryoverOf('govFund'))],
    ['（三）国有资本经营预算拨款', sumIncome(income, carryoverOf('stateCapital'))],
    ['（四）社会保险基金预算资金', sumIncome(income, carryoverOf('socialInsurance'))],
  ];
  const fiscalCarryoverOut = carryoverOutTotal(d, ['generalBudget', 'govFund', 'stateCapital', 'socialInsurance']);
  const expenditureLines: (readonly [string, Amount])[] = [
    ['一、本年支出', sumRows(view, everything)],
    ...FUNCTIONAL_CLASS_LINES.map(([code, label]) => [label, sumRows(view, (r) => r.func.startsWith(code))] as const),
    ['二、年终结转结余', fiscalCarryoverOut],
  ];
  const rows: Row[] = [];
  const incomePadded = pad(incomeLines, expenditureLines.length);
  expenditureLines.forEach((line, i) => {
    const inc = incomePadded[i];
    rows.push({
      level: 'line',
      key: `line:${i + 1}`,
      cells: [text(inc?.[0] ?? ''), amount(inc?.[1] ?? null), text(line[0]), amount(line[1])],
    });
  });
  const incomeGrand = sumIncome(income, () => true) ?? 0;
  const expenditureGrand = (sumRows(view, everything) ?? 0) + (fiscalCarryoverOut ?? 0);
  rows.push({ level: 'total', key: 'total:grand', cells: [text('收 入 总 计'), amount(incomeGrand), text('支 出 总 计'), amount(expenditureGrand)] });
  return { header, rows };
}

/**
 * 收支总表 balances: each column group sums to its total, the three expenditure groups agree.
 * (收入总计 = 支出总计 is the validator's `identity.incomeExpenditure`, declared in pack.ts.)
 */
export function summaryBalances(table1: Table): string[] {
  const violations: string[] = [];
  const byKey = new Map(table1.rows.map((r) => [r.key, r]));
  const current = byKey.get('total:current');
  const grand = byKey.get('total:grand');
  if (!current || !grand) return [`${table1.id} lacks its total rows`];
  const lines = table1.rows.filter((r) => r.level === 'line' && r.key !== 'line:carryover');
  const label = (row: Row, i: number): string => {
    const cell = row.cells[i];
    return cell && cell.kind !== 'amount' ? cell.value : '';
  };
  const sumLines = (labelIndex: number, pick: (text: string) => boolean) =>
    lines.reduce((s, r) => (pick(label(r, labelIndex)) ? s + value(amountAtColumn(r, labelIndex + 1)) : s), 0);
  const topLevel = (text: string) => /^[一二三四五六七八九十]+、/.test(text);
  const check = (what: string, actual: number, expected: number) => {
    if (actual !== expected) violations.push(`${table1.id} ${what}: ${formatWan(actual)} ≠ ${formatWan(expected)}`);
  };
  const expenditure = value(amountAtColumn(current, 3));
  check('本年收入合计 = 一…十一 income lines', value(amountAtColumn(current, 1)), sumLines(0, topLevel));
  check(
    '本年支出合计 (功能分类) = its 30 类 lines',
    expenditure,
    sumLines(2, (t) => t !== ''),
  );
  check('本年支出合计 (部门经济分类) = 一、基本 + 二、项目 + 三、经营', value(amountAtColumn(current, 5)), sumLines(4, topLevel));
  check('本年支出合计 (政府经济分类) = its 类 lines', value(amountAtColumn(current, 7)), sumLines(6, topLevel));
  check('the three expenditure groups agree', value(amountAtColumn(current, 5)), expenditure);
  check('the three expenditure groups agree', value(amountAtColumn(current, 7)), expenditure);
  // Within the 部门经济分类 group: 基本支出 = its three lines; 项目支出 = its lines.
  const deptLines = lines.map((r) => [label(r, 4), value(amountAtColumn(r, 5))] as const).filter(([t]) => t !== '');
  const sectionSum = (start: string) => {
    const from = deptLines.findIndex(([t]) => t === start);
    let sum = 0;
    for (const [text, amount] of deptLines.slice(from + 1)) {
      if (topLevel(text)) break;
      sum += amount;
    }
    return [deptLines[from]?.[1] ?? 0, sum] as const;
  };
  const [basic, basicParts] = sectionSum('一、基本支出');
  check('一、基本支出 = its lines', basic, basicParts);
  const [project, projectParts] = sectionSum('二、项目支出');
  check('二、项目支出 = its lines', project, projectParts);
  return violations;
}
