/**
 * Mutation check of the table builders (a dev script, not run in CI):
 *
 *   node_modules/.bin/node scripts/mutation-check.ts          # every mutation
 *   node_modules/.bin/node scripts/mutation-check.ts --list   # check the mutations apply, run nothing
 *   node_modules/.bin/node scripts/mutation-check.ts H3 S2    # only these
 *
 * Each mutation swaps two codes or two selectors in one builder file of the Hunan or Shanghai pack.
 * One at a time it is written into the file in place, `npx vitest run tests/templates tests/golden`
 * runs, and the file is written back byte for byte (always: in `finally`, and on Ctrl-C, SIGTERM or
 * a crash). A mutation is killed when some test fails; one that SURVIVED means no test can tell
 * the swapped codes apart. Exits 1 if any survived or did not apply, 2 if the unmutated tests fail
 * or a file could not be restored identically (checked by SHA-256 at the end).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

interface Mutation {
  readonly id: string;
  readonly file: string;
  readonly what: string;
  /** Text that occurs exactly once in the file … */
  readonly from: string;
  /** … and what it becomes: the same text with two codes or selectors swapped. */
  readonly to: string;
}

const HUNAN_EXPENDITURE = 'src/lib/templates/hunan-budget/expenditure-tables.ts';
const HUNAN_SUMMARY = 'src/lib/templates/hunan-budget/summary-tables.ts';
const SHANGHAI = 'src/lib/templates/shanghai-budget/tables.ts';

