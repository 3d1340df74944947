/**
 * The pages of each 所属单位 of a Hunan multi-unit department (SYNTHETIC: three units over the real
 * 2024 catalogue), rendered with Astro's container API as the site renders them: every unit has
 * one page holding each of its tables in a section, and what each unit table prints is what its
 * department's table prints for that unit (its 单位 row), while the units' 合计 rows add up to the
 * department's 合计, column by column. Amounts are read back from the HTML, as a reader sees them.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import BudgetTable from '../../../src/components/BudgetTable.astro';
import DisclosureOverview from '../../../src/components/DisclosureOverview.astro';
import UnitOverview from '../../../src/components/UnitOverview.astro';
import { loadContentDir } from '../../../src/lib/content/read-content-dir.ts';
import { parseAmount } from '../../../src/lib/money.ts';
import { overviewData } from '../../../src/lib/site/page-data.ts';
import { routes, unitTableAnchor } from '../../../src/lib/site/routes.ts';
import { buildSiteData } from '../../../src/lib/site/site-data.ts';
import { unitPages, unitPaths } from '../../../src/lib/site/unit-pages.ts';
import type { Table } from '../../../src/lib/tables/model.ts';
import { syntheticDisclosure } from '../../support/synthetic-disclosure.ts';
import { findAll, hasClass, parseHtml, textOf, type Element } from '../support/html.ts';

const catalogue = loadContentDir('content').catalogues.get(2024)!;
const site = buildSiteData([syntheticDisclosure(catalogue, { seed: 1414, units: 3, rows: 90 })]);
const [entry] = site.entries;
const units = unitPages(entry!);

let container: AstroContainer;
/** Each unit's page, parsed, by unit code. */
const unitPagesHtml = new Map<string, Element>();
beforeAll(async () => {
  container = await AstroContainer.create();
  for (const page of units) unitPagesHtml.set(page.unit.code, parseHtml(await container.renderToString(UnitOverview, { props: { page } })));
});

/** Each row's amounts in 分 as the page prints them, by the row's key. */
function printedRows(root: Element): Map<string, (number | null)[]> {
  const rows = findAll(root, (e: Element) => e.tag === 'tr' && e.attrs['data-row-key'] !== undefined);
  return new Map(
    rows.map((r) => {
      const cells = findAll(r, (e) => e.tag === 'td' && hasClass(e, 'amount'));
      return [r.attrs['data-row-key']!, cells.map((c) => readAmount(textOf(c)))];
    }),
  );
}

function readAmount(text: string): number | null {
  const parsed = parseAmount(text.trim().replaceAll(',', ''), '万元');
  if (!parsed.ok) throw new Error(`not an amount: ${text}`);
  return parsed.value;
}

const sum = (values: readonly (number | null)[]): number | null => (values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0));

describe('the unit pages of a multi-unit Hunan department (SYNTHETIC)', () => {
  it('exist for every unit: one page each, with a section per published table of the template, linked from its list', async () => {
    expect(unitPaths(site).map((p) => p.params.unit)).toEqual(entry!.disclosure.units.map((u) => u.code));
    for (const page of units) {
      const root = parseHtml(await container.renderToString(UnitOverview, { props: { page } }));
      const sections = findAll(root, (e) => e.tag === 'section' && hasClass(e, 'unit-table')).map((e) => e.attrs['id']);
      const published = page.view.tables.filter((t) => t.provided);
      expect(published.length).toBeGreaterThan(10);
      expect(sections).toEqual(published.map(unitTableAnchor));
      // Out of the search index, as the department's tables are what a search for a row should find.
      expect(findAll(root, (e) => e.tag === 'section' && hasClass(e, 'unit-table') && e.attrs['data-pagefind-ignore'] === undefined)).toEqual([]);
      const listed = findAll(root, (e) => e.tag === 'a' && (e.attrs['href'] ?? '').includes('/#table-')).map((a) => a.attrs['href']);
      expect(listed).toEqual(published.map((t) => `/${routes.unitTable(entry!.disclosure, page.unit.code, t)}`));
    }
  });

  it('are listed on the department overview, each with its link', async () => {
    const html = await container.renderToString(DisclosureOverview, { props: { overview: overviewData(site, entry!) } });
    const links = findAll(parseHtml(html), (e) => e.tag === 'a' && (e.attrs['href'] ?? '').includes('/units/')).map((a) => a.attrs['href']);
    expect(links).toEqual(units.map((u) => `/${routes.unit(entry!.disclosure, u.unit.code)}`));
  });

  it('print for each unit what the department’s table prints on that unit’s row, and 合计 rows that add up to the department’s', async () => {
    const financial = entry!.tables.filter((t: Table) => t.provided && t.rows.some((r) => r.level === 'unit'));
    expect(financial.length).toBeGreaterThan(10);
    let compared = 0;
    for (const table of financial) {
      const department = printedRows(parseHtml(await container.renderToString(BudgetTable, { props: { table } })));
      const unitTotals: (number | null)[][] = [];
      for (const page of units) {
        const unitTable = page.view.tables.find((t) => t.id === table.id)!;
        const section = findAll(unitPagesHtml.get(page.unit.code)!, (e) => e.tag === 'section' && e.attrs['id'] === unitTableAnchor(unitTable))[0];
        if (!section) throw new Error(`unit ${page.unit.code} has no section for ${table.id}`);
        const printed = printedRows(section);
        const total = printed.get('total')!;
        unitTotals.push(total);
        const row = department.get(`unit:${page.unit.code}`);
        // A unit with nothing in this table has no row in the department's: its page prints a blank or zero 合计.
        if (row) expect({ table: table.id, unit: page.unit.code, amounts: total }).toEqual({ table: table.id, unit: page.unit.code, amounts: row });
        else expect(total.every((v) => v === null || v === 0)).toBe(true);
        compared++;
      }
      const departmentTotal = department.get('total')!;
      departmentTotal.forEach((value, column) => {
        expect({ table: table.id, column, sum: sum(unitTotals.map((t) => t[column] ?? null)) }).toEqual({ table: table.id, column, sum: value });
      });
    }
    expect(compared).toBe(financial.length * units.length);
  });
});
