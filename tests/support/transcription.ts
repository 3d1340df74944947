/**
 * Helpers of the transcription tests (tests/seeds): the content as the site loads it, compared
 * with what a seed parser read from the seed file itself.
 */
import { expect } from 'vitest';
import { loadContentDir } from '../../src/lib/content/read-content-dir.ts';
import type { Disclosure, Indicator } from '../../src/lib/disclosure/model.ts';
import { AMOUNT_UNITS, parseAmount, type Amount, type AmountUnit } from '../../src/lib/money.ts';
import { normaliseCellText, type SeedIndicator } from './seed-forms.ts';

let loaded: ReturnType<typeof loadContentDir> | undefined;

/** The sample site's content, loaded once per test file. */
export function sampleContent(): ReturnType<typeof loadContentDir> {
  loaded ??= loadContentDir('content');
  return loaded;
}

/** A disclosure of the sample content by id; throws when missing so tests fail loudly. */
export function sampleDisclosure(id: string): Disclosure {
  const disclosure = sampleContent().disclosures.find((d) => d.id === id);
  if (!disclosure) throw new Error(`disclosure ${id} is missing from content/`);
  return disclosure;
}

/** A unit label as a seed prints it (`万元`, `元`), checked to be one the content can declare. */
export function amountUnitOf(printed: string): AmountUnit {
  const unit = AMOUNT_UNITS.find((u) => u === printed);
  if (!unit) throw new Error(`the seed declares an amount unit gongkai does not know: ${printed}`);
  return unit;
}

/** The amount a seed prints, read in the seed's unit; a blank cell is empty (null). */
export function printedAmount(printed: string, unit: AmountUnit): Amount {
  const parsed = parseAmount(printed.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''), unit);
  if (!parsed.ok) throw new Error(`the seed prints an amount gongkai cannot read: ${JSON.stringify(printed)}`);
  return parsed.value;
}

/**
 * Text equality up to whitespace: the extracted text breaks lines and inserts spaces where the
 * PDF or Word layout wrapped a cell, which the transcription does not copy.
 */
export const sameText = (text: string): string => normaliseCellText(text);

const comparable = (i: SeedIndicator | Indicator) => ({
  level1: sameText(i.level1),
  level1Code: i.level1Code,
  level2: sameText(i.level2),
  level2Code: i.level2Code,
  name: sameText(i.name),
  target: sameText(i.target),
  description: sameText(i.description),
  measureUnit: sameText(i.measureUnit),
  comparator: sameText(i.comparator),
  basis: sameText(i.basis),
  note: sameText(i.note),
  goal: sameText(i.goal),
});

/** Every indicator row of the content equals the seed's row at the same position, and the counts match. */
export function expectSameIndicators(content: readonly Indicator[], seed: readonly SeedIndicator[], where: string): void {
  expect(content.length, `${where}: number of indicator rows`).toBe(seed.length);
  seed.forEach((row, i) => {
    const actual = content[i];
    expect(actual && comparable(actual), `${where}: indicator row ${i + 1} (${actual?.at.file}:${actual?.at.line})`).toEqual(comparable(row));
  });
}
