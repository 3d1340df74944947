/**
 * The builders of Shanghai's 部门决算 tables (上海市普陀区财政局 2024年度部门决算,
 * ../shared/corpus/ptczj-2024-js), all in 万元. They read the facts a 决算 gives: spending by 功能 项
 * × fund × 基本/项目 (`byFunction`), income by 功能 项 × source (`incomeByFunction`), 一般公共预算
 * 基本支出 by 经济 款 (`basicByEcon`), and the balances beside them (`finalAccounts`).
 *
 * A 决算 prints each figure rounded on its own, so a printed parent can differ by a cent from the
 * sum of its printed children (the document's 8 such cells are `printedAsPublished`). A parent is
 * therefore computed from its children *as published*: the 合计 of the 基本支出 table is the sum of
 * its class rows as printed, and the 总表s repeat the totals of the detail tables as printed. That
 * way one rounded cell is reported once, where it is printed, not again in every total above it.
 */
import { nameOf, type Catalogue } from '../../catalogue/catalogue.ts';
import type { Disclosure, IncomeFact } from '../../disclosure/model.ts';
import { SOURCE_INFO, type Fund, type FundingSource } from '../../ledger/sources.ts';
import { sumAmounts, type Amount } from '../../money.ts';
import {
  basicEconFacts,
  distinctCodes,
  functionFacts,
  isOperatingFact,
  isPersonnelFact,
  sumFacts,
  type FactSelect,
  type FactView,
} from '../../tables/facts.ts';
import { amountCell, codeCell, textCell, type Cell, type HeaderNode, type Row } from '../../tables/model.ts';
import type { BuiltTable } from '../template-pack.ts';
import { chineseOrdinal } from '../../i18n/format.ts';

/** The 26 功能分类 类 lines the 决算 总表s print, in order, each with its 类 code (printed with or without spending). */
export const FUNCTION_CLASS_LINES: readonly { readonly code: string; readonly name: string }[] = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'],
  ['229', '其他支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
  ['234', '抗疫特别国债安排的支出'],
].map(([code, name]) => ({ code: code ?? '', name: name ?? '' }));

const classLineLabel = (i: number, name: string): string => `${chineseOrdinal(i + 1)}、${name}`;

/** The 收入决算表 columns after 本年收入合计: the income sources of a 决算, in printed order. */
export const INCOME_COLUMNS: readonly { readonly label: string; readonly line: string; readonly sources: (s: FundingSource) => boolean }[] = [
  { label: '财政拨款收入', line: '', sources: (s) => ['generalBudget', 'govFund', 'stateCapital'].includes(SOURCE_INFO[s].fund) },
  { label: '上级补助收入', line: '四、上级补助收入', sources: (s) => s === 'superiorGrant' },
  { label: '事业收入', line: '五、事业收入', sources: (s) => s === 'serviceIncome' },
  { label: '经营收入', line: '六、经营收入', sources: (s) => s === 'businessIncome' },
  { label: '附属单位上缴收入', line: '七、附属单位上缴收入', sources: (s) => s === 'affiliateRemittance' },
  { label: '其他收入', line: '八、其他收入', sources: (s) => s === 'otherIncome' },
];

const FISCAL_FUNDS: readonly { readonly fund: Fund; readonly income: string; readonly fiscal: string; readonly column: string }[] = [
  { fund: 'generalBudget', income: '一、一般公共预算财政拨款收入', fiscal: '一、一般公共预算财政拨款', column: '一般公共预算财政拨款' },
  { fund: 'govFund', income: '二、政府性基金预算财政拨款收入', fiscal: '二、政府性基金预算财政拨款', column: '政府性基金预算财政拨款' },
  { fund: 'stateCapital', income: '三、国有资本经营预算财政拨款收入', fiscal: '三、国有资本经营预算财政拨款', column: '国有资本经营预算财政拨款' },
];

const isFiscal: FactSelect = (f) => FISCAL_FUNDS.some((x) => x.fund === f.fund);
const fundIs =
  (fund: Fund): FactSelect =>
  (f) =>
    f.fund === fund;
const everything: FactSelect = () => true;

export const incomeFacts = (d: Disclosure): readonly IncomeFact[] => d.coarseFacts?.incomeByFunction ?? [];
const sumIncome = (facts: readonly IncomeFact[], select: (s: FundingSource) => boolean): Amount =>
  sumAmounts(facts.filter((f) => select(f.source)).map((f) => f.amount));

