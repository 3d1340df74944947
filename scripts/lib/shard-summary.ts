/**
 * What a shard hands the portal step (`_shard.json` in its output): its id and content hash, the
 * generator that built it, a summary per disclosure (site-data.ts `SummaryEntry`) and its share
 * of the open data, cut per disclosure so the portal can put the rows of all shards in the site's
 * order without reading a ledger.
 */
import { finishOpenData, openDataTexts, type OpenDataFile } from '../../src/lib/export/datapackage.ts';
import { inOpenDataOrder, jsonArray, jsonArrayLines, openDataYears } from '../../src/lib/export/open-data.ts';
import type { Finding } from '../../src/lib/findings.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';
import type { DisclosureEntry, SummaryEntry } from '../../src/lib/site/site-data.ts';

export const SHARD_SUMMARY_FILE = '_shard.json';

/**
 * The summary of a shard whose pages are built and whose search index is not yet: renamed to
 * {@link SHARD_SUMMARY_FILE} once the index is complete, so a shard output that the portal step
 * accepts (or that a later build finds up to date) always has its index.
 */
export const SHARD_UNINDEXED_FILE = '_shard.unindexed.json';

export interface ShardSummary {
  readonly id: string;
  /** Content hash of the shard's files and the generator: equal hash, equal output. */
  readonly hash: string;
  readonly generator: string;
  readonly entries: readonly SummaryEntry[];
  /** Per disclosure id, per open-data path: a CSV's rows without its header line, a JSON array's record lines. */
  readonly openDataRows: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Per open-data CSV path: its header line. */
  readonly openDataHeaders: Readonly<Record<string, string>>;
  readonly warnings: readonly Finding[];
}

const isCsv = (file: OpenDataFile): boolean => file.path.endsWith('.csv');

/** The header line (with the BOM, if any) of a CSV text, and the rows after it. */
function splitHeader(text: string): [header: string, rows: string] {
  const end = text.indexOf('\r\n');
  return end < 0 ? [text, ''] : [text.slice(0, end + 2), text.slice(end + 2)];
}

/** A shard's open data, one disclosure at a time: a CSV's rows, a JSON array's record lines. */
export function openDataParts(entries: readonly Pick<DisclosureEntry, 'disclosure' | 'tables'>[]): Pick<ShardSummary, 'openDataRows' | 'openDataHeaders'> {
  const rows: Record<string, Record<string, string>> = {};
  const headers: Record<string, string> = {};
  for (const { disclosure, tables } of entries) {
    const own: Record<string, string> = {};
    for (const file of openDataTexts([disclosure], () => tables)) {
      if (isCsv(file)) {
        const [header, body] = splitHeader(file.text);
        headers[file.path] = header;
        own[file.path] = body;
      } else own[file.path] = jsonArrayLines(file.text).join(',\n');
    }
    rows[disclosure.id] = own;
  }
  return { openDataRows: rows, openDataHeaders: headers };
}

/**
 * The site's open-data files from the shards' parts: each CSV is its header and the rows of every
 * disclosure that has that file, in open-data order, a JSON array the records of each, exactly as
 * a whole-site build writes them; files without rows are dropped and datapackage.json describes
 * the rest.
 */
export function mergeOpenData(disclosures: readonly Disclosure[], summaries: readonly ShardSummary[]): OpenDataFile[] {
  const rows = new Map<string, Readonly<Record<string, string>>>();
  const headers = new Map<string, string>();
  for (const summary of summaries) {
    for (const [id, parts] of Object.entries(summary.openDataRows)) rows.set(id, parts);
    for (const [path, header] of Object.entries(summary.openDataHeaders)) headers.set(path, header);
  }
  const ordered = inOpenDataOrder(disclosures);
  const parts = (path: string): string[] => ordered.map((d) => rows.get(d.id)?.[path] ?? '');
  const merged = openDataTexts(disclosures, null).map((file): OpenDataFile => {
    if (!isCsv(file)) return { path: file.path, text: jsonArray(parts(file.path).filter((p) => p !== '')) };
    const header = headers.get(file.path) ?? splitHeader(file.text)[0];
    return { path: file.path, text: header + parts(file.path).join('') };
  });
  return finishOpenData(merged, openDataYears(disclosures));
}
