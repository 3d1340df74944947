/**
 * Site-wide data, computed once per build: every disclosure with its 23 tables and a small
 * summary. Pages read from here and never recompute; site-wide pages (home, indexes, open
 * data) read only the summaries, so a portal can later combine shards' summaries.
 */
import { loadContentOrThrow } from '../content/read-content-dir.ts';
import type { ExpectedRegion } from '../content/coverage-file.ts';
import type { OpenDataFile } from '../export/datapackage.ts';
import type { Finding } from '../findings.ts';
import type { Disclosure } from '../disclosure/model.ts';
import type { Amount } from '../money.ts';
import type { Table } from '../tables/model.ts';
import { figureCatalogue } from '../narrative/figures.ts';
import { buildTables } from '../templates/build-tables.ts';
import { packOf } from '../templates/registry.ts';
import { definitionFor } from '../templates/template-pack.ts';
import { comparisonFigures, type ComparisonFigures } from './comparison.ts';
import { disclosureOfUnit, unitsWithOwnPages } from '../disclosure/unit-view.ts';
import { sharedWeakMap } from '../cache/shared-weak-map.ts';

export interface KeyFigures {
  /** 本年收入合计 (the template's figure 收入合计). */
  readonly income: Amount;
  /** 本年支出合计 (支出合计). */
  readonly expenditure: Amount;
  /** 基本支出. */
  readonly basic: Amount;
  /** 项目支出. */
  readonly project: Amount;
  /** 财政拨款本年收入 (财政拨款收入). */
  readonly fiscal: Amount;
  /** “三公”经费合计 (三公合计). */
  readonly threePublic: Amount;
}

export interface DisclosureSummary {
  readonly id: string;
  readonly year: number;
  readonly phase: Disclosure['phase'];
  /** The template pack id, so portal pages can say which form a figure comes from. */
  readonly template: string;
  readonly region: Disclosure['region'];
  readonly department: Disclosure['department'];
  /** Whether financial tables were published, or only performance forms. */
  readonly hasFinancialTables: boolean;
  readonly figures: KeyFigures;
  /** The figures the comparison across departments shows, each with the unit its table prints (comparison.ts). */
  readonly comparison: ComparisonFigures;
  /**
   * The same figures for each 所属单位 with pages of its own (unit-view.ts), when the department has
   * more than one: a one-unit department's unit row would repeat the department's.
   */
  readonly units: readonly UnitSummary[];
}

export interface DisclosureEntry {
  readonly disclosure: Disclosure;
  readonly tables: readonly Table[];
  readonly summary: DisclosureSummary;
  /** On a portal built from shard summaries: the compliance items the shard computed (the portal has no tables to compute them). */
  readonly compliance?: readonly unknown[];
}

export interface SiteData {
  /** Latest year first, then region, then department code. */
  readonly entries: readonly DisclosureEntry[];
  readonly warnings: readonly Finding[];
  /**
   * Which pages this build renders: a whole-site build both kinds; a shard (scripts/lib/shards.ts)
   * only its disclosures' pages; the portal step only the site-wide pages, from the shards'
   * summaries. Absent: both.
   */
  readonly renders?: { readonly disclosures: boolean; readonly portal: boolean };
  /** The shards' search indexes (paths under the site base) the search page merges with the site's own. */
  readonly searchIndexes?: readonly string[];
  /** The open-data files, when the portal combined them from the shards instead of computing them from ledgers. */
  readonly openData?: readonly OpenDataFile[];
  /** The regions' lists of expected departments and units, for the coverage pages (rendered with the region's disclosures). */
  readonly expected?: readonly ExpectedRegion[];
}

/** Whether this build renders the pages of each disclosure. */
export const rendersDisclosures = (site: SiteData): boolean => site.renders?.disclosures ?? true;

/** Whether this build renders the site-wide pages (home, years, regions, open data, search). */
export const rendersPortal = (site: SiteData): boolean => site.renders?.portal ?? true;

/**
 * What the portal needs of a disclosure, small enough to travel from a shard to the portal step
 * as JSON: the disclosure without its ledger and catalogue, each table without its rows, and the
 * summary. The site-wide pages read nothing else (the sharded build's equality test proves it).
 */
export interface SummaryEntry {
  readonly disclosure: Omit<Disclosure, 'ledger' | 'catalogue'>;
  readonly tables: readonly Omit<Table, 'header' | 'columns' | 'rows' | 'fields'>[];
  readonly summary: DisclosureSummary;
  /** The disclosure's compliance self-check, computed by the shard (it needs the tables and the narrative). */
  readonly compliance?: readonly unknown[];
}

export function summaryEntry(entry: DisclosureEntry, compliance?: readonly unknown[]): SummaryEntry {
  const { ledger: _ledger, catalogue: _catalogue, ...disclosure } = entry.disclosure;
  const tables = entry.tables.map(({ header: _header, columns: _columns, rows: _rows, fields: _fields, ...table }) => table);
  return { disclosure, tables, summary: entry.summary, ...(compliance === undefined ? {} : { compliance }) };
}

