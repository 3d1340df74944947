/**
 * Placement test for every financial table of the Hunan pack (the 21 tables built from the ledger).
 *
 * A small SYNTHETIC disclosure (invented department, units and amounts, named so) has sixteen
 * ledger facts R1…R16, two income lines I1, I2 and two carry-over lines C1, C2, each with its own
 * power of two in 元 (R1 = 1 元, R2 = 2 元 … C2 = 2^19 元), so every sum names the facts in it.
 * The facts are chosen so that every kind of selector the tables use has something to select:
 * both unit types (行政 admin, 事业 institution, whose 经济分类 map differently), 功能 项 in three
 * 类 with several 款 and 项, econDept 301/302/303/310/312 and the four 三公 款, every fund the
 * tables split (经费拨款, 非税收入, 政府性基金, 国有资本经营, 财政专户, 事业收入, 其他收入,
 * 上年结转), 基本 and 项目, 专项 projects compiled by the department and by the finance bureau.
 *
 * The expectation below is written by hand from the facts and the official meaning of each
 * column (GLOSSARY, the seed 003 forms), never computed by the code under test: for each table,
 * every non-empty amount cell as its row key, column path, amount in 元 and the facts it sums.
 * (The 元 figures were added up from the hand-written fact lists; the first test checks they
 * agree.) Every listed cell must hold exactly its amount, and every amount cell not listed must
 * be empty or 0, so a fact landing in a wrong row or column anywhere fails the test.
 */
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/lib/content/read-content-dir.ts';
import type { CarryoverLine, Disclosure, IncomeLine, LedgerRow, Project, Unit } from '../../src/lib/disclosure/model.ts';
import type { ExpenditureKind, FundingSource } from '../../src/lib/ledger/sources.ts';
import type { Table } from '../../src/lib/tables/model.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';
import { HUNAN_BUDGET } from '../../src/lib/templates/hunan-budget/pack.ts';

const catalogue = loadContentDir('content').catalogues.get(2024);
if (!catalogue) throw new Error('the 2024 catalogue is missing from content/');

const at = { file: 'synthetic-placement', line: 1, column: 1 };
const DEPARTMENT = '901';
const ADMIN = '901001'; // 行政单位
const INSTITUTION = '901002'; // 事业单位

const SYNTHETIC_UNITS: Unit[] = [
  { code: ADMIN, name: '合成测试本级（SYNTHETIC，行政单位）', type: 'admin' },
  { code: INSTITUTION, name: '合成测试中心（SYNTHETIC，事业单位）', type: 'institution' },
];

const SYNTHETIC_PROJECTS: Project[] = [
  { id: 'P1', unit: ADMIN, name: '合成测试专项一（SYNTHETIC，部门编制）', specialFund: true, compilation: 'department', at },
  { id: 'P2', unit: ADMIN, name: '合成测试专项二（SYNTHETIC，财政代编）', specialFund: true, compilation: 'finance', at },
  { id: 'P3', unit: INSTITUTION, name: '合成测试一般项目（SYNTHETIC，非专项）', specialFund: false, compilation: 'department', at },
  { id: 'P4', unit: INSTITUTION, name: '合成测试专项四（SYNTHETIC，部门编制）', specialFund: true, compilation: 'department', at },
];

type FactName = `R${number}` | 'I1' | 'I2' | 'C1' | 'C2';
const yuan = (n: number): number => 2 ** (n - 1); // fact Rn / the n-th fact is 2^(n-1) 元

/**
 * The SYNTHETIC ledger facts: [name, unit, 功能 项, econDept, source, kind, project].
 * econGov (2024 mapping, content/catalogues/2024/econ-mapping.yaml) is noted for each.
 */
const SYNTHETIC_FACTS: readonly (readonly [FactName, string, string, string, FundingSource, ExpenditureKind, string?])[] = [
  ['R1', ADMIN, '2010101', '30101', 'appropriation', 'basic'], // 基本工资 → 50101 工资奖金津补贴 (501)
  ['R2', ADMIN, '2010101', '30217', 'appropriation', 'basic'], // 公务接待费 (三公) → 50206 (502)
  ['R3', ADMIN, '2010101', '30231', 'adminFees', 'basic'], // 公务用车运行维护费 (三公), 非税收入 → 50208 (502)
  ['R4', ADMIN, '2010101', '31002', 'appropriation', 'basic'], // 办公设备购置: basic 资本性支出 = 公用经费 → 50306 (503)
  ['R5', ADMIN, '2010102', '30212', 'adminFees', 'project', 'P1'], // 因公出国（境）费用 (三公), 非税收入 → 50207 (502)
  ['R6', ADMIN, '2010102', '31013', 'appropriation', 'project', 'P1'], // 公务用车购置 (三公) → 50303 (503)
  ['R7', ADMIN, '2080505', '30108', 'appropriation', 'basic'], // 养老保险缴费 → 50102 社会保障缴费 (501)
  ['R8', ADMIN, '2120399', '310', 'govFund', 'project', 'P2'], // 资本性支出 (类 only) → 503
  ['R9', INSTITUTION, '2010150', '30101', 'appropriation', 'basic'], // 基本工资, 事业单位 → 50501 (505)
  ['R10', INSTITUTION, '2010150', '30201', 'appropriation', 'basic'], // 办公费, 事业单位 → 50502 (505)
  ['R11', INSTITUTION, '2080502', '30302', 'appropriation', 'basic'], // 退休费 → 50905 离退休费 (509)
  ['R12', INSTITUTION, '2010150', '30226', 'serviceIncome', 'basic'], // 劳务费 from 事业收入 (not 财政拨款) → 50502 (505)
  ['R13', INSTITUTION, '2129999', '30305', 'specialAccount', 'project', 'P3'], // 生活补助, 财政专户 → 50901 (509)
  ['R14', INSTITUTION, '2120501', '30101', 'govFund', 'basic'], // 基本工资 from 政府性基金 → 50501 (505)
  ['R15', INSTITUTION, '2120199', '312', 'stateCapital', 'project', 'P4'], // 对企业补助 (类 only) → 507
  ['R16', INSTITUTION, '2010199', '30227', 'carryoverGeneralBudget', 'project', 'P4'], // 委托业务费 from 上年结转 → 50502 (505)
];
/** Income no ledger row spends. */
const SYNTHETIC_INCOME: readonly (readonly [FactName, string, FundingSource])[] = [
  ['I1', ADMIN, 'appropriation'],
  ['I2', INSTITUTION, 'otherIncome'],
];
/** 年终结转结余. */
const SYNTHETIC_CARRYOVER_OUT: readonly (readonly [FactName, string, CarryoverLine['fund']])[] = [
  ['C1', ADMIN, 'generalBudget'],
  ['C2', INSTITUTION, 'other'],
];

const FACT_YUAN = new Map<string, number>([
  ...SYNTHETIC_FACTS.map(([name], i) => [name, yuan(i + 1)] as const),
  ['I1', yuan(17)],
  ['I2', yuan(18)],
  ['C1', yuan(19)],
  ['C2', yuan(20)],
]);

