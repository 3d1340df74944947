/**
 * The expenditure tables (3, 4, 5, 7–21): cross-tabulations of the ledger. Each builder is its
 * official form's columns (what each column sums) and row set (which rows, at which levels).
 */
import { nameOf } from '../../catalogue/catalogue.ts';
import type { Disclosure } from '../../disclosure/model.ts';
import { SOURCE_INFO, type Fund } from '../../ledger/sources.ts';
import {
  all,
  col,
  crossTab,
  econClassIs,
  econGovClassIs,
  econGovIs,
  econIs,
  everything,
  group,
  inFund,
  isBasic,
  isOperating,
  isPersonnel,
  isProject,
  labelColumns,
  unitHierarchyGroups,
  viewRows,
  type ColumnSpec,
  type HierarchyOptions,
  type RowGroup,
  type Select,
  type ViewRow,
} from '../../tables/ledger-view.ts';
import { codeCell, textCell, type HeaderNode, type Row } from '../../tables/model.ts';
import { ECON_GOV_CLASSES } from './summary-tables.ts';

type Built = { header: HeaderNode[]; rows: Row[] };

const byKind =
  (kind: ViewRow['kind']): Select =>
  (r) =>
    r.kind === kind;

function hierarchyTable(d: Disclosure, scope: Select, spec: ColumnSpec[], options: HierarchyOptions): Built {
  const rows = viewRows(d).filter(scope);
  return crossTab([...labelColumns(options.layout), ...spec], unitHierarchyGroups(d, rows, options));
}

const FULL_HIERARCHY: HierarchyOptions = { layout: 'splitCodeAndName', functionalLevels: 'all', unitRows: true };
const ITEMS_BY_UNIT: HierarchyOptions = { layout: 'splitCodeAndUnit', functionalLevels: 'item', unitRows: true };
const BY_SUBJECT: HierarchyOptions = { layout: 'codeAndName', functionalLevels: 'all', unitRows: false };

/** 表3 支出总表. */
export function expenditureSummary(d: Disclosure): Built {
  return hierarchyTable(
    d,
    everything,
    [
      col('合计', everything),
      col('基本支出', byKind('basic')),
      col('项目支出', byKind('project')),
      col('事业单位经营支出', byKind('business')),
      col('上缴上级支出', byKind('remittance')),
      col('对附属单位补助支出', byKind('affiliateSubsidy')),
    ],
    FULL_HIERARCHY,
  );
}

/** Columns of tables 4 and 17: 总计 and each 政府预算经济分类 类. */
const econGovClassColumns = (): ColumnSpec[] => [col('总 计', everything), ...ECON_GOV_CLASSES.map(([code, label]) => col(label, econGovClassIs(code)))];

/** The 项目支出 columns of tables 5 and 18: one per 部门预算经济分类 类, in printed order. */
export const PROJECT_CLASS_COLUMNS: readonly (readonly [code: string, label: string])[] = [
  ['302', '按项目管理的商品和服务支出'],
  ['303', '按项目管理的对个人和家庭的补助'],
  ['307', '债务利息及费用支出'],
  ['309', '资本性支出（基本建设）'],
  ['310', '资本性支出'],
  ['311', '对企业补助（基本建设）'],
  ['312', '对企业补助'],
  ['313', '对社会保障基金补助'],
  ['399', '其他支出'],
];

/** Columns of tables 5 and 18: 基本支出 and 项目支出 by 部门预算经济分类 类. */
const econDeptClassColumns = (): ColumnSpec[] => [
  col('总 计', everything),
  group('基本支出', [
    col('合计', isBasic),
    col('工资福利支出', all(isBasic, econClassIs('301'))),
    col('一般商品和服务支出', isOperating),
    col('对个人和家庭的补助', all(isBasic, econClassIs('303'))),
  ]),
  group('项目支出', [col('合计', isProject), ...PROJECT_CLASS_COLUMNS.map(([code, label]) => col(label, all(isProject, econClassIs(code))))]),
];

