/**
 * Classification catalogues for one year: names of 功能分类, 部门经济分类 and 政府经济分类 codes,
 * and the econDept → econGov mapping by unit type. Names change between years, so a disclosure
 * is always read against the catalogue of its own year.
 */
import type { UnitType } from '../disclosure/model.ts';

export type CatalogueKind = 'functional' | 'econDept' | 'econGov';
export type Confidence = 'high' | 'medium' | 'low';

export interface CatalogueEntry {
  readonly code: string;
  readonly name: string;
  readonly confidence: Confidence;
  /** Where the name comes from: the year's catalogue file, or the disclosure that added it. */
  readonly origin: 'catalogue' | 'disclosure';
}

export interface MappingEntry {
  readonly admin: string;
  readonly institution: string;
  readonly confidence: Confidence;
  readonly origin: 'catalogue' | 'disclosure';
}

export interface Catalogue {
  /** The catalogue year these names belong to (may be earlier than the disclosure's; see `catalogueYearFor`). */
  readonly year: number;
  readonly functional: ReadonlyMap<string, CatalogueEntry>;
  readonly econDept: ReadonlyMap<string, CatalogueEntry>;
  readonly econGov: ReadonlyMap<string, CatalogueEntry>;
  readonly mapping: ReadonlyMap<string, MappingEntry>;
  /** The `source` notes of the files, for the site's catalogue credits. */
  readonly sources: Readonly<Record<CatalogueKind | 'mapping', string>>;
}

export function nameOf(catalogue: Catalogue, kind: CatalogueKind, code: string): string | undefined {
  return catalogue[kind].get(code)?.name;
}

/**
 * The econGov code an econDept code (类 or 款) maps to for a unit type, exactly as the mapping
 * lists it; undefined when it lacks the code. Callers that only need the econGov 类 may ask again
 * with the econDept 类 (see tables/ledger-view.ts); a 款 is never guessed.
 */
export function econGovFor(catalogue: Catalogue, econDept: string, unitType: UnitType): string | undefined {
  const exact = catalogue.mapping.get(econDept);
  if (exact) return exact[unitType];
  return undefined;
}

/** The 类 (first 3 digits) of any classification code. */
export const classOf = (code: string): string => code.slice(0, 3);
/** The 款 (first 5 digits) of a 7-digit 功能分类 code. */
export const sectionOf = (code: string): string => code.slice(0, 5);

/**
 * Which catalogue year serves a disclosure year: the newest catalogue not after it, else the
 * oldest there is. Codes change rarely; a new folder is added only for a year whose names change.
 */
export function catalogueYearFor(year: number, available: readonly number[]): number | undefined {
  const sorted = [...available].sort((a, b) => a - b);
  const notAfter = sorted.filter((y) => y <= year);
  return notAfter.at(-1) ?? sorted[0];
}

/** A catalogue with a disclosure's own additions laid over it (additions never replace an entry). */
export function withAdditions(
  base: Catalogue,
  additions: {
    readonly functional: readonly { code: string; name: string }[];
    readonly econDept: readonly { code: string; name: string }[];
    readonly econGov: readonly { code: string; name: string }[];
    readonly mapping: readonly { econDept: string; econGov: string; unitType: UnitType }[];
  },
): Catalogue {
  const extend = (map: ReadonlyMap<string, CatalogueEntry>, extra: readonly { code: string; name: string }[]) => {
    const out = new Map(map);
    for (const { code, name } of extra) {
      if (!out.has(code)) out.set(code, { code, name, confidence: 'low', origin: 'disclosure' });
    }
    return out;
  };
  const mapping = new Map(base.mapping);
  for (const { econDept, econGov, unitType } of additions.mapping) {
    const current = mapping.get(econDept);
    if (current && current.origin === 'catalogue') continue;
    const next: MappingEntry = current
      ? { ...current, [unitType]: econGov }
      : { admin: unitType === 'admin' ? econGov : '', institution: unitType === 'institution' ? econGov : '', confidence: 'low', origin: 'disclosure' };
    mapping.set(econDept, next);
  }
  return {
    year: base.year,
    functional: extend(base.functional, additions.functional),
    econDept: extend(base.econDept, additions.econDept),
    econGov: extend(base.econGov, additions.econGov),
    mapping,
    sources: base.sources,
  };
}
