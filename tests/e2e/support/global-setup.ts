/**
 * Serves the built site with nginx for the whole e2e run and hands its address to the tests
 * (`inject('e2e')`). The site must have been built for the sub-path: `npm run test:e2e` builds
 * it into test-artifacts/e2e-site/ first; `E2E_SITE_DIR` points at another such build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveWithNginx } from '../../../scripts/lib/e2e-nginx.ts';
import { E2E_SITE_BASE, E2E_SITE_DIR, findE2eTools } from '../../../scripts/lib/e2e-tools.ts';
import { BUILD_INFO_FILE, buildStamp, shardFiles, type BuildInfo } from '../../../scripts/lib/run-build.ts';
import { contentDir } from '../../../src/lib/content/read-content-dir.ts';

export interface E2eSite {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `/yjsgk/` */
  readonly base: string;
  /** The build nginx serves, for static checks of exactly what the browser sees. */
  readonly siteDir: string;
  readonly chromium: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eSite;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tools = findE2eTools();
  const siteDir = resolve(process.env['E2E_SITE_DIR'] ?? E2E_SITE_DIR);
  const home = join(siteDir, 'index.html');
  if (!existsSync(home)) throw new Error(`No built site at ${siteDir}: run \`npm run test:e2e\`, which builds it with SITE_BASE=${E2E_SITE_BASE}.`);
  if (!readFileSync(home, 'utf8').includes(`href="${E2E_SITE_BASE}`)) {
    throw new Error(`${siteDir} was not built for ${E2E_SITE_BASE}: run \`npm run test:e2e\` (it builds with SITE_BASE=${E2E_SITE_BASE}).`);
  }
  // The tests read content/ to know what to expect; a build of older content (E2E_SKIP_BUILD=1) misleads them.
  const stamp = buildStamp(process.cwd(), resolve(contentDir()));
  const infoFile = join(siteDir, BUILD_INFO_FILE);
  const info = existsSync(infoFile) ? (JSON.parse(readFileSync(infoFile, 'utf8')) as BuildInfo) : undefined;
  // A site merged from shards carries each shard's content hash instead of one stamp.
  const fresh = info?.shards
    ? info.shards.every((shard) => shardFiles(process.cwd(), resolve(contentDir()), shard).hash === shard.hash)
    : info?.stamp === stamp;
  if (!fresh) {
    console.warn(
      `e2e: warning: ${siteDir} does not carry the build stamp ${stamp} of the current content/: it may be stale, so rebuild (run without E2E_SKIP_BUILD).`,
    );
  }
  const site = await serveWithNginx({ nginx: tools.nginx, siteDir, base: E2E_SITE_BASE, keep: process.env['E2E_KEEP_SERVER'] === '1' });
  console.log(`e2e: nginx serves ${siteDir} at ${site.baseUrl} (config and logs in ${site.prefix})`);
  project.provide('e2e', { origin: site.origin, base: E2E_SITE_BASE, siteDir, chromium: tools.chromium });
  return () => site.stop();
}
