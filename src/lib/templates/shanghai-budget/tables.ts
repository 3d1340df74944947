/**
 * The builders of Shanghai's nine 部门预算 tables (上海市普陀区, ../shared/corpus/*-ys). Shanghai
 * prints them for the department as a whole, in the unit the document declares (元) except the
 * 三公 table (万元). They read facts at the grain Shanghai gives (tables/facts.ts): 功能 项 × fund ×
 * 基本/项目, and 一般公共预算基本支出 by 经济 款; no table needs a breakdown the other lacks.
 */
import { nameOf, type Catalogue } from '../../catalogue/catalogue.ts';
import type { Disclosure } from '../../disclosure/model.ts';
import type { Fund } from '../../ledger/sources.ts';
import { sumAmounts, type Amount } from '../../money.ts';
import {
  basicEconFacts,
  columnGroup,
  distinctCodes,
  factHeader,
  factRows,
  functionFacts,
  isOperatingFact,
  isPersonnelFact,
  labelColumn,
  sumColumn,
  sumFacts,
  type FactColumn,
  type FactRowGroup,
  type FactSelect,
  type FactView,
} from '../../tables/facts.ts';
import { amountCell, codeCell, textCell, type Cell, type HeaderNode, type Row } from '../../tables/model.ts';
import type { BuiltTable } from '../template-pack.ts';
import { chineseOrdinal } from '../../i18n/format.ts';

const FISCAL: readonly Fund[] = ['generalBudget', 'govFund', 'stateCapital'];

const fundIs =
  (fund: Fund): FactSelect =>
  (f) =>
    f.fund === fund;
const isFiscal: FactSelect = (f) => FISCAL.includes(f.fund);
const sourceIs =
  (source: FactView['source']): FactSelect =>
  (f) =>
    f.source === source;
const kindIs =
  (kind: FactView['kind']): FactSelect =>
  (f) =>
    f.kind === kind;
const everything: FactSelect = () => true;

const functionalName = (catalogue: Catalogue, code: string): string => nameOf(catalogue, 'functional', code) ?? code;
const econName = (catalogue: Catalogue, code: string): string => nameOf(catalogue, 'econDept', code) ?? code;

/** 项目 › 功能分类科目编码 (类/款/项) › 功能分类科目名称: the label columns of the 功能 tables. */
const FUNCTION_LABELS: FactColumn = columnGroup('项目', [
  columnGroup('功能分类科目编码', [labelColumn('类', 'code'), labelColumn('款', 'code'), labelColumn('项', 'code')]),
  labelColumn('功能分类科目名称'),
]);

/** 类, 款 and 项 rows of the facts, in code order, then 合计 last as Shanghai prints it. */
function functionalGroups(d: Disclosure, facts: readonly FactView[]): FactRowGroup[] {
  const groups: FactRowGroup[] = [];
  const coded = facts.filter((f): f is FactView & { func: string } => f.func !== null);
  const label = (code: string): Cell[] => [
    codeCell(code.slice(0, 3)),
    codeCell(code.slice(3, 5)),
    codeCell(code.slice(5, 7)),
    textCell(functionalName(d.catalogue, code)),
  ];
  for (const cls of distinctCodes(coded.map((f) => f.func.slice(0, 3)))) {
    const inClass = coded.filter((f) => f.func.startsWith(cls));
    groups.push({ level: 'class', key: `class:${cls}`, labels: label(cls), facts: inClass });
    for (const section of distinctCodes(inClass.map((f) => f.func.slice(0, 5)))) {
      const inSection = inClass.filter((f) => f.func.startsWith(section));
      groups.push({ level: 'section', key: `section:${section}`, labels: label(section), facts: inSection });
      for (const item of distinctCodes(inSection.map((f) => f.func))) {
        groups.push({ level: 'item', key: `item:${item}`, labels: label(item), facts: inSection.filter((f) => f.func === item) });
      }
    }
  }
  groups.push({ level: 'total', key: 'total', labels: [codeCell(''), codeCell(''), codeCell(''), textCell('合计')], facts: coded });
  return groups;
}

function functionalTable(d: Disclosure, scope: FactSelect, amounts: FactColumn): BuiltTable {
  const columns = [FUNCTION_LABELS, amounts];
  const facts = functionFacts(d).filter(scope);
  // An empty table prints its 合计 line alone.
  const groups = functionalGroups(d, facts);
  return { header: factHeader(columns), rows: factRows(columns, groups) };
}

const basicAndProject = (group: string): FactColumn =>
  columnGroup(group, [sumColumn('合计', everything), sumColumn('基本支出', kindIs('basic')), sumColumn('项目支出', kindIs('project'))]);

