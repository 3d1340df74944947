/**
 * The accessibility leftovers of the phone audit, on every page kind: every landmark of a kind
 * has a name of its own (two search forms on the search page, many regions on the indicators
 * page), and no row or column header is blank (收支总表 had 33). axe's best-practice rules
 * `landmark-unique`, `landmark-no-duplicate-*` and `empty-table-header` count them as moderate or
 * minor, which the general axe test lets through, so they are asserted here on their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, describeViolations } from './support/axe.ts';
import { DESKTOP, launchBrowser, openSession, settle, urlOf } from './support/browser.ts';
import { PAGE_KINDS } from './support/page-kinds.ts';

const RULES = ['landmark-unique', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo', 'landmark-no-duplicate-main', 'empty-table-header'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('landmarks and table headers', () => {
  for (const kind of PAGE_KINDS) {
    it(`${kind.kind}: every landmark is named uniquely and no table header is blank`, async () => {
      const session = await openSession(browser, { ...DESKTOP, bypassCSP: true });
      try {
        const page = await session.newPage();
        await page.goto(urlOf(kind.path), { waitUntil: 'load' });
        await settle(page);
        const violations = await axeViolations(page, RULES);
        expect(violations, describeViolations(kind.path, violations)).toEqual([]);
        // axe ignores a blank <th scope="row"> in some layouts: count them directly.
        const blank = await page
          .locator('th')
          .evaluateAll((ths) => ths.filter((th) => (th.textContent ?? '').trim() === '' && !th.getAttribute('aria-label')).length);
        expect(blank).toBe(0);
      } finally {
        await session.close();
      }
    });
  }
});