/**
 * The figure the document printed in a cell instead of the derived one (`printedAsPublished`),
 * else the derived figure: what a parent is summed from. The cell itself is replaced (and
 * reported) by build-tables.ts; this only lets the totals above it follow the printed figure.
 */
export function asPublished(d: Disclosure, table: string, row: string, column: string, derived: Amount): Amount {
  const entry = d.printedAsPublished.find((p) => p.table === table && p.row === row && p.column === column);
  return entry ? entry.amount : derived;
}

const functionalName = (catalogue: Catalogue, code: string): string => nameOf(catalogue, 'functional', code) ?? code;

/** 项目 › 支出功能分类科目编码 (类/款/项) › 科目名称. */
const FUNCTION_HEADER: HeaderNode = {
  label: '项目',
  children: [
    {
      label: '支出功能分类科目编码',
      children: [
        { label: '类', kind: 'code' },
        { label: '款', kind: 'code' },
        { label: '项', kind: 'code' },
      ],
    },
    { label: '科目名称', kind: 'text' },
  ],
};

interface Coded {
  readonly func: string;
}

/** 类, 款 and 项 groups of coded facts, in code order. */
function functionalGroups<T extends Coded>(
  d: Disclosure,
  facts: readonly T[],
): { level: 'class' | 'section' | 'item'; code: string; labels: Cell[]; facts: T[] }[] {
  const label = (code: string): Cell[] => [
    codeCell(code.slice(0, 3)),
    codeCell(code.slice(3, 5)),
    codeCell(code.slice(5, 7)),
    textCell(functionalName(d.catalogue, code)),
  ];
  const groups: { level: 'class' | 'section' | 'item'; code: string; labels: Cell[]; facts: T[] }[] = [];
  for (const cls of distinctCodes(facts.map((f) => f.func.slice(0, 3)))) {
    const inClass = facts.filter((f) => f.func.startsWith(cls));
    groups.push({ level: 'class', code: cls, labels: label(cls), facts: inClass });
    for (const section of distinctCodes(inClass.map((f) => f.func.slice(0, 5)))) {
      const inSection = inClass.filter((f) => f.func.startsWith(section));
      groups.push({ level: 'section', code: section, labels: label(section), facts: inSection });
      for (const item of distinctCodes(inSection.map((f) => f.func)))
        groups.push({ level: 'item', code: item, labels: label(item), facts: inSection.filter((f) => f.func === item) });
    }
  }
  return groups;
}

/**
 * A 功能 table: its 类/款/项 rows from the facts, and 合计 as the sum of its 类 rows as published.
 * `place` puts 合计 first (收入决算表, 支出决算表) or last (一般公共预算财政拨款支出决算表), as printed.
 */
function functionalTable<T extends Coded>(
  d: Disclosure,
  id: string,
  facts: readonly T[],
  columns: readonly { readonly label: string; readonly path: string; readonly sum: (facts: readonly T[]) => Amount }[],
  place: 'first' | 'last',
): BuiltTable {
  const groups = functionalGroups(d, facts);
  const rows: Row[] = groups.map((g) => ({
    level: g.level,
    key: `${g.level}:${g.code}`,
    cells: [...g.labels, ...columns.map((c) => amountCell(c.sum(g.facts)))],
  }));
  const classes = groups.filter((g) => g.level === 'class');
  const totalCells = columns.map((c) => amountCell(sumAmounts(classes.map((g) => asPublished(d, id, g.code, c.path, c.sum(g.facts))))));
  const total: Row = { level: 'total', key: 'total', cells: [codeCell(''), codeCell(''), codeCell(''), textCell('合计'), ...totalCells] };
  return { header: [], rows: place === 'first' ? [total, ...rows] : [...rows, total] };
}

/** 收入决算表: 功能 × income source. */
export function incomeFinal(d: Disclosure): BuiltTable {
  const columns = [
    { label: '本年收入合计', path: '本年收入合计', sum: (f: readonly IncomeFact[]) => sumIncome(f, () => true) },
    ...INCOME_COLUMNS.map((c) => ({ label: c.label, path: c.label, sum: (f: readonly IncomeFact[]) => sumIncome(f, c.sources) })),
  ];
  const built = functionalTable(d, 'incomeSummary', incomeFacts(d), columns, 'first');
  return { header: [FUNCTION_HEADER, ...columns.map((c) => ({ label: c.label }))], rows: built.rows };
}