/** 收入预算总表: 功能 × income source. */
export const incomeSummary = (d: Disclosure): BuiltTable =>
  functionalTable(
    d,
    everything,
    columnGroup('收入预算', [
      sumColumn('合计', everything),
      sumColumn('财政拨款收入', isFiscal),
      sumColumn('事业收入', sourceIs('serviceIncome')),
      sumColumn('事业单位经营收入', sourceIs('businessIncome')),
      sumColumn('其他收入', sourceIs('otherIncome')),
    ]),
  );

/** 支出预算总表: 功能 × 基本/项目, every source. */
export const expenditureSummary = (d: Disclosure): BuiltTable => functionalTable(d, everything, basicAndProject('支出预算'));

/** 一般公共预算 / 政府性基金 / 国有资本经营 支出功能分类预算表. */
export const fundByFunction =
  (fund: Fund, group: string) =>
  (d: Disclosure): BuiltTable =>
    functionalTable(d, fundIs(fund), basicAndProject(group));

/** The 功能分类 类 lines of a summary form: `一、一般公共服务支出` with the class's facts, in code order. */
function classLines(d: Disclosure, facts: readonly FactView[]): { label: string; facts: FactView[] }[] {
  const coded = facts.filter((f): f is FactView & { func: string } => f.func !== null);
  return distinctCodes(coded.map((f) => f.func.slice(0, 3))).map((cls, i) => ({
    label: `${chineseOrdinal(i + 1)}、${functionalName(d.catalogue, cls)}`,
    facts: coded.filter((f) => f.func.startsWith(cls)),
  }));
}

/** Pairs two columns of printed lines row by row, as the summary forms print income beside expenditure. */
function pairedLines(left: readonly Cell[][], right: readonly Cell[][], leftWidth: number, rightWidth: number): Row[] {
  const count = Math.max(left.length, right.length);
  const blank = (width: number): Cell[] => [textCell(''), ...Array.from({ length: width - 1 }, () => amountCell(null))];
  return Array.from({ length: count }, (_, i) => ({
    level: 'line' as const,
    key: `line:${i + 1}`,
    cells: [...(left[i] ?? blank(leftWidth)), ...(right[i] ?? blank(rightWidth))],
  }));
}

/** 财务收支预算总表: income by source, expenditure by 功能 类. */
export function incomeExpenditureSummary(d: Disclosure): BuiltTable {
  const facts = functionFacts(d);
  const header: HeaderNode[] = [
    { label: '本年收入', children: [{ label: '项目', kind: 'text' }, { label: '预算数' }] },
    { label: '本年支出', children: [{ label: '项目', kind: 'text' }, { label: '预算数' }] },
  ];
  const income = (label: string, select: FactSelect): Cell[] => [textCell(label), amountCell(sumFacts(facts, select))];
  const incomeLines = [
    income('一、财政拨款收入', isFiscal),
    income('1.一般公共预算资金', fundIs('generalBudget')),
    income('2.政府性基金', fundIs('govFund')),
    income('3.国有资本经营预算', fundIs('stateCapital')),
    income('二、事业收入', sourceIs('serviceIncome')),
    income('三、事业单位经营收入', sourceIs('businessIncome')),
    income('四、其他收入', sourceIs('otherIncome')),
  ];
  const expenditureLines = classLines(d, facts).map((line) => [textCell(line.label), amountCell(sumFacts(line.facts))]);
  const total = sumFacts(facts);
  return {
    header,
    rows: [
      ...pairedLines(incomeLines, expenditureLines, 2, 2),
      { level: 'total', key: 'total', cells: [textCell('收入总计'), amountCell(total ?? 0), textCell('支出总计'), amountCell(total ?? 0)] },
    ],
  };
}

