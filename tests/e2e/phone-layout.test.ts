/**
 * The citizen's first minute on a phone: every page kind fits a 320 px screen without sideways
 * page scroll, every target stands at least 24 × 24 px, table text is readable, the overview
 * opens with a table of contents, and a side-by-side table keeps its labels with their own
 * amounts. Phone screenshots of every page kind go to test-artifacts/screenshots/phone/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { E2E_SCREENSHOT_DIR } from '../../scripts/lib/e2e-tools.ts';
import { rowHeaderColumns } from '../../src/lib/site/page-data.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { launchBrowser, openSession, PHONE, settle, urlOf, type Session } from './support/browser.ts';
import { sampleEntry, widestTable } from './support/content.ts';
import { PAGE_KINDS } from './support/page-kinds.ts';

/** Screens of a page a phone screenshot keeps, from the top. */
const SCREENSHOT_SCREENS = 12;
const SMALL_PHONE = { ...PHONE, viewport: { width: 320, height: 640 } };
const outDir = resolve(E2E_SCREENSHOT_DIR, 'phone');
const entry = sampleEntry();
const d = entry.disclosure;

let browser: Browser;
beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage<T>(options: typeof PHONE, path: string, use: (page: Page) => Promise<T>): Promise<T> {
  const session: Session = await openSession(browser, options);
  try {
    const page = await session.newPage();
    await page.goto(urlOf(path), { waitUntil: 'load' });
    await settle(page);
    if (path.startsWith(routes.search())) await page.waitForSelector('gk-search-results[data-state="done"]');
    return await use(page);
  } finally {
    await session.close();
  }
}

/** Visible targets smaller than 24 × 24 px, except links inside a sentence (WCAG 2.5.8's inline exception). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const inSentence = (element: Element) => Boolean(element.closest('p, .prose, dd, .note, .table-note, .search-result__excerpt'));
    const found: string[] = [];
    for (const element of document.querySelectorAll('a[href], button, input, select, summary, textarea')) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      if (element.closest('.skip-link, [hidden]')) continue;
      if (element.tagName === 'A' && inSentence(element)) continue;
      if (box.width < 24 || box.height < 24)
        found.push(`${element.tagName.toLowerCase()} “${(element.textContent ?? '').trim().slice(0, 20)}” ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
    }
    return [...new Set(found)];
  });
}

describe('every page kind on a phone', () => {
  for (const kind of PAGE_KINDS) {
    it(`${kind.kind} fits 320 px without sideways page scroll and has no target under 24 px`, async () => {
      const { overflow, small } = await withPage(SMALL_PHONE, kind.path, async (page) => ({
        overflow: await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        small: await smallTargets(page),
      }));
      expect(overflow, `${kind.path} is wider than the screen`).toBeLessThanOrEqual(0);
      expect(small).toEqual([]);
    });

    it(`${kind.kind} is captured at 390 × 844, its first ${SCREENSHOT_SCREENS} screens at most, into test-artifacts/screenshots/phone/${kind.name}.png`, async () => {
      await withPage(PHONE, kind.path, async (page) => {
        await page.evaluate(() => window.scrollTo(0, 0));
        // The site-wide indicator list is some 90 screens long; a whole-page capture of it at 2× takes
        // minutes on a 2-core runner and shows nothing the first screens do not.
        const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), SCREENSHOT_SCREENS * 844);
        await page.screenshot({ path: join(outDir, `${kind.name}.png`), fullPage: true, clip: { x: 0, y: 0, width: 390, height }, animations: 'disabled' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      });
    });
  }
});

describe('reading tables on a phone', () => {
  it('the overview starts with a table of contents whose links reach its sections', async () => {
    await withPage(PHONE, routes.disclosure(d), async (page) => {
      const links = page.locator('nav.page-contents a');
      expect(await links.count()).toBeGreaterThanOrEqual(3);
      const nav = await page.locator('nav.page-contents').boundingBox();
      expect(nav?.y ?? Infinity).toBeLessThan(844 * 1.5);
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
        expect(await page.locator(href).count(), href).toBe(1);
      }
      await page.locator('nav.page-contents a[href="#tables"]').click();
      const top = await page.locator('#tables').boundingBox();
      // At the top of the screen, give or take the heading's scroll margin (the page may also end before it can scroll further).
      expect(Math.abs(top?.y ?? 999)).toBeLessThan(80);
    });
  });

  it('the widest table has text of at least 14 px, headings not broken a character a line, and a readable row view', async () => {
    const wide = widestTable(entry);
    await withPage(PHONE, routes.table(d, wide), async (page) => {
      const fontSize = await page
        .locator('table.official td.amount')
        .first()
        .evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(14);
      // A leaf heading of an amount column is at least four characters wide.
      const narrowest = await page
        .locator('table.official thead th[scope="col"]:not(.code-col):not(.sticky-col)')
        .evaluateAll((ths) => Math.min(...ths.map((th) => th.getBoundingClientRect().width / parseFloat(getComputedStyle(th).fontSize))));
      expect(narrowest).toBeGreaterThanOrEqual(4);
      await page.locator('details.row-view summary').click();
      const rows = page.locator('.row-view__row');
      expect(await rows.count()).toBeGreaterThan(0);
      const box = await rows.first().boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(390);
    });
  });

  it('a group heading keeps its label in sight when its columns are scrolled sideways', async () => {
    const wide = widestTable(entry);
    await withPage(PHONE, routes.table(d, wide), async (page) => {
      const scroller = page.locator('.table-scroll').first();
      const label = page.locator('table.official thead .group-label').last();
      await label.scrollIntoViewIfNeeded();
      const th = label.locator('xpath=..');
      const thBox = await th.boundingBox();
      if (!thBox || thBox.width < 390) return; // the group fits on screen: nothing can scroll it away
      await scroller.evaluate((el, x) => el.scrollBy(x, 0), thBox.width / 2);
      const box = await label.boundingBox();
      expect(box && box.x >= 0 && box.x < 390).toBe(true);
    });
  });

  it('a side-by-side table (收支总表) pins no label column, so no 收入 label sits beside 支出 amounts', async () => {
    const sideBySide = entry.tables.find((t) => t.provided && rowHeaderColumns(t).length > 1);
    if (!sideBySide) throw new Error('the sample disclosure has no side-by-side table');
    await withPage(PHONE, routes.table(d, sideBySide), async (page) => {
      expect(await page.locator('table.official .sticky-col').count()).toBe(0);
      expect(
        await page.locator('table.official tbody th[scope="row"]').evaluateAll((ths) => ths.filter((th) => (th.textContent ?? '').trim() === '').length),
      ).toBe(0);
    });
  });

  it('the search page is no wider than a 390 px phone', async () => {
    await withPage(PHONE, `${routes.search()}?q=${encodeURIComponent(d.department.name)}`, async (page) => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const form = await page.locator('form[data-search-form]').boundingBox();
      expect((form?.x ?? 0) + (form?.width ?? 999)).toBeLessThanOrEqual(390);
    });
  });
});
