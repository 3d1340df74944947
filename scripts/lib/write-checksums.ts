/**
 * Post-build step: the SHA-256 manifest of every downloadable file (CSV, XLSX, the data package),
 * written last so it hashes exactly the bytes that will be served.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Manifest } from '../../src/lib/export/manifest.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { BUILD_INFO_FILE, listFiles } from './run-build.ts';

/** Which built files are downloads (and so are listed in the manifest); build.json carries the stamp. */
export const isDownload = (path: string): boolean =>
  /\.(csv|xlsx)$/.test(path) || path === routes.dataPackage() || path === routes.summaryJson() || path === BUILD_INFO_FILE;

export async function writeChecksums(siteDir: string): Promise<void> {
  const files = listFiles(siteDir)
    .filter(isDownload)
    .map((path) => ({ path, bytes: readFileSync(join(siteDir, path)) }));
  writeFileSync(join(siteDir, routes.manifest()), sha256Manifest(files));
}