/**
 * A summary as a site entry for the portal's pages. Its facts are empty, its catalogue absent
 * and its tables have no rows: pages that would read them are disclosure pages, which the portal
 * does not render ({@link rendersDisclosures}).
 */
export function entryFromSummary(entry: SummaryEntry): DisclosureEntry {
  const disclosure = { ...entry.disclosure, ledger: [], coarseFacts: null, catalogue: undefined as unknown as Disclosure['catalogue'] };
  const tables = entry.tables.map((t): Table => ({ ...t, header: [], columns: [], rows: [], fields: [] }));
  return { disclosure, tables, summary: entry.summary, ...(entry.compliance === undefined ? {} : { compliance: entry.compliance }) };
}

/** Key figures read from the tables themselves through the template's named figures, so the overview cannot disagree with them. */
export function keyFigures(disclosure: Disclosure, tables: readonly Table[]): KeyFigures {
  const catalogue = figureCatalogue({ disclosure, tables });
  const figure = (name: string): Amount => {
    const read = catalogue.figures.get(name)?.read({ disclosure, tables });
    return read && read.ok ? read.value : null;
  };
  return {
    income: figure('收入合计'),
    expenditure: figure('支出合计'),
    basic: figure('基本支出'),
    project: figure('项目支出'),
    fiscal: figure('财政拨款收入'),
    threePublic: figure('三公合计'),
  };
}

export function summarise(disclosure: Disclosure, tables: readonly Table[]): DisclosureSummary {
  const pack = packOf(disclosure);
  return {
    id: disclosure.id,
    year: disclosure.year,
    phase: disclosure.phase,
    template: pack.id,
    region: disclosure.region,
    department: disclosure.department,
    hasFinancialTables: tables.some((t) => t.provided && definitionFor(pack, t.id)?.source === 'facts'),
    figures: keyFigures(disclosure, tables),
    comparison: comparisonFigures({ disclosure, tables }),
    units: unitSummaries(disclosure),
  };
}

export interface UnitSummary {
  readonly code: string;
  readonly name: string;
  readonly comparison: ComparisonFigures;
}

function unitSummaries(disclosure: Disclosure): UnitSummary[] {
  const units = unitsWithOwnPages(disclosure);
  if (units.length < 2) return [];
  return units.map((unit) => {
    const view = disclosureOfUnit(disclosure, unit.code);
    return { code: unit.code, name: unit.name, comparison: comparisonFigures({ disclosure: view, tables: tablesOf(view) }) };
  });
}

const derived = sharedWeakMap<Disclosure, readonly Table[]>('derivedTables');

/**
 * A disclosure's tables, derived once per build: the checks (narrative figures) and the site
 * read the same objects instead of deriving them twice, the pages Astro renders included (the
 * cache is shared with Astro's bundled copy of this module).
 */
export function tablesOf(disclosure: Disclosure): readonly Table[] {
  let tables = derived.get(disclosure);
  if (!tables) derived.set(disclosure, (tables = buildTables(disclosure)));
  return tables;
}

/** The site's order of entries: latest year first, then region, then department code. */
export function sortEntries<T extends { readonly disclosure: Pick<Disclosure, 'year' | 'region' | 'department'> }>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      b.disclosure.year - a.disclosure.year ||
      a.disclosure.region.code.localeCompare(b.disclosure.region.code) ||
      a.disclosure.department.code.localeCompare(b.disclosure.department.code),
  );
}

export function buildSiteData(disclosures: readonly Disclosure[], warnings: readonly Finding[] = [], expected: readonly ExpectedRegion[] = []): SiteData {
  const entries = disclosures
    .map((disclosure) => {
      const tables = tablesOf(disclosure);
      return { disclosure, tables, summary: summarise(disclosure, tables) };
    })
    .sort(
      (a, b) =>
        b.disclosure.year - a.disclosure.year ||
        a.disclosure.region.code.localeCompare(b.disclosure.region.code) ||
        a.disclosure.department.code.localeCompare(b.disclosure.department.code),
    );
  return { entries, warnings, ...(expected.length > 0 ? { expected } : {}) };
}

let cached: { dir: string; data: SiteData } | undefined;

/**
 * The build (scripts/lib/run-build.ts) loads and checks the content once and hands the result to
 * the pages here: Astro runs in the same process but bundles its own copy of this module, so a
 * module-level variable would not reach it; a registered global symbol does.
 */
const PROVIDED = Symbol.for('gongkai.siteData');

/** Makes `data` what {@link getSiteData} returns in this process (undefined: load from disk again). */
export function provideSiteData(data: SiteData | undefined): void {
  const slot = globalThis as { [PROVIDED]?: SiteData };
  if (data) slot[PROVIDED] = data;
  else delete slot[PROVIDED];
}

/** The site's data for the content folder in use, loaded and built once per process. */
export function getSiteData(dir?: string): SiteData {
  const provided = (globalThis as { [PROVIDED]?: SiteData })[PROVIDED];
  if (provided && dir === undefined) return provided;
  const key = dir ?? '';
  if (cached && cached.dir === key) return cached.data;
  const result = loadContentOrThrow(dir);
  const data = buildSiteData(result.disclosures, result.findings, result.expected);
  cached = { dir: key, data };
  return data;
}
