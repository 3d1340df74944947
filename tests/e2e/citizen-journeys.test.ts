/**
 * What a citizen does on the site, in a real browser against nginx under /yjsgk/: browse to a
 * table and back, read a wide table on a phone, and find a project by its name.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { routes } from '../../src/lib/site/routes.ts';
import { followLink, openSession, PHONE, routeOf, urlOf, visit, launchBrowser, type Session } from './support/browser.ts';
import { sampleEntry, siteData, widestTable } from './support/content.ts';
import { formatWan } from '../../src/lib/money.ts';
import { unitPages, unitTables } from '../../src/lib/site/unit-pages.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a citizen', () => {
  let session: Session;
  afterEach(async () => {
    try {
      session.assertClean();
    } finally {
      await session.close();
    }
  });

  describe('on a desktop', () => {
    beforeEach(async () => {
      session = await openSession(browser);
    });

    it('goes from the home page to a year, to a department, to one of its tables, and back', async () => {
      const d = sampleEntry().disclosure;
      const page = await session.newPage();
      await visit(page, routes.home(), 'the home page');
      await expect.poll(() => page.locator('h1').count()).toBe(1);

      await followLink(page, routes.year(d.year), `the ${d.year} year page`);
      await followLink(page, routes.disclosure(d), `the overview of ${d.department.name} ${d.year}`);
      const overview = page.url();
      expect(await page.locator('h1').innerText()).toContain(d.department.name);

      // The first table the overview links to, whichever it is.
      const tablePrefix = `${urlOf(routes.disclosure(d))}tables/`;
      const firstTableHref = await page
        .locator('main a[href*="/tables/"]')
        .evaluateAll(
          (links, prefix) => links.map((a) => (a as HTMLAnchorElement).href).find((href) => href.startsWith(prefix) && href.endsWith('/')),
          tablePrefix,
        );
      if (!firstTableHref) throw new Error(`the overview ${overview} links to none of its tables (${tablePrefix}…)`);
      await followLink(page, routeOf(firstTableHref), 'a table page');
      const tableNumber = Number(routeOf(firstTableHref).match(/tables\/(\d+)\/$/)?.[1]);
      expect(await page.locator('h1').innerText()).toContain(`表${tableNumber}`);
      await expect.poll(() => page.locator('main table, main .not-provided').count()).toBeGreaterThan(0);

      await page.goBack();
      expect(page.url()).toBe(overview);
      expect(await page.locator('h1').innerText()).toContain(d.department.name);
      expect(await page.locator(`a[href="${new URL(firstTableHref).pathname}"]`).count()).toBeGreaterThan(0);
    });

    it('goes from a department’s overview to one of its units, to that unit’s 支出总表 on its page, and to its department’s history', async () => {
      // The first disclosure whose facts are given by unit (a Hunan ledger): Shanghai's have no unit pages.
      const entry = siteData.entries.find((e) => unitPages(e).length > 0);
      if (!entry) throw new Error('no disclosure of the site has unit pages (facts given by unit)');
      const d = entry.disclosure;
      const [unit] = unitPages(entry);
      if (!unit) throw new Error(`${d.id} has no unit pages`);
      const expenditure = unitTables(unit).find((t) => t.id === 'expenditureSummary' && t.provided);
      if (!expenditure) throw new Error(`${d.id}: the unit view has no 支出总表`);
      const page = await session.newPage();
      await visit(page, routes.disclosure(d), `the overview of ${d.department.name} ${d.year}`);

      await followLink(page, routes.unit(d, unit.unit.code), `the page of unit ${unit.unit.code}`);
      expect(await page.locator('h1').innerText()).toContain(unit.unit.name);
      // The unit's tables are sections of its page: the list links each one on the page itself.
      const target = urlOf(routes.unitTable(d, unit.unit.code, expenditure));
      const anchor = new URL(target).hash;
      await page.locator(`main a[href="${new URL(target).pathname}${anchor}"]`).click();
      await page.waitForURL(target);
      const section = page.locator(`section${anchor}`);
      expect(await section.locator('caption').innerText()).toContain(expenditure.title);
      expect(await section.isVisible()).toBe(true);
      // The unit's 合计 as the unit view's table has it, which the unit tests prove adds up to the department's.
      const total = expenditure.rows.find((r) => r.level === 'total');
      const amount = total?.cells.find((c) => c.kind === 'amount' && c.value !== null);
      if (!amount || amount.kind !== 'amount' || amount.value === null) throw new Error('the unit 支出总表 has no 合计');
      expect(await section.locator('table').innerText()).toContain(formatWan(amount.value));

      await followLink(page, routes.disclosure(d), 'the department overview');
      await followLink(page, routes.department(d.region.code, d.department.code), 'the department history');
      expect(await page.locator('h1').innerText()).toContain(d.department.name);
      expect(await page.locator(`main a[href="${new URL(urlOf(routes.disclosure(d))).pathname}"]`).count()).toBeGreaterThan(0);
    });

    it('searches for a project by its name in the header search box and lands on that project', async () => {
      // The project the issue names when the content has it, else the sample's first project.
      const entry = siteData.entries.find((e) => e.disclosure.projects.some((p) => p.name === '人大代表活动经费')) ?? sampleEntry();
      const project = entry.disclosure.projects.find((p) => p.name === '人大代表活动经费') ?? entry.disclosure.projects[0];
      if (!project) throw new Error(`${entry.disclosure.id} has no project to search for`);
      const page = await session.newPage();
      await visit(page, routes.home(), 'the home page');

      const box = page.getByRole('search').getByRole('searchbox');
      await box.fill(project.name);
      const [searchPage] = await Promise.all([
        page.waitForResponse((r) => r.request().isNavigationRequest() && routeOf(r.url()) === routes.search()),
        box.press('Enter'),
      ]);
      if (searchPage.status() === 404) throw new Error(`the search page is not built yet: ${searchPage.url()} answers 404`);
      expect(new URL(page.url()).searchParams.get('q')).toBe(project.name);

      // The first result of the search page's list.
      const firstResult = page.locator('ol.search-results > li a[href]').first();
      try {
        await firstResult.waitFor({ state: 'visible', timeout: 15_000 });
      } catch {
        const status = await page.evaluate(() => document.querySelector('main')?.innerText.slice(0, 300) ?? '(no main)');
        throw new Error(`the search page ${page.url()} showed no result link within 15 s for “${project.name}”. Its main reads: ${status}`);
      }
      await Promise.all([page.waitForURL((url) => !routeOf(url.href).startsWith(routes.search())), firstResult.click()]);
      const projectPath = routes.project(entry.disclosure, project.id);
      const projectPage = await fetch(urlOf(projectPath), { method: 'HEAD' });
      const built = projectPage.status === 200 ? '' : ` (not built yet: ${urlOf(projectPath)} answers ${projectPage.status})`;
      expect(routeOf(page.url().replace(/#.*$/, '')), `the first result for “${project.name}” is its project page ${projectPath}${built}`).toBe(projectPath);
      expect(await page.locator('h1').innerText()).toContain(project.name);
    });
  });

  describe('on a 390 px phone', () => {
    beforeEach(async () => {
      session = await openSession(browser, PHONE);
    });

    it('scrolls a wide table sideways inside its region while the row names stay in view', async () => {
      const entry = sampleEntry();
      const table = widestTable(entry);
      const page = await session.newPage();
      await visit(page, routes.table(entry.disclosure, table), `table ${table.id}`);

      // The page itself does not scroll sideways: only the table's region does.
      const pageWidth = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(pageWidth.viewport).toBe(390);
      expect(pageWidth.scroll).toBeLessThanOrEqual(pageWidth.viewport);

      const region = page.locator('.table-scroll').first();
      await region.scrollIntoViewIfNeeded();
      const size = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(size.scroll, `table ${table.number} (${table.columns.length} columns) should be wider than a phone`).toBeGreaterThan(size.client);

      const rowHeader = region.locator('tbody th[scope="row"]').first();
      const lastCell = region.locator('tbody tr').first().locator('td, th').last();
      const lastBefore = await lastCell.boundingBox();

      // Swipe the table to its right edge, as a thumb would.
      const box = await region.boundingBox();
      if (!box) throw new Error('the table region has no box');
      await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth, behavior: 'instant' }));
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

      const lastAfter = await lastCell.boundingBox();
      expect(lastAfter && lastBefore && lastAfter.x < lastBefore.x, 'the far cells moved into view').toBe(true);

      const header = await rowHeader.evaluate((th) => {
        const rect = th.getBoundingClientRect();
        const region = th.closest('.table-scroll')?.getBoundingClientRect();
        const hit = document.elementFromPoint(rect.left + Math.min(rect.width / 2, 20), rect.top + rect.height / 2);
        return {
          left: rect.left,
          right: rect.right,
          width: rect.width,
          regionLeft: region?.left ?? NaN,
          onTop: hit !== null && th.contains(hit),
          text: th.textContent?.trim() ?? '',
        };
      });
      expect(header.text.length).toBeGreaterThan(0);
      expect(header.width).toBeGreaterThan(0);
      expect(header.left, 'the row name sticks to the left edge of the region').toBeGreaterThanOrEqual(header.regionLeft - 1);
      expect(header.left).toBeLessThanOrEqual(header.regionLeft + 2);
      expect(header.right).toBeLessThanOrEqual(390);
      expect(header.onTop, 'the row name is not covered by the scrolled cells').toBe(true);
    });
  });
});
