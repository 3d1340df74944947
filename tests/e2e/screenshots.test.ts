/**
 * Full-page screenshots of the home page, an overview and the widest table, on a desktop and on
 * a phone, saved under test-artifacts/screenshots/ for a person to look at (CI keeps them).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { E2E_SCREENSHOT_DIR } from '../../scripts/lib/e2e-tools.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { DESKTOP, launchBrowser, openSession, PHONE, settle, visit, type Session } from './support/browser.ts';
import { sampleEntry, widestTable } from './support/content.ts';

const outDir = resolve(E2E_SCREENSHOT_DIR);
const entry = sampleEntry();
const wide = widestTable(entry);
const subjects = [
  { name: 'home', path: routes.home() },
  { name: 'overview', path: routes.disclosure(entry.disclosure) },
  { name: `table-${wide.id}`, path: routes.table(entry.disclosure, wide) },
];
const devices: readonly { name: string; options: BrowserContextOptions }[] = [
  { name: 'desktop', options: DESKTOP },
  { name: 'phone', options: PHONE },
];

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

let browser: Browser;
let session: Session | undefined;
beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
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

describe('screenshots', () => {
  for (const device of devices) {
    for (const subject of subjects) {
      it(`the ${subject.name} page is captured whole on a ${device.name} into test-artifacts/screenshots/${subject.name}-${device.name}.png`, async () => {
        session = await openSession(browser, device.options);
        const page = await session.newPage();
        await visit(page, subject.path, `the ${subject.name} page`);
        await settle(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        const file = join(outDir, `${subject.name}-${device.name}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        const size = pngSize(readFileSync(file));
        const viewport = device.options.viewport ?? { width: 0, height: 0 };
        expect(size.width).toBe(viewport.width * (device.options.deviceScaleFactor ?? 1));
        expect(size.height).toBeGreaterThan(0);
      });
    }
  }
});
