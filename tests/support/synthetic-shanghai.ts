/**
 * SYNTHETIC Shanghai 部门预算 content (random facts over the real 2024 catalogue, every fund and a
 * non-fiscal source, blank and printed-0 styles, whole 元 or cents), as the files a clerk writes.
 * For the import property test and `npm run bench`.
 */
import type { Catalogue } from '../../src/lib/catalogue/catalogue.ts';
import type { FundingSource } from '../../src/lib/ledger/sources.ts';
import { amountText } from '../../src/lib/import/content-data.ts';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES: readonly FundingSource[] = ['generalBudget', 'generalBudget', 'generalBudget', 'govFund', 'stateCapital', 'serviceIncome'];
const STYLE_TABLES = ['incomeSummary', 'expenditureSummary', 'generalBudgetExpenditure', 'generalBudgetBasic', 'threePublic'];

/** The content files of one synthetic disclosure. */
export function syntheticShanghai(catalogue: Catalogue, seed: number, facts: number = 3 + (seed % 25)): { disclosure: string; ledger: string } {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const cents = random() < 0.5;
  const amount = () => (Math.floor(random() * 5_000_000) + 1) * (cents ? 1 : 100);
  const count = facts;
  const items = [...catalogue.functional.keys()].filter(
    (c) => c.length === 7 && catalogue.functional.has(c.slice(0, 5)) && catalogue.functional.has(c.slice(0, 3)),
  );
  const econs = [...catalogue.econDept.keys()].filter((c) => c.length === 5 && /^(301|302|303|310)/.test(c) && catalogue.econDept.has(c.slice(0, 3)));
  const byKey = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const source = pick(SOURCES);
    const key = `${pick(items)}|${source}|${random() < 0.5 ? 'basic' : 'project'}`;
    byKey.set(key, (byKey.get(key) ?? 0) + amount());
  }
  const basicTotal = [...byKey].filter(([k]) => k.endsWith('|generalBudget|basic')).reduce((s, [, v]) => s + v, 0);
  const econ = new Map<string, number>();
  let rest = basicTotal;
  while (rest > 0) {
    const part = Math.min(rest, amount());
    const code = pick(econs);
    econ.set(code, (econ.get(code) ?? 0) + part);
    rest -= part;
  }
  const yuan = (fen: number) => amountText(fen, '元');
  const maybe = (key: string, fen: number | null) => (fen === null ? '' : `\n  ${key}: ${amountText(fen, '万元')}`);
  const tp = () => (random() < 0.3 ? null : Math.floor(random() * 100) * 10000);
  const zero = STYLE_TABLES.filter(() => random() < 0.5);
  return {
    disclosure: `template: shanghai-budget
year: 2024
amountUnit: 元
region: {code: "310107", name: 上海市普陀区}
department: {code: syn${seed}, name: 合成测试部门${seed}（SYNTHETIC）}
tables: [1, 2, 3, 4, 5, 6, 7, 8, 9]
threePublic:
  amountUnit: 万元${maybe('outboundTravel', tp())}${maybe('reception', tp())}${maybe('vehiclePurchase', tp())}${maybe('vehicleOperation', tp())}${maybe('adminOperatingCost', tp())}
printStyle:
  decimals: ${cents ? 2 : 0}
  zeroWhereNothing: [${zero.join(', ')}]
provenance: {title: 合成测试（SYNTHETIC）}
`,
    ledger: `amountUnit: 元
byFunction:
${[...byKey]
  .sort()
  .map(([k, v]) => {
    const [func, source, kind] = k.split('|');
    return `  - {func: "${func}", source: ${source}, kind: ${kind}, amount: ${yuan(v)}}`;
  })
  .join('\n')}
basicByEcon:${econ.size === 0 ? ' []' : ''}
${[...econ]
  .sort()
  .map(([code, v]) => `  - {econ: "${code}", amount: ${yuan(v)}}`)
  .join('\n')}
`,
  };
}
