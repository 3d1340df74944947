/**
 * A journalist takes a chart away: its PNG, drawn in the browser from the chart's canvas and
 * stamped with its title, department, year and phase, unit and the page's address; and its data
 * as the CSV written beside the page, row for row the chart's data table.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { routes } from '../../src/lib/site/routes.ts';
import { DESKTOP, launchBrowser, openSession, visit, type Session } from './support/browser.ts';
import { sampleEntry } from './support/content.ts';

let browser: Browser;
let session: Session;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  try {
    session.assertClean();
  } finally {
    await session.close();
  }
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
const pngSize = (bytes: Buffer): { width: number; height: number } => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

const csvRows = (text: string): string[][] =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));

describe('a chart on the overview', () => {
  const entry = sampleEntry();
  const d = entry.disclosure;

  it('downloads as a PNG stamped with its title, department, year, phase, unit and the page’s address', async () => {
    session = await openSession(browser, { ...DESKTOP, acceptDownloads: true });
    const page = await session.newPage();
    await visit(page, routes.disclosure(d), `the overview of ${d.id}`);
    const chart = page.locator('main budget-chart').first();
    if ((await chart.count()) === 0) throw new Error(`the overview ${page.url()} has no chart`);
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => chart.getAttribute('data-drawn'), { timeout: 10_000 }).toBe('true');
    const button = chart.locator('button.chart__png');
    await expect.poll(() => button.isVisible()).toBe(true);
    const canvasWidth = await chart.locator('canvas').evaluate((c) => (c as HTMLCanvasElement).width);

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const size = pngSize(bytes);
    expect(size.width).toBeGreaterThan(canvasWidth);
    expect(size.height).toBeGreaterThan(100);
    expect(bytes.length, 'a chart with its stamp, not an empty image').toBeGreaterThan(5_000);
    expect(await chart.getAttribute('data-png-size')).toBe(`${size.width}x${size.height}`);

    const title = (await chart.locator('figcaption').innerText()).trim();
    expect(download.suggestedFilename()).toBe(`${d.region.code}-${d.department.code}-${d.year}-${d.phase === 'final' ? '决算' : '预算'}-图-${title}.png`);
    // What the drawing function was given, line by line.
    const stamp = JSON.parse((await chart.getAttribute('data-png-stamp')) ?? '[]') as string[];
    expect(stamp[0]).toBe(title);
    const text = stamp.join('\n');
    expect(text).toContain(d.department.name);
    expect(text).toContain(`${d.year}年`);
    expect(text).toContain(d.phase === 'final' ? '决算' : '预算');
    expect(text).toContain('金额单位：万元');
    expect(stamp.at(-1)).toBe(`网址：${page.url()}`);
  });

  it('offers its data as a CSV whose rows are the chart’s data table, without JavaScript too', async () => {
    session = await openSession(browser, { ...DESKTOP, javaScriptEnabled: false });
    const page = await session.newPage();
    await visit(page, routes.disclosure(d), `the overview of ${d.id}`);
    const charts = page.locator('main budget-chart');
    const count = await charts.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const chart = charts.nth(i);
      const link = chart.locator('.chart__downloads a[download]');
      const href = await link.getAttribute('href');
      if (!href) throw new Error(`chart ${i + 1} has no CSV link`);
      const response = await fetch(new URL(href, page.url()));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const rows = csvRows(await response.text());
      const table = await chart
        .locator('table')
        .evaluate((t) => [...(t as HTMLTableElement).rows].map((row) => [...row.cells].map((cell) => (cell.textContent ?? '').trim())));
      const [header, ...body] = table;
      expect(rows[0]?.length, `chart ${i + 1}: as many columns as its data table`).toBe(header?.length);
      expect(
        rows.slice(1).map((r) => r.map((field, c) => (c === 2 && field !== '' ? `${field}%` : field))),
        `chart ${i + 1} (${href})`,
      ).toEqual(body);
    }
  });
});
