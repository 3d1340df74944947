/**
 * A journalist's question answered in two clicks from the home page: “which department spends
 * most on 公务接待 in 2025?” — home → the year's 部门比较 → the 公务接待费 column header. The
 * answer is computed here from the content YAML itself (the declared 三公 figures of a Shanghai
 * disclosure, the 30217 ledger rows of a Hunan one), not from gongkai's tables.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { parseAmount, type AmountUnit, type Fen } from '../../src/lib/money.ts';
import { COMPARISON_KEYS, sortSegment } from '../../src/lib/site/comparison.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { DESKTOP, launchBrowser, openSession, routeOf, visit, type Session } from './support/browser.ts';
import { siteData } from './support/content.ts';

const YEAR = 2025;
const RECEPTION_ECON = '30217';

interface Reception {
  readonly region: string;
  readonly department: string;
  readonly name: string;
  readonly amount: Fen | null;
}

const fen = (value: unknown, unit: AmountUnit): Fen | null => {
  if (value === undefined || value === null) return null;
  const parsed = parseAmount(String(value), unit);
  if (!parsed.ok) throw new Error(`not an amount: ${String(value)}`);
  return parsed.value;
};

interface DisclosureYaml {
  readonly phase?: string;
  readonly amountUnit: AmountUnit;
  readonly region: { readonly code: string };
  readonly department: { readonly code: string; readonly name: string };
  readonly threePublic?: { readonly amountUnit?: AmountUnit; readonly reception?: unknown };
}
interface LedgerYaml {
  readonly amountUnit?: AmountUnit;
  readonly rows?: readonly { readonly econ?: string; readonly amount?: unknown }[];
}

/** Every 预算 of the year with financial tables (a ledger), and its 公务接待费 as its content files state it. */
function receptionsFromContent(year: number): Reception[] {
  const root = join(process.cwd(), process.env['CONTENT_DIR'] ?? 'content', 'disclosures');
  const found: Reception[] = [];
  for (const region of readdirSync(root)) {
    for (const department of readdirSync(join(root, region))) {
      const folder = join(root, region, department, String(year));
      if (!existsSync(join(folder, 'disclosure.yaml')) || !existsSync(join(folder, 'ledger.yaml'))) continue;
      const d = parse(readFileSync(join(folder, 'disclosure.yaml'), 'utf8')) as DisclosureYaml;
      if ((d.phase ?? 'budget') !== 'budget') continue;
      const ledger = parse(readFileSync(join(folder, 'ledger.yaml'), 'utf8')) as LedgerYaml;
      let amount: Fen | null;
      if (d.threePublic) {
        // Shanghai: 三公 is declared as printed, in its own unit.
        amount = fen(d.threePublic.reception, d.threePublic.amountUnit ?? d.amountUnit);
      } else {
        // A full ledger: 公务接待费 is the spending on 经济分类 30217.
        const amounts = (ledger.rows ?? []).filter((r) => r.econ === RECEPTION_ECON).map((r) => fen(r.amount, ledger.amountUnit ?? d.amountUnit));
        const known = amounts.filter((a): a is Fen => a !== null);
        amount = known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
      }
      found.push({ region: d.region.code, department: d.department.code, name: d.department.name, amount });
    }
  }
  return found;
}

let browser: Browser;
const sessions: Session[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const open = sessions.splice(0);
  try {
    for (const s of open) s.assertClean();
  } finally {
    for (const s of open) await s.close();
  }
});

/** Clicks a link as a reader does and waits for the page it opens; counts the click. */
async function click(page: Page, link: Locator, what: string, clicks: { count: number }): Promise<void> {
  if ((await link.count()) === 0) throw new Error(`${page.url()} has no visible link to ${what}`);
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== before), link.first().click()]);
  clicks.count++;
}

describe('a journalist comparing departments', () => {
  const receptions = receptionsFromContent(YEAR);
  const largest = Math.max(...receptions.map((r) => r.amount ?? -Infinity));
  const answers = receptions.filter((r) => r.amount === largest).map((r) => r.name);

  for (const javaScriptEnabled of [true, false]) {
    it(`finds which department spends most on 公务接待 in ${YEAR} in two clicks from the home page${javaScriptEnabled ? '' : ', without JavaScript'}`, async () => {
      expect(answers.length, `the content has a ${YEAR} 预算 with a 公务接待费`).toBeGreaterThan(0);
      const session = await openSession(browser, { ...DESKTOP, javaScriptEnabled });
      sessions.push(session);
      const page = await session.newPage();
      const clicks = { count: 0 };
      await visit(page, routes.home(), 'the home page');

      await click(page, page.locator('main').getByRole('link', { name: `${YEAR}年部门预算比较`, exact: true }), `the ${YEAR} comparison`, clicks);
      const ref = { region: null, year: YEAR, phase: 'budget' } as const;
      expect(routeOf(page.url())).toBe(routes.comparison(ref));

      const header = page.locator('main table thead th').filter({ hasText: '公务接待费' });
      await click(page, header.getByRole('link'), 'the 公务接待费 column sorted', clicks);
      expect(routeOf(page.url())).toBe(routes.comparison(ref, 'by-reception'));

      expect(clicks.count).toBe(2);
      await expect.poll(() => page.locator('main table thead th[aria-sort="descending"]').innerText()).toContain('公务接待费');
      const top = (await page.locator('main table tbody tr').first().locator('th[scope="row"]').innerText()).trim();
      expect(answers).toContain(top);
      // Every department of the year with financial tables is in the table, whatever it spent.
      expect(await page.locator('main table tbody tr').count()).toBe(receptions.length);
    });
  }

  it('reads every sorted view of the site-wide comparisons largest first, blanks last, with aria-sort on that column alone', async () => {
    const session = await openSession(browser, { ...DESKTOP, javaScriptEnabled: false });
    sessions.push(session);
    const page = await session.newPage();
    const periods = [
      ...new Map(
        siteData.entries.filter((e) => e.summary.hasFinancialTables).map((e) => [`${e.disclosure.year}-${e.disclosure.phase}`, e.disclosure]),
      ).values(),
    ];
    expect(periods.length).toBeGreaterThan(0);
    for (const d of periods) {
      const ref = { region: null, year: d.year, phase: d.phase };
      for (const key of COMPARISON_KEYS) {
        const path = routes.comparison(ref, sortSegment(key) ?? undefined);
        await visit(page, path, `the comparison sorted by ${key}`);
        const sorted = page.locator('main table thead th[aria-sort]');
        expect(await sorted.count(), path).toBe(1);
        expect(await sorted.getAttribute('aria-sort')).toBe('descending');
        const column = await sorted.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
        const cells = await page
          .locator('main table tbody tr')
          .evaluateAll((rows, c) => rows.map((row) => ((row as HTMLTableRowElement).cells[c]?.textContent ?? '').trim()), column);
        const amounts = cells.map((text) => (/^-?[\d,]+(\.\d+)?$/.test(text) ? Number(text.replace(/,/g, '')) : null));
        const firstBlank = amounts.indexOf(null);
        const known = firstBlank < 0 ? amounts : amounts.slice(0, firstBlank);
        expect(
          amounts.slice(known.length).every((a) => a === null),
          `${path}: no amount after a blank`,
        ).toBe(true);
        expect(known, `${path}: largest first`).toEqual([...known].sort((a, b) => (b ?? 0) - (a ?? 0)));
      }
    }
    // One page load per period and sort key, one after another: 36–39 s on this 2-core machine
    // while other tests ran, over a minute when it was busier still.
  }, 300_000);
});