type CodedFact = FactView & { func: string };
const codedFunctionFacts = (d: Disclosure, select: FactSelect): CodedFact[] => functionFacts(d).filter((f): f is CodedFact => f.func !== null && select(f));
const kindSum = (kind: FactView['kind'] | null) => (facts: readonly FactView[]) => sumFacts(facts, kind === null ? everything : (f) => f.kind === kind);

/** 支出决算表: 功能 × 基本/项目/上缴上级/经营/对附属单位补助, every source. */
export function expenditureFinal(d: Disclosure): BuiltTable {
  const columns = [
    { label: '本年支出合计', path: '本年支出合计', sum: kindSum(null) },
    { label: '基本支出', path: '基本支出', sum: kindSum('basic') },
    { label: '项目支出', path: '项目支出', sum: kindSum('project') },
    // The model's kinds are basic and project; a 决算 line of these three kinds is printed blank until a document gives one.
    { label: '上缴上级支出', path: '上缴上级支出', sum: () => null },
    { label: '经营支出', path: '经营支出', sum: () => null },
    { label: '对附属单位补助支出', path: '对附属单位补助支出', sum: () => null },
  ];
  const built = functionalTable(d, 'expenditureSummary', codedFunctionFacts(d, everything), columns, 'first');
  return { header: [FUNCTION_HEADER, ...columns.map((c) => ({ label: c.label }))], rows: built.rows };
}

/** 一般公共预算财政拨款支出决算表: 功能 × 基本/项目, 合计 printed last. */
export function generalBudgetFinal(d: Disclosure): BuiltTable {
  const columns = [
    { label: '合计', path: '合计', sum: kindSum(null) },
    { label: '基本支出', path: '基本支出', sum: kindSum('basic') },
    { label: '项目支出', path: '项目支出', sum: kindSum('project') },
  ];
  const built = functionalTable(d, 'generalBudgetExpenditure', codedFunctionFacts(d, fundIs('generalBudget')), columns, 'last');
  return { header: [FUNCTION_HEADER, ...columns.map((c) => ({ label: c.label }))], rows: built.rows };
}

/** 政府性基金 / 国有资本经营预算财政拨款收入支出决算表: carry-over, income, spending, carry-over by 功能. */
export const fundFinal =
  (fund: Fund) =>
  (d: Disclosure): BuiltTable => {
    const header: HeaderNode[] = [
      {
        label: '项目',
        children: [
          {
            label: '支出功能分类科目编码',
            children: [
              { label: '类', kind: 'code' },
              { label: '款', kind: 'code' },
              { label: '项', kind: 'code' },
            ],
          },
          { label: '科目名称', kind: 'text' },
        ],
      },
      { label: '年初结转和结余' },
      { label: '本年收入' },
      { label: '本年支出', children: [{ label: '小计' }, { label: '基本支出' }, { label: '项目支出' }] },
      { label: '年末结转和结余' },
    ];
    const facts = codedFunctionFacts(d, fundIs(fund));
    const income = incomeFacts(d).filter((f) => SOURCE_INFO[f.source].fund === fund);
    // Opening and closing balances are given for the fund as a whole, not per 功能 项: only the 合计 carries them.
    const rowOf = (level: Row['level'], key: string, labels: Cell[], spent: readonly FactView[], received: readonly IncomeFact[], balances: boolean): Row => ({
      level,
      key,
      cells: [
        ...labels,
        amountCell(balances ? (d.finalAccounts?.carryoverIn[fund as 'generalBudget'] ?? null) : null),
        amountCell(sumIncome(received, () => true)),
        amountCell(sumFacts(spent)),
        amountCell(sumFacts(spent, (f) => f.kind === 'basic')),
        amountCell(sumFacts(spent, (f) => f.kind === 'project')),
        amountCell(balances ? (d.finalAccounts?.carryoverOut[fund as 'generalBudget'] ?? null) : null),
      ],
    });
    const rows = functionalGroups(d, facts).map((g) =>
      rowOf(
        g.level,
        `${g.level}:${g.code}`,
        g.labels,
        g.facts,
        income.filter((f) => f.func.startsWith(g.code)),
        false,
      ),
    );
    rows.push(rowOf('total', 'total', [codeCell(''), codeCell(''), codeCell(''), textCell('合计')], facts, income, true));
    return { header, rows };
  };

