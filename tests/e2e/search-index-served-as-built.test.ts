/**
 * Pagefind's files reach the browser exactly as the build wrote them: its index fragments are
 * already gzip-compressed and its script inflates them itself, so a server that re-encodes or
 * mistypes them breaks search. Its script and JSON are text, which the shipped nginx
 * configuration compresses like any other (the bytes after decoding are still the built file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/lib/run-build.ts';
import { site, urlOf } from './support/browser.ts';

const expectedType = (path: string): string => {
  if (path.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (path.endsWith('.json')) return 'application/json; charset=utf-8';
  if (path.endsWith('.wasm')) return 'application/wasm';
  return 'application/octet-stream';
};

describe('the search index', () => {
  it('every Pagefind file is served byte for byte with its type, the already compressed index files unencoded', async () => {
    const files = listFiles(site.siteDir).filter((path) => path.startsWith('pagefind/'));
    if (files.length === 0) throw new Error(`the build has no pagefind/ folder: the search index is not built yet`);
    expect(files.some((path) => /\.pf_(meta|index|fragment)$/.test(path))).toBe(true);
    const problems: string[] = [];
    for (const path of files) {
      const response = await fetch(urlOf(path), { headers: { 'accept-encoding': 'gzip, br' } });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const onDisk = readFileSync(join(site.siteDir, path));
      const type = response.headers.get('content-type');
      if (response.status !== 200) problems.push(`${path}: HTTP ${response.status}`);
      const isText = /\.(js|json)$/.test(path);
      if (!isText && response.headers.get('content-encoding') !== null) problems.push(`${path}: re-encoded as ${response.headers.get('content-encoding')}`);
      if (type !== expectedType(path)) problems.push(`${path}: served as ${type}, expected ${expectedType(path)}`);
      if (!onDisk.equals(bytes)) problems.push(`${path}: served bytes differ from the built file`);
    }
    expect(problems).toEqual([]);
  });
});