/** 表4 支出预算分类汇总表（按政府预算经济分类）: table 17's layout over all funds. */
export const expenditureByEconGov = (d: Disclosure): Built => hierarchyTable(d, everything, econGovClassColumns(), ITEMS_BY_UNIT);
/** 表5 支出预算分类汇总表（按部门预算经济分类）: table 18's layout over all funds. */
export const expenditureByEconDept = (d: Disclosure): Built => hierarchyTable(d, everything, econDeptClassColumns(), ITEMS_BY_UNIT);

/** 表7 一般公共预算支出表. */
export function generalBudgetExpenditure(d: Disclosure): Built {
  return hierarchyTable(d, inFund('generalBudget'), basicAndProjectColumns('基本支出', '合计'), FULL_HIERARCHY);
}

/** 合计 | <basic group> (小计 | 人员经费 (工资福利支出 | 对个人和家庭的补助) | 公用经费) | 项目支出 — tables 7, 16, 19, 20. */
function basicAndProjectColumns(basicGroupLabel: string, totalLabel: string): ColumnSpec[] {
  return [
    col(totalLabel, everything),
    group(basicGroupLabel, [
      col('小计', isBasic),
      group('人员经费', [col('工资福利支出', all(isBasic, econClassIs('301'))), col('对个人和家庭的补助', all(isBasic, econClassIs('303')))]),
      col('公用经费', isOperating),
    ]),
    col('项目支出', isProject),
  ];
}

/** 表8 一般公共预算基本支出表: by 部门预算经济分类 类 and 款, 合计 last as printed. */
export function generalBudgetBasic(d: Disclosure): Built {
  const rows = viewRows(d).filter(all(inFund('generalBudget'), isBasic));
  const spec: ColumnSpec[] = [
    {
      label: '部门预算支出经济分类科目',
      children: [
        { label: '科目代码', kind: 'code' },
        { label: '科目名称', kind: 'text' },
      ],
    },
    group('本年一般公共预算基本支出', [col('合计', everything), col('人员经费', isPersonnel), col('公用经费', isOperating)]),
  ];
  const groups: RowGroup[] = [];
  const econName = (code: string) => nameOf(d.catalogue, 'econDept', code) ?? code;
  for (const cls of [...new Set(rows.map((r) => r.econClass))].sort()) {
    const inClass = rows.filter((r) => r.econClass === cls);
    groups.push({ level: 'class', key: `class:${cls}`, labels: [codeCell(cls), textCell(econName(cls))], rows: inClass });
    for (const section of [...new Set(inClass.map((r) => r.econ))].sort()) {
      groups.push({
        level: 'section',
        key: `section:${section}`,
        labels: [codeCell(section), textCell(econName(section))],
        rows: inClass.filter((r) => r.econ === section),
      });
    }
  }
  groups.push({ level: 'total', key: 'total', labels: [codeCell(''), textCell('合计')], rows });
  return crossTab(spec, groups);
}

const generalBudgetBasicOf = (econClass: string): Select => all(inFund('generalBudget'), isBasic, econClassIs(econClass));

/** 表9 人员经费(工资福利支出)(按政府预算经济分类). */
export const personnelWagesByEconGov = (d: Disclosure): Built =>
  hierarchyTable(
    d,
    generalBudgetBasicOf('301'),
    [
      col('总 计', everything),
      group('机关工资福利支出', [
        col('合计', econGovClassIs('501')),
        col('工资奖金津补贴', econGovIs('50101')),
        col('社会保障缴费', econGovIs('50102')),
        col('住房公积金', econGovIs('50103')),
        col('其他工资福利支出', econGovIs('50199')),
      ]),
      group('对事业单位经常性补助', [
        col('合计', econGovClassIs('505')),
        col('工资福利支出', econGovIs('50501')),
        col('其他对事业单位补助', econGovIs('50599')),
      ]),
    ],
    ITEMS_BY_UNIT,
  );

