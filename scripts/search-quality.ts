/**
 * `node scripts/search-quality.ts [queries.txt] [--intents intents.txt] [--site dist] [--base /] [--ideas] [--json out.json]`
 *
 * Measures the search of an already built site (it builds nothing): serves the site on
 * 127.0.0.1, and in headless Chromium (/usr/bin/chromium, never downloaded) opens the site's
 * search page `/search/?q=` for every query, as a visitor would. Prints per query and overall:
 *   - recall: relevant pages among all results;
 *   - top-10 precision: relevant pages among the first 10 results;
 *   - the bytes a fresh page load plus that first search downloads.
 * A page is relevant when its indexed text (read back from Pagefind) contains the query
 * verbatim. Exits 1 when a target is missed (recall 100%, precision ≥ 95%, < 300 KB).
 *
 * Alongside, the search-intent set (tests/search/intent-queries.txt: queries people type, each
 * with the page it must find): the share whose page is among the first 3 results, ≥ 95%.
 *
 * `--ideas` also re-indexes copies of the site the ways tried before (Pagefind defaults,
 * phrase queries, ICU and dictionary segmentation, single characters) and prints their figures.
 * Defaults: queries ../shared/search/dev-queries.txt (from the repository root), site dist/,
 * base $SITE_BASE or / (the base the site was built with).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { indexSize, ideas, measureIdea } from './lib/search-quality-ideas.ts';
import { serveStatic } from './lib/search-quality-server.ts';
import {
  formatIntentReport,
  formatReport,
  indexedPages,
  kb,
  launchChromium,
  parseIntents,
  parseQueries,
  scoreIntent,
  summariseIntents,
  relevantPages,
  scoreResults,
  searchThroughPage,
  summarise,
  TOP,
  type IntentMeasure,
  type QueryMeasure,
} from './lib/search-quality.ts';

const root = resolve(import.meta.dirname, '..');

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      site: { type: 'string', default: join(root, 'dist') },
      base: { type: 'string', default: process.env['SITE_BASE'] || '/' },
      intents: { type: 'string', default: join(root, 'tests', 'search', 'intent-queries.txt') },
      ideas: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const queriesFile = resolve(positionals[0] ?? join(root, '..', 'shared', 'search', 'dev-queries.txt'));
  const siteDir = resolve(values.site);
  if (!existsSync(queriesFile)) throw new Error(`no query file at ${queriesFile}`);
  if (!existsSync(join(siteDir, 'pagefind', 'pagefind.js'))) throw new Error(`no search index in ${siteDir}: run npm run build first`);
  const queries = parseQueries(readFileSync(queriesFile, 'utf8'));
  const intents = parseIntents(readFileSync(resolve(values.intents), 'utf8'));
  console.log(`search-quality: ${queries.length} queries from ${queriesFile}, site ${siteDir} (base ${values.base})`);

  const browser = await launchChromium();
  const report: Record<string, unknown> = {};
  try {
    const server = await serveStatic(siteDir, values.base);
    let measures: QueryMeasure[];
    const intentMeasures: IntentMeasure[] = [];
    try {
      const pages = await indexedPages(browser, server, siteDir);
      measures = [];
      for (const query of queries) {
        const { ranked, shown, bytes } = await searchThroughPage(browser, server, query);
        // The page must show exactly the first results of its own ranking.
        if (
          shown.join('\n') !==
          ranked
            .slice(0, TOP)
            .map((r) => r.url)
            .join('\n')
        )
          throw new Error(`search page for ${query} shows other results than it ranked first`);
        measures.push(scoreResults(query, ranked, relevantPages(pages, query), bytes));
      }
      for (const intent of intents) intentMeasures.push(scoreIntent(intent, (await searchThroughPage(browser, server, intent.query)).ranked));
      console.log(`search-quality: ${pages.size} indexed pages, index data ${kb(indexSize(join(siteDir, 'pagefind')))}`);
    } finally {
      await server.close();
    }
    const summary = summarise(measures);
    const intentSummary = summariseIntents(intentMeasures);
    report['site'] = { measures, summary };
    report['intents'] = { measures: intentMeasures, summary: intentSummary };

    if (values.ideas) {
      for (const idea of ideas(join(root, process.env['CONTENT_DIR'] || 'content'))) {
        const { measures: ideaMeasures, indexBytes } = await measureIdea(
          browser,
          idea,
          siteDir,
          join(root, '.build-staging', 'search-ideas'),
          values.base,
          queries,
        );
        const ideaSummary = summarise(ideaMeasures);
        report[idea.name] = { measures: ideaMeasures, summary: ideaSummary, indexBytes };
        console.log(`${formatReport(`idea: ${idea.name} — ${idea.description}`, ideaMeasures, ideaSummary)}\n   index data ${kb(indexBytes)}\n`);
      }
    }

    console.log(formatReport('the site search (/search/?q=): single-character index, phrase queries, title-first ranking', measures, summary));
    if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatIntentReport(intentMeasures, intentSummary));
    const failures = [...summary.failures, ...intentSummary.failures];
    if (failures.length > 0) {
      console.error(`search-quality: below target: ${failures.join('; ')}`);
      return 1;
    }
    console.log('search-quality: all targets met (recall 100%, top-10 precision ≥ 95%, first-query download < 300 KB, search intents in the top 3 ≥ 95%)');
    return 0;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`search-quality: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
