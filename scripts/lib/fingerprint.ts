/**
 * Content hashes that decide what a build must redo: the generator's own fingerprint (its
 * version, lock file and every source file that shapes the output) and the hash of a set of
 * content files. The build stamp, the per-shard hashes and the workbook cache all combine these,
 * so changing a UI string or upgrading a dependency changes the stamp as surely as a one-cent
 * edit does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentFile } from '../../src/lib/content/load.ts';

/** Files at the root whose bytes shape the output (the lock file pins every dependency). */
const ROOT_FILES = ['package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json'] as const;
/** Folders whose source shapes the output; tests do not. */
const SOURCE_DIRS = ['src', 'scripts', 'public'] as const;
/**
 * Files that never shape the output: tests, and the tools around the build (benchmarks, the
 * synthetic content writer, search measurements, the browser-test runner, the checker). Editing
 * them must not make every shard of a province stale.
 */
const TOOLING =
  /\.test\.ts$|^scripts\/(bench|bench-engine|synth|search-quality|search-latency|test-e2e|check)\.ts$|^scripts\/lib\/(e2e-|search-quality|process-tree|synth|progress)/;
const isTooling = (path: string): boolean => TOOLING.test(path);

function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const path = relative(root, full).split('\\').join('/');
        if (!isTooling(path)) out.push(path);
      }
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  return out;
}

const cache = new Map<string, string>();

/** `gongkai <version>+<hash>`: the version, lock file and output-shaping source of the generator at `root`. */
export function generatorFingerprint(root: string): string {
  const known = cache.get(root);
  if (known) return known;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256');
  for (const file of [...ROOT_FILES.filter((f) => existsSync(join(root, f))), ...sourceFiles(root)]) {
    hash
      .update(`${file}\n`)
      .update(readFileSync(join(root, file)))
      .update('\n');
  }
  const fingerprint = `gongkai ${pkg.version}+${hash.digest('hex').slice(0, 12)}`;
  cache.set(root, fingerprint);
  return fingerprint;
}

/** SHA-256 (hex) over files named relative to `base`, in the order given, prefixed by `salt`. */
export function hashContentFiles(salt: string, files: readonly ContentFile[], base: (path: string) => string): string {
  const hash = createHash('sha256').update(`${salt}\n`);
  for (const file of files) hash.update(`${base(file.path)}\n${file.text}\n`);
  return hash.digest('hex');
}