/** 表10 人员经费(工资福利支出)(按部门预算经济分类): 款 grouped as the econGov 501 款 group them. */
export const personnelWagesByEconDept = (d: Disclosure): Built =>
  hierarchyTable(
    d,
    generalBudgetBasicOf('301'),
    [
      col('总 计', everything),
      group('工资津补贴', [
        col('合计', econIs('30101', '30102', '30103', '30107')),
        col('基本工资', econIs('30101')),
        col('津贴补贴', econIs('30102')),
        col('奖金', econIs('30103')),
        col('绩效工资', econIs('30107')),
      ]),
      group('社会保障缴费', [
        col('合计', econIs('30108', '30109', '30110', '30111', '30112')),
        col('机关事业单位基本养老保险缴费', econIs('30108')),
        col('职业年金缴费', econIs('30109')),
        col('职工基本医疗保险缴费', econIs('30110')),
        col('公务员医疗补助缴费', econIs('30111')),
        col('其他社会保障缴费', econIs('30112')),
      ]),
      col('住房公积金', econIs('30113')),
      group('其他工资福利支出', [
        col('合计', econIs('30106', '30114', '30199')),
        col('伙食补助费', econIs('30106')),
        col('医疗费', econIs('30114')),
        col('其他工资福利支出', econIs('30199')),
      ]),
    ],
    ITEMS_BY_UNIT,
  );

/** 表11 人员经费(对个人和家庭的补助)(按政府预算经济分类). */
export const personnelHouseholdByEconGov = (d: Disclosure): Built =>
  hierarchyTable(
    d,
    generalBudgetBasicOf('303'),
    [
      col('总计', everything),
      col('社会福利和救济', econGovIs('50901')),
      col('助学金', econGovIs('50902')),
      col('个人农业生产补贴', econGovIs('50903')),
      col('离退休费', econGovIs('50905')),
      col('其他对个人和家庭的补助', econGovIs('50999')),
    ],
    ITEMS_BY_UNIT,
  );

/** The 303 款 as table 12 prints them, with the codes of the 2024 catalogue. */
const HOUSEHOLD_SECTIONS: readonly (readonly [string, string])[] = [
  ['30301', '离休费'],
  ['30302', '退休费'],
  ['30303', '退职（役）费'],
  ['30304', '抚恤金'],
  ['30305', '生活补助'],
  ['30306', '救济费'],
  ['30307', '医疗费补助'],
  ['30308', '助学金'],
  ['30309', '奖励金'],
  ['30311', '代缴社会保险费'],
  ['30310', '个人农业生产补贴'],
  ['30399', '其他对个人和家庭的补助'],
];

/** 表12 人员经费(对个人和家庭的补助)(按部门预算经济分类). */
export const personnelHouseholdByEconDept = (d: Disclosure): Built =>
  hierarchyTable(
    d,
    generalBudgetBasicOf('303'),
    [col('总计', everything), ...HOUSEHOLD_SECTIONS.map(([code, label]) => col(label, econIs(code)))],
    ITEMS_BY_UNIT,
  );

/** 表13 公用经费(商品和服务支出)(按政府预算经济分类). */
export const operatingByEconGov = (d: Disclosure): Built =>
  hierarchyTable(
    d,
    generalBudgetBasicOf('302'),
    [
      col('总计', everything),
      group('机关商品和服务支出', [
        col('合计', econGovClassIs('502')),
        ...(
          [
            ['50201', '办公经费'],
            ['50202', '会议费'],
            ['50203', '培训费'],
            ['50204', '专用材料购置费'],
            ['50205', '委托业务费'],
            ['50206', '公务接待费'],
            ['50207', '因公出国（境）费用'],
            ['50208', '公务用车运行维护费'],
            ['50209', '维修(护)费'],
            ['50299', '其他商品和服务支出'],
          ] as const
        ).map(([code, label]) => col(label, econGovIs(code))),
      ]),
      group('对事业单位经常性补助', [
        col('合计', econGovClassIs('505')),
        col('商品和服务支出', econGovIs('50502')),
        col('其他对事业单位补助', econGovIs('50599')),
      ]),
    ],
    ITEMS_BY_UNIT,
  );