/** Pairs two columns of printed lines row by row, as the 总表s print income beside expenditure. */
function pairedLines(left: readonly Cell[][], right: readonly Cell[][], leftWidth: number, rightWidth: number): Row[] {
  const count = Math.max(left.length, right.length);
  const blank = (width: number): Cell[] => [textCell(''), ...Array.from({ length: width - 1 }, () => amountCell(null))];
  return Array.from({ length: count }, (_, i) => ({
    level: 'line' as const,
    key: `line:${i + 1}`,
    cells: [...(left[i] ?? blank(leftWidth)), ...(right[i] ?? blank(rightWidth))],
  }));
}

const plus = (...amounts: Amount[]): Amount => sumAmounts(amounts);

/**
 * 收入支出决算总表: income by source (the 收入决算表's 合计 row as published), expenditure by the
 * 26 功能 类 lines, then 本年合计, 非财政拨款结余 / 结余分配, 年初 / 年末结转和结余 and 总计:
 * 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 本年支出合计 + 结余分配 + 年末结转和结余.
 */
export function incomeExpenditureFinal(d: Disclosure): BuiltTable {
  const header: HeaderNode[] = [
    { label: '收入', children: [{ label: '项目', kind: 'text' }, { label: '决算数' }] },
    { label: '支出', children: [{ label: '项目', kind: 'text' }, { label: '决算数' }] },
  ];
  const income = incomeFacts(d);
  const spent = codedFunctionFacts(d, everything);
  const published = (column: string, derived: Amount) => asPublished(d, 'incomeSummary', '合计', column, derived);
  const fiscalByFund = FISCAL_FUNDS.map((f) => sumIncome(income, (s) => SOURCE_INFO[s].fund === f.fund));
  // The 收入决算表 prints 财政拨款收入 for all three funds in one column: its printed 合计 is line 一's
  // figure only when the general budget is the only fiscal income (as in every corpus 决算).
  const onlyGeneral = fiscalByFund.slice(1).every((a) => a === null);
  const fiscalLines = FISCAL_FUNDS.map((f, i) => {
    const derived = fiscalByFund[i] ?? null;
    return [f.income, i === 0 && onlyGeneral ? published('财政拨款收入', derived) : derived] as const;
  });
  const otherLines = INCOME_COLUMNS.slice(1).map((c) => [c.line, published(c.label, sumIncome(income, c.sources))] as const);
  const incomeLines = [...fiscalLines, ...otherLines];
  const expenditureLines = FUNCTION_CLASS_LINES.map(
    (line, i) => [classLineLabel(i, line.name), sumFacts(spent.filter((f) => f.func.startsWith(line.code)))] as const,
  );
  const f = d.finalAccounts;
  const incomeTotal = sumAmounts(incomeLines.map(([, a]) => a));
  // 本年支出合计 is the sum of the 类 lines as printed (a line printed otherwise is reported where it is printed).
  const expenditureTotal = sumAmounts(expenditureLines.map(([label, a]) => asPublished(d, 'incomeExpenditureSummary', label, '支出/决算数', a)));
  const line = (label: string, amount: Amount): Cell[] => [textCell(label), amountCell(amount)];
  return {
    header,
    rows: [
      ...pairedLines(
        incomeLines.map(([l, a]) => line(l, a)),
        expenditureLines.map(([l, a]) => line(l, a)),
        2,
        2,
      ),
      { level: 'line', key: 'yearTotal', cells: [...line('本年收入合计', incomeTotal), ...line('本年支出合计', expenditureTotal)] },
      {
        level: 'line',
        key: 'surplus',
        cells: [...line('使用非财政拨款结余（含专用结余）', f?.nonFiscalSurplusUsed ?? null), ...line('结余分配', f?.surplusAllocation ?? null)],
      },
      {
        level: 'line',
        key: 'carryover',
        cells: [...line('年初结转和结余', f?.carryoverIn.total ?? null), ...line('年末结转和结余', f?.carryoverOut.total ?? null)],
      },
      {
        level: 'total',
        key: 'total',
        cells: [
          ...line('总计', plus(incomeTotal, f?.nonFiscalSurplusUsed ?? null, f?.carryoverIn.total ?? null)),
          ...line('总计', plus(expenditureTotal, f?.surplusAllocation ?? null, f?.carryoverOut.total ?? null)),
        ],
      },
    ],
  };
}

