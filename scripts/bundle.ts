/**
 * `npm run bundle`: builds the site for SITE_BASE (default /) exactly as `npm run build` does,
 * into a folder of its own, and packs it as the offline bundle (scripts/lib/offline-bundle.ts):
 * bundle/gongkai-site-<stamp>.tar.gz and its .sha256 beside it. dist/ is not touched.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSite } from './lib/build-site.ts';
import { normaliseBase, readNginxTemplate } from './lib/nginx-config.ts';
import { buildBundle } from './lib/offline-bundle.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'bundle');
const siteDir = join(outDir, 'site');
try {
  const base = normaliseBase(process.env['SITE_BASE'] || '/');
  mkdirSync(outDir, { recursive: true });
  const result = await buildSite({ root, env: { ...process.env, SITE_BASE: base }, outDir: siteDir, log: (line) => console.log(line) });
  const bundle = buildBundle({ siteDir, base, stamp: result.stamp, nginxTemplate: readNginxTemplate() });
  const archive = join(outDir, bundle.fileName);
  writeFileSync(archive, bundle.bytes);
  writeFileSync(`${archive}.sha256`, bundle.checksum);
  rmSync(siteDir, { recursive: true, force: true });
  console.log(
    `gongkai: 离线包 / offline bundle ${archive} (${bundle.files} files, ${(bundle.bytes.length / 1024).toFixed(0)} KB, site under ${base}); check it with: cd bundle && sha256sum -c ${bundle.fileName}.sha256`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