/** The 302 款 as table 14 prints them. */
const GOODS_AND_SERVICES_SECTIONS: readonly (readonly [string, string])[] = [
  ['30201', '办公费'],
  ['30202', '印刷费'],
  ['30203', '咨询费'],
  ['30204', '手续费'],
  ['30205', '水费'],
  ['30206', '电费'],
  ['30207', '邮电费'],
  ['30208', '取暖费'],
  ['30209', '物业管理费'],
  ['30211', '差旅费'],
  ['30212', '因公出国（境）费用'],
  ['30213', '维修（护）费'],
  ['30214', '租赁费'],
  ['30215', '会议费'],
  ['30216', '培训费'],
  ['30217', '公务接待费'],
  ['30218', '专用材料费'],
  ['30224', '被装购置费'],
  ['30225', '专用燃料费'],
  ['30226', '劳务费'],
  ['30227', '委托业务费'],
  ['30228', '工会经费'],
  ['30229', '福利费'],
  ['30231', '公务用车运行维护费'],
  ['30239', '其他交通费用'],
  ['30240', '税金及附加费用'],
  ['30299', '其他商品和服务支出'],
];

/** 表14 公用经费(商品和服务支出)(按部门预算经济分类). */
export const operatingByEconDept = (d: Disclosure): Built =>
  hierarchyTable(
    d,
    generalBudgetBasicOf('302'),
    [col('总 计', everything), ...GOODS_AND_SERVICES_SECTIONS.map(([code, label]) => col(label, econIs(code)))],
    ITEMS_BY_UNIT,
  );

/** The 三公 econDept codes (GLOSSARY: threePublic). */
export const THREE_PUBLIC = { outboundTravel: '30212', vehiclePurchase: '31013', vehicleOperation: '30231', reception: '30217' } as const;
const isThreePublic = econIs(...Object.values(THREE_PUBLIC));

/** The 工资福利支出 款 as table 10 prints them (leaf label → code). */
const WAGE_SECTIONS: readonly (readonly [string, string])[] = [
  ['30101', '基本工资'],
  ['30102', '津贴补贴'],
  ['30103', '奖金'],
  ['30107', '绩效工资'],
  ['30108', '机关事业单位基本养老保险缴费'],
  ['30109', '职业年金缴费'],
  ['30110', '职工基本医疗保险缴费'],
  ['30111', '公务员医疗补助缴费'],
  ['30112', '其他社会保障缴费'],
  ['30113', '住房公积金'],
  ['30106', '伙食补助费'],
  ['30114', '医疗费'],
  ['30199', '其他工资福利支出'],
];

/**
 * The 部门预算经济分类 款 each 款-column table prints, by table id: what a workbook's leaf
 * column stands for, for the importer (src/lib/import/hunan-budget.ts).
 */
export const ECON_SECTION_COLUMNS: Readonly<Record<string, readonly (readonly [code: string, label: string])[]>> = {
  personnelWagesByEconDept: WAGE_SECTIONS,
  personnelHouseholdByEconDept: HOUSEHOLD_SECTIONS,
  operatingByEconDept: GOODS_AND_SERVICES_SECTIONS,
};

/** 表15 一般公共预算“三公”经费支出表. */
export const threePublicExpenditure = (d: Disclosure): Built =>
  hierarchyTable(
    d,
    all(inFund('generalBudget'), isThreePublic),
    [
      col('“三公”经费合计', everything),
      col('因公出国（境）费', econIs(THREE_PUBLIC.outboundTravel)),
      group('公务用车购置及运行费', [
        col('小计', econIs(THREE_PUBLIC.vehiclePurchase, THREE_PUBLIC.vehicleOperation)),
        col('公务用车购置费', econIs(THREE_PUBLIC.vehiclePurchase)),
        col('公务用车运行费', econIs(THREE_PUBLIC.vehicleOperation)),
      ]),
      col('公务接待费', econIs(THREE_PUBLIC.reception)),
    ],
    { layout: 'unitOnly', functionalLevels: 'none', unitRows: true },
  );