const MUTATIONS: readonly Mutation[] = [
  {
    id: 'H1',
    file: HUNAN_EXPENDITURE,
    what: 'THREE_PUBLIC: 公务用车运行 30231 ↔ 公务接待 30217',
    from: "vehicleOperation: '30231', reception: '30217'",
    to: "vehicleOperation: '30217', reception: '30231'",
  },
  {
    id: 'H2',
    file: HUNAN_EXPENDITURE,
    what: 'THREE_PUBLIC: 因公出国 30212 ↔ 公务用车购置 31013',
    from: "outboundTravel: '30212', vehiclePurchase: '31013'",
    to: "outboundTravel: '31013', vehiclePurchase: '30212'",
  },
  {
    id: 'H3',
    file: HUNAN_EXPENDITURE,
    what: '表8 人员经费 isPersonnel ↔ 公用经费 isOperating',
    from: "col('人员经费', isPersonnel), col('公用经费', isOperating)",
    to: "col('人员经费', isOperating), col('公用经费', isPersonnel)",
  },
  {
    id: 'H4',
    file: HUNAN_EXPENDITURE,
    what: "表3 基本支出 byKind('basic') ↔ 项目支出 byKind('project')",
    from: "col('基本支出', byKind('basic')),\n      col('项目支出', byKind('project')),",
    to: "col('基本支出', byKind('project')),\n      col('项目支出', byKind('basic')),",
  },
  {
    id: 'H5',
    file: HUNAN_EXPENDITURE,
    what: '表7/16/19/20 人员经费: 工资福利 301 ↔ 对个人和家庭 303',
    from: "col('工资福利支出', all(isBasic, econClassIs('301'))), col('对个人和家庭的补助', all(isBasic, econClassIs('303')))",
    to: "col('工资福利支出', all(isBasic, econClassIs('303'))), col('对个人和家庭的补助', all(isBasic, econClassIs('301')))",
  },
  {
    id: 'H6',
    file: HUNAN_EXPENDITURE,
    what: '表5/18 基本支出: 工资福利 301 ↔ 对个人和家庭 303',
    from: "col('工资福利支出', all(isBasic, econClassIs('301'))),\n    col('一般商品和服务支出', isOperating),\n    col('对个人和家庭的补助', all(isBasic, econClassIs('303'))),",
    to: "col('工资福利支出', all(isBasic, econClassIs('303'))),\n    col('一般商品和服务支出', isOperating),\n    col('对个人和家庭的补助', all(isBasic, econClassIs('301'))),",
  },
  {
    id: 'H7',
    file: HUNAN_EXPENDITURE,
    what: "表21 政府性基金 inFund('govFund') ↔ 国有资本经营 inFund('stateCapital')",
    from: "col('政府性基金', inFund('govFund')),\n      col('国有资本经营预算', inFund('stateCapital')),",
    to: "col('政府性基金', inFund('stateCapital')),\n      col('国有资本经营预算', inFund('govFund')),",
  },
  {
    id: 'H8',
    file: HUNAN_EXPENDITURE,
    what: '表21 编入部门预算 department ↔ 财政代编 finance',
    from: "col('编入部门预算金额', compiledBy('department')), col('财政代编金额', compiledBy('finance'))",
    to: "col('编入部门预算金额', compiledBy('finance')), col('财政代编金额', compiledBy('department'))",
  },
  {
    id: 'H9',
    file: HUNAN_EXPENDITURE,
    what: '表21 经费拨款 ↔ 非税收入',
    from: "col('经费拨款', part('appropriation')),\n        col('纳入一般公共预算管理的非税收入', part('nonTax')),",
    to: "col('经费拨款', part('nonTax')),\n        col('纳入一般公共预算管理的非税收入', part('appropriation')),",
  },
  {
    id: 'H10',
    file: HUNAN_EXPENDITURE,
    what: '表13 公务接待费 50206 ↔ 公务用车运行维护费 50208',
    from: "['50206', '公务接待费'],\n            ['50207', '因公出国（境）费用'],\n            ['50208', '公务用车运行维护费'],",
    to: "['50208', '公务接待费'],\n            ['50207', '因公出国（境）费用'],\n            ['50206', '公务用车运行维护费'],",
  },
  {
    id: 'H11',
    file: HUNAN_EXPENDITURE,
    what: '表9 工资奖金津补贴 50101 ↔ 社会保障缴费 50102',
    from: "col('工资奖金津补贴', econGovIs('50101')),\n        col('社会保障缴费', econGovIs('50102')),",
    to: "col('工资奖金津补贴', econGovIs('50102')),\n        col('社会保障缴费', econGovIs('50101')),",
  },
  {
    id: 'H12',
    file: HUNAN_EXPENDITURE,
    what: '表12 离休费 30301 ↔ 退休费 30302',
    from: "['30301', '离休费'],\n  ['30302', '退休费'],",
    to: "['30302', '离休费'],\n  ['30301', '退休费'],",
  },
  {
    id: 'H13',
    file: HUNAN_EXPENDITURE,
    what: '表14 办公费 30201 ↔ 印刷费 30202',
    from: "['30201', '办公费'],\n  ['30202', '印刷费'],",
    to: "['30202', '办公费'],\n  ['30201', '印刷费'],",
  },
  {
    id: 'H14',
    file: HUNAN_SUMMARY,
    what: '政府经济分类 类 501 ↔ 502 (表1, 4, 17)',
    from: "['501', '机关工资福利支出'],\n  ['502', '机关商品和服务支出'],",
    to: "['502', '机关工资福利支出'],\n  ['501', '机关商品和服务支出'],",
  },
  {
    id: 'H15',
    file: HUNAN_SUMMARY,
    what: '表1 经费拨款 appropriation ↔ 非税收入 nonTax',
    from: "['经费拨款', sourceIs('appropriation')],\n  ['纳入一般公共预算管理的非税收入拨款', nonTax],",
    to: "['经费拨款', nonTax],\n  ['纳入一般公共预算管理的非税收入拨款', sourceIs('appropriation')],",
  },
  {
    id: 'H16',
    file: HUNAN_SUMMARY,
    what: '表1 按部门经济分类: 工资福利 301 ↔ 对个人和家庭 303',
    from: "['工资福利支出', all(isBasic, econClassIs('301'))],\n  ['商品和服务支出', all(isOperating)],\n  ['对个人和家庭的补助', all(isBasic, econClassIs('303'))],",
    to: "['工资福利支出', all(isBasic, econClassIs('303'))],\n  ['商品和服务支出', all(isOperating)],\n  ['对个人和家庭的补助', all(isBasic, econClassIs('301'))],",
  },
  {
    id: 'H17',
    file: HUNAN_SUMMARY,
    what: '表2 事业收入 serviceIncome ↔ 事业单位经营收入 businessIncome',
    from: "col('事业收入', by(sourceIs('serviceIncome'))),\n    col('事业单位经营收入', by(sourceIs('businessIncome'))),",
    to: "col('事业收入', by(sourceIs('businessIncome'))),\n    col('事业单位经营收入', by(sourceIs('serviceIncome'))),",
  },
  {
    id: 'H18',
    file: HUNAN_SUMMARY,
    what: "表6 政府性基金 sourceIs('govFund') ↔ 国有资本经营 sourceIs('stateCapital')",
    from: "['（二）政府性基金预算拨款', sumIncome(income, sourceIs('govFund'))],\n    ['（三）国有资本经营预算拨款', sumIncome(income, sourceIs('stateCapital'))],",
    to: "['（二）政府性基金预算拨款', sumIncome(income, sourceIs('stateCapital'))],\n    ['（三）国有资本经营预算拨款', sumIncome(income, sourceIs('govFund'))],",
  },
  {
    id: 'S1',
    file: SHANGHAI,
    what: "收入预算总表 事业收入 sourceIs('serviceIncome') ↔ 其他收入 sourceIs('otherIncome')",
    from: "sumColumn('事业收入', sourceIs('serviceIncome')),\n      sumColumn('事业单位经营收入', sourceIs('businessIncome')),\n      sumColumn('其他收入', sourceIs('otherIncome')),",
    to: "sumColumn('事业收入', sourceIs('otherIncome')),\n      sumColumn('事业单位经营收入', sourceIs('businessIncome')),\n      sumColumn('其他收入', sourceIs('serviceIncome')),",
  },
  {
    id: 'S2',
    file: SHANGHAI,
    what: "功能 tables 基本支出 kindIs('basic') ↔ 项目支出 kindIs('project')",
    from: "sumColumn('基本支出', kindIs('basic')), sumColumn('项目支出', kindIs('project'))",
    to: "sumColumn('基本支出', kindIs('project')), sumColumn('项目支出', kindIs('basic'))",
  },
  {
    id: 'S3',
    file: SHANGHAI,
    what: '一般公共预算基本支出 人员经费 isPersonnelFact ↔ 公用经费 isOperatingFact',
    from: "sumColumn('人员经费', isPersonnelFact), sumColumn('公用经费', isOperatingFact)",
    to: "sumColumn('人员经费', isOperatingFact), sumColumn('公用经费', isPersonnelFact)",
  },
  {
    id: 'S4',
    file: SHANGHAI,
    what: "财务收支预算总表 政府性基金 fundIs('govFund') ↔ 国有资本经营 fundIs('stateCapital')",
    from: "income('2.政府性基金', fundIs('govFund')),\n    income('3.国有资本经营预算', fundIs('stateCapital')),",
    to: "income('2.政府性基金', fundIs('stateCapital')),\n    income('3.国有资本经营预算', fundIs('govFund')),",
  },
  {
    id: 'S5',
    file: SHANGHAI,
    what: '财政拨款收支预算总表 income 政府性基金 ↔ 国有资本经营',
    from: "[textCell('二、政府性基金'), amountCell(sumFacts(facts, fundIs('govFund')))],\n    [textCell('三、国有资本经营预算'), amountCell(sumFacts(facts, fundIs('stateCapital')))],",
    to: "[textCell('二、政府性基金'), amountCell(sumFacts(facts, fundIs('stateCapital')))],\n    [textCell('三、国有资本经营预算'), amountCell(sumFacts(facts, fundIs('govFund')))],",
  },
  {
    id: 'S6',
    file: SHANGHAI,
    what: "财政拨款收支预算总表 expenditure columns: FISCAL 'govFund' ↔ 'stateCapital'",
    from: "const FISCAL: readonly Fund[] = ['generalBudget', 'govFund', 'stateCapital'];",
    to: "const FISCAL: readonly Fund[] = ['generalBudget', 'stateCapital', 'govFund'];",
  },
  {
    id: 'S7',
    file: SHANGHAI,
    what: '三公 from a ledger: 因公出国 30212 ↔ 公务接待 30217',
    from: "outboundTravel: '30212', reception: '30217'",
    to: "outboundTravel: '30217', reception: '30212'",
  },
  {
    id: 'S8',
    file: SHANGHAI,
    what: "收入预算总表 财政拨款收入 isFiscal ↔ 事业收入 sourceIs('serviceIncome')",
    from: "sumColumn('财政拨款收入', isFiscal),\n      sumColumn('事业收入', sourceIs('serviceIncome')),",
    to: "sumColumn('财政拨款收入', sourceIs('serviceIncome')),\n      sumColumn('事业收入', isFiscal),",
  },
];

