import { getViteConfig } from 'astro/config';
export default getViteConfig({
  test: {
    include: ['tests/site/**/*.test.ts'],
    testTimeout: 120_000,
  },
} as any);
