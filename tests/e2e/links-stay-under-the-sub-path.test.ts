/**
 * The site works from a sub-path (/yjsgk/) of any web server: every href/src in the built HTML
 * (and url() in the CSS) lands on a file of the site under that sub-path, the server answers each
 * of them, and a browser visiting every page asks nothing of any host but 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkSiteLinks } from '../../scripts/lib/e2e-links.ts';
import { listFiles } from '../../scripts/lib/run-build.ts';
import { launchBrowser, openSession, settle, site, urlOf, visit } from './support/browser.ts';

const report = checkSiteLinks(site.siteDir, site.base);

describe('links under the sub-path', () => {
  it('every href and src in the built HTML and CSS resolves to a file under the sub-path', () => {
    expect(report.filesScanned).toBeGreaterThan(0);
    expect(report.referencesChecked).toBeGreaterThan(0);
    // One line per distinct problem (the header's links repeat on every page), with a count and an example.
    const grouped = new Map<string, { count: number; example: string }>();
    for (const p of report.problems) {
      const key = `${p.reference} ${p.reason}`;
      const seen = grouped.get(key);
      if (seen) seen.count++;
      else grouped.set(key, { count: 1, example: p.file });
    }
    const lines = [...grouped].map(([key, { count, example }]) => `${key} — in ${example}${count > 1 ? ` and ${count - 1} more` : ''}`);
    expect(lines, `${report.problems.length} broken reference(s):\n${lines.slice(0, 60).join('\n')}`).toEqual([]);
  });

  it('nginx answers 200 for every file the pages link to', async () => {
    expect(report.targets.length).toBeGreaterThan(0);
    const failures: string[] = [];
    const queue = [...report.targets];
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const url = urlOf(path.replace(/(^|\/)index\.html$/, '$1'));
        const response = await fetch(url, { method: 'HEAD', redirect: 'manual' });
        if (response.status !== 200) failures.push(`${url}: HTTP ${response.status}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(failures).toEqual([]);
  });

  it('nginx serves nothing of the site outside the sub-path', async () => {
    const outside = await fetch(`${site.origin}/index.html`, { redirect: 'manual' });
    await outside.arrayBuffer();
    expect(outside.status).toBe(404);
  });
});

describe('no request leaves 127.0.0.1', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('visiting every page of the site, scrolled to its end, requests nothing from another host and nothing that fails', async () => {
    const pages = listFiles(site.siteDir)
      .filter((file) => file.endsWith('index.html'))
      .map((file) => file.slice(0, -'index.html'.length));
    expect(pages.length).toBeGreaterThan(0);
    const session = await openSession(browser);
    try {
      // A few tabs at once, each taking the next page from the queue.
      const queue = [...pages];
      const tab = async () => {
        const page = await session.newPage();
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          await visit(page, path);
          await settle(page);
        }
        await page.close();
      };
      await Promise.all(Array.from({ length: 3 }, tab));
      expect(session.requests.length).toBeGreaterThanOrEqual(pages.length);
      session.assertClean();
    } finally {
      await session.close();
    }
  }, 600_000);
});