const TEST_COMMAND = ['vitest', 'run', 'tests/templates', 'tests/golden'] as const;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const occurrences = (text: string, part: string): number => text.split(part).length - 1;

// The original bytes of every file a mutation touches, read once before anything is written.
const files = [...new Set(MUTATIONS.map((m) => m.file))];
const originals = new Map(files.map((file) => [file, readFileSync(file)] as const));
const originalHashes = new Map([...originals].map(([file, bytes]) => [file, sha256(bytes)] as const));

function restoreAll(): void {
  for (const [file, bytes] of originals) {
    try {
      if (!readFileSync(file).equals(bytes)) writeFileSync(file, bytes);
    } catch {
      writeFileSync(file, bytes);
    }
  }
}

let child: ChildProcess | null = null;
const onSignal = (signal: NodeJS.Signals) => {
  child?.kill('SIGTERM');
  restoreAll();
  process.stderr.write(`\n${signal}: every mutated file restored.\n`);
  process.exit(130);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('exit', restoreAll);
process.on('uncaughtException', (error) => {
  restoreAll();
  process.stderr.write(`${error.stack ?? String(error)}\nevery mutated file restored.\n`);
  process.exit(2);
});

/** Runs the tests; resolves to their exit code and the tail of their output. */
function runTests(): Promise<{ code: number; tail: string }> {
  return new Promise((resolve) => {
    let output = '';
    child = spawn('npx', [...TEST_COMMAND], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      child = null;
      resolve({ code: code ?? 1, tail: output.split('\n').slice(-25).join('\n') });
    });
  });
}