const FUND_EXPENDITURE_GROUP: Readonly<Partial<Record<Fund, string>>> = {
  govFund: '本年政府性基金预算支出',
  stateCapital: '本年国有资本经营预算支出',
  specialAccount: '本年财政专户管理资金预算支出',
};

/** 表16, 19, 20: one fund's expenditure by 功能分类, split basic/project. */
export const fundExpenditure =
  (fund: 'govFund' | 'stateCapital' | 'specialAccount') =>
  (d: Disclosure): Built =>
    hierarchyTable(d, inFund(fund), basicAndProjectColumns(FUND_EXPENDITURE_GROUP[fund] ?? '', '合计'), BY_SUBJECT);

/** 表17 政府性基金预算支出分类汇总表（按政府预算经济分类）. */
export const govFundByEconGov = (d: Disclosure): Built => hierarchyTable(d, inFund('govFund'), econGovClassColumns(), ITEMS_BY_UNIT);
/** 表18 政府性基金预算支出分类汇总表（按部门预算经济分类）. */
export const govFundByEconDept = (d: Disclosure): Built => hierarchyTable(d, inFund('govFund'), econDeptClassColumns(), ITEMS_BY_UNIT);

/**
 * 表21 专项资金预算汇总表: every 专项 project by source and by 预算编制方式. Its 预算额度 are this
 * year's allocations, so spending from last year's carry-over is not part of it.
 */
export function specialFundSummary(d: Disclosure): Built {
  const specialProjects = d.projects.filter((p) => p.specialFund);
  const specialIds = new Set(specialProjects.map((p) => p.id));
  const rows = viewRows(d).filter((r) => r.kind === 'project' && !r.carryover && r.project !== undefined && specialIds.has(r.project));
  const compiledBy =
    (way: 'department' | 'finance'): Select =>
    (r) =>
      specialProjects.find((p) => p.id === r.project)?.compilation === way;
  const part =
    (p: string): Select =>
    (r) =>
      r.fund === 'generalBudget' && sourcePart(r) === p;
  const spec: ColumnSpec[] = [
    { label: '单位代码', kind: 'code' },
    { label: '单位名称（专项名称）', kind: 'text' },
    group('预算额度', [
      col('总计', everything),
      group('一般公共预算', [
        col('一般公共预算小计', inFund('generalBudget')),
        col('经费拨款', part('appropriation')),
        col('纳入一般公共预算管理的非税收入', part('nonTax')),
        col('一般债券', part('generalBond')),
        col('外国政府和国际组织贷款', part('foreignLoan')),
        col('外国政府和国际组织赠款', part('foreignGrant')),
      ]),
      col('政府性基金', inFund('govFund')),
      col('国有资本经营预算', inFund('stateCapital')),
      col('社会保险基金预算资金', inFund('socialInsurance')),
    ]),
    group('预算编制方式', [col('编入部门预算金额', compiledBy('department')), col('财政代编金额', compiledBy('finance'))]),
  ];
  const groups: RowGroup[] = [{ level: 'total', key: 'total', labels: [codeCell(''), textCell('合计')], rows }];
  if (rows.length > 0) {
    groups.push({ level: 'department', key: `department:${d.department.code}`, labels: [codeCell(d.department.code), textCell(d.department.name)], rows });
    for (const project of specialProjects) {
      const own = rows.filter((r) => r.project === project.id);
      if (own.length > 0) groups.push({ level: 'project', key: `project:${project.id}`, labels: [codeCell(project.unit), textCell(project.name)], rows: own });
    }
  }
  return crossTab(spec, groups);
}

const sourcePart = (r: ViewRow): string | undefined => SOURCE_INFO[r.source].generalBudgetPart;
