import { describe, expect, it } from 'vitest';
import { syntheticDisclosure } from '../../../tests/support/synthetic-disclosure.ts';
import { loadContentDir } from '../content/read-content-dir.ts';
import { sumAmounts, type Amount } from '../money.ts';
import { keyFigures, tablesOf } from '../site/site-data.ts';
import type { Table } from '../tables/model.ts';
import { disclosureOfUnit, hasFactsByUnit, unitsWithOwnPages } from './unit-view.ts';

const content = loadContentDir('content');
const catalogue = content.catalogues.get(2024)!;
// SYNTHETIC: three units, so each unit's tables are a real part of the department's.
const department = syntheticDisclosure(catalogue, { seed: 1414, units: 3, rows: 90 });
const units = unitsWithOwnPages(department);
const views = units.map((u) => disclosureOfUnit(department, u.code));

const amountsOf = (table: Table, key: string): Amount[] => {
  const row = table.rows.find((r) => r.key === key);
  return row ? row.cells.map((c) => (c.kind === 'amount' ? c.value : null)) : [];
};

describe('a unit view of a disclosure with facts by unit', () => {
  it('lists every coded unit of the department', () => {
    expect(units.map((u) => u.code)).toEqual(department.units.map((u) => u.code));
    expect(units.length).toBe(3);
  });

  it('keeps exactly the unit’s ledger rows, and the units’ rows together are the department’s', () => {
    for (const [i, view] of views.entries()) {
      expect(view.units).toEqual([units[i]]);
      expect(view.ledger.every((r) => r.unit === units[i]!.code)).toBe(true);
    }
    expect(views.reduce((n, v) => n + v.ledger.length, 0)).toBe(department.ledger.length);
    expect(new Set(views.flatMap((v) => v.ledger))).toEqual(new Set(department.ledger));
  });

  it('keeps only the unit’s projects and their forms', () => {
    for (const [i, view] of views.entries()) {
      expect(view.projects.length).toBeGreaterThan(0);
      expect(view.projects.every((p) => p.unit === units[i]!.code)).toBe(true);
      const ids = new Set(view.projects.map((p) => p.id));
      expect(view.projectForms.every((f) => f.project !== null && ids.has(f.project))).toBe(true);
    }
  });

  it('gives every table a 合计 that the units’ 合计 add up to, column by column', () => {
    const departmentTables = tablesOf(department);
    const unitTables = views.map((v) => tablesOf(v));
    let compared = 0;
    for (const table of departmentTables.filter((t) => t.provided)) {
      for (const row of table.rows.filter((r) => r.level === 'total')) {
        const parts = unitTables.map((tables) =>
          amountsOf(
            tables.find((t) => t.id === table.id)!,
            row.key,
          ),
        );
        row.cells.forEach((cell, column) => {
          if (cell.kind !== 'amount') return;
          expect(sumAmounts(parts.map((p) => p[column] ?? null)), `${table.id} ${row.key} column ${column}`).toBe(cell.value);
          compared++;
        });
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('gives key figures that add up to the department’s', () => {
    const whole = keyFigures(department, tablesOf(department));
    const parts = views.map((v) => keyFigures(v, tablesOf(v)));
    for (const key of ['expenditure', 'basic', 'project', 'threePublic'] as const) {
      expect(sumAmounts(parts.map((p) => p[key]))).toBe(whole[key]);
    }
  });

  it('prints the unit, not the department, on each table’s 单位 line', () => {
    const table = tablesOf(views[1]!).find((t) => t.provided)!;
    expect(table.unitLabel).toBe(`${units[1]!.code}_${units[1]!.name}`);
  });

  it('attributes no department-level statement to a unit', () => {
    const withDeclared = {
      ...department,
      declaredThreePublic: { outboundTravel: 1, reception: 2, vehiclePurchase: 3, vehicleOperation: 4, adminOperatingCost: 5, at: department.projects[0]!.at },
    };
    const view = disclosureOfUnit(withDeclared, units[0]!.code);
    expect(view.declaredThreePublic).toBeNull();
    expect(view.unitForm).toBeNull();
    expect(view.narrative).toBeNull();
    expect(view.printedAsPublished).toEqual([]);
    expect(view.finalAccounts).toBeUndefined();
  });

  it('is the same object when asked twice, so the tables are derived once', () => {
    expect(disclosureOfUnit(department, units[0]!.code)).toBe(views[0]);
    expect(views[0]!.id).not.toBe(department.id);
  });

  it('refuses a unit the department does not have', () => {
    expect(() => disclosureOfUnit(department, '999999')).toThrow(/no unit "999999"/);
  });
});

describe('a disclosure whose facts are the department’s as a whole', () => {
  const shanghai = content.disclosures.find((d) => d.id === '310107-ptwl-2024')!;
  it('has no unit views (Shanghai: facts with no unit)', () => {
    expect(shanghai.units.length).toBeGreaterThan(1);
    expect(hasFactsByUnit(shanghai)).toBe(false);
    expect(unitsWithOwnPages(shanghai)).toEqual([]);
    expect(() => disclosureOfUnit(shanghai, '')).toThrow();
  });
});
