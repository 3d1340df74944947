/**
 * The integrity manifest (`data/SHA256SUMS`): the SHA-256 of every downloadable file, in the
 * format `sha256sum` writes, so anyone can check a download with `sha256sum -c` run from the
 * site root.
 */
import { createHash } from 'node:crypto';

export interface ManifestFile {
  /** Path from the site root, as routes.ts gives it (`430202/001/2024/tables/430202-001-2024-预算-表1-收支总表.csv`). */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The SHA-256 of some bytes, as lowercase hex. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * `<hex>  <path>` lines (two spaces: text mode, as `sha256sum` prints), sorted by path in code
 * unit order so the manifest does not depend on the order the build wrote the files in, each
 * ending in a newline. A path `sha256sum` would have to escape (backslash, line break), an
 * absolute path, or a path listed twice is refused rather than written ambiguously.
 */
export function sha256Manifest(files: readonly ManifestFile[]): string {
  const seen = new Set<string>();
  for (const { path } of files) {
    if (path === '' || path.startsWith('/') || /[\\\r\n]/.test(path)) throw new Error(`manifest path not allowed: ${JSON.stringify(path)}`);
    if (seen.has(path)) throw new Error(`manifest lists ${path} twice`);
    seen.add(path);
  }
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${sha256Hex(f.bytes)}  ${f.path}\n`)
    .join('');
}
