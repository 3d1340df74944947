/**
 * Placement test for every table of the Shanghai pack: a SYNTHETIC disclosure with one fact per
 * code, each a distinct power of two (1, 2, 4 … 元), so every printed sum names the facts it adds.
 * The expectation below is written by hand from the official meaning of each column, not computed
 * by the code under test; every amount cell it does not list must be empty, so a fact that lands
 * in a wrong row or column anywhere fails.
 */
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/lib/content/read-content-dir.ts';
import type { Disclosure, Fact } from '../../src/lib/disclosure/model.ts';
import type { ExpenditureKind, FundingSource } from '../../src/lib/ledger/sources.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';
import { SHANGHAI_BUDGET } from '../../src/lib/templates/shanghai-budget/pack.ts';

const catalogue = loadContentDir('content').catalogues.get(2024);
if (!catalogue) throw new Error('content/catalogues/2024 missing');
const at = { file: 'synthetic/ledger.yaml', line: 1, column: 1 };
const yuan = (n: number): number => n * 100;
const wan = (hundredths: number): number => hundredths * 10_000;

const byFunction = (func: string, source: FundingSource, kind: ExpenditureKind, amountYuan: number): Fact => ({
  unit: null,
  func,
  econ: null,
  source,
  kind,
  amount: yuan(amountYuan),
  at,
});
const byEcon = (econ: string, amountYuan: number): Fact => ({
  unit: null,
  func: null,
  econ,
  source: 'generalBudget',
  kind: 'basic',
  amount: yuan(amountYuan),
  at,
});

// F1…F7 by 功能 项, E1…E4 by 经济 款 (SYNTHETIC).
const FUNCTION_FACTS = [
  byFunction('2010101', 'generalBudget', 'basic', 1), // F1
  byFunction('2010102', 'generalBudget', 'project', 2), // F2
  byFunction('2080501', 'govFund', 'basic', 4), // F3
  byFunction('2080505', 'stateCapital', 'project', 8), // F4
  byFunction('2010101', 'serviceIncome', 'project', 16), // F5
  byFunction('2120101', 'otherIncome', 'basic', 32), // F6
  byFunction('2120101', 'businessIncome', 'project', 64), // F7
];
const ECON_FACTS = [byEcon('30101', 128), byEcon('30201', 256), byEcon('30302', 512), byEcon('31002', 1024)]; // E1 E2 E3 E4

const disclosure: Disclosure = {
  id: '990001-synthetic-2024',
  year: 2024,
  phase: 'budget',
  template: SHANGHAI_BUDGET.id,
  region: { code: '990001', name: '合成区（SYNTHETIC）' },
  department: { code: 'synthetic', name: '合成部门（SYNTHETIC）' },
  units: [],
  providedTables: SHANGHAI_BUDGET.tables.map((t) => t.id),
  projects: [],
  ledger: [],
  coarseFacts: { byFunction: FUNCTION_FACTS, basicByEcon: ECON_FACTS },
  // 三公 in 0.01 万元: 出国 1, 接待 2, 购置 4, 运行 8, 机关运行经费 16 (SYNTHETIC).
  declaredThreePublic: { outboundTravel: wan(1), reception: wan(2), vehiclePurchase: wan(4), vehicleOperation: wan(8), adminOperatingCost: wan(16), at },
  printedAsPublished: [],
  printStyle: { amountUnit: '元', decimals: 0, zeroWhereNothing: [], labels: {}, notes: {} },
  income: [],
  carryoverOut: [],
  projectForms: [],
  unitForm: null,
  narrative: null,
  catalogue,
  privacyAllowList: [],
  provenance: { title: 'SYNTHETIC' },
  files: { disclosure: 'synthetic/disclosure.yaml', ledger: 'synthetic/ledger.yaml', performance: null },
};

type Expected = readonly (readonly [row: string, column: string, amount: number])[];
const Y = yuan;