/**
 * 财政拨款收入支出决算总表: fiscal income by fund, fiscal spending by the 26 类 lines and fund, the
 * fiscal carry-over in and out, 总计 = 本年收入合计 + 年初 = 本年支出合计 + 年末.
 */
export function fiscalFinal(d: Disclosure): BuiltTable {
  const header: HeaderNode[] = [
    { label: '收入', children: [{ label: '项目', kind: 'text' }, { label: '决算数' }] },
    { label: '支出', children: [{ label: '项目', kind: 'text' }, { label: '合计' }, ...FISCAL_FUNDS.map((x) => ({ label: x.column }))] },
  ];
  const income = incomeFacts(d);
  const spent = codedFunctionFacts(d, isFiscal);
  const fiscalByFund = FISCAL_FUNDS.map((x) => sumIncome(income, (s) => SOURCE_INFO[s].fund === x.fund));
  const onlyGeneral = fiscalByFund.slice(1).every((a) => a === null);
  const incomeLines = FISCAL_FUNDS.map((x, i) => {
    const derived = fiscalByFund[i] ?? null;
    return [x.fiscal, i === 0 && onlyGeneral ? asPublished(d, 'incomeSummary', '合计', '财政拨款收入', derived) : derived] as const;
  });
  const expenditureLines = FUNCTION_CLASS_LINES.map((line, i) => {
    const label = classLineLabel(i, line.name);
    const inClass = spent.filter((f) => f.func.startsWith(line.code));
    return { label, total: sumFacts(inClass), byFund: FISCAL_FUNDS.map((x) => sumFacts(inClass, fundIs(x.fund))) };
  });
  const f = d.finalAccounts;
  const incomeTotal = sumAmounts(incomeLines.map(([, a]) => a));
  // 本年支出合计 sums the 类 lines as printed, column by column.
  const columnTotal = (i: number) =>
    sumAmounts(expenditureLines.map((l) => asPublished(d, 'fiscalSummary', l.label, `支出/${FISCAL_FUNDS[i]?.column ?? ''}`, l.byFund[i] ?? null)));
  const expenditureTotals = [
    sumAmounts(expenditureLines.map((l) => asPublished(d, 'fiscalSummary', l.label, '支出/合计', l.total))),
    ...FISCAL_FUNDS.map((_, i) => columnTotal(i)),
  ];
  const opening = FISCAL_FUNDS.map((x) => f?.carryoverIn[x.fund as 'generalBudget'] ?? null);
  const closing = FISCAL_FUNDS.map((x) => f?.carryoverOut[x.fund as 'generalBudget'] ?? null);
  const openingTotal = sumAmounts(opening);
  const closingTotal = sumAmounts(closing);
  const blankRight: Cell[] = [textCell(''), amountCell(null), amountCell(null), amountCell(null), amountCell(null)];
  return {
    header,
    rows: [
      ...pairedLines(
        incomeLines.map(([l, a]) => [textCell(l), amountCell(a)]),
        expenditureLines.map((l) => [textCell(l.label), amountCell(l.total), ...l.byFund.map(amountCell)]),
        2,
        5,
      ),
      {
        level: 'line',
        key: 'yearTotal',
        cells: [textCell('本年收入合计'), amountCell(incomeTotal), textCell('本年支出合计'), ...expenditureTotals.map(amountCell)],
      },
      {
        level: 'line',
        key: 'carryover',
        cells: [
          textCell('年初财政拨款结转和结余'),
          amountCell(openingTotal),
          textCell('年末财政拨款结转和结余'),
          amountCell(closingTotal),
          ...closing.map(amountCell),
        ],
      },
      ...FISCAL_FUNDS.map((x, i): Row => ({
        level: 'line',
        key: `carryover:${x.fund}`,
        cells: [textCell(x.fiscal), amountCell(opening[i] ?? null), ...blankRight],
      })),
      {
        level: 'total',
        key: 'total',
        cells: [
          textCell('总计'),
          amountCell(plus(incomeTotal, openingTotal)),
          textCell('总计'),
          amountCell(plus(expenditureTotals[0] ?? null, closingTotal)),
          ...FISCAL_FUNDS.map((_, i) => amountCell(plus(expenditureTotals[i + 1] ?? null, closing[i] ?? null))),
        ],
      },
    ],
  };
}