const ledger: LedgerRow[] = SYNTHETIC_FACTS.map(([name, unit, func, econ, source, kind, project]) => ({
  unit,
  func,
  econ,
  source,
  kind,
  ...(project === undefined ? {} : { project }),
  amount: (FACT_YUAN.get(name) ?? 0) * 100,
  at: { ...at, line: Number(name.slice(1)) },
}));
const income: IncomeLine[] = SYNTHETIC_INCOME.map(([name, unit, source]) => ({ unit, source, amount: (FACT_YUAN.get(name) ?? 0) * 100, at }));
const carryoverOut: CarryoverLine[] = SYNTHETIC_CARRYOVER_OUT.map(([name, unit, fund]) => ({ unit, fund, amount: (FACT_YUAN.get(name) ?? 0) * 100, at }));

const SYNTHETIC_DISCLOSURE: Disclosure = {
  id: `999901-${DEPARTMENT}-2024`,
  year: 2024,
  phase: 'budget',
  template: HUNAN_BUDGET.id,
  region: { code: '999901', name: '合成测试区（SYNTHETIC）' },
  department: { code: DEPARTMENT, name: '合成测试部门（SYNTHETIC）' },
  units: SYNTHETIC_UNITS,
  providedTables: HUNAN_BUDGET.tables.map((t) => t.id),
  projects: SYNTHETIC_PROJECTS,
  ledger,
  coarseFacts: null,
  declaredThreePublic: null,
  printedAsPublished: [],
  printStyle: { amountUnit: '万元', decimals: 2, zeroWhereNothing: [], labels: {}, notes: {} },
  income,
  carryoverOut,
  projectForms: [],
  unitForm: null,
  narrative: null,
  catalogue,
  privacyAllowList: [],
  provenance: { title: 'SYNTHETIC placement-test disclosure' },
  files: { disclosure: 'synthetic/disclosure.yaml', ledger: 'synthetic/ledger.yaml', performance: null },
};

// ---------------------------------------------------------------------------------------------
// The written expectation.

/** A cell of a grid table: column path (labels joined by `/`), amount in 元, the facts it sums. */
type GridCell = readonly [column: string, amountYuan: number, facts: string];
/** A cell of a line table (收支总表, 财政拨款收支总表): the 预算数 right of a label column, with the line's label. */
type LineCell = readonly [row: string, labelColumn: string, label: string, amountYuan: number, facts: string];

interface GridExpectation {
  readonly kind: 'grid';
  readonly cells: readonly (readonly [row: string, cell: GridCell])[];
}
interface LineExpectation {
  readonly kind: 'lines';
  readonly cells: readonly LineCell[];
}

/** The same cells in several rows (a 部门 row covers what 合计 covers; a 类 of one 款 repeats it). */
const rows = (keys: readonly string[], cells: readonly GridCell[]): (readonly [string, GridCell])[] =>
  keys.flatMap((key) => cells.map((cell) => [key, cell] as const));
const grid = (...parts: (readonly [string, GridCell])[][]): GridExpectation => ({ kind: 'grid', cells: parts.flat() });

const T = 'total';
const D = `department:${DEPARTMENT}`;
const U1 = `unit:${ADMIN}`;
const U2 = `unit:${INSTITUTION}`;
const item1 = (code: string) => `item:${ADMIN}:${code}`;
const item2 = (code: string) => `item:${INSTITUTION}:${code}`;
const class1 = (code: string) => `class:${ADMIN}:${code}`;
const class2 = (code: string) => `class:${INSTITUTION}:${code}`;
const section1 = (code: string) => `section:${ADMIN}:${code}`;
const section2 = (code: string) => `section:${INSTITUTION}:${code}`;

const IN = '收入/项目';
const FUNC = '支出/项目（按功能分类）';
const DEPT = '支出/项目（按部门预算经济分类）';
const GOV = '支出/项目（按政府预算经济分类）';
const FISCAL_IN = '收入/项目';
const FISCAL_OUT = '支出/项目';