/** Every non-empty amount cell of every table, by row key and full column path (amounts in 分). */
const EXPECTED: Readonly<Record<string, Expected>> = {
  incomeExpenditureSummary: [
    ['line:1', '本年收入/预算数', Y(15)], // 一、财政拨款收入 F1+F2+F3+F4
    ['line:2', '本年收入/预算数', Y(3)], // 1.一般公共预算资金 F1+F2
    ['line:3', '本年收入/预算数', Y(4)], // 2.政府性基金 F3
    ['line:4', '本年收入/预算数', Y(8)], // 3.国有资本经营预算 F4
    ['line:5', '本年收入/预算数', Y(16)], // 二、事业收入 F5
    ['line:6', '本年收入/预算数', Y(64)], // 三、事业单位经营收入 F7
    ['line:7', '本年收入/预算数', Y(32)], // 四、其他收入 F6
    ['line:1', '本年支出/预算数', Y(19)], // 一、一般公共服务支出 (201) F1+F2+F5
    ['line:2', '本年支出/预算数', Y(12)], // 二、社会保障和就业支出 (208) F3+F4
    ['line:3', '本年支出/预算数', Y(96)], // 三、城乡社区支出 (212) F6+F7
    ['total', '本年收入/预算数', Y(127)],
    ['total', '本年支出/预算数', Y(127)],
  ],
  incomeSummary: [
    ...(['class:201', 'section:20101'] as const).flatMap(
      (row) =>
        [
          [row, '收入预算/合计', Y(19)],
          [row, '收入预算/财政拨款收入', Y(3)],
          [row, '收入预算/事业收入', Y(16)],
        ] as const,
    ),
    ['item:2010101', '收入预算/合计', Y(17)], // F1+F5
    ['item:2010101', '收入预算/财政拨款收入', Y(1)],
    ['item:2010101', '收入预算/事业收入', Y(16)],
    ['item:2010102', '收入预算/合计', Y(2)],
    ['item:2010102', '收入预算/财政拨款收入', Y(2)],
    ...(['class:208', 'section:20805'] as const).flatMap(
      (row) =>
        [
          [row, '收入预算/合计', Y(12)],
          [row, '收入预算/财政拨款收入', Y(12)],
        ] as const,
    ),
    ['item:2080501', '收入预算/合计', Y(4)],
    ['item:2080501', '收入预算/财政拨款收入', Y(4)],
    ['item:2080505', '收入预算/合计', Y(8)],
    ['item:2080505', '收入预算/财政拨款收入', Y(8)],
    ...(['class:212', 'section:21201', 'item:2120101'] as const).flatMap(
      (row) =>
        [
          [row, '收入预算/合计', Y(96)],
          [row, '收入预算/事业单位经营收入', Y(64)],
          [row, '收入预算/其他收入', Y(32)],
        ] as const,
    ),
    ['total', '收入预算/合计', Y(127)],
    ['total', '收入预算/财政拨款收入', Y(15)],
    ['total', '收入预算/事业收入', Y(16)],
    ['total', '收入预算/事业单位经营收入', Y(64)],
    ['total', '收入预算/其他收入', Y(32)],
  ],
  expenditureSummary: [
    ...(['class:201', 'section:20101'] as const).flatMap(
      (row) =>
        [
          [row, '支出预算/合计', Y(19)],
          [row, '支出预算/基本支出', Y(1)],
          [row, '支出预算/项目支出', Y(18)],
        ] as const,
    ),
    ['item:2010101', '支出预算/合计', Y(17)],
    ['item:2010101', '支出预算/基本支出', Y(1)],
    ['item:2010101', '支出预算/项目支出', Y(16)],
    ['item:2010102', '支出预算/合计', Y(2)],
    ['item:2010102', '支出预算/项目支出', Y(2)],
    ...(['class:208', 'section:20805'] as const).flatMap(
      (row) =>
        [
          [row, '支出预算/合计', Y(12)],
          [row, '支出预算/基本支出', Y(4)],
          [row, '支出预算/项目支出', Y(8)],
        ] as const,
    ),
    ['item:2080501', '支出预算/合计', Y(4)],
    ['item:2080501', '支出预算/基本支出', Y(4)],
    ['item:2080505', '支出预算/合计', Y(8)],
    ['item:2080505', '支出预算/项目支出', Y(8)],
    ...(['class:212', 'section:21201', 'item:2120101'] as const).flatMap(
      (row) =>
        [
          [row, '支出预算/合计', Y(96)],
          [row, '支出预算/基本支出', Y(32)],
          [row, '支出预算/项目支出', Y(64)],
        ] as const,
    ),
    ['total', '支出预算/合计', Y(127)],
    ['total', '支出预算/基本支出', Y(37)],
    ['total', '支出预算/项目支出', Y(90)],
  ],
  fiscalSummary: [
    ['line:1', '财政拨款收入/预算数', Y(3)], // 一、一般公共预算资金
    ['line:2', '财政拨款收入/预算数', Y(4)], // 二、政府性基金
    ['line:3', '财政拨款收入/预算数', Y(8)], // 三、国有资本经营预算
    ['line:1', '财政拨款支出/合计', Y(3)], // 一、一般公共服务支出: F1+F2 (F5 is 事业收入, not 财政拨款)
    ['line:1', '财政拨款支出/一般公共预算', Y(3)],
    ['line:2', '财政拨款支出/合计', Y(12)], // 二、社会保障和就业支出
    ['line:2', '财政拨款支出/政府性基金预算', Y(4)],
    ['line:2', '财政拨款支出/国有资本经营预算', Y(8)],
    ['total', '财政拨款收入/预算数', Y(15)],
    ['total', '财政拨款支出/合计', Y(15)],
    ['total', '财政拨款支出/一般公共预算', Y(3)],
    ['total', '财政拨款支出/政府性基金预算', Y(4)],
    ['total', '财政拨款支出/国有资本经营预算', Y(8)],
  ],
  generalBudgetExpenditure: [
    ...(['class:201', 'section:20101', 'total'] as const).flatMap(
      (row) =>
        [
          [row, '一般公共预算支出/合计', Y(3)],
          [row, '一般公共预算支出/基本支出', Y(1)],
          [row, '一般公共预算支出/项目支出', Y(2)],
        ] as const,
    ),
    ['item:2010101', '一般公共预算支出/合计', Y(1)],
    ['item:2010101', '一般公共预算支出/基本支出', Y(1)],
    ['item:2010102', '一般公共预算支出/合计', Y(2)],
    ['item:2010102', '一般公共预算支出/项目支出', Y(2)],
  ],
  govFundExpenditure: (['class:208', 'section:20805', 'item:2080501', 'total'] as const).flatMap(
    (row) =>
      [
        [row, '政府性基金预算支出/合计', Y(4)],
        [row, '政府性基金预算支出/基本支出', Y(4)],
      ] as const,
  ),
  stateCapitalExpenditure: (['class:208', 'section:20805', 'item:2080505', 'total'] as const).flatMap(
    (row) =>
      [
        [row, '国有资本经营预算支出/合计', Y(8)],
        [row, '国有资本经营预算支出/项目支出', Y(8)],
      ] as const,
  ),
  generalBudgetBasic: [
    ...(['class:301', 'section:30101'] as const).flatMap(
      (row) =>
        [
          [row, '一般公共预算基本支出/合计', Y(128)],
          [row, '一般公共预算基本支出/人员经费', Y(128)],
        ] as const,
    ),
    ...(['class:302', 'section:30201'] as const).flatMap(
      (row) =>
        [
          [row, '一般公共预算基本支出/合计', Y(256)],
          [row, '一般公共预算基本支出/公用经费', Y(256)],
        ] as const,
    ),
    ...(['class:303', 'section:30302'] as const).flatMap(
      (row) =>
        [
          [row, '一般公共预算基本支出/合计', Y(512)],
          [row, '一般公共预算基本支出/人员经费', Y(512)],
        ] as const,
    ),
    ...(['class:310', 'section:31002'] as const).flatMap(
      (row) =>
        [
          [row, '一般公共预算基本支出/合计', Y(1024)],
          [row, '一般公共预算基本支出/公用经费', Y(1024)],
        ] as const,
    ),
    ['total', '一般公共预算基本支出/合计', Y(1920)],
    ['total', '一般公共预算基本支出/人员经费', Y(640)], // E1+E3
    ['total', '一般公共预算基本支出/公用经费', Y(1280)], // E2+E4
  ],
  threePublic: [
    ['total', '“三公”经费预算数/合计', wan(15)], // 出国 + 接待 + 购置 + 运行
    ['total', '“三公”经费预算数/因公出国(境)费', wan(1)],
    ['total', '“三公”经费预算数/公务接待费', wan(2)],
    ['total', '“三公”经费预算数/公务用车购置及运行费/小计', wan(12)],
    ['total', '“三公”经费预算数/公务用车购置及运行费/购置费', wan(4)],
    ['total', '“三公”经费预算数/公务用车购置及运行费/运行费', wan(8)],
    ['total', '机关运行经费预算数', wan(16)],
  ],
  projectPerformance: [],
};

