/**
 * Downloads are exactly what the SHA-256 manifest (data/SHA256SUMS) promises, fetched from the
 * web server the way a reader gets them, and served with the types spreadsheet programs expect.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { routes, withBase } from '../../src/lib/site/routes.ts';
import { listFiles } from '../../scripts/lib/run-build.ts';
import { launchBrowser, openSession, site, urlOf, visit, type Session } from './support/browser.ts';
import { sampleEntry } from './support/content.ts';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The manifest over HTTP, as `sha256sum -c` reads it: path → hex. */
async function fetchManifest(): Promise<Map<string, string>> {
  const response = await fetch(urlOf(routes.manifest()));
  if (response.status === 404) throw new Error(`the manifest is not built yet: ${urlOf(routes.manifest())} answers 404`);
  expect(response.status).toBe(200);
  const text = await response.text();
  const entries = new Map<string, string>();
  for (const line of text.split('\n').filter((l) => l !== '')) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match?.[1] || !match[2]) throw new Error(`manifest line is not in sha256sum format: ${JSON.stringify(line)}`);
    entries.set(match[2], match[1]);
  }
  return entries;
}

async function fetchBytes(path: string): Promise<{ bytes: Uint8Array; type: string | null }> {
  const response = await fetch(urlOf(path));
  if (!response.ok) throw new Error(`${urlOf(path)} answers HTTP ${response.status}`);
  return { bytes: new Uint8Array(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

describe('downloads', () => {
  let browser: Browser;
  let session: Session;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session = await openSession(browser);
  });
  afterEach(async () => {
    try {
      session.assertClean();
    } finally {
      await session.close();
    }
  });

  it('downloading a table’s CSV from its page gives exactly the bytes the SHA-256 manifest lists', async () => {
    const entry = sampleEntry();
    const table = entry.tables.find((t) => t.provided && t.rows.length > 0);
    if (!table) throw new Error(`${entry.disclosure.id} has no provided table`);
    const csvPath = routes.tableCsv(entry.disclosure, table);
    const manifest = await fetchManifest();
    const listed = manifest.get(csvPath);
    expect(listed, `the manifest lists ${csvPath}`).toBeDefined();

    const page = await session.newPage();
    await visit(page, routes.table(entry.disclosure, table), `table ${table.id}`);
    const link = page.locator(`a[href="${withBase(site.base, csvPath)}"]`).first();
    expect(await link.count(), `table ${table.number}'s page links its CSV`).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    // The file saved says what it is: region, department, year, phase, table (src/lib/export/file-names.ts).
    expect(download.suggestedFilename()).toBe(csvPath.split('/').at(-1));
    expect(download.suggestedFilename()).toContain(entry.disclosure.department.code);
    expect(sha256(readFileSync(file))).toBe(listed);
  });

  it('downloading a table’s own XLSX from its page gives a workbook named for the table, as the manifest lists it', async () => {
    const entry = sampleEntry();
    const table = entry.tables.find((t) => t.provided && t.rows.length > 0);
    if (!table) throw new Error(`${entry.disclosure.id} has no provided table`);
    const xlsxPath = routes.tableXlsx(entry.disclosure, table);
    const listed = (await fetchManifest()).get(xlsxPath);
    expect(listed, `the manifest lists ${xlsxPath}`).toBeDefined();
    const page = await session.newPage();
    await visit(page, routes.table(entry.disclosure, table), `table ${table.id}`);
    const link = page.locator(`a[href="${withBase(site.base, xlsxPath)}"]`).first();
    expect(await link.count(), `table ${table.id}'s page links its XLSX`).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(xlsxPath.split('/').at(-1));
    expect(sha256(readFileSync(await download.path()))).toBe(listed);
  });

  it('every file the manifest lists is served over HTTP with exactly the listed SHA-256', async () => {
    const manifest = await fetchManifest();
    expect(manifest.size).toBeGreaterThan(0);
    const mismatches: string[] = [];
    for (const [path, hex] of manifest) {
      const { bytes } = await fetchBytes(path);
      if (sha256(bytes) !== hex) mismatches.push(`${path}: served ${sha256(bytes)}, manifest ${hex}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('the manifest lists every CSV and XLSX the site publishes', async () => {
    const manifest = await fetchManifest();
    const published = listFiles(site.siteDir).filter((path) => /\.(csv|xlsx)$/.test(path));
    expect(published.length).toBeGreaterThan(0);
    expect(published.filter((path) => !manifest.has(path))).toEqual([]);
  });

  it('CSV is served as UTF-8 text/csv, gzipped on the wire like all text, and the workbook as an XLSX spreadsheet, unencoded', async () => {
    const d = sampleEntry().disclosure;
    const csv = await fetch(urlOf(routes.ledgerCsv()), { headers: { 'accept-encoding': 'gzip, br' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // The shipped nginx configuration compresses text; a browser stores the decoded bytes, which the manifest checks above.
    expect(csv.headers.get('content-encoding')).toBe('gzip');
    const xlsx = await fetchBytes(routes.workbook(d));
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect([...xlsx.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a ZIP container, as every XLSX is
  });
});