const EXPECTED: Readonly<Record<string, GridExpectation | LineExpectation>> = {
  // 表1 收支总表: income by source (本年, so not R16's 上年结转), expenditure three ways.
  incomeExpenditureSummary: {
    kind: 'lines',
    cells: [
      ['line:1', IN, '一、一般公共预算拨款收入', 67455, 'R1..R7+R9+R10+R11+I1'],
      ['line:2', IN, '经费拨款', 67435, 'R1+R2+R4+R6+R7+R9+R10+R11+I1'],
      ['line:3', IN, '纳入一般公共预算管理的非税收入拨款', 20, 'R3+R5'],
      ['line:4', IN, '行政事业性收费收入', 20, 'R3+R5'],
      ['line:15', IN, '二、政府性基金预算拨款收入', 8320, 'R8+R14'],
      ['line:16', IN, '三、国有资本经营预算拨款收入', 16384, 'R15'],
      ['line:18', IN, '五、财政专户管理资金收入', 4096, 'R13'],
      ['line:23', IN, '七、事业收入', 2048, 'R12'],
      ['line:27', IN, '十一、其他收入', 131072, 'I2'],
      ['line:1', FUNC, '（一）一般公共服务支出', 35647, 'R1..R6+R9+R10+R12+R16'],
      ['line:8', FUNC, '（八）社会保障和就业支出', 1088, 'R7+R11'],
      ['line:12', FUNC, '（十二）城乡社区支出', 28800, 'R8+R13+R14+R15'],
      ['line:1', DEPT, '一、基本支出', 12111, 'R1+R2+R3+R4+R7+R9+R10+R11+R12+R14'],
      ['line:2', DEPT, '工资福利支出', 8513, 'R1+R7+R9+R14'],
      // The form's 基本支出 lines have no 资本性支出: basic 310 (R4) is 公用经费, printed under 商品和服务支出 (seed 003: 93.28 = 302 92.28 + 31002 1.00).
      ['line:3', DEPT, '商品和服务支出', 2574, 'R2+R3+R4+R10+R12'],
      ['line:4', DEPT, '对个人和家庭的补助', 1024, 'R11'],
      ['line:5', DEPT, '二、项目支出', 53424, 'R5+R6+R8+R13+R15+R16'],
      ['line:7', DEPT, '按项目管理的商品和服务支出', 32784, 'R5+R16'],
      ['line:8', DEPT, '按项目管理的对个人和家庭的补助', 4096, 'R13'],
      ['line:11', DEPT, '资本性支出', 160, 'R6+R8'],
      ['line:13', DEPT, '对企业补助', 16384, 'R15'],
      ['line:1', GOV, '一、机关工资福利支出', 65, 'R1+R7'],
      ['line:2', GOV, '二、机关商品和服务支出', 22, 'R2+R3+R5'],
      ['line:3', GOV, '三、机关资本性支出', 168, 'R4+R6+R8'],
      ['line:5', GOV, '五、对事业单位经常性补助', 43776, 'R9+R10+R12+R14+R16'],
      ['line:7', GOV, '七、对企业补助', 16384, 'R15'],
      ['line:9', GOV, '九、对个人和家庭的补助', 5120, 'R11+R13'],
      ['total:current', IN, '本年收入合计', 229375, 'R1..R15+I1+I2'],
      ['total:current', FUNC, '本年支出合计', 65535, 'R1..R16'],
      ['total:current', DEPT, '本年支出合计', 65535, 'R1..R16'],
      ['total:current', GOV, '本年支出合计', 65535, 'R1..R16'],
      ['line:carryover', IN, '上年结转结余', 32768, 'R16'],
      ['line:carryover', FUNC, '年终结转结余', 786432, 'C1+C2'],
      ['line:carryover', DEPT, '年终结转结余', 786432, 'C1+C2'],
      ['line:carryover', GOV, '年终结转结余', 786432, 'C1+C2'],
      ['total:grand', IN, '收入总计', 262143, 'R1..R16+I1+I2'],
      ['total:grand', FUNC, '支出总计', 851967, 'R1..R16+C1+C2'],
      ['total:grand', DEPT, '支出总计', 851967, 'R1..R16+C1+C2'],
      ['total:grand', GOV, '支出总计', 851967, 'R1..R16+C1+C2'],
    ],
  },

  // 表2 收入总表: per unit, 合计 = 上年结转 + every current source; income lines count where they belong.
  incomeSummary: grid(
    rows(
      [T, D],
      [
        ['合计', 262143, 'R1..R16+I1+I2'],
        ['上年结转结余', 32768, 'R16'],
        ['一般公共预算拨款收入/小计', 67455, 'R1..R7+R9+R10+R11+I1'],
        ['一般公共预算拨款收入/经费拨款', 67435, 'R1+R2+R4+R6+R7+R9+R10+R11+I1'],
        ['一般公共预算拨款收入/纳入一般公共预算管理的非税收入拨款', 20, 'R3+R5'],
        ['政府性基金预算拨款收入', 8320, 'R8+R14'],
        ['国有资本经营预算拨款收入', 16384, 'R15'],
        ['财政专户管理资金收入', 4096, 'R13'],
        ['事业收入', 2048, 'R12'],
        ['其他收入', 131072, 'I2'],
      ],
    ),
    rows(
      [U1],
      [
        ['合计', 65791, 'R1..R8+I1'],
        ['一般公共预算拨款收入/小计', 65663, 'R1..R7+I1'],
        ['一般公共预算拨款收入/经费拨款', 65643, 'R1+R2+R4+R6+R7+I1'],
        ['一般公共预算拨款收入/纳入一般公共预算管理的非税收入拨款', 20, 'R3+R5'],
        ['政府性基金预算拨款收入', 128, 'R8'],
      ],
    ),
    rows(
      [U2],
      [
        ['合计', 196352, 'R9..R16+I2'],
        ['上年结转结余', 32768, 'R16'],
        ['一般公共预算拨款收入/小计', 1792, 'R9+R10+R11'],
        ['一般公共预算拨款收入/经费拨款', 1792, 'R9+R10+R11'],
        ['政府性基金预算拨款收入', 8192, 'R14'],
        ['国有资本经营预算拨款收入', 16384, 'R15'],
        ['财政专户管理资金收入', 4096, 'R13'],
        ['事业收入', 2048, 'R12'],
        ['其他收入', 131072, 'I2'],
      ],
    ),
  ),

  // 表3 支出总表: every fund, 基本 / 项目, 合计 → 部门 → 单位 → 类 → 款 → 项.
  expenditureSummary: grid(
    rows(
      [T, D],
      [
        ['合计', 65535, 'R1..R16'],
        ['基本支出', 12111, 'R1+R2+R3+R4+R7+R9+R10+R11+R12+R14'],
        ['项目支出', 53424, 'R5+R6+R8+R13+R15+R16'],
      ],
    ),
    rows(
      [U1],
      [
        ['合计', 255, 'R1..R8'],
        ['基本支出', 79, 'R1+R2+R3+R4+R7'],
        ['项目支出', 176, 'R5+R6+R8'],
      ],
    ),
    rows(
      [class1('201'), section1('20101')],
      [
        ['合计', 63, 'R1..R6'],
        ['基本支出', 15, 'R1..R4'],
        ['项目支出', 48, 'R5+R6'],
      ],
    ),
    rows(
      [item1('2010101')],
      [
        ['合计', 15, 'R1..R4'],
        ['基本支出', 15, 'R1..R4'],
      ],
    ),
    rows(
      [item1('2010102')],
      [
        ['合计', 48, 'R5+R6'],
        ['项目支出', 48, 'R5+R6'],
      ],
    ),
    rows(
      [class1('208'), section1('20805'), item1('2080505')],
      [
        ['合计', 64, 'R7'],
        ['基本支出', 64, 'R7'],
      ],
    ),
    rows(
      [class1('212'), section1('21203'), item1('2120399')],
      [
        ['合计', 128, 'R8'],
        ['项目支出', 128, 'R8'],
      ],
    ),
    rows(
      [U2],
      [
        ['合计', 65280, 'R9..R16'],
        ['基本支出', 12032, 'R9+R10+R11+R12+R14'],
        ['项目支出', 53248, 'R13+R15+R16'],
      ],
    ),
    rows(
      [class2('201'), section2('20101')],
      [
        ['合计', 35584, 'R9+R10+R12+R16'],
        ['基本支出', 2816, 'R9+R10+R12'],
        ['项目支出', 32768, 'R16'],
      ],
    ),
    rows(
      [item2('2010150')],
      [
        ['合计', 2816, 'R9+R10+R12'],
        ['基本支出', 2816, 'R9+R10+R12'],
      ],
    ),
    rows(
      [item2('2010199')],
      [
        ['合计', 32768, 'R16'],
        ['项目支出', 32768, 'R16'],
      ],
    ),
    rows(
      [class2('208'), section2('20805'), item2('2080502')],
      [
        ['合计', 1024, 'R11'],
        ['基本支出', 1024, 'R11'],
      ],
    ),
    rows(
      [class2('212')],
      [
        ['合计', 28672, 'R13+R14+R15'],
        ['基本支出', 8192, 'R14'],
        ['项目支出', 20480, 'R13+R15'],
      ],
    ),
    rows(
      [section2('21201'), item2('2120199')],
      [
        ['合计', 16384, 'R15'],
        ['项目支出', 16384, 'R15'],
      ],
    ),
    rows(
      [section2('21205'), item2('2120501')],
      [
        ['合计', 8192, 'R14'],
        ['基本支出', 8192, 'R14'],
      ],
    ),
    rows(
      [section2('21299'), item2('2129999')],
      [
        ['合计', 4096, 'R13'],
        ['项目支出', 4096, 'R13'],
      ],
    ),
  ),

  // 表4 按政府预算经济分类: 行政单位 → 501/502/503, 事业单位 → 505, both → 507/509.
  expenditureByEconGov: grid(
    rows(
      [T, D],
      [
        ['总 计', 65535, 'R1..R16'],
        ['机关工资福利支出', 65, 'R1+R7'],
        ['机关商品和服务支出', 22, 'R2+R3+R5'],
        ['机关资本性支出', 168, 'R4+R6+R8'],
        ['对事业单位经常性补助', 43776, 'R9+R10+R12+R14+R16'],
        ['对企业补助', 16384, 'R15'],
        ['对个人和家庭的补助', 5120, 'R11+R13'],
      ],
    ),
    rows(
      [U1],
      [
        ['总 计', 255, 'R1..R8'],
        ['机关工资福利支出', 65, 'R1+R7'],
        ['机关商品和服务支出', 22, 'R2+R3+R5'],
        ['机关资本性支出', 168, 'R4+R6+R8'],
      ],
    ),
    rows(
      [item1('2010101')],
      [
        ['总 计', 15, 'R1..R4'],
        ['机关工资福利支出', 1, 'R1'],
        ['机关商品和服务支出', 6, 'R2+R3'],
        ['机关资本性支出', 8, 'R4'],
      ],
    ),
    rows(
      [item1('2010102')],
      [
        ['总 计', 48, 'R5+R6'],
        ['机关商品和服务支出', 16, 'R5'],
        ['机关资本性支出', 32, 'R6'],
      ],
    ),
    rows(
      [item1('2080505')],
      [
        ['总 计', 64, 'R7'],
        ['机关工资福利支出', 64, 'R7'],
      ],
    ),
    rows(
      [item1('2120399')],
      [
        ['总 计', 128, 'R8'],
        ['机关资本性支出', 128, 'R8'],
      ],
    ),
    rows(
      [U2],
      [
        ['总 计', 65280, 'R9..R16'],
        ['对事业单位经常性补助', 43776, 'R9+R10+R12+R14+R16'],
        ['对企业补助', 16384, 'R15'],
        ['对个人和家庭的补助', 5120, 'R11+R13'],
      ],
    ),
    rows(
      [item2('2010150')],
      [
        ['总 计', 2816, 'R9+R10+R12'],
        ['对事业单位经常性补助', 2816, 'R9+R10+R12'],
      ],
    ),
    rows(
      [item2('2010199')],
      [
        ['总 计', 32768, 'R16'],
        ['对事业单位经常性补助', 32768, 'R16'],
      ],
    ),
    rows(
      [item2('2080502')],
      [
        ['总 计', 1024, 'R11'],
        ['对个人和家庭的补助', 1024, 'R11'],
      ],
    ),
    rows(
      [item2('2120199')],
      [
        ['总 计', 16384, 'R15'],
        ['对企业补助', 16384, 'R15'],
      ],
    ),
    rows(
      [item2('2120501')],
      [
        ['总 计', 8192, 'R14'],
        ['对事业单位经常性补助', 8192, 'R14'],
      ],
    ),
    rows(
      [item2('2129999')],
      [
        ['总 计', 4096, 'R13'],
        ['对个人和家庭的补助', 4096, 'R13'],
      ],
    ),
  ),

  // 表5 按部门预算经济分类: 基本 by 301 / 公用 (302 and basic 310) / 303, 项目 by 类.
  expenditureByEconDept: grid(
    rows(
      [T, D],
      [
        ['总 计', 65535, 'R1..R16'],
        ['基本支出/合计', 12111, 'R1+R2+R3+R4+R7+R9+R10+R11+R12+R14'],
        ['基本支出/工资福利支出', 8513, 'R1+R7+R9+R14'],
        ['基本支出/一般商品和服务支出', 2574, 'R2+R3+R4+R10+R12'],
        ['基本支出/对个人和家庭的补助', 1024, 'R11'],
        ['项目支出/合计', 53424, 'R5+R6+R8+R13+R15+R16'],
        ['项目支出/按项目管理的商品和服务支出', 32784, 'R5+R16'],
        ['项目支出/按项目管理的对个人和家庭的补助', 4096, 'R13'],
        ['项目支出/资本性支出', 160, 'R6+R8'],
        ['项目支出/对企业补助', 16384, 'R15'],
      ],
    ),
    rows(
      [U1],
      [
        ['总 计', 255, 'R1..R8'],
        ['基本支出/合计', 79, 'R1+R2+R3+R4+R7'],
        ['基本支出/工资福利支出', 65, 'R1+R7'],
        ['基本支出/一般商品和服务支出', 14, 'R2+R3+R4'],
        ['项目支出/合计', 176, 'R5+R6+R8'],
        ['项目支出/按项目管理的商品和服务支出', 16, 'R5'],
        ['项目支出/资本性支出', 160, 'R6+R8'],
      ],
    ),
    rows(
      [item1('2010101')],
      [
        ['总 计', 15, 'R1..R4'],
        ['基本支出/合计', 15, 'R1..R4'],
        ['基本支出/工资福利支出', 1, 'R1'],
        ['基本支出/一般商品和服务支出', 14, 'R2+R3+R4'],
      ],
    ),
    rows(
      [item1('2010102')],
      [
        ['总 计', 48, 'R5+R6'],
        ['项目支出/合计', 48, 'R5+R6'],
        ['项目支出/按项目管理的商品和服务支出', 16, 'R5'],
        ['项目支出/资本性支出', 32, 'R6'],
      ],
    ),
    rows(
      [item1('2080505')],
      [
        ['总 计', 64, 'R7'],
        ['基本支出/合计', 64, 'R7'],
        ['基本支出/工资福利支出', 64, 'R7'],
      ],
    ),
    rows(
      [item1('2120399')],
      [
        ['总 计', 128, 'R8'],
        ['项目支出/合计', 128, 'R8'],
        ['项目支出/资本性支出', 128, 'R8'],
      ],
    ),
    rows(
      [U2],
      [
        ['总 计', 65280, 'R9..R16'],
        ['基本支出/合计', 12032, 'R9+R10+R11+R12+R14'],
        ['基本支出/工资福利支出', 8448, 'R9+R14'],
        ['基本支出/一般商品和服务支出', 2560, 'R10+R12'],
        ['基本支出/对个人和家庭的补助', 1024, 'R11'],
        ['项目支出/合计', 53248, 'R13+R15+R16'],
        ['项目支出/按项目管理的商品和服务支出', 32768, 'R16'],
        ['项目支出/按项目管理的对个人和家庭的补助', 4096, 'R13'],
        ['项目支出/对企业补助', 16384, 'R15'],
      ],
    ),
    rows(
      [item2('2010150')],
      [
        ['总 计', 2816, 'R9+R10+R12'],
        ['基本支出/合计', 2816, 'R9+R10+R12'],
        ['基本支出/工资福利支出', 256, 'R9'],
        ['基本支出/一般商品和服务支出', 2560, 'R10+R12'],
      ],
    ),
    rows(
      [item2('2010199')],
      [
        ['总 计', 32768, 'R16'],
        ['项目支出/合计', 32768, 'R16'],
        ['项目支出/按项目管理的商品和服务支出', 32768, 'R16'],
      ],
    ),
    rows(
      [item2('2080502')],
      [
        ['总 计', 1024, 'R11'],
        ['基本支出/合计', 1024, 'R11'],
        ['基本支出/对个人和家庭的补助', 1024, 'R11'],
      ],
    ),
    rows(
      [item2('2120199')],
      [
        ['总 计', 16384, 'R15'],
        ['项目支出/合计', 16384, 'R15'],
        ['项目支出/对企业补助', 16384, 'R15'],
      ],
    ),
    rows(
      [item2('2120501')],
      [
        ['总 计', 8192, 'R14'],
        ['基本支出/合计', 8192, 'R14'],
        ['基本支出/工资福利支出', 8192, 'R14'],
      ],
    ),
    rows(
      [item2('2129999')],
      [
        ['总 计', 4096, 'R13'],
        ['项目支出/合计', 4096, 'R13'],
        ['项目支出/按项目管理的对个人和家庭的补助', 4096, 'R13'],
      ],
    ),
  ),

  // 表6 财政拨款收支总表: 一般公共预算 + 政府性基金 + 国有资本经营 only (not 财政专户 R13, 事业收入 R12, 其他收入 I2, C2).
  fiscalSummary: {
    kind: 'lines',
    cells: [
      ['line:1', FISCAL_IN, '一、本年收入', 92159, 'R1..R11+R14+R15+I1'],
      ['line:2', FISCAL_IN, '（一）一般公共预算拨款', 67455, 'R1..R7+R9+R10+R11+I1'],
      ['line:3', FISCAL_IN, '经费拨款', 67435, 'R1+R2+R4+R6+R7+R9+R10+R11+I1'],
      ['line:4', FISCAL_IN, '纳入一般公共预算管理的非税收入拨款', 20, 'R3+R5'],
      ['line:5', FISCAL_IN, '（二）政府性基金预算拨款', 8320, 'R8+R14'],
      ['line:6', FISCAL_IN, '（三）国有资本经营预算拨款', 16384, 'R15'],
      ['line:8', FISCAL_IN, '二、上年结转', 32768, 'R16'],
      ['line:9', FISCAL_IN, '（一）一般公共预算拨款', 32768, 'R16'],
      ['line:1', FISCAL_OUT, '一、本年支出', 59391, 'R1..R11+R14+R15+R16'],
      ['line:2', FISCAL_OUT, '（一）一般公共服务支出', 33599, 'R1..R6+R9+R10+R16'],
      ['line:9', FISCAL_OUT, '（八）社会保障和就业支出', 1088, 'R7+R11'],
      ['line:13', FISCAL_OUT, '（十二）城乡社区支出', 24704, 'R8+R14+R15'],
      ['line:32', FISCAL_OUT, '二、年终结转结余', 262144, 'C1'],
      ['total:grand', FISCAL_IN, '收入总计', 124927, 'R1..R11+R14+R15+R16+I1'],
      ['total:grand', FISCAL_OUT, '支出总计', 321535, 'R1..R11+R14+R15+R16+C1'],
    ],
  },

  // 表7 一般公共预算支出表: R1–R7, R9–R11 and R16 (上年结转 一般公共预算 is still 一般公共预算).
  generalBudgetExpenditure: grid(
    rows(
      [T, D],
      [
        ['合计', 34687, 'R1..R7+R9+R10+R11+R16'],
        ['基本支出/小计', 1871, 'R1+R2+R3+R4+R7+R9+R10+R11'],
        ['基本支出/人员经费/工资福利支出', 321, 'R1+R7+R9'],
        ['基本支出/人员经费/对个人和家庭的补助', 1024, 'R11'],
        ['基本支出/公用经费', 526, 'R2+R3+R4+R10'],
        ['项目支出', 32816, 'R5+R6+R16'],
      ],
    ),
    rows(
      [U1],
      [
        ['合计', 127, 'R1..R7'],
        ['基本支出/小计', 79, 'R1+R2+R3+R4+R7'],
        ['基本支出/人员经费/工资福利支出', 65, 'R1+R7'],
        ['基本支出/公用经费', 14, 'R2+R3+R4'],
        ['项目支出', 48, 'R5+R6'],
      ],
    ),
    rows(
      [class1('201'), section1('20101')],
      [
        ['合计', 63, 'R1..R6'],
        ['基本支出/小计', 15, 'R1..R4'],
        ['基本支出/人员经费/工资福利支出', 1, 'R1'],
        ['基本支出/公用经费', 14, 'R2+R3+R4'],
        ['项目支出', 48, 'R5+R6'],
      ],
    ),
    rows(
      [item1('2010101')],
      [
        ['合计', 15, 'R1..R4'],
        ['基本支出/小计', 15, 'R1..R4'],
        ['基本支出/人员经费/工资福利支出', 1, 'R1'],
        ['基本支出/公用经费', 14, 'R2+R3+R4'],
      ],
    ),
    rows(
      [item1('2010102')],
      [
        ['合计', 48, 'R5+R6'],
        ['项目支出', 48, 'R5+R6'],
      ],
    ),
    rows(
      [class1('208'), section1('20805'), item1('2080505')],
      [
        ['合计', 64, 'R7'],
        ['基本支出/小计', 64, 'R7'],
        ['基本支出/人员经费/工资福利支出', 64, 'R7'],
      ],
    ),
    rows(
      [U2],
      [
        ['合计', 34560, 'R9+R10+R11+R16'],
        ['基本支出/小计', 1792, 'R9+R10+R11'],
        ['基本支出/人员经费/工资福利支出', 256, 'R9'],
        ['基本支出/人员经费/对个人和家庭的补助', 1024, 'R11'],
        ['基本支出/公用经费', 512, 'R10'],
        ['项目支出', 32768, 'R16'],
      ],
    ),
    rows(
      [class2('201'), section2('20101')],
      [
        ['合计', 33536, 'R9+R10+R16'],
        ['基本支出/小计', 768, 'R9+R10'],
        ['基本支出/人员经费/工资福利支出', 256, 'R9'],
        ['基本支出/公用经费', 512, 'R10'],
        ['项目支出', 32768, 'R16'],
      ],
    ),
    rows(
      [item2('2010150')],
      [
        ['合计', 768, 'R9+R10'],
        ['基本支出/小计', 768, 'R9+R10'],
        ['基本支出/人员经费/工资福利支出', 256, 'R9'],
        ['基本支出/公用经费', 512, 'R10'],
      ],
    ),
    rows(
      [item2('2010199')],
      [
        ['合计', 32768, 'R16'],
        ['项目支出', 32768, 'R16'],
      ],
    ),
    rows(
      [class2('208'), section2('20805'), item2('2080502')],
      [
        ['合计', 1024, 'R11'],
        ['基本支出/小计', 1024, 'R11'],
        ['基本支出/人员经费/对个人和家庭的补助', 1024, 'R11'],
      ],
    ),
  ),

  // 表8 一般公共预算基本支出表: by econDept 类 and 款; 人员 = 301 + 303, 公用 = 302 + 310.
  generalBudgetBasic: grid(
    rows(
      ['class:301'],
      [
        ['本年一般公共预算基本支出/合计', 321, 'R1+R7+R9'],
        ['本年一般公共预算基本支出/人员经费', 321, 'R1+R7+R9'],
      ],
    ),
    rows(
      ['section:30101'],
      [
        ['本年一般公共预算基本支出/合计', 257, 'R1+R9'],
        ['本年一般公共预算基本支出/人员经费', 257, 'R1+R9'],
      ],
    ),
    rows(
      ['section:30108'],
      [
        ['本年一般公共预算基本支出/合计', 64, 'R7'],
        ['本年一般公共预算基本支出/人员经费', 64, 'R7'],
      ],
    ),
    rows(
      ['class:302'],
      [
        ['本年一般公共预算基本支出/合计', 518, 'R2+R3+R10'],
        ['本年一般公共预算基本支出/公用经费', 518, 'R2+R3+R10'],
      ],
    ),
    rows(
      ['section:30201'],
      [
        ['本年一般公共预算基本支出/合计', 512, 'R10'],
        ['本年一般公共预算基本支出/公用经费', 512, 'R10'],
      ],
    ),
    rows(
      ['section:30217'],
      [
        ['本年一般公共预算基本支出/合计', 2, 'R2'],
        ['本年一般公共预算基本支出/公用经费', 2, 'R2'],
      ],
    ),
    rows(
      ['section:30231'],
      [
        ['本年一般公共预算基本支出/合计', 4, 'R3'],
        ['本年一般公共预算基本支出/公用经费', 4, 'R3'],
      ],
    ),
    rows(
      ['class:303', 'section:30302'],
      [
        ['本年一般公共预算基本支出/合计', 1024, 'R11'],
        ['本年一般公共预算基本支出/人员经费', 1024, 'R11'],
      ],
    ),
    rows(
      ['class:310', 'section:31002'],
      [
        ['本年一般公共预算基本支出/合计', 8, 'R4'],
        ['本年一般公共预算基本支出/公用经费', 8, 'R4'],
      ],
    ),
    rows(
      [T],
      [
        ['本年一般公共预算基本支出/合计', 1871, 'R1+R2+R3+R4+R7+R9+R10+R11'],
        ['本年一般公共预算基本支出/人员经费', 1345, 'R1+R7+R9+R11'],
        ['本年一般公共预算基本支出/公用经费', 526, 'R2+R3+R4+R10'],
      ],
    ),
  ),

  // 表9 工资福利支出 按政府预算经济分类: general-budget basic 301 only (not R14, 政府性基金).
  personnelWagesByEconGov: grid(
    rows(
      [T, D],
      [
        ['总 计', 321, 'R1+R7+R9'],
        ['机关工资福利支出/合计', 65, 'R1+R7'],
        ['机关工资福利支出/工资奖金津补贴', 1, 'R1'],
        ['机关工资福利支出/社会保障缴费', 64, 'R7'],
        ['对事业单位经常性补助/合计', 256, 'R9'],
        ['对事业单位经常性补助/工资福利支出', 256, 'R9'],
      ],
    ),
    rows(
      [U1],
      [
        ['总 计', 65, 'R1+R7'],
        ['机关工资福利支出/合计', 65, 'R1+R7'],
        ['机关工资福利支出/工资奖金津补贴', 1, 'R1'],
        ['机关工资福利支出/社会保障缴费', 64, 'R7'],
      ],
    ),
    rows(
      [item1('2010101')],
      [
        ['总 计', 1, 'R1'],
        ['机关工资福利支出/合计', 1, 'R1'],
        ['机关工资福利支出/工资奖金津补贴', 1, 'R1'],
      ],
    ),
    rows(
      [item1('2080505')],
      [
        ['总 计', 64, 'R7'],
        ['机关工资福利支出/合计', 64, 'R7'],
        ['机关工资福利支出/社会保障缴费', 64, 'R7'],
      ],
    ),
    rows(
      [U2, item2('2010150')],
      [
        ['总 计', 256, 'R9'],
        ['对事业单位经常性补助/合计', 256, 'R9'],
        ['对事业单位经常性补助/工资福利支出', 256, 'R9'],
      ],
    ),
  ),

  // 表10 工资福利支出 按部门预算经济分类.
  personnelWagesByEconDept: grid(
    rows(
      [T, D],
      [
        ['总 计', 321, 'R1+R7+R9'],
        ['工资津补贴/合计', 257, 'R1+R9'],
        ['工资津补贴/基本工资', 257, 'R1+R9'],
        ['社会保障缴费/合计', 64, 'R7'],
        ['社会保障缴费/机关事业单位基本养老保险缴费', 64, 'R7'],
      ],
    ),
    rows(
      [U1],
      [
        ['总 计', 65, 'R1+R7'],
        ['工资津补贴/合计', 1, 'R1'],
        ['工资津补贴/基本工资', 1, 'R1'],
        ['社会保障缴费/合计', 64, 'R7'],
        ['社会保障缴费/机关事业单位基本养老保险缴费', 64, 'R7'],
      ],
    ),
    rows(
      [item1('2010101')],
      [
        ['总 计', 1, 'R1'],
        ['工资津补贴/合计', 1, 'R1'],
        ['工资津补贴/基本工资', 1, 'R1'],
      ],
    ),
    rows(
      [item1('2080505')],
      [
        ['总 计', 64, 'R7'],
        ['社会保障缴费/合计', 64, 'R7'],
        ['社会保障缴费/机关事业单位基本养老保险缴费', 64, 'R7'],
      ],
    ),
    rows(
      [U2, item2('2010150')],
      [
        ['总 计', 256, 'R9'],
        ['工资津补贴/合计', 256, 'R9'],
        ['工资津补贴/基本工资', 256, 'R9'],
      ],
    ),
  ),

  // 表11 对个人和家庭的补助 按政府预算经济分类: general-budget basic 303 (not R13, a 财政专户 project).
  personnelHouseholdByEconGov: grid(
    rows(
      [T, D, U2, item2('2080502')],
      [
        ['总计', 1024, 'R11'],
        ['离退休费', 1024, 'R11'],
      ],
    ),
  ),

  // 表12 对个人和家庭的补助 按部门预算经济分类.
  personnelHouseholdByEconDept: grid(
    rows(
      [T, D, U2, item2('2080502')],
      [
        ['总计', 1024, 'R11'],
        ['退休费', 1024, 'R11'],
      ],
    ),
  ),

  // 表13 商品和服务支出 按政府预算经济分类: general-budget basic 302 (not R4 310, not R12 事业收入, not R5 a project).
  operatingByEconGov: grid(
    rows(
      [T, D],
      [
        ['总计', 518, 'R2+R3+R10'],
        ['机关商品和服务支出/合计', 6, 'R2+R3'],
        ['机关商品和服务支出/公务接待费', 2, 'R2'],
        ['机关商品和服务支出/公务用车运行维护费', 4, 'R3'],
        ['对事业单位经常性补助/合计', 512, 'R10'],
        ['对事业单位经常性补助/商品和服务支出', 512, 'R10'],
      ],
    ),
    rows(
      [U1, item1('2010101')],
      [
        ['总计', 6, 'R2+R3'],
        ['机关商品和服务支出/合计', 6, 'R2+R3'],
        ['机关商品和服务支出/公务接待费', 2, 'R2'],
        ['机关商品和服务支出/公务用车运行维护费', 4, 'R3'],
      ],
    ),
    rows(
      [U2, item2('2010150')],
      [
        ['总计', 512, 'R10'],
        ['对事业单位经常性补助/合计', 512, 'R10'],
        ['对事业单位经常性补助/商品和服务支出', 512, 'R10'],
      ],
    ),
  ),

  // 表14 商品和服务支出 按部门预算经济分类.
  operatingByEconDept: grid(
    rows(
      [T, D],
      [
        ['总 计', 518, 'R2+R3+R10'],
        ['办公费', 512, 'R10'],
        ['公务接待费', 2, 'R2'],
        ['公务用车运行维护费', 4, 'R3'],
      ],
    ),
    rows(
      [U1, item1('2010101')],
      [
        ['总 计', 6, 'R2+R3'],
        ['公务接待费', 2, 'R2'],
        ['公务用车运行维护费', 4, 'R3'],
      ],
    ),
    rows(
      [U2, item2('2010150')],
      [
        ['总 计', 512, 'R10'],
        ['办公费', 512, 'R10'],
      ],
    ),
  ),

  // 表15 “三公”经费: general-budget 30212, 31013, 30231, 30217, basic and project alike.
  threePublic: grid(
    rows(
      [T, D, U1],
      [
        ['“三公”经费合计', 54, 'R2+R3+R5+R6'],
        ['因公出国（境）费', 16, 'R5'],
        ['公务用车购置及运行费/小计', 36, 'R3+R6'],
        ['公务用车购置及运行费/公务用车购置费', 32, 'R6'],
        ['公务用车购置及运行费/公务用车运行费', 4, 'R3'],
        ['公务接待费', 2, 'R2'],
      ],
    ),
  ),

  // 表16 政府性基金预算支出表: R8 (project), R14 (basic 301), by 科目 only.
  govFundExpenditure: grid(
    rows(
      [T, 'class:212'],
      [
        ['合计', 8320, 'R8+R14'],
        ['本年政府性基金预算支出/小计', 8192, 'R14'],
        ['本年政府性基金预算支出/人员经费/工资福利支出', 8192, 'R14'],
        ['项目支出', 128, 'R8'],
      ],
    ),
    rows(
      ['section:21203', 'item:2120399'],
      [
        ['合计', 128, 'R8'],
        ['项目支出', 128, 'R8'],
      ],
    ),
    rows(
      ['section:21205', 'item:2120501'],
      [
        ['合计', 8192, 'R14'],
        ['本年政府性基金预算支出/小计', 8192, 'R14'],
        ['本年政府性基金预算支出/人员经费/工资福利支出', 8192, 'R14'],
      ],
    ),
  ),

  // 表17 政府性基金 按政府预算经济分类: R8 (行政, 310 → 503), R14 (事业, 30101 → 505).
  govFundByEconGov: grid(
    rows(
      [T, D],
      [
        ['总 计', 8320, 'R8+R14'],
        ['机关资本性支出', 128, 'R8'],
        ['对事业单位经常性补助', 8192, 'R14'],
      ],
    ),
    rows(
      [U1, item1('2120399')],
      [
        ['总 计', 128, 'R8'],
        ['机关资本性支出', 128, 'R8'],
      ],
    ),
    rows(
      [U2, item2('2120501')],
      [
        ['总 计', 8192, 'R14'],
        ['对事业单位经常性补助', 8192, 'R14'],
      ],
    ),
  ),

  // 表18 政府性基金 按部门预算经济分类.
  govFundByEconDept: grid(
    rows(
      [T, D],
      [
        ['总 计', 8320, 'R8+R14'],
        ['基本支出/合计', 8192, 'R14'],
        ['基本支出/工资福利支出', 8192, 'R14'],
        ['项目支出/合计', 128, 'R8'],
        ['项目支出/资本性支出', 128, 'R8'],
      ],
    ),
    rows(
      [U1, item1('2120399')],
      [
        ['总 计', 128, 'R8'],
        ['项目支出/合计', 128, 'R8'],
        ['项目支出/资本性支出', 128, 'R8'],
      ],
    ),
    rows(
      [U2, item2('2120501')],
      [
        ['总 计', 8192, 'R14'],
        ['基本支出/合计', 8192, 'R14'],
        ['基本支出/工资福利支出', 8192, 'R14'],
      ],
    ),
  ),

  // 表19 国有资本经营预算支出表: R15 alone.
  stateCapitalExpenditure: grid(
    rows(
      [T, 'class:212', 'section:21201', 'item:2120199'],
      [
        ['合计', 16384, 'R15'],
        ['项目支出', 16384, 'R15'],
      ],
    ),
  ),

  // 表20 财政专户管理资金预算支出表: R13 alone.
  specialAccountExpenditure: grid(
    rows(
      [T, 'class:212', 'section:21299', 'item:2129999'],
      [
        ['合计', 4096, 'R13'],
        ['项目支出', 4096, 'R13'],
      ],
    ),
  ),

  // 表21 专项资金预算汇总表: this year's money of 专项 P1, P2, P4 (not P3, not R16 from 上年结转).
  specialFundSummary: grid(
    rows(
      [T, D],
      [
        ['预算额度/总计', 16560, 'R5+R6+R8+R15'],
        ['预算额度/一般公共预算/一般公共预算小计', 48, 'R5+R6'],
        ['预算额度/一般公共预算/经费拨款', 32, 'R6'],
        ['预算额度/一般公共预算/纳入一般公共预算管理的非税收入', 16, 'R5'],
        ['预算额度/政府性基金', 128, 'R8'],
        ['预算额度/国有资本经营预算', 16384, 'R15'],
        ['预算编制方式/编入部门预算金额', 16432, 'R5+R6+R15'],
        ['预算编制方式/财政代编金额', 128, 'R8'],
      ],
    ),
    rows(
      ['project:P1'],
      [
        ['预算额度/总计', 48, 'R5+R6'],
        ['预算额度/一般公共预算/一般公共预算小计', 48, 'R5+R6'],
        ['预算额度/一般公共预算/经费拨款', 32, 'R6'],
        ['预算额度/一般公共预算/纳入一般公共预算管理的非税收入', 16, 'R5'],
        ['预算编制方式/编入部门预算金额', 48, 'R5+R6'],
      ],
    ),
    rows(
      ['project:P2'],
      [
        ['预算额度/总计', 128, 'R8'],
        ['预算额度/政府性基金', 128, 'R8'],
        ['预算编制方式/财政代编金额', 128, 'R8'],
      ],
    ),
    rows(
      ['project:P4'],
      [
        ['预算额度/总计', 16384, 'R15'],
        ['预算额度/国有资本经营预算', 16384, 'R15'],
        ['预算编制方式/编入部门预算金额', 16384, 'R15'],
      ],
    ),
  ),
};