/**
 * The 款 lines the 一般公共预算财政拨款基本支出决算表 prints, printed with or without spending:
 * 人员经费 (301, 303) on the left, 公用经费 (302, 310) on the right, side by side.
 */
const PERSONNEL_LINES = [
  '301 工资福利支出',
  '30101 基本工资',
  '30102 津贴补贴',
  '30103 奖金',
  '30106 伙食补助费',
  '30107 绩效工资',
  '30108 机关事业单位基本养老保险缴费',
  '30109 职业年金缴费',
  '30110 职工基本医疗保险缴费',
  '30111 公务员医疗补助缴费',
  '30112 其他社会保障缴费',
  '30113 住房公积金',
  '30114 医疗费',
  '30199 其他工资福利支出',
  '303 对个人和家庭的补助',
  '30301 离休费',
  '30302 退休费',
  '30303 退职（役）费',
  '30304 抚恤金',
  '30305 生活补助',
  '30307 医疗费补助',
  '30308 助学金',
  '30309 奖励金',
  '30310 个人农业生产补贴',
  '30311 代缴社会保险费',
  '30399 其他对个人和家庭的补助',
];
const OPERATING_LINES = [
  '302 商品和服务支出',
  '30201 办公费',
  '30202 印刷费',
  '30203 咨询费',
  '30204 手续费',
  '30205 水费',
  '30206 电费',
  '30207 邮电费',
  '30208 取暖费',
  '30209 物业管理费',
  '30211 差旅费',
  '30212 因公出国（境）费用',
  '30213 维修（护）费',
  '30214 租赁费',
  '30215 会议费',
  '30216 培训费',
  '30217 公务接待费',
  '30218 专用材料费',
  '30224 被装购置费',
  '30225 专用燃料费',
  '30226 劳务费',
  '30227 委托业务费',
  '30228 工会经费',
  '30229 福利费',
  '30231 公务用车运行维护费',
  '30239 其他交通费用',
  '30240 税金及附加费用',
  '30299 其他商品和服务支出',
  '310 资本性支出',
  '31001 房屋建筑物购建',
  '31002 办公设备购置',
  '31003 专用设备购置',
  '31007 信息网络及软件购置更新',
  '31013 公务用车购置',
  '31019 其他交通工具购置',
  '31021 文物和陈列品购置',
  '31022 无形资产购置',
  '31099 其他资本性支出',
];

const split = (line: string): { code: string; name: string } => {
  const [code = '', ...name] = line.split(' ');
  return { code, name: name.join(' ') };
};

/**
 * The key of the row a 经济 code is printed on: rows are keyed by their left line's code, so a
 * 公用经费 line is addressed by the row it shares (302 sits on row `econ:301`, column `公用经费/决算数`).
 */
export function basicRowKey(code: string): string {
  const left = PERSONNEL_LINES.findIndex((l) => split(l).code === code);
  const index = left >= 0 ? left : OPERATING_LINES.findIndex((l) => split(l).code === code);
  return `econ:${split(PERSONNEL_LINES[index] ?? OPERATING_LINES[index] ?? code).code}`;
}

/** The fixed 款 lines of the 基本支出决算表 (for checks that every fact has a printed line). */
export const BASIC_FINAL_CODES: readonly string[] = [...PERSONNEL_LINES, ...OPERATING_LINES].map((l) => split(l).code);

/**
 * 一般公共预算财政拨款基本支出决算表: 人员经费 款 beside 公用经费 款, then 人员经费合计 and 公用经费合计,
 * each the sum of its 类 rows as published. Row keys are the left line's code (`econ:301`, the right
 * half readable by column path `公用经费/决算数`).
 */