/** 财政拨款收支预算总表: fiscal income by fund, fiscal expenditure by 功能 类 and fund. */
export function fiscalSummary(d: Disclosure): BuiltTable {
  const facts = functionFacts(d).filter(isFiscal);
  const header: HeaderNode[] = [
    { label: '财政拨款收入', children: [{ label: '项目', kind: 'text' }, { label: '预算数' }] },
    {
      label: '财政拨款支出',
      children: [{ label: '项目', kind: 'text' }, { label: '合计' }, { label: '一般公共预算' }, { label: '政府性基金预算' }, { label: '国有资本经营预算' }],
    },
  ];
  const byFund = (list: readonly FactView[]): Cell[] => [amountCell(sumFacts(list)), ...FISCAL.map((fund) => amountCell(sumFacts(list, fundIs(fund))))];
  const incomeLines = [
    [textCell('一、一般公共预算资金'), amountCell(sumFacts(facts, fundIs('generalBudget')))],
    [textCell('二、政府性基金'), amountCell(sumFacts(facts, fundIs('govFund')))],
    [textCell('三、国有资本经营预算'), amountCell(sumFacts(facts, fundIs('stateCapital')))],
  ];
  const expenditureLines = classLines(d, facts).map((line) => [textCell(line.label), ...byFund(line.facts)]);
  const total = sumFacts(facts);
  return {
    header,
    rows: [
      ...pairedLines(incomeLines, expenditureLines, 2, 5),
      {
        level: 'total',
        key: 'total',
        cells: [textCell('收入总计'), amountCell(total ?? 0), textCell('支出总计'), ...byFund(facts).map((c, i) => (i === 0 ? amountCell(total ?? 0) : c))],
      },
    ],
  };
}

/** 一般公共预算基本支出部门预算经济分类预算表: 经济 类 and 款 × 人员/公用, 合计 last. */
export function generalBudgetBasic(d: Disclosure): BuiltTable {
  const facts = basicEconFacts(d).filter((f): f is FactView & { econ: string } => f.econ !== null);
  const columns: FactColumn[] = [
    columnGroup('项目', [columnGroup('部门预算经济分类科目编码', [labelColumn('类', 'code'), labelColumn('款', 'code')]), labelColumn('经济分类科目名称')]),
    columnGroup('一般公共预算基本支出', [sumColumn('合计', everything), sumColumn('人员经费', isPersonnelFact), sumColumn('公用经费', isOperatingFact)]),
  ];
  const label = (code: string): Cell[] => [codeCell(code.slice(0, 3)), codeCell(code.slice(3, 5)), textCell(econName(d.catalogue, code))];
  const groups: FactRowGroup[] = [];
  for (const cls of distinctCodes(facts.map((f) => f.econ.slice(0, 3)))) {
    const inClass = facts.filter((f) => f.econ.startsWith(cls));
    groups.push({ level: 'class', key: `class:${cls}`, labels: label(cls), facts: inClass });
    for (const section of distinctCodes(inClass.filter((f) => f.econ.length === 5).map((f) => f.econ))) {
      groups.push({ level: 'section', key: `section:${section}`, labels: label(section), facts: inClass.filter((f) => f.econ === section) });
    }
  }
  groups.push({ level: 'total', key: 'total', labels: [codeCell(''), codeCell(''), textCell('合计')], facts });
  return { header: factHeader(columns), rows: factRows(columns, groups) };
}

/** The econDept 款 of each 三公 item, for a disclosure whose facts give them (a ledger). */
const THREE_PUBLIC_ECON = { outboundTravel: '30212', reception: '30217', vehiclePurchase: '31013', vehicleOperation: '30231' } as const;

/**
 * “三公”经费和机关运行经费预算表 (万元). Shanghai's 三公 covers project spending too, which its
 * facts do not itemise by 款, so the items are the figures the document declares; from a full
 * ledger they are summed from their 款. 合计 and 小计 are always derived from the items.
 */
export function threePublicAndAdminCost(d: Disclosure): BuiltTable {
  const declared = d.declaredThreePublic;
  const fromLedger = (econ: string): Amount => sumAmounts(d.ledger.filter((r) => r.econ === econ).map((r) => r.amount));
  const item = (key: keyof typeof THREE_PUBLIC_ECON): Amount => (declared ? declared[key] : fromLedger(THREE_PUBLIC_ECON[key]));
  const [outbound, reception, purchase, operation] = [item('outboundTravel'), item('reception'), item('vehiclePurchase'), item('vehicleOperation')];
  const vehicles = sumAmounts([purchase, operation]);
  const header: HeaderNode[] = [
    {
      label: '“三公”经费预算数',
      children: [
        { label: '合计' },
        { label: '因公出国(境)费' },
        { label: '公务接待费' },
        { label: '公务用车购置及运行费', children: [{ label: '小计' }, { label: '购置费' }, { label: '运行费' }] },
      ],
    },
    { label: '机关运行经费预算数' },
  ];
  const cells = [sumAmounts([outbound, reception, vehicles]), outbound, reception, vehicles, purchase, operation, declared?.adminOperatingCost ?? null].map(
    amountCell,
  );
  // One line of figures: its key is `total` (narrative references read `threePublic:total:…`).
  return { header, rows: [{ level: 'line', key: 'total', cells }] };
}