// ---------------------------------------------------------------------------------------------
// Reading the tables.

const plain = (text: string): string => text.replace(/[\s\u3000]+/gu, '');

/** `R1..R4+R9+I1` → the fact names. */
function factNames(sum: string): string[] {
  return sum.split('+').flatMap((part) => {
    const range = /^R(\d+)\.\.R(\d+)$/u.exec(part);
    if (!range) return [part];
    const [from, to] = [Number(range[1]), Number(range[2])];
    return Array.from({ length: to - from + 1 }, (_, i) => `R${from + i}`);
  });
}
const sumOfFacts = (sum: string): number =>
  factNames(sum).reduce((total, name) => {
    const value = FACT_YUAN.get(name);
    if (value === undefined) throw new Error(`unknown fact ${name}`);
    return total + value;
  }, 0);

function columnIndex(table: Table, path: string): number {
  const matches = table.columns.filter((c) => c.path.join('/') === path);
  if (matches.length !== 1 || !matches[0]) throw new Error(`${table.id}: column ${path} matches ${matches.length} columns`);
  return matches[0].index;
}

/** Expected 分 by `rowKey#columnIndex`, after checking each line cell's label. */
function expectedCells(table: Table, expectation: GridExpectation | LineExpectation): Map<string, number> {
  const cells = new Map<string, number>();
  const put = (row: string, index: number, amountYuan: number) => {
    const key = `${row}#${index}`;
    if (cells.has(key)) throw new Error(`${table.id}: ${key} listed twice`);
    cells.set(key, amountYuan * 100);
  };
  if (expectation.kind === 'grid') {
    for (const [row, [column, amountYuan]] of expectation.cells) put(row, columnIndex(table, column), amountYuan);
  } else {
    for (const [rowKey, labelColumn, label, amountYuan] of expectation.cells) {
      const labelIndex = columnIndex(table, labelColumn);
      const row = table.rows.find((r) => r.key === rowKey);
      const labelCell = row?.cells[labelIndex];
      expect(labelCell && labelCell.kind !== 'amount' ? plain(labelCell.value) : undefined, `${table.id} ${rowKey} ${labelColumn}`).toBe(plain(label));
      put(rowKey, labelIndex + 1, amountYuan);
    }
  }
  return cells;
}