/** The mutated text of the file, or why the mutation does not apply. */
function mutatedText(m: Mutation): { ok: true; text: string } | { ok: false; reason: string } {
  const original = originals.get(m.file)?.toString('utf8') ?? '';
  const count = occurrences(original, m.from);
  if (count !== 1) return { ok: false, reason: `'from' occurs ${count} times in ${m.file}` };
  if (m.from === m.to) return { ok: false, reason: "'to' equals 'from'" };
  return { ok: true, text: original.replace(m.from, () => m.to) };
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - [...text].length));

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const listOnly = args.includes('--list');
  const only = args.filter((a) => !a.startsWith('--'));
  const selected = only.length > 0 ? MUTATIONS.filter((m) => only.includes(m.id)) : MUTATIONS;

  const results: { m: Mutation; outcome: 'killed' | 'SURVIVED' | 'NOT APPLIED'; note: string }[] = [];
  const applicable = selected.filter((m) => {
    const mutated = mutatedText(m);
    if (!mutated.ok) results.push({ m, outcome: 'NOT APPLIED', note: mutated.reason });
    return mutated.ok;
  });
  if (listOnly) {
    for (const m of selected) process.stdout.write(`${m.id}\t${applicable.includes(m) ? 'applies' : 'NOT APPLIED'}\t${m.file}\t${m.what}\n`);
    return results.length > 0 ? 1 : 0;
  }

  process.stdout.write(`baseline: npx ${TEST_COMMAND.join(' ')} …\n`);
  const baseline = await runTests();
  if (baseline.code !== 0) {
    process.stderr.write(`The unmutated tests fail; nothing to measure.\n${baseline.tail}\n`);
    return 2;
  }

  for (const [i, m] of applicable.entries()) {
    const mutated = mutatedText(m);
    if (!mutated.ok) continue;
    const started = Date.now();
    let code: number;
    try {
      writeFileSync(m.file, mutated.text);
      code = (await runTests()).code;
    } finally {
      const original = originals.get(m.file);
      if (original) writeFileSync(m.file, original);
    }
    const outcome = code === 0 ? 'SURVIVED' : 'killed';
    results.push({ m, outcome, note: `${((Date.now() - started) / 1000).toFixed(0)} s` });
    process.stdout.write(`[${i + 1}/${applicable.length}] ${m.id} ${outcome}\n`);
  }

  const ordered = selected.map((m) => results.find((r) => r.m === m)).filter((r) => r !== undefined);
  process.stdout.write(`\n${pad('id', 5)}${pad('result', 13)}${pad('file', 50)}mutation\n`);
  for (const r of ordered)
    process.stdout.write(
      `${pad(r.m.id, 5)}${pad(r.outcome, 13)}${pad(r.m.file.replace('src/lib/templates/', ''), 50)}${r.m.what}${r.outcome === 'NOT APPLIED' ? ` (${r.note})` : ''}\n`,
    );
  const killed = ordered.filter((r) => r.outcome === 'killed').length;
  const survived = ordered.filter((r) => r.outcome === 'SURVIVED').length;
  const notApplied = ordered.filter((r) => r.outcome === 'NOT APPLIED').length;
  process.stdout.write(`\n${killed} killed, ${survived} survived, ${notApplied} not applied, of ${ordered.length}.\n`);

  restoreAll();
  const changed = files.filter((file) => sha256(readFileSync(file)) !== originalHashes.get(file));
  if (changed.length > 0) {
    process.stderr.write(`NOT restored byte-identically: ${changed.join(', ')}\n`);
    return 2;
  }
  process.stdout.write(`Every mutated file restored byte-identically (SHA-256 checked): ${files.join(', ')}.\n`);
  return survived + notApplied > 0 ? 1 : 0;
}

process.exitCode = await main();
