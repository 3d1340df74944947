/** Loading one disclosure for tests: the real sample, or the only disclosure of a fixture folder. */
import { expect } from 'vitest';
import { loadContentDir } from '../../src/lib/content/read-content-dir.ts';
import { hasErrors } from '../../src/lib/findings.ts';
import type { Disclosure } from '../../src/lib/disclosure/model.ts';

/** The seed 003 disclosure in content/. */
export const SAMPLE_ID = '430202-001-2024';

/** The disclosure `id` of `dir` (the only one when `id` is omitted); the folder must load without errors. */
export function loadOne(dir: string, id?: string): Disclosure {
  const result = loadContentDir(dir);
  expect(hasErrors(result.findings)).toBe(false);
  const d = id === undefined ? result.disclosures[0] : result.disclosures.find((x) => x.id === id);
  if (!d) throw new Error(`no disclosure ${id ?? ''} in ${dir}`);
  return d;
}
