/**
 * What the tests know about the site comes from the same content the build read, through the
 * same site data, so they follow whatever is in content/ instead of hard-coding sample figures.
 */
import { getSiteData, type DisclosureEntry } from '../../../src/lib/site/site-data.ts';
import { packOf } from '../../../src/lib/templates/registry.ts';
import { definitionFor, type TableFamily } from '../../../src/lib/templates/template-pack.ts';
import type { Table } from '../../../src/lib/tables/model.ts';

export const siteData = getSiteData();

/** The disclosure the journeys walk through: the first (latest) one with its financial tables. */
export function sampleEntry(): DisclosureEntry {
  const entry = siteData.entries.find((e) => e.summary.hasFinancialTables) ?? siteData.entries[0];
  if (!entry) throw new Error('content/ holds no disclosure: the e2e tests need at least one');
  return entry;
}

export function familyOf(entry: DisclosureEntry, table: Table): TableFamily {
  const definition = definitionFor(packOf(entry.disclosure), table.id);
  if (!definition) throw new Error(`table ${table.id} is not in the template`);
  return definition.family;
}

/** The provided table with the most columns: the one a phone has to scroll sideways. */
export function widestTable(entry: DisclosureEntry): Table {
  const provided = entry.tables.filter((t) => t.provided && t.rows.length > 0);
  const widest = provided.reduce<Table | undefined>((best, t) => (!best || t.columns.length > best.columns.length ? t : best), undefined);
  if (!widest) throw new Error(`${entry.disclosure.id} has no provided table with rows`);
  return widest;
}

/** The provided table with the most rows on the whole site: the one that prints on several pages. */
export function longestTable(): { entry: DisclosureEntry; table: Table } {
  let best: { entry: DisclosureEntry; table: Table } | undefined;
  for (const entry of siteData.entries) {
    for (const table of entry.tables) {
      if (table.provided && (!best || table.rows.length > best.table.rows.length)) best = { entry, table };
    }
  }
  if (!best) throw new Error('content/ has no provided table');
  return best;
}
