import { defineConfig } from 'vitest/config';

/**
 * The browser tests (`npm run test:e2e`, which builds the site first). The global setup serves
 * the build with nginx under /yjsgk/; each test file drives its own headless Chromium, two
 * files at a time (about a quarter faster than one at a time on a 2-core machine).
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
