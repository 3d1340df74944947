/**
 * The search indexer as its own process: `node scripts/lib/index-child.ts <siteDir> [outputDir]`. The build
 * runs it after the pages are written, so Pagefind's memory never adds to the page renderer's,
 * and a Pagefind binary that dies (a full disk, memory) ends this process with a message instead
 * of leaving the build waiting on a reply that never comes (Node would exit 13, silently).
 * Prints the index summary as JSON on the last line of stdout.
 */
import { indexSite } from './search-index.ts';

const siteDir = process.argv[2];
if (!siteDir) {
  console.error('usage: node scripts/lib/index-child.ts <siteDir>');
  process.exit(2);
}
let finished = false;
process.on('exit', (code) => {
  // Pagefind's Node API never settles its promise when its binary dies: the event loop runs dry.
  if (!finished && code !== 2) console.error('Pagefind stopped before the index was written (its process ended without an answer)');
});
try {
  const outputDir = process.argv[3];
  const summary = await indexSite(siteDir, outputDir ? { outputDir } : {});
  finished = true;
  console.log(JSON.stringify(summary));
} catch (error) {
  finished = true;
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
