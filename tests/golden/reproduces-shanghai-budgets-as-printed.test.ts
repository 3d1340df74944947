/**
 * Golden test: the three real Shanghai 部门预算 in ../shared/corpus, every amount cell of all nine
 * tables as printed. The printed side is read straight from the corpus text by its own parser
 * (tests/support/shanghai-corpus.ts), never from gongkai's tables; gongkai's side is what the site
 * publishes (tables derived from the facts in content/). Rows are matched by what they stand for
 * (a code, 合计, a line number), columns by position among the amount columns, and a printed blank
 * must stay blank: a 0 where the document prints nothing is a mismatch too.
 */
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/lib/content/read-content-dir.ts';
import type { Row, Table } from '../../src/lib/tables/model.ts';
import { headerGrid } from '../../src/lib/tables/model.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';
import { SHANGHAI_BUDGET } from '../../src/lib/templates/shanghai-budget/pack.ts';
import { AMOUNT_TEXT, parseAmount, parseCorpusTables, readCorpus, rowCode, type CorpusTable } from '../support/shanghai-corpus.ts';

const DOCUMENTS = [
  { corpus: 'ptczj-2025-ys', disclosure: '310107-ptczj-2025' },
  { corpus: 'ptwl-2023-ys', disclosure: '310107-ptwl-2023' },
  { corpus: 'ptwl-2024-ys', disclosure: '310107-ptwl-2024' },
] as const;

const content = loadContentDir('content');
const NINE = SHANGHAI_BUDGET.tables.filter((t) => t.number !== null);
const plain = (text: string): string => text.replace(/^\d{4}年/u, '').replace(/[\s\u3000]+/gu, '');

interface Mismatch {
  readonly table: string;
  readonly row: string;
  readonly column: number;
  readonly printed: string;
  readonly published: string;
}

/** Our row for a printed body row: by its code, by 合计/总计, else by its position among the lines. */
function rowFor(table: Table, cells: readonly string[], position: number): Row | undefined {
  const code = rowCode(cells);
  if (code) {
    const level = code.code.length === 3 ? 'class' : code.code.length === 5 ? 'section' : 'item';
    return table.rows.find((r) => r.key === `${level}:${code.code}`);
  }
  if (cells.some((c) => /^(合计|收入总计)$/u.test(c))) return table.rows.find((r) => r.key === 'total');
  return table.rows.filter((r) => r.level === 'line')[position];
}

function compare(printed: CorpusTable, table: Table): { mismatches: Mismatch[]; cells: number; rows: number } {
  const mismatches: Mismatch[] = [];
  let cells = 0;
  const matched = new Set<string>();
  printed.bodyRows.forEach((body, position) => {
    const row = rowFor(table, body.cells, position);
    const describe = body.cells.join(' | ');
    if (!row) {
      mismatches.push({ table: table.id, row: describe, column: -1, printed: describe, published: '(no such row)' });
      return;
    }
    matched.add(row.key);
    // The label cells read as one text (the document prints 合计 across its merged code and name
    // cells; gongkai puts it in the name cell, the row's header), then every amount cell.
    const labelColumns = table.columns.filter((c) => c.kind !== 'amount').map((c) => c.index);
    const labelText = (get: (i: number) => string) =>
      labelColumns
        .map(get)
        .join('|')
        .replace(/\|+/gu, '|')
        .replace(/^\||\|$/gu, '');
    const printedLabel = labelText((i) => plain(body.cells[i] ?? ''));
    const ourLabel = labelText((i) => {
      const cell = row.cells[i];
      return cell && cell.kind !== 'amount' ? plain(cell.value) : '';
    });
    // Codes compare as the canonical code (the document prints 津贴补贴's 款 as `2` for `02`).
    const code = rowCode(body.cells);
    if (!code && printedLabel !== ourLabel) mismatches.push({ table: table.id, row: row.key, column: -1, printed: printedLabel, published: ourLabel });
    table.columns.forEach((column) => {
      const text = body.cells[column.index] ?? '';
      const cell = row.cells[column.index];
      if (!cell || cell.kind !== 'amount') return;
      if (text !== '' && !AMOUNT_TEXT.test(text)) {
        mismatches.push({ table: table.id, row: row.key, column: column.index, printed: text, published: '(printed cell is not an amount)' });
        return;
      }
      cells++;
      const expected = parseAmount(text, printed.unitLine.unit);
      if (expected !== cell.value)
        mismatches.push({ table: table.id, row: row.key, column: column.index, printed: text || '(blank)', published: String(cell.value) });
    });
  });
  for (const row of table.rows)
    if (!matched.has(row.key)) mismatches.push({ table: table.id, row: row.key, column: -1, printed: '(not printed)', published: row.key });
  return { mismatches, cells, rows: printed.bodyRows.length };
}

