import { defineConfig } from 'vitest/config';

/**
 * The browser tests (`npm run test:e2e`, which builds the site first). The global setup serves
 * dist/ with nginx under /yjsgk/; each test file drives its own headless Chromium. Files run
 * one at a time: two Chromiums on a 2-core CI machine make timing-sensitive checks flaky.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
