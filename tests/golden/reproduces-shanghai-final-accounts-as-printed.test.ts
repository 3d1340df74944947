/**
 * Golden test: the real 上海市普陀区财政局 2024年度部门决算 (../shared/corpus/ptczj-2024-js), every
 * amount cell of its nine tables and every line of its 单位构成 list as printed. The printed side is
 * read from the corpus text by its own parser (tests/support/shanghai-corpus.ts), never from
 * gongkai's tables; gongkai's side is what the site publishes (tables derived from the facts in
 * content/, with the cells the document printed differently from the sum of their parts as printed).
 * Rows are matched by code where the document prints one, else by position (the 决算 prints fixed
 * lines: 26 功能 类 lines, every 经济 款 of the 基本支出 table); a printed blank must stay blank.
 */
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/lib/content/read-content-dir.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import { formatWan } from '../../src/lib/money.ts';
import type { Row, Table } from '../../src/lib/tables/model.ts';
import { headerGrid } from '../../src/lib/tables/model.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';
import { SHANGHAI_FINAL } from '../../src/lib/templates/shanghai-final/pack.ts';
import { printedDifferencesReported } from '../../src/lib/validate/fact-rules.ts';
import { ruleContext } from '../../src/lib/validate/rule.ts';
import { AMOUNT_TEXT, parseAmount, parseFinalCorpus, readCorpus, rowCode, type CorpusRow, type CorpusTable } from '../support/shanghai-corpus.ts';

const content = loadContentDir('content');
const disclosure = content.disclosures.find((d) => d.id === '310107-ptczj-2024-final');
if (!disclosure) throw new Error('content/ has no disclosure 310107-ptczj-2024-final');
const final: Disclosure = disclosure;
const printed = parseFinalCorpus(readCorpus('ptczj-2024-js'));
const tables = buildTables(final);
const NINE = SHANGHAI_FINAL.tables.filter((t) => t.number !== null);
const plain = (text: string): string => text.replace(/[\s\u3000]+/gu, '');

interface Mismatch {
  readonly table: string;
  readonly row: string;
  readonly column: number;
  readonly printed: string;
  readonly published: string;
}

function ourRow(table: Table, body: CorpusRow, position: number): Row | undefined {
  const code = rowCode(body.cells);
  // The 基本支出 table prints 经济 codes on both halves of fixed lines: position decides there.
  if (code && table.id !== 'generalBudgetBasic') {
    const level = code.code.length === 3 ? 'class' : code.code.length === 5 ? 'section' : 'item';
    return table.rows.find((r) => r.key === `${level}:${code.code}`);
  }
  if (table.rows.some((r) => r.level === 'class') && body.cells.some((c) => plain(c) === '合计')) return table.rows.find((r) => r.key === 'total');
  return table.rows[position];
}

function compare(p: CorpusTable, table: Table): { mismatches: Mismatch[]; cells: number } {
  const mismatches: Mismatch[] = [];
  let cells = 0;
  const matched = new Set<string>();
  p.bodyRows.forEach((body, position) => {
    const row = ourRow(table, body, position);
    if (!row) {
      mismatches.push({ table: table.id, row: body.cells.join(' | '), column: -1, printed: body.cells.join(' | '), published: '(no such row)' });
      return;
    }
    matched.add(row.key);
    // Labels: the non-amount cells of the row read in order, blanks left out.
    const ourLabels = row.cells
      .filter((c) => c.kind !== 'amount')
      .map((c) => plain(c.value))
      .filter((t) => t !== '');
    const theirLabels = body.cells
      .filter((c, i) => row.cells[i]?.kind !== 'amount' || !AMOUNT_TEXT.test(c))
      .map(plain)
      .filter((t) => t !== '');
    if (ourLabels.join('|') !== theirLabels.join('|'))
      mismatches.push({ table: table.id, row: row.key, column: -1, printed: theirLabels.join('|'), published: ourLabels.join('|') });
    row.cells.forEach((cell, i) => {
      if (cell.kind !== 'amount') return;
      const text = body.cells[i] ?? '';
      cells++;
      const expected = parseAmount(text, p.unitLine.unit);
      if (expected !== cell.value)
        mismatches.push({
          table: table.id,
          row: row.key,
          column: i,
          printed: text || '(blank)',
          published: cell.value === null ? '(blank)' : formatWan(cell.value),
        });
    });
    // No printed amount may sit where gongkai has no amount cell (it would go uncompared).
    body.cells.forEach((text, i) => {
      if (AMOUNT_TEXT.test(text) && row.cells[i]?.kind !== 'amount' && row.cells[i]?.value !== text) {
        mismatches.push({ table: table.id, row: row.key, column: i, printed: text, published: '(not an amount cell)' });
      }
    });
  });
  for (const row of table.rows)
    if (!matched.has(row.key)) mismatches.push({ table: table.id, row: row.key, column: -1, printed: '(not printed)', published: row.key });
  return { mismatches, cells };
}