const tables = buildTables(disclosure);

describe('each fact of a SYNTHETIC Shanghai disclosure lands in exactly its expected cells', () => {
  it('has an expectation for every table of the pack', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(SHANGHAI_BUDGET.tables.map((t) => t.id).sort());
  });

  it.each(SHANGHAI_BUDGET.tables.map((t) => [t.id] as const))('%s holds the expected amounts and nothing else', (id) => {
    const table = tables.find((t) => t.id === id);
    if (!table) throw new Error(`no table ${id}`);
    const expected = new Map((EXPECTED[id] ?? []).map(([row, column, amount]) => [`${row} @ ${column}`, amount]));
    const actual = new Map<string, number>();
    for (const row of table.rows) {
      for (const column of table.columns) {
        const cell = row.cells[column.index];
        if (cell?.kind === 'amount' && cell.value !== null && cell.value !== 0) actual.set(`${row.key} @ ${column.path.join('/')}`, cell.value);
      }
    }
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
  });
});

describe('the 三公 table of a Shanghai disclosure whose facts are a full ledger', () => {
  it('puts each 三公 款 in its own item: 30212 出国, 30217 接待, 31013 购置, 30231 运行', () => {
    const row = (econ: string, amountYuan: number) => ({
      unit: '990001001',
      func: '2010101',
      econ,
      source: 'appropriation' as const,
      kind: 'basic' as const,
      amount: yuan(amountYuan),
      at,
    });
    const fromLedger: Disclosure = {
      ...disclosure,
      coarseFacts: null,
      declaredThreePublic: null,
      ledger: [row('30212', 100), row('30217', 200), row('31013', 400), row('30231', 800)],
    };
    const table = buildTables(fromLedger).find((t) => t.id === 'threePublic');
    const cells = table?.rows[0]?.cells.map((c) => (c.kind === 'amount' ? c.value : c.value));
    // 合计, 因公出国(境)费, 公务接待费, 小计, 购置费, 运行费, 机关运行经费 (not derivable from a ledger's 款 alone: blank)
    expect(cells).toEqual([Y(1500), Y(100), Y(200), Y(1200), Y(400), Y(800), null]);
  });
});
