/**
 * Printing a table page: the header rows repeat on every printed page (thead as a
 * table-header-group), nothing is cut off by the screen's scroll region, and Chromium's PDF of a
 * table too long for one A4 landscape page runs over several pages.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { routes } from '../../src/lib/site/routes.ts';
import { launchBrowser, openSession, visit, type Session } from './support/browser.ts';
import { longestTable } from './support/content.ts';

/** A4 landscape at 96 px per inch. */
const A4_LANDSCAPE = { width: 1123, height: 794 };

let browser: Browser;
let session: Session | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  try {
    session?.assertClean();
  } finally {
    await session?.close();
    session = undefined;
  }
});

describe('printing a table page', () => {
  it('keeps the header rows as a repeating table header and shows every column', async () => {
    const { entry, table } = longestTable();
    session = await openSession(browser, { viewport: A4_LANDSCAPE });
    const page = await session.newPage();
    await visit(page, routes.table(entry.disclosure, table), `table ${table.id}`);
    await page.emulateMedia({ media: 'print' });

    const layout = await page
      .locator('main table')
      .first()
      .evaluate((t) => {
        const tableElement = t as HTMLTableElement;
        const head = tableElement.tHead;
        const scroller = tableElement.closest('.table-scroll') ?? tableElement.parentElement;
        return {
          headDisplay: head ? getComputedStyle(head).display : 'none (no thead)',
          headRows: head?.rows.length ?? 0,
          headText: head?.innerText.trim() ?? '',
          clipped: scroller ? scroller.scrollWidth > scroller.clientWidth + 1 : false,
        };
      });
    expect(layout.headDisplay).toBe('table-header-group');
    expect(layout.headRows).toBeGreaterThan(0);
    expect(layout.headText.length).toBeGreaterThan(0);
    expect(layout.clipped, 'in print the table is not cut off inside a scroll region').toBe(false);
  });

  it('a table longer than one A4 landscape page prints to a PDF of several pages', async () => {
    const { entry, table } = longestTable();
    session = await openSession(browser, { viewport: A4_LANDSCAPE });
    const page = await session.newPage();
    await visit(page, routes.table(entry.disclosure, table), `table ${table.id}`);
    await page.emulateMedia({ media: 'print' });
    const height = await page
      .locator('main table')
      .first()
      .evaluate((t) => t.getBoundingClientRect().height);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    // 12 mm margins leave about 700 px of A4 landscape height; a clearly taller table needs more pages.
    const where = `${entry.disclosure.id} table ${table.number}, ${Math.round(height)} px tall in print`;
    if (height > A4_LANDSCAPE.height) expect(pages, where).toBeGreaterThan(1);
    else throw new Error(`${where}: the content has no table longer than one page to print`);
  });
});