describe.each(DOCUMENTS)('$corpus: every printed amount cell of its nine tables', ({ corpus, disclosure: id }) => {
  const printed = parseCorpusTables(readCorpus(corpus));
  const disclosure = content.disclosures.find((d) => d.id === id);
  if (!disclosure) throw new Error(`content/ has no disclosure ${id}`);
  const tables = buildTables(disclosure);

  it('publishes the nine tables in the printed order, with the printed titles and units', () => {
    expect(printed).toHaveLength(9);
    printed.forEach((p, i) => {
      const definition = NINE[i];
      const table = tables.find((t) => t.id === definition?.id);
      expect(table?.provided, p.title).toBe(true);
      expect(plain(p.title)).toBe(plain(table?.title ?? ''));
      expect(table?.amountUnit, p.title).toBe(p.unitLine.unit);
      expect(table?.unitLabel).toBe(p.unitLine.department);
    });
  });

  it('prints every header label the document prints, in the same rows', () => {
    printed.forEach((p, i) => {
      const table = tables.find((t) => t.id === NINE[i]?.id);
      if (!table) throw new Error(`no table ${NINE[i]?.id}`);
      const ours = headerGrid(table.header).map((row) => row.map((cell) => plain(cell.label)));
      const theirs = p.headerLines.map((line) => line.map(plain).filter((label) => label !== ''));
      expect(ours, p.title).toEqual(theirs);
    });
  });

  it('equals the document in every amount cell, blank for blank and zero for zero', () => {
    let total = 0;
    const mismatches: Mismatch[] = [];
    printed.forEach((p, i) => {
      const table = tables.find((t) => t.id === NINE[i]?.id);
      if (!table) throw new Error(`no table ${NINE[i]?.id}`);
      const result = compare(p, table);
      total += result.cells;
      mismatches.push(...result.mismatches);
    });
    expect(mismatches).toEqual([]);
    // Every table contributes: the comparison is not vacuous.
    expect(total).toBeGreaterThan(200);
  });

  it('prints the note under each table exactly where and as the document does', () => {
    printed.forEach((p, i) => {
      const table = tables.find((t) => t.id === NINE[i]?.id);
      expect(table?.note ?? null, p.title).toBe(p.note);
    });
  });
});

describe('a one-cent change to one fact', () => {
  it('is caught by the golden comparison', () => {
    const d = content.disclosures.find((x) => x.id === '310107-ptwl-2024');
    const facts = d?.coarseFacts;
    if (!d || !facts) throw new Error('310107-ptwl-2024 has no coarse facts');
    const [first, ...rest] = facts.byFunction;
    if (!first) throw new Error('no facts');
    const changed = { ...d, coarseFacts: { ...facts, byFunction: [{ ...first, amount: first.amount + 1 }, ...rest] } };
    const tables = buildTables(changed);
    const printed = parseCorpusTables(readCorpus('ptwl-2024-ys'));
    const mismatches = printed.flatMap((p, i) => {
      const table = tables.find((t) => t.id === NINE[i]?.id);
      return table ? compare(p, table).mismatches : [];
    });
    expect(mismatches.length).toBeGreaterThan(0);
  });
});
