/**
 * Charts are drawn and named for screen readers; without JavaScript every table is still all
 * there, amount for amount, because tables are HTML and charts only add to them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { formatAmount } from '../../src/lib/money.ts';
import { routes } from '../../src/lib/site/routes.ts';
import type { Cell, Table } from '../../src/lib/tables/model.ts';
import { DESKTOP, launchBrowser, openSession, visit, type Session } from './support/browser.ts';
import { sampleEntry, siteData } from './support/content.ts';

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
    for (const session of open) session.assertClean();
  } finally {
    for (const session of open) await session.close();
  }
});

async function session(options = DESKTOP): Promise<Session> {
  const s = await openSession(browser, options);
  sessions.push(s);
  return s;
}

/** How much of the canvas is painted: pixels that are neither transparent nor white, and how many colours. */
function paintedPixels(canvas: Locator): Promise<{ painted: number; colours: number; width: number; height: number }> {
  return canvas.evaluate((element) => {
    const source = element as HTMLCanvasElement;
    // Copy onto a 2D canvas so any kind of drawing context can be read back.
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    if (!context || copy.width === 0 || copy.height === 0) return { painted: 0, colours: 0, width: copy.width, height: copy.height };
    context.drawImage(source, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    let painted = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 0 && !(r > 245 && g > 245 && b > 245)) {
        painted++;
        if (colours.size < 64) colours.add((r << 16) | (g << 8) | b);
      }
    }
    return { painted, colours: colours.size, width: copy.width, height: copy.height };
  });
}

describe('charts', () => {
  it('the overview’s charts are drawn once scrolled into view and each has an accessible name', async () => {
    const d = sampleEntry().disclosure;
    const page = await (await session()).newPage();
    await visit(page, routes.disclosure(d), `the overview of ${d.id}`);
    const canvases = page.locator('main canvas');
    const count = await canvases.count();
    if (count === 0) throw new Error(`the overview ${page.url()} has no chart (no <canvas> in <main>) yet`);
    for (let i = 0; i < count; i++) {
      const canvas = canvases.nth(i);
      // Scroll the chart's figure into view: the canvas itself may stay hidden until the chart draws.
      await canvas.evaluate((el) => (el.closest('figure') ?? el.parentElement ?? el).scrollIntoView({ block: 'center' }));
      await expect
        .poll(async () => (await paintedPixels(canvas)).painted, { timeout: 10_000, message: `chart ${i + 1} of ${count} stays blank` })
        .toBeGreaterThan(200);
      expect((await paintedPixels(canvas)).colours, `chart ${i + 1} uses more than one colour`).toBeGreaterThan(1);
      // The canvas names itself, or sits in an element with role="img" that does.
      const named = canvas.locator('xpath=ancestor-or-self::*[@role="img"][1]');
      const snapshot = (await named.count()) > 0 ? await named.ariaSnapshot() : await canvas.ariaSnapshot();
      expect(snapshot, `chart ${i + 1} has an accessible name`).toMatch(/^- img "[^"]*\S[^"]*"/);
    }
  });
});

describe('with JavaScript disabled', () => {
  const tablePages = siteData.entries.flatMap((entry) => entry.tables.map((table) => ({ entry, table })));

  it('every table page still shows its whole table, every amount as the table model holds it', async () => {
    expect(tablePages.length).toBeGreaterThan(0);
    const page = await (await session({ ...DESKTOP, javaScriptEnabled: false })).newPage();
    const differences: string[] = [];
    const clean = (text: string) => text.replace(/[\s,]/g, '');
    const expected = (cell: Cell, table: Table) => clean(cell.kind === 'amount' ? formatAmount(cell.value, table.amountUnit, table.decimals) : cell.value);
    for (const { entry, table } of tablePages) {
      const where = `${entry.disclosure.id} table ${table.number}`;
      await visit(page, routes.table(entry.disclosure, table), where);
      if (!table.provided) {
        expect(await page.locator('main table').count(), `${where} is not provided: no table`).toBe(0);
        continue;
      }
      const body = await page
        .locator('main table')
        .first()
        .evaluate((t) => [...(t as HTMLTableElement).tBodies].flatMap((tbody) => [...tbody.rows].map((row) => [...row.cells].map((c) => c.textContent ?? ''))));
      if (body.length !== table.rows.length) differences.push(`${where}: ${body.length} body rows in the HTML, ${table.rows.length} in the table`);
      table.rows.forEach((row, r) => {
        const shown = (body[r] ?? []).map(clean);
        const wanted = row.cells.map((cell) => expected(cell, table));
        if (shown.join('|') !== wanted.join('|'))
          differences.push(`${where} row ${r + 1} (${row.key}): shows [${shown.join(' | ')}], table holds [${wanted.join(' | ')}]`);
      });
    }
    expect(differences).toEqual([]);
  }, 300_000);

  it('the home page and the overview still read, with every chart’s data table and a link to every table', async () => {
    const entry = sampleEntry();
    const page = await (await session({ ...DESKTOP, javaScriptEnabled: false })).newPage();
    await visit(page, routes.home(), 'the home page');
    expect((await page.locator('h1').innerText()).trim().length).toBeGreaterThan(0);
    await visit(page, routes.disclosure(entry.disclosure), `the overview of ${entry.disclosure.id}`);
    // A chart without its script is its data table.
    const charts = await page.locator('main figure:has(canvas)').evaluateAll((figures) =>
      figures.map((figure) => {
        const table = figure.querySelector('table');
        return { visible: table !== null && table.getBoundingClientRect().height > 0, rows: table?.tBodies[0]?.rows.length ?? 0 };
      }),
    );
    charts.forEach((chart, i) => expect(chart.visible && chart.rows > 0, `chart ${i + 1} shows its data table without JavaScript`).toBe(true));
    for (const table of entry.tables) {
      const path = routes.table(entry.disclosure, table);
      expect(await page.locator(`main a[href$="/${path}"]`).count(), `the overview links table ${table.number}`).toBeGreaterThan(0);
    }
  });
});
