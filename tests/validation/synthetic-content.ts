/**
 * The valid SYNTHETIC fixture (tests/fixtures/valid-synthetic + the shared synthetic catalogue) as
 * in-memory content files, with textual edits, for unit tests of single rules. Paths look like a
 * real content folder: `content/catalogues/2024/…`, `content/disclosures/990001/901/2024/…`.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent, type ContentFile, type LoadResult } from '../../src/lib/content/load.ts';

export const ROOT = 'content';
export const FOLDER = `${ROOT}/disclosures/990001/901/2024`;
export type SyntheticFile = 'disclosure.yaml' | 'ledger.yaml' | 'performance.yaml' | 'notes.md';

export interface Edit {
  readonly file: SyntheticFile;
  readonly from: string;
  readonly to: string;
}

const FIXTURES = 'tests/fixtures';

export function syntheticFiles(edits: readonly Edit[] = [], without: readonly SyntheticFile[] = []): ContentFile[] {
  const catalogue = readdirSync(join(FIXTURES, 'catalogues-2024'))
    .sort()
    .map((name) => ({ path: `${ROOT}/catalogues/2024/${name}`, text: readFileSync(join(FIXTURES, 'catalogues-2024', name), 'utf8') }));
  const names: SyntheticFile[] = ['disclosure.yaml', 'ledger.yaml', 'performance.yaml', 'notes.md'];
  const disclosure = names
    .filter((name) => !without.includes(name))
    .map((name) => {
      let text = readFileSync(join(FIXTURES, 'valid-synthetic/disclosures/990001/901/2024', name), 'utf8');
      for (const edit of edits.filter((e) => e.file === name)) {
        if (!text.includes(edit.from)) throw new Error(`edit of ${name}: "${edit.from}" not found`);
        text = text.replace(edit.from, edit.to);
      }
      return { path: `${FOLDER}/${name}`, text };
    });
  return [...catalogue, ...disclosure];
}

export function loadSynthetic(edits: readonly Edit[] = [], without: readonly SyntheticFile[] = []): { result: LoadResult; files: ContentFile[] } {
  const files = syntheticFiles(edits, without);
  return { result: loadContent(files, ROOT), files };
}

/** 1-based line and column of the `nth` occurrence of `needle` in a file's text. */
export function positionOfText(text: string, needle: string, nth = 0): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}

const composed: string[] = [];

/**
 * A fixture folder (tests/fixtures/invalid/<defect>, valid-synthetic) laid over the shared SYNTHETIC
 * catalogue (tests/fixtures/catalogues-2024 → catalogues/2024) in a fresh temporary content folder.
 * A fixture that ships its own catalogues/2024/<file> overrides the shared file; expected.json is
 * left out. Remove the folders with {@link removeComposedFixtures}.
 */
export function composeFixture(fixture: string): string {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-fixture-'));
  composed.push(root);
  cpSync(join(FIXTURES, 'catalogues-2024'), join(root, 'catalogues', '2024'), { recursive: true });
  cpSync(fixture, root, { recursive: true, filter: (source) => !source.endsWith('expected.json') });
  return root;
}

export function removeComposedFixtures(): void {
  for (const root of composed.splice(0)) rmSync(root, { recursive: true, force: true });
}
