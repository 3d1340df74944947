/**
 * The site build with its standard post-build steps, shared by `npm run build`, the tests and
 * the benchmark so that all of them build the same site.
 */
import { runBuild, runMerge, type BuildOptions, type BuildResult, type MergeOptions } from './run-build.ts';
import { writeChecksums } from './write-checksums.ts';

/**
 * After the pages, downloads and search index (which runBuild makes itself, the index beside the
 * last workbooks): the checksums of the downloads, last.
 */
export const POST_BUILD_STEPS: NonNullable<BuildOptions['postBuild']> = [writeChecksums];

export function buildSite(options: Omit<BuildOptions, 'postBuild'>): Promise<BuildResult> {
  return runBuild({ ...options, postBuild: options.shard ? [] : POST_BUILD_STEPS });
}

/** The portal step: its own search index is made inside `runMerge`, before the shards are copied in; the checksums last. */
export function mergeSite(options: Omit<MergeOptions, 'postBuild'>): Promise<BuildResult> {
  return runMerge({ ...options, postBuild: [writeChecksums] });
}