export function generalBudgetBasicFinal(d: Disclosure): BuiltTable {
  const facts = basicEconFacts(d).filter((f): f is FactView & { econ: string } => f.econ !== null);
  const side = (label: string): HeaderNode => ({
    label,
    children: [
      {
        label: '经济分类科目编码',
        children: [
          { label: '类', kind: 'code' },
          { label: '款', kind: 'code' },
        ],
      },
      { label: '科目名称', kind: 'text' },
      { label: '决算数' },
    ],
  });
  const header: HeaderNode[] = [side('人员经费'), side('公用经费')];
  const amountOf = (code: string): Amount => sumFacts(facts, (f) => f.econ !== null && (code.length === 3 ? f.econ.startsWith(code) : f.econ === code));
  const cells = (line: string | undefined): Cell[] => {
    if (line === undefined) return [codeCell(''), codeCell(''), textCell(''), amountCell(null)];
    const { code, name } = split(line);
    return [codeCell(code.slice(0, 3)), codeCell(code.slice(3, 5)), textCell(name), amountCell(amountOf(code))];
  };
  const count = Math.max(PERSONNEL_LINES.length, OPERATING_LINES.length);
  const rows: Row[] = Array.from({ length: count }, (_, i) => {
    const left = PERSONNEL_LINES[i];
    const right = OPERATING_LINES[i];
    return { level: 'line', key: `econ:${split(left ?? right ?? '').code}`, cells: [...cells(left), ...cells(right)] };
  });
  const classTotal = (classes: readonly string[], side: '人员经费' | '公用经费', select: FactSelect): Amount =>
    sumAmounts(
      classes.map((cls) =>
        asPublished(
          d,
          'generalBudgetBasic',
          basicRowKey(cls),
          `${side}/决算数`,
          sumFacts(facts, (f) => f.econ !== null && f.econ.startsWith(cls) && select(f)),
        ),
      ),
    );
  rows.push({
    level: 'total',
    key: 'total',
    cells: [
      codeCell(''),
      codeCell(''),
      textCell('人员经费合计'),
      amountCell(classTotal(['301', '303'], '人员经费', isPersonnelFact)),
      codeCell(''),
      codeCell(''),
      textCell('公用经费合计'),
      amountCell(classTotal(['302', '310'], '公用经费', isOperatingFact)),
    ],
  });
  return { header, rows };
}

/** The 三公 items' 款 (for a ledger) and their order in the 决算 table. */
const ITEMS = ['outboundTravel', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;

/**
 * 财政拨款“三公”经费支出决算表: 预算数 and 决算数 of 合计, 因公出国（境）费, 公务用车购置及运行费
 * (小计, 购置, 运行) and 公务接待费. Items as declared (预算数: finalAccounts.threePublicBudget,
 * 决算数: threePublic); 合计 and 小计 derived from them.
 */
export function threePublicFinal(d: Disclosure): BuiltTable {
  const pair = (label: string, children?: HeaderNode[]): HeaderNode => ({ label, children: children ?? [{ label: '预算数' }, { label: '决算数' }] });
  const header: HeaderNode[] = [
    {
      label: '财政拨款“三公”经费',
      children: [
        pair('合计'),
        pair('因公出国（境）费'),
        pair('公务用车购置及运行费', [pair('小计'), pair('公务用车购置费'), pair('公务用车运行费')]),
        pair('公务接待费'),
      ],
    },
  ];
  const budget = d.finalAccounts?.threePublicBudget;
  const actual = d.declaredThreePublic;
  const of = (key: (typeof ITEMS)[number]): [Amount, Amount] => [budget?.[key] ?? null, actual?.[key] ?? null];
  const [outbound, purchase, operation, reception] = ITEMS.map(of) as [[Amount, Amount], [Amount, Amount], [Amount, Amount], [Amount, Amount]];
  const add = (...pairs: [Amount, Amount][]): [Amount, Amount] => [sumAmounts(pairs.map((p) => p[0])), sumAmounts(pairs.map((p) => p[1]))];
  const vehicles = add(purchase, operation);
  const total = add(outbound, vehicles, reception);
  const cells = [total, outbound, vehicles, purchase, operation, reception].flatMap((p) => p.map(amountCell));
  return { header, rows: [{ level: 'line', key: 'total', cells }] };
}

/** 部门决算单位构成: the units the 决算 covers, with the 备注 the document prints. */
export function unitComposition(d: Disclosure): BuiltTable {
  const header: HeaderNode[] = [
    { label: '序号', kind: 'text' },
    { label: '单位名称', kind: 'text' },
    { label: '备注', kind: 'text' },
  ];
  return {
    header,
    rows: d.units.map((u, i) => ({ level: 'line', key: `unit:${i + 1}`, cells: [textCell(String(i + 1)), textCell(u.name), textCell(u.remark ?? '')] })),
  };
}