const allExpectations = (): { table: string; facts: string; amountYuan: number }[] =>
  Object.entries(EXPECTED).flatMap(([table, e]) =>
    e.kind === 'grid'
      ? e.cells.map(([, [, amountYuan, facts]]) => ({ table, facts, amountYuan }))
      : e.cells.map(([, , , amountYuan, facts]) => ({ table, facts, amountYuan })),
  );

const tables = buildTables(SYNTHETIC_DISCLOSURE);
const LEDGER_TABLES = HUNAN_BUDGET.tables.filter((t) => t.source === 'facts').map((t) => t.id);

describe('the Hunan pack places each SYNTHETIC fact in its cell', () => {
  it('writes each expected amount as the sum of the facts its comment names', () => {
    const wrong = allExpectations().filter((e) => sumOfFacts(e.facts) !== e.amountYuan);
    expect(wrong).toEqual([]);
  });

  it('has a written expectation for each of the 21 tables built from the ledger', () => {
    expect(LEDGER_TABLES).toHaveLength(21);
    expect(Object.keys(EXPECTED).sort()).toEqual([...LEDGER_TABLES].sort());
  });

  it.each(LEDGER_TABLES)('%s holds each listed amount in its row and column, and nothing in any other amount cell', (id) => {
    const table = tables.find((t) => t.id === id);
    const expectation = EXPECTED[id];
    if (!table || !expectation) throw new Error(`table ${id} not built or not expected`);
    const expected = expectedCells(table, expectation);
    const actual = new Map<string, number | null>();
    for (const row of table.rows) {
      row.cells.forEach((cell, index) => {
        if (cell.kind === 'amount') actual.set(`${row.key}#${index}`, cell.value);
      });
    }
    const missing = [...expected.keys()].filter((key) => !actual.has(key));
    expect(missing, `${id}: listed cells the table does not have`).toEqual([]);
    const placed = [...actual].map(([key, value]) => [key, value ?? 0] as const).filter(([key, value]) => expected.has(key) || value !== 0);
    const wanted = [...expected].filter(([key]) => actual.has(key));
    // A cell named by its row and column, and on a line table by the label left of it.
    const describe = (key: string) => {
      const [rowKey, index] = key.split('#');
      const label = table.rows.find((r) => r.key === rowKey)?.cells[Number(index) - 1];
      const line = label && label.kind === 'text' ? ` ${plain(label.value)}` : '';
      return `${rowKey} | ${table.columns[Number(index)]?.path.join('/') ?? index}${line}`;
    };
    expect(Object.fromEntries(placed.map(([key, value]) => [describe(key), value / 100]))).toEqual(
      Object.fromEntries(wanted.map(([key, value]) => [describe(key), value / 100])),
    );
  });
});

