/**
 * SYNTHETIC content of the other templates at the grain their tables give, for the import property
 * test: random amounts over the real 2024 catalogue, written as the files a clerk writes.
 *
 * - Hunan 部门预算: one unit; 一般公共预算基本支出 by 款 (301/302/303, and sometimes one 资本性支出
 *   款 on one 项), project spending by 类 with one fund per 项 (一般公共预算 or 政府性基金), each
 *   project 项 one 专项 of its own amount, all 经费拨款.
 * - Shanghai 部门决算: spending by 项 × fund × kind, income by 项 (the spending, plus 其他收入 on some
 *   项, spent or carried), 一般公共预算基本支出 by 款 adding up to the facts, balances.
 */
import type { Catalogue } from '../../src/lib/catalogue/catalogue.ts';
import { amountText } from '../../src/lib/import/content-data.ts';
import { BASIC_FINAL_CODES } from '../../src/lib/templates/shanghai-final/tables.ts';

function prng(seed: number): () => number {
  let a = (seed * 2654435761) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wan = (fen: number) => amountText(fen, '万元');

function setup(catalogue: Catalogue, seed: number) {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Whole 分 of 万元 with two decimals: multiples of 0.01 万元.
  const amount = () => (Math.floor(random() * 50_000) + 1) * 10_000;
  const items = [...catalogue.functional.keys()].filter(
    (c) => c.length === 7 && catalogue.functional.has(c.slice(0, 5)) && catalogue.functional.has(c.slice(0, 3)),
  );
  const sections = (prefix: string) => [...catalogue.econDept.keys()].filter((c) => c.length === 5 && c.startsWith(prefix));
  return { random, pick, amount, items, sections };
}

/** disclosure.yaml and ledger.yaml of one SYNTHETIC Hunan 部门预算. */
export function syntheticHunan(catalogue: Catalogue, seed: number): { disclosure: string; ledger: string } {
  const { random, pick, amount, items, sections } = setup(catalogue, seed);
  const unit = '001001';
  const rows: string[] = [];
  const basicItems = Array.from({ length: 2 + (seed % 5) }, () => pick(items));
  const wage = [...sections('301'), ...sections('302'), ...sections('303')].filter((c) => catalogue.econDept.has(c.slice(0, 3)));
  const seen = new Set<string>();
  for (let i = 0; i < 4 + (seed % 12); i++) {
    const func = pick(basicItems);
    const econ = pick(wage);
    if (seen.has(`${func}|${econ}`)) continue;
    seen.add(`${func}|${econ}`);
    rows.push(`  - {unit: "${unit}", func: "${func}", econ: "${econ}", source: appropriation, kind: basic, amount: ${wan(amount())}}`);
  }
  if (random() < 0.5)
    rows.push(`  - {unit: "${unit}", func: "${basicItems[0] ?? ''}", econ: "31002", source: appropriation, kind: basic, amount: ${wan(amount())}}`);
  const projects: string[] = [];
  const used = new Set<number>();
  const projectItems = [...new Set(Array.from({ length: 1 + (seed % 4) }, () => pick(items)))].filter((f) => !basicItems.includes(f));
  projectItems.forEach((func, i) => {
    const govFund = random() < 0.25;
    const classes = govFund ? [pick(['302', '310'])] : [...new Set([pick(['302', '303', '310', '399'])])];
    let value = amount();
    while (used.has(value)) value += 10_000;
    used.add(value);
    const id = `P${String(i + 1).padStart(2, '0')}`;
    for (const econ of classes)
      rows.push(
        `  - {unit: "${unit}", func: "${func}", econ: "${econ}", source: ${govFund ? 'govFund' : 'appropriation'}, kind: project, project: ${id}, amount: ${wan(value)}}`,
      );
    projects.push(`  - {id: ${id}, unit: "${unit}", name: 合成专项${seed}-${i + 1}（SYNTHETIC）, specialFund: true}`);
  });
  return {
    disclosure: `template: hunan-budget
year: 2024
amountUnit: 万元
region: {code: "430202", name: 株洲市荷塘区}
department: {code: "001", name: 合成测试部门${seed}（SYNTHETIC）}
units:
  - {code: "${unit}", name: 合成测试单位${seed}（SYNTHETIC）, type: admin}
tables: all
projects:${projects.length === 0 ? ' []' : `\n${projects.join('\n')}`}
income: []
carryoverOut: []
provenance: {title: 合成测试（SYNTHETIC）}
`,
    ledger: `amountUnit: 万元
rows:
${rows.join('\n')}
`,
  };
}

/** disclosure.yaml and ledger.yaml of one SYNTHETIC Shanghai 部门决算. */
export function syntheticShanghaiFinal(catalogue: Catalogue, seed: number): { disclosure: string; ledger: string } {
  const { random, pick, amount, items } = setup(catalogue, seed);
  const spending = new Map<string, number>();
  const income: string[] = [];
  const funcs = [...new Set(Array.from({ length: 2 + (seed % 8) }, () => pick(items)))].sort();
  for (const func of funcs) {
    for (const kind of ['basic', 'project'] as const) {
      if (random() < 0.35) continue;
      const source = random() < 0.15 ? 'govFund' : 'generalBudget';
      spending.set(`${func}|${source}|${kind}`, amount());
    }
  }
  const spentBy = (func: string, source: string) => [...spending].filter(([k]) => k.startsWith(`${func}|${source}|`)).reduce((s, [, v]) => s + v, 0);
  for (const func of funcs) {
    for (const source of ['generalBudget', 'govFund']) {
      const spent = spentBy(func, source);
      if (spent !== 0) income.push(`  - {func: "${func}", source: ${source}, amount: ${wan(spent)}}`);
    }
    // 其他收入 received, sometimes spent on the same 项 (non-fiscal spending from its one non-fiscal source).
    if (random() < 0.3) {
      const received = amount();
      income.push(`  - {func: "${func}", source: otherIncome, amount: ${wan(received)}}`);
      if (random() < 0.5) spending.set(`${func}|otherIncome|basic`, received);
    }
  }
  const basicTotal = [...spending].filter(([k]) => k.endsWith('|generalBudget|basic')).reduce((s, [, v]) => s + v, 0);
  // The 款 the 基本支出决算表 prints as lines (a 款 it does not print would show only in its 类).
  const econs = BASIC_FINAL_CODES.filter((c) => c.length === 5 && catalogue.econDept.has(c));
  const econ = new Map<string, number>();
  for (let rest = basicTotal; rest > 0;) {
    const part = Math.min(rest, amount());
    const code = pick(econs);
    econ.set(code, (econ.get(code) ?? 0) + part);
    rest -= part;
  }
  const opening = amount();
  const byFunction = [...spending]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => {
      const [func, source, kind] = k.split('|');
      return `  - {func: "${func}", source: ${source}, kind: ${kind}, amount: ${wan(v)}}`;
    });
  return {
    disclosure: `template: shanghai-final
phase: final
year: 2024
amountUnit: 万元
region: {code: "310107", name: 上海市普陀区}
department: {code: fin${seed}, name: 合成测试部门${seed}（SYNTHETIC）}
units:
  - {name: 合成测试部门${seed}（本级）（SYNTHETIC）}
tables: all
threePublic:
  amountUnit: 万元${random() < 0.5 ? `\n  reception: ${wan(amount())}` : ''}
finalAccounts:
  amountUnit: 万元
  carryoverIn: {total: ${wan(opening)}, generalBudget: ${wan(opening)}}
  carryoverOut: {total: ${wan(opening)}, generalBudget: ${wan(opening)}}
  threePublicBudget: {reception: ${wan(amount())}}
provenance: {title: 合成测试（SYNTHETIC）}
`,
    ledger: `amountUnit: 万元
incomeByFunction:
${income.join('\n')}
byFunction:
${byFunction.join('\n')}
basicByEcon:${econ.size === 0 ? ' []' : ''}
${[...econ]
  .sort()
  .map(([code, v]) => `  - {econ: "${code}", amount: ${wan(v)}}`)
  .join('\n')}
`,
  };
}
