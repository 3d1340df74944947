import { describe, expect, it } from 'vitest';
import { formatWan } from '../money.ts';
import type { Table } from '../tables/model.ts';
import { rowHeaderColumns } from './page-data.ts';
import { rowView } from './row-view.ts';
import { getSiteData } from './site-data.ts';

const site = getSiteData('content');
const sample = site.entries.find((e) => e.summary.hasFinancialTables);
if (!sample) throw new Error('the sample content has no disclosure with financial tables');
const provided = sample.tables.filter((t) => t.provided && t.rows.length > 0);
const find = (what: string, test: (t: Table) => boolean): Table => {
  const table = provided.find(test);
  if (!table) throw new Error(`the sample disclosure has no ${what}`);
  return table;
};
const sideBySide = find('side-by-side table', (t) => rowHeaderColumns(t).length > 1);
const widest = provided.reduce((best, t) => (t.columns.length > best.columns.length ? t : best));

describe('the readable view of a table', () => {
  it('lists each row with only its non-zero amounts, labelled by the full column heading', () => {
    const entries = rowView(widest);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.name).not.toBe('');
      for (const cell of entry.cells) {
        expect(cell.value).not.toBe(0);
        expect(cell.value).not.toBeNull();
        expect(widest.columns.some((c) => c.path.join(' · ') === cell.label)).toBe(true);
      }
    }
    const total = entries[0];
    const firstRow = widest.rows[0];
    const firstAmount = firstRow?.cells.find((c) => c.kind === 'amount');
    if (firstAmount?.kind === 'amount' && firstAmount.value) expect(formatWan(total?.cells[0]?.value ?? null)).toBe(formatWan(firstAmount.value));
  });

  it('never pairs a 收入 label with a 支出 amount on a side-by-side form: each side is named by its own label', () => {
    const names = rowHeaderColumns(sideBySide);
    const entries = rowView(sideBySide);
    for (const entry of entries) {
      const [rowKey, side] = entry.key.split('#');
      const row = sideBySide.rows.find((r) => r.key === rowKey);
      const nameColumn = names[Number(side)];
      expect(nameColumn).toBeDefined();
      const label = row?.cells[nameColumn ?? -1];
      expect(label?.kind === 'amount' ? '' : label?.value.trim()).toBe(entry.name);
      const sideColumns = sideBySide.columns.slice(nameColumn, names[Number(side) + 1] ?? sideBySide.columns.length).map((c) => c.path.join(' · '));
      for (const cell of entry.cells) expect(sideColumns).toContain(cell.label);
    }
    expect(new Set(entries.map((e) => e.key.split('#')[1])).size).toBeGreaterThan(1);
  });

  it('is absent for a form without amount columns', () => {
    const form = provided.find((t) => !t.columns.some((c) => c.kind === 'amount'));
    if (form) expect(rowView(form)).toEqual([]);
    expect(rowView({ ...widest, columns: widest.columns.map((c) => ({ ...c, kind: 'text' as const })) })).toEqual([]);
  });
});
