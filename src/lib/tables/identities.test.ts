import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../content/read-content-dir.ts';
import { syntheticDisclosure } from '../../../tests/support/synthetic-disclosure.ts';
import { checkIdentities } from './identities.ts';
import type { Table } from './model.ts';
import { buildTables } from '../templates/build-tables.ts';
import { packOf } from '../templates/registry.ts';

const content = loadContentDir('content');
const catalogue = content.catalogues.get(2024);
if (!catalogue) throw new Error('content/catalogues/2024 missing');

describe('derived tables satisfy the budget identities', () => {
  for (const d of content.disclosures) {
    it(`for the sample disclosure ${d.id}`, () => {
      // As derived: cells printed otherwise (printedAsPublished, a 决算's rounding) are reported by the check, not here.
      expect(checkIdentities(buildTables({ ...d, printedAsPublished: [] }), packOf(d))).toEqual([]);
    });
  }

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`for synthetic disclosure #${seed} (several units, funds, kinds and admin/institution units)`, () => {
      const d = syntheticDisclosure(catalogue, { seed, units: 1 + (seed % 3), rows: 40 + seed * 10 });
      const tables = buildTables(d);
      expect(checkIdentities(tables, packOf(d))).toEqual([]);
      // The synthetic ledger reaches many tables, so the identities are not checked on empty tables only.
      expect(tables.filter((t) => !t.empty).length).toBeGreaterThan(12);
    });
  }

  it('reports a row whose 合计 differs from 基本 + 项目', () => {
    const sample = content.disclosures.find((d) => d.id === '430202-001-2024')!;
    const tables = buildTables(sample);
    const broken: Table[] = tables.map((t) =>
      t.id !== 'generalBudgetExpenditure'
        ? t
        : {
            ...t,
            rows: t.rows.map((r) =>
              r.key === 'item:001001:2010102'
                ? { ...r, cells: r.cells.map((c, i) => (i === 5 && c.kind === 'amount' ? { kind: 'amount', value: (c.value ?? 0) + 1 } : c)) }
                : r,
            ),
          },
    );
    const violations = checkIdentities(broken, packOf(sample));
    expect(violations.some((v) => v.startsWith('generalBudgetExpenditure item:001001:2010102: 合计 = 基本 + 项目'))).toBe(true);
    expect(violations.some((v) => v.startsWith('generalBudgetExpenditure section:001001:20101 column 合计'))).toBe(true);
  });
});
