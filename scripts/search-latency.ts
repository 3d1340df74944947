/**
 * `node scripts/search-latency.ts --site DIR [--base /] [--throttle 4] QUERY…`
 *
 * The first query a visitor makes on the search page of a built site, in headless Chromium
 * with its CPU slowed `--throttle` times (DevTools' CPU throttling): per query, in a fresh
 * browser context (nothing cached), the bytes the page load plus that search download and the
 * time from the search starting to its results shown, and those bytes by kind of file (the page,
 * Pagefind's script, WASM, metadata, index chunks, fragments; file counts in brackets). Prints
 * figures; asserts nothing. For a
 * large site (`npm run bench -- --scale 1000 --keep` leaves one in .build-staging/).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from './lib/search-quality-server.ts';
import { breakdown, DownloadMeter, kb, launchChromium, settle } from './lib/search-quality.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { site: { type: 'string' }, base: { type: 'string', default: '/' }, throttle: { type: 'string', default: '4' } },
});
if (!values.site || positionals.length === 0) {
  console.error('usage: node scripts/search-latency.ts --site DIR [--base /] [--throttle 4] QUERY…');
  process.exit(2);
}
const rate = Number(values.throttle);
const browser = await launchChromium();
const server = await serveStatic(resolve(values.site), values.base);
try {
  console.log(`search-latency: ${resolve(values.site)}, CPU throttled ${rate}×, each query the first of a fresh browser context`);
  for (const query of positionals) {
    const context = await browser.newContext();
    try {
      const meter = new DownloadMeter(context, server.origin);
      server.takeServed();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      // Timestamps of the results element's states, from inside the page.
      await page.addInitScript(() => {
        const times: Record<string, number> = {};
        (window as unknown as { __searchTimes: Record<string, number> }).__searchTimes = times;
        new MutationObserver(() => {
          const state = document.querySelector('gk-search-results')?.getAttribute('data-state');
          if (state && !(state in times)) times[state] = performance.now();
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
      });
      await page.goto(`${server.siteUrl}search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('gk-search-results[data-state="done"], gk-search-results[data-state="error"]', { timeout: 60_000 });
      await settle(page);
      const times = await page.evaluate(() => (window as unknown as { __searchTimes: Record<string, number> }).__searchTimes);
      const count = await page.evaluate(
        () => (document.querySelector('gk-search-results') as (Element & { results?: { count: number } }) | null)?.results?.count ?? 0,
      );
      const served = server.takeServed();
      const bytes = await meter.total(served);
      const parts = breakdown(await meter.byPath(served));
      const answer = (times['done'] ?? times['error'] ?? NaN) - (times['loading'] ?? NaN);
      console.log(
        `${query.padEnd(24)} ${String(count).padStart(6)} results  first search ${kb(bytes).padStart(9)}  answered in ${(answer / 1000).toFixed(2)} s${times['error'] ? ' (ERROR)' : ''}`,
      );
      console.log(`${''.padEnd(24)} ${[...parts.map((p) => `${p.kind} ${kb(p.bytes)} (${p.files})`), `headers ${kb(meter.headers)}`].join(', ')}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await server.close();
  await browser.close();
}
