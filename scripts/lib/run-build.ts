/**
 * The build pipeline behind `npm run build`, as a function so tests can run it on fixtures:
 *   1. load and validate content (errors stop here: nothing is written);
 *   2. Astro builds into a staging folder;
 *   3. post-build steps over the staging folder (search index, checksums);
 *   4. the staging folder replaces dist/ in one rename.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { contentDir, readContentFiles } from '../../src/lib/content/read-content-dir.ts';
import { ContentError, formatFinding, hasErrors } from '../../src/lib/findings.ts';
import type { DisclosureRule } from '../../src/lib/validate/rule.ts';
import { validateContentDir } from '../../src/lib/validate/validate-content.ts';

export interface BuildOptions {
  /** The project root (where astro.config.mjs is). */
  readonly root: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the finished site goes; default `<root>/dist`. */
  readonly outDir?: string;
  readonly log?: (line: string) => void;
  /** Checks beyond the standard validation (the narrative's figure references). */
  readonly rules?: readonly DisclosureRule[];
  /** Post-build steps run on the staging folder before it replaces dist/. */
  readonly postBuild?: readonly ((stagingDir: string, stamp: string) => Promise<void>)[];
}

export interface BuildResult {
  readonly outDir: string;
  readonly stamp: string;
  readonly files: number;
}

/** A short hash of the content and the generator version: the same input, the same stamp. */
export function buildStamp(root: string, dir: string): string {
  const hash = createHash('sha256');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  hash.update(`gongkai ${pkg.version}\n`);
  for (const file of readContentFiles(dir)) hash.update(`${relative(resolve(dir), resolve(file.path))}\n${file.text}\n`);
  return hash.digest('hex').slice(0, 12);
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const dir = resolve(options.root, contentDir(options.env));
  const outDir = resolve(options.outDir ?? join(options.root, 'dist'));

  // 1. Content first: a wrong number never reaches the builder.
  const { findings } = validateContentDir(dir, options.rules ?? []);
  for (const f of findings.filter((x) => x.severity === 'warning')) log(formatFinding(f));
  if (hasErrors(findings)) throw new ContentError(findings);

  const stamp = buildStamp(options.root, dir);
  const stagingRoot = resolve(options.root, '.build-staging');
  const staging = join(stagingRoot, `site-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(stagingRoot, { recursive: true });

  // 2. Astro into staging. Its config reads these variables.
  const passed = { GONGKAI_OUT_DIR: staging, GONGKAI_BUILD_STAMP: stamp, CONTENT_DIR: dir, SITE_BASE: options.env['SITE_BASE'] };
  // Vite reads BASE_URL/MODE/DEV from the environment and would override the configured base;
  // a test runner (Vitest) sets them, so a build started from a test must not see them.
  const cleared = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'] as const;
  const savedVite = Object.fromEntries(cleared.map((name) => [name, process.env[name]]));
  for (const name of cleared) delete process.env[name];
  const saved = Object.fromEntries(Object.keys(passed).map((name) => [name, process.env[name]]));
  for (const [name, value] of Object.entries(passed)) restore(name, value);
  try {
    const { build } = await import('astro');
    await build({ root: options.root, logLevel: options.env['GONGKAI_LOG_LEVEL'] === 'info' ? 'info' : 'warn' });
    // 3. Post-build steps on the complete staging site.
    for (const step of options.postBuild ?? []) await step(staging, stamp);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    for (const [name, value] of Object.entries(saved)) restore(name, value);
    for (const [name, value] of Object.entries(savedVite)) restore(name, value);
  }

  // 4. Swap: the old dist/ moves aside, staging takes its place, the old one goes.
  const previous = join(stagingRoot, `previous-${process.pid}`);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) moveDir(outDir, previous);
  moveDir(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
  log(`gongkai: 0 errors, ${findings.length} warning(s)`);
  return { outDir, stamp, files: listFiles(outDir).length };
}

/** A rename, or a copy where the two folders are on different file systems. */
function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
