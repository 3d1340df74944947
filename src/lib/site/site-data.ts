/**
 * Site-wide data, computed once per build: every disclosure with its 23 tables and a small
 * summary. Pages read from here and never recompute; site-wide pages (home, indexes, open
 * data) read only the summaries, so a portal can later combine shards' summaries.
 */
import { loadContentOrThrow } from '../content/read-content-dir.ts';
import type { Finding } from '../findings.ts';
import type { Disclosure } from '../disclosure/model.ts';
import type { Amount } from '../money.ts';
import type { Table } from '../tables/model.ts';
import { figureCatalogue } from '../narrative/figures.ts';
import { buildTables } from '../templates/build-tables.ts';
import { packOf } from '../templates/registry.ts';
import { definitionFor } from '../templates/template-pack.ts';

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
}

export interface DisclosureEntry {
  readonly disclosure: Disclosure;
  readonly tables: readonly Table[];
  readonly summary: DisclosureSummary;
}

export interface SiteData {
  /** Latest year first, then region, then department code. */
  readonly entries: readonly DisclosureEntry[];
  readonly warnings: readonly Finding[];
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
  };
}

export function buildSiteData(disclosures: readonly Disclosure[], warnings: readonly Finding[] = []): SiteData {
  const entries = disclosures
    .map((disclosure) => {
      const tables = buildTables(disclosure);
      return { disclosure, tables, summary: summarise(disclosure, tables) };
    })
    .sort(
      (a, b) =>
        b.disclosure.year - a.disclosure.year ||
        a.disclosure.region.code.localeCompare(b.disclosure.region.code) ||
        a.disclosure.department.code.localeCompare(b.disclosure.department.code),
    );
  return { entries, warnings };
}

let cached: { dir: string; data: SiteData } | undefined;

/** The site's data for the content folder in use, loaded and built once per process. */
export function getSiteData(dir?: string): SiteData {
  const key = dir ?? '';
  if (cached && cached.dir === key) return cached.data;
  const result = loadContentOrThrow(dir);
  const data = buildSiteData(result.disclosures, result.findings);
  cached = { dir: key, data };
  return data;
}