const tableFor = (id: string | undefined): Table => {
  const table = tables.find((t) => t.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
};

/** Header labels as a sorted run of characters: the text file wraps merged cells over lines (`支出功能分类` / `科目编码`). */
const headerCharacters = (labels: readonly string[]): string => [...labels.map(plain).join('')].sort().join('');

describe('ptczj-2024-js: the 2024 部门决算 of 上海市普陀区财政局 as printed', () => {
  it('publishes the nine tables in the printed order, with the printed titles, all in 万元', () => {
    expect(printed.tables).toHaveLength(9);
    printed.tables.forEach((p, i) => {
      const table = tableFor(NINE[i]?.id);
      expect(table.provided, p.title).toBe(true);
      expect(plain(table.title)).toBe(plain(p.title));
      expect(table.number).toBe(i + 1);
      expect(table.amountUnit, p.title).toBe(p.unitLine.unit);
    });
  });

  it('prints every header label the document prints, and no other', () => {
    printed.tables.forEach((p, i) => {
      const table = tableFor(NINE[i]?.id);
      const ours = headerGrid(table.header).flatMap((row) => row.map((cell) => cell.label));
      // The 基本支出 table's halves are labelled 人员经费 / 公用经费 here; the document prints them
      // unlabelled and names them only in its last row (人员经费合计, 公用经费合计).
      const extra = table.id === 'generalBudgetBasic' ? ['人员经费', '公用经费'] : [];
      expect(headerCharacters(ours), p.title).toBe(headerCharacters([...p.headerLines.flat(), ...extra]));
    });
  });

  it('lists the units of 部门决算单位构成 with their 备注, as printed', () => {
    const table = tableFor('unitComposition');
    expect(headerGrid(table.header).flatMap((row) => row.map((c) => c.label))).toEqual(printed.units.header);
    expect(table.rows.map((r) => r.cells.map((c) => (c.kind === 'amount' ? '' : c.value)))).toEqual(printed.units.rows.map((r) => r.cells));
  });

  it('equals the document in every amount cell, blank for blank', () => {
    let total = 0;
    const mismatches: Mismatch[] = [];
    printed.tables.forEach((p, i) => {
      const result = compare(p, tableFor(NINE[i]?.id));
      total += result.cells;
      mismatches.push(...result.mismatches);
    });
    expect(mismatches).toEqual([]);
    // 总表 30 rows × 2, 收入决算表 20 × 7, 支出决算表 20 × 6, 财政拨款总表 32 × 5, 一般公共预算 20 × 3,
    // 基本支出 39 × 2, 三公 12, the two fund tables 6 each: the comparison is not vacuous.
    expect(total).toBe(60 + 140 + 120 + 160 + 60 + 78 + 12 + 6 + 6);
  });

  it('prints the note under each table exactly where and as the document does', () => {
    printed.tables.forEach((p, i) => {
      expect(tableFor(NINE[i]?.id).note ?? null, p.title).toBe(p.note);
    });
  });

  it('reports each cell printed differently from the sum of its parts, with table, row and column', () => {
    const findings = printedDifferencesReported(final, ruleContext([]));
    const cells = findings.map((f) => `${f.code} ${f.severity} ${f.en.split(':')[0]} ${f.actual} ← ${f.expected}`.replace(/(\d)(?=(\d{3})+\.)/gu, '$1,'));
    expect(cells).toEqual([
      'published.differsFromParts warning incomeSummary 合计 / 本年收入合计 2,946.25 万元 ← 2,946.26 万元',
      'published.differsFromParts warning incomeSummary 合计 / 财政拨款收入 2,940.05 万元 ← 2,940.06 万元',
      'published.differsFromParts warning expenditureSummary 合计 / 本年支出合计 2,940.05 万元 ← 2,940.06 万元',
      'published.differsFromParts warning expenditureSummary 合计 / 基本支出 2,336.91 万元 ← 2,336.92 万元',
      'published.differsFromParts warning generalBudgetExpenditure 合计 / 合计 2,940.05 万元 ← 2,940.06 万元',
      'published.differsFromParts warning generalBudgetExpenditure 合计 / 基本支出 2,336.91 万元 ← 2,336.92 万元',
      'published.differsFromParts warning generalBudgetBasic econ 2,082.85 万元 ← 2,082.86 万元',
      'published.differsFromParts warning generalBudgetBasic econ 171.07 万元 ← 171.09 万元',
      'published.differsFromParts warning incomeExpenditureSummary 八、社会保障和就业支出 / 支出/决算数 326.71 万元 ← 326.72 万元',
      'published.differsFromParts warning fiscalSummary 八、社会保障和就业支出 / 支出/合计 326.71 万元 ← 326.72 万元',
      'published.differsFromParts warning fiscalSummary 八、社会保障和就业支出 / 支出/一般公共预算财政拨款 326.71 万元 ← 326.72 万元',
    ]);
  });
});

describe('a one-cent change to one fact of the 决算', () => {
  it('is caught by the golden comparison', () => {
    const facts = final.coarseFacts;
    if (!facts) throw new Error('no coarse facts');
    const [first, ...rest] = facts.basicByEcon;
    if (!first) throw new Error('no facts');
    const changed = buildTables({ ...final, coarseFacts: { ...facts, basicByEcon: [{ ...first, amount: first.amount + 1 }, ...rest] } });
    const mismatches = printed.tables.flatMap((p, i) => {
      const table = changed.find((t) => t.id === NINE[i]?.id);
      return table ? compare(p, table).mismatches : [];
    });
    expect(mismatches.length).toBeGreaterThan(0);
  });
});
