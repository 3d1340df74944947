// @ts-check
import { defineConfig } from 'astro/config';

/**
 * Static output only: the site must run from any web server or intranet portal with no server
 * code. `SITE_BASE` puts the whole site under a sub-path (e.g. /yjsgk/); `GONGKAI_OUT_DIR` is set
 * by scripts/build.ts, which builds into a staging folder and swaps it into dist/ on success.
 */
export default defineConfig({
  output: 'static',
  base: process.env.SITE_BASE || '/',
  trailingSlash: 'always',
  outDir: process.env.GONGKAI_OUT_DIR || './dist',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  prefetch: false,
  compressHTML: true,
});