/**
 * 表21's 预算额度 prints 总计 and its parts by source: 一般公共预算, 政府性基金, 国有资本经营预算,
 * 社会保险基金预算资金 (seed 003's header; the form has no 财政专户 or 事业收入 column). So 总计
 * is the sum of those parts. A 专项 paid partly from 财政专户管理资金 (R17 below, SYNTHETIC) shows
 * the builder summing `everything` into 总计: its 总计 then exceeds the parts the row prints.
 * Believed a builder bug (specialFundSummary, 总计 = everything); marked `fails` until it is settled.
 */
describe('the Hunan 专项资金预算汇总表 with a 专项 partly paid from 财政专户', () => {
  const R17: LedgerRow = {
    unit: INSTITUTION,
    func: '2129999',
    econ: '30227',
    source: 'specialAccount',
    kind: 'project',
    project: 'P4',
    amount: 2 ** 20 * 100,
    at: { ...at, line: 17 },
  };
  const table = buildTables({ ...SYNTHETIC_DISCLOSURE, ledger: [...ledger, R17] }).find((t) => t.id === 'specialFundSummary');
  const PARTS = ['预算额度/一般公共预算/一般公共预算小计', '预算额度/政府性基金', '预算额度/国有资本经营预算', '预算额度/社会保险基金预算资金'];

  it.fails("prints each row's 总计 as the sum of the sources it prints (so not R17)", () => {
    if (!table) throw new Error('specialFundSummary not built');
    const amount = (key: string, path: string): number => {
      const cell = table.rows.find((r) => r.key === key)?.cells[columnIndex(table, path)];
      return cell?.kind === 'amount' ? (cell.value ?? 0) / 100 : Number.NaN;
    };
    const totals = (key: string) => ({ total: amount(key, '预算额度/总计'), parts: PARTS.reduce((s, p) => s + amount(key, p), 0) });
    // Hand-written: 总计 of 合计 and of P4 stay R5+R6+R8+R15 = 16560 and R15 = 16384.
    expect({ total: totals('total'), P4: totals('project:P4') }).toEqual({ total: { total: 16560, parts: 16560 }, P4: { total: 16384, parts: 16384 } });
  });
});
