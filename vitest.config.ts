/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

const timeouts = { testTimeout: 120_000, hookTimeout: 300_000 };

/**
 * Two projects. `unit`: plain Vite, for pure modules and for tests that run a whole build
 * (`runBuild` imports `astro`, which Astro's own Vite config resolves to an empty module).
 * `components`: through Astro's Vite config (`getViteConfig`), so tests can import `.astro` files
 * and render them with the container API; plain Vite cannot parse `.astro` files.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/site/components/**', 'node_modules/**'],
          ...timeouts,
        },
      },
      getViteConfig({ test: { name: 'components', include: ['tests/site/components/**/*.test.ts'], ...timeouts } }),
    ],
  },
});
