/**
 * The sample site publishes every seed document: the four performance-only disclosures beside
 * 荷塘区 2024, all loading without an error, each with its forms as Hunan's tables 22/23.
 */
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/lib/findings.ts';
import { sumAmounts } from '../../src/lib/money.ts';
import { buildTables } from '../../src/lib/templates/build-tables.ts';
import { sampleContent, sampleDisclosure } from '../support/transcription.ts';

/** Each seed's disclosure, and the tables its source published. */
const SEED_DISCLOSURES: readonly (readonly [seed: string, id: string, tables: readonly number[]])[] = [
  ['000', '430407-001-2021', [22, 23]],
  ['001', '130303-101-2021', [22, 23]],
  ['002', '510411-001-2022', [22, 23]],
  ['003', '430202-001-2024', Array.from({ length: 23 }, (_, i) => i + 1)],
  ['004', '640221-001-2025', [22]],
];

describe('the sample content', () => {
  it('loads five disclosures, one per seed, without an error finding', () => {
    const loaded = sampleContent();
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(hasErrors(loaded.findings)).toBe(false);
    // Beside the seeds the sample holds the Shanghai corpus (tests/golden/reproduces-shanghai-budgets-as-printed.test.ts).
    const seeds = loaded.disclosures.filter((d) => d.template === 'hunan-budget');
    expect(seeds.map((d) => d.id).sort()).toEqual(SEED_DISCLOSURES.map(([, id]) => id).sort());
  });

  it.each(SEED_DISCLOSURES)('seed %s (%s) provides exactly the tables its source published', (_seed, id, published) => {
    const tables = buildTables(sampleDisclosure(id));
    expect(tables).toHaveLength(23);
    expect(tables.filter((t) => t.provided).map((t) => t.number)).toEqual(published);
    for (const table of tables.filter((t) => !t.provided)) {
      expect(table.rows, `table ${table.number}`).toEqual([]);
      expect(table.fields, `table ${table.number}`).toEqual([]);
    }
    // Every published performance form has content.
    for (const table of tables.filter((t) => t.provided && (t.id === 'projectPerformance' || t.id === 'unitPerformance')))
      expect(table.empty, `table ${table.number}`).toBe(false);
  });

  it('gives 荷塘区 project forms the amounts of their projects in the ledger', () => {
    const disclosure = sampleDisclosure('430202-001-2024');
    const linked = disclosure.projectForms.filter((f) => f.project !== null);
    expect(linked.length).toBeGreaterThan(0);
    for (const form of linked) {
      const ledger = sumAmounts(disclosure.ledger.filter((r) => r.project === form.project).map((r) => r.amount));
      expect(form.amount, `${form.name} (${form.project})`).toBe(ledger);
    }
  });

  it('gives every performance form a unique id in its disclosure', () => {
    for (const d of sampleContent().disclosures) {
      const ids = d.projectForms.map((f) => f.id);
      expect(new Set(ids).size, d.id).toBe(ids.length);
    }
  });
});
