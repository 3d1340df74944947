/**
 * Chromium sessions for the journeys. Every session records each request its pages make and
 * `assertClean()` fails the test when one went anywhere but 127.0.0.1, when the site answered
 * an error status, or when a page threw. Requests to other hosts are also aborted, so a
 * failing test never reaches the Internet.
 */
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Request, type Response } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../scripts/lib/e2e-tools.ts';
import { withBase } from '../../../src/lib/site/routes.ts';
import type { E2eSite } from './global-setup.ts';

export const site: E2eSite = inject('e2e');

/** The absolute URL of a route path (from routes.ts) on the test server. */
export const urlOf = (path: string): string => `${site.origin}${withBase(site.base, path)}`;

/** The path of a URL on the test server, relative to the site base (the inverse of urlOf). */
export const routeOf = (url: string): string => {
  const { pathname } = new URL(url);
  return decodeURIComponent(pathname.startsWith(site.base) ? pathname.slice(site.base.length) : pathname);
};

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: site.chromium, args: [...CHROMIUM_ARGS] });
}

const isLocal = (url: URL): boolean => url.hostname === '127.0.0.1';
const isNetwork = (url: URL): boolean => url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:';

/** The page that made a request; workers' requests have no frame. */
const initiator = (request: Request): string => {
  try {
    return request.frame().url();
  } catch {
    return 'a worker';
  }
};

export interface Session {
  readonly context: BrowserContext;
  /** Every network URL requested so far, in order. */
  readonly requests: readonly string[];
  newPage(): Promise<Page>;
  /** Throws with every request to another host, every error status and every page error. */
  assertClean(): void;
  close(): Promise<void>;
}

export async function openSession(browser: Browser, options: BrowserContextOptions = DESKTOP): Promise<Session> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!isNetwork(url)) return;
    requests.push(url.href);
    if (!isLocal(url)) problems.push(`request left 127.0.0.1: ${request.method()} ${url.href} (${request.resourceType()}, from ${initiator(request)})`);
  });
  context.on('response', (response: Response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()} (${response.request().resourceType()})`);
  });
  context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
  await context.route(
    (url) => isNetwork(url) && !isLocal(url),
    (route) => route.abort('blockedbyclient'),
  );
  return {
    context,
    requests,
    newPage: () => context.newPage(),
    assertClean: () => {
      if (problems.length > 0) throw new Error(`The browser session was not clean:\n  ${problems.join('\n  ')}`);
    },
    close: () => context.close(),
  };
}

/**
 * Opens a route path and returns the response; a page that is not there fails with its route,
 * so a journey over a page still being built says so plainly.
 */
export async function visit(page: Page, path: string, what = path): Promise<Response> {
  const response = await page.goto(urlOf(path), { waitUntil: 'load' });
  if (!response) throw new Error(`no response for ${what} (${urlOf(path)})`);
  if (response.status() === 404) throw new Error(`${what} is not built yet: ${urlOf(path)} answers 404`);
  if (!response.ok()) throw new Error(`${what} answers HTTP ${response.status()} (${urlOf(path)})`);
  return response;
}

/**
 * Clicks the page's first visible link to a route path, as a reader would, and waits for the
 * new page; fails saying which link is missing or which page is not there.
 */
export async function followLink(page: Page, path: string, what: string): Promise<Response> {
  const href = withBase(site.base, path);
  const link = page.locator(`a[href="${href}"]:visible`).first();
  if ((await link.count()) === 0) throw new Error(`${page.url()} has no visible link to ${what} (href="${href}")`);
  const target = urlOf(path);
  const [response] = await Promise.all([page.waitForResponse((r) => r.url() === target && r.request().isNavigationRequest()), link.click()]);
  if (response.status() === 404) throw new Error(`${what} is not built yet: ${target} answers 404`);
  if (!response.ok()) throw new Error(`${what} answers HTTP ${response.status()} (${target})`);
  await page.waitForURL(target);
  return response;
}

/**
 * Scrolls through the page to its end (so lazily loaded parts such as charts start) and waits
 * until the page has had no request in flight for a moment.
 */
export async function settle(page: Page, quietMs = 150, timeoutMs = 10_000): Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const started = () => {
    inFlight++;
    lastChange = Date.now();
  };
  const ended = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    // Step through rather than jump, so everything passes through the viewport on the way.
    await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      for (let y = 0; y < document.documentElement.scrollHeight; y += Math.max(200, window.innerHeight * 0.8)) {
        window.scrollTo(0, y);
        await frame();
      }
      window.scrollTo(0, document.documentElement.scrollHeight);
      await frame();
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastChange < quietMs)) await page.waitForTimeout(25);
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}
