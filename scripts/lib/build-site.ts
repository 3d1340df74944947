/**
 * The site build with its standard post-build steps, shared by `npm run build`, the tests and
 * the benchmark so that all of them build the same site.
 */
import { runBuild, type BuildOptions, type BuildResult } from './run-build.ts';
import { searchIndexStep } from './search-index.ts';
import { writeChecksums } from './write-checksums.ts';

/** In order: anything that adds files first, the checksums of the downloads last. */
export const POST_BUILD_STEPS: NonNullable<BuildOptions['postBuild']> = [searchIndexStep, writeChecksums];

export function buildSite(options: Omit<BuildOptions, 'postBuild'>): Promise<BuildResult> {
  return runBuild({ ...options, postBuild: POST_BUILD_STEPS });
}
