import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../content/read-content-dir.ts';
import { figureCatalogue } from '../narrative/figures.ts';
import { buildTables } from '../templates/build-tables.ts';
import { packOf } from '../templates/registry.ts';
import { KEY_FIGURES } from '../templates/template-pack.ts';
import { SUMMARY_FIGURES, summaryRecords } from './summary-data.ts';

const disclosures = loadContentDir('content').disclosures;
const byId = (id: string) => {
  const d = disclosures.find((x) => x.id === id);
  if (!d) throw new Error(`no ${id}`);
  return { d, tables: buildTables(d) };
};

describe('the key-figure summary', () => {
  it('lists every key figure, and each 三公 item after 三公合计', () => {
    for (const name of KEY_FIGURES) expect(SUMMARY_FIGURES).toContain(name);
    const at = SUMMARY_FIGURES.indexOf('三公合计');
    expect(SUMMARY_FIGURES.slice(at + 1, at + 6)).toEqual(['因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费', '公务接待费']);
  });

  it('reads each department figure as the overview’s figure reader does, to the fen', () => {
    for (const d of disclosures) {
      const tables = buildTables(d);
      const catalogue = figureCatalogue({ disclosure: d, tables });
      for (const record of summaryRecords(d, tables).filter((r) => r.level === 'department')) {
        const read = catalogue.figures.get(record.figure)?.read({ disclosure: d, tables });
        expect(read?.ok === true ? read.value : 'unreadable', `${d.id} ${record.figure}`).toBe(record.amount);
      }
    }
  });

  it('gives a Shanghai disclosure department rows only: its tables are not by unit', () => {
    const { d, tables } = byId('310107-ptczj-2025');
    const records = summaryRecords(d, tables);
    expect(records.length).toBeGreaterThan(0);
    expect(new Set(records.map((r) => r.level))).toEqual(new Set(['department']));
    expect(records.find((r) => r.figure === '机关运行经费')?.amount).not.toBeNull();
  });

  it('gives a Hunan disclosure a row per unit where its table prints unit rows, and those add up to the department', () => {
    const { d, tables } = byId('430202-001-2024');
    const records = summaryRecords(d, tables);
    const units = records.filter((r) => r.level === 'unit');
    expect(units.length).toBeGreaterThan(0);
    for (const figure of new Set(units.map((u) => u.figure))) {
      const department = records.find((r) => r.level === 'department' && r.figure === figure)?.amount ?? null;
      const parts = units.filter((u) => u.figure === figure).map((u) => u.amount);
      if (department === null)
        expect(
          parts.every((p) => p === null),
          figure,
        ).toBe(true);
      else
        expect(
          parts.reduce<number>((s, a) => s + (a ?? 0), 0),
          figure,
        ).toBe(department);
    }
  });

  it('keeps a figure printed blank as an empty amount, never 0, and gives no row to a figure the template lacks', () => {
    const { d, tables } = byId('430202-001-2024');
    const records = summaryRecords(d, tables);
    const blank = records.find((r) => r.figure === '因公出国（境）费' && r.level === 'department');
    expect(blank?.amount).toBeNull();
    const names = new Set(figureCatalogue({ disclosure: d, tables }).figures.keys());
    for (const record of records) expect(names.has(record.figure), record.figure).toBe(true);
    const lacking = SUMMARY_FIGURES.filter((f) => !names.has(f));
    for (const name of lacking) expect(records.some((r) => r.figure === name)).toBe(false);
    expect(packOf(d).id).toBe('hunan-budget');
  });

  it('has no rows for a disclosure of performance forms only', () => {
    const formsOnly = disclosures.find((d) => d.ledger.length === 0 && d.coarseFacts === null);
    if (!formsOnly) throw new Error('the sample has a forms-only disclosure');
    expect(summaryRecords(formsOnly, buildTables(formsOnly))).toEqual([]);
  });
});
