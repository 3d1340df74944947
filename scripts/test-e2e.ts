/**
 * `npm run test:e2e`: the browser tests on a real web server.
 *   1. Chromium and nginx must be installed (Debian packages); if not, say what to install and stop.
 *   2. Build the site with SITE_BASE=/yjsgk/ as three shards merged by the portal step, the way
 *      a CI matrix builds a province (every post-build step included), into
 *      test-artifacts/e2e-site/. The build tests prove a merged site equals a whole build.
 *   3. Run tests/e2e with vitest.e2e.config.ts; its global setup serves that build with nginx on a
 *      free 127.0.0.1 port under /yjsgk/ and stops it afterwards.
 * Arguments go to vitest (e.g. a file filter). E2E_SKIP_BUILD=1 reuses the last e2e build while
 * iterating on the tests; E2E_SITE_DIR tests another build (made with SITE_BASE=/yjsgk/).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildInShards } from './lib/build-shards.ts';
import { CHINESE_FONT_HINT, E2E_SITE_BASE, E2E_SITE_DIR, findE2eTools, hasChineseFont } from './lib/e2e-tools.ts';

const root = resolve(import.meta.dirname, '..');
const E2E_SHARDS = 3;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  try {
    findE2eTools();
  } catch (error) {
    console.error(`test:e2e: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (!hasChineseFont()) console.warn(`test:e2e: warning: no Chinese font installed, so screenshots will show boxes (${CHINESE_FONT_HINT})`);
  const siteDir = resolve(root, process.env['E2E_SITE_DIR'] ?? E2E_SITE_DIR);
  if (process.env['E2E_SKIP_BUILD'] === '1') {
    console.log(`test:e2e: E2E_SKIP_BUILD=1, testing the existing build in ${siteDir}`);
  } else {
    const started = performance.now();
    mkdirSync(dirname(siteDir), { recursive: true });
    try {
      // As a province's CI builds it: three shard processes, then the portal step merges them.
      const result = await buildInShards({
        root,
        env: { ...process.env, SITE_BASE: E2E_SITE_BASE },
        outDir: siteDir,
        count: E2E_SHARDS,
        fragmentsDir: join(dirname(siteDir), 'e2e-shards'),
        log: (line) => console.log(line),
      });
      console.log(`test:e2e: built ${result.files} files for ${E2E_SITE_BASE} as ${E2E_SHARDS} shards into ${siteDir} in ${seconds(started)}`);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      console.error('test:e2e: the build failed, so the browser tests did not run');
      return 1;
    }
  }
  const started = performance.now();
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const args = [vitest, 'run', '--config', join(root, 'vitest.e2e.config.ts'), ...process.argv.slice(2)];
  const result = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, E2E_SITE_DIR: siteDir }, stdio: 'inherit' });
  const status = result.status ?? 1;
  console.log(`test:e2e: browser tests ${status === 0 ? 'passed' : `failed (exit ${status})`} in ${seconds(started)}`);
  return status;
}

process.exitCode = await main();
