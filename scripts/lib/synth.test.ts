import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { loadContentDir, readContentFiles } from '../../src/lib/content/read-content-dir.ts';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import { shapeOf, synthesise } from './synth.ts';

const root = resolve(import.meta.dirname, '../..');
const catalogue = loadContentDir(join(root, 'content')).catalogues.get(2024);
if (!catalogue) throw new Error('content/catalogues/2024 is missing');
/** The real catalogues, as files of a content folder called `synth`. */
const catalogueFiles = readContentFiles(join(root, 'content', 'catalogues')).map((f) => ({
  path: `synth/catalogues/${f.path.split('catalogues/').at(-1)}`,
  text: f.text,
}));

describe('npm run synth', () => {
  const disclosures = synthesise(catalogue, 24);
  const files = [...catalogueFiles, ...disclosures.flatMap((d) => d.files.map((f) => ({ path: `synth/${f.path}`, text: f.text })))];

  it('writes content that loads and passes every check with no error', () => {
    const loaded = loadContent(files, 'synth');
    const errors = validateContent(loaded, files).filter((f) => f.severity === 'error');
    expect(errors.map((e) => `${e.code} ${e.file}`)).toEqual([]);
    expect(loaded.disclosures).toHaveLength(24);
  });

  it('varies the shapes: full, forms only and no projects, over two years per department', () => {
    expect(new Set(disclosures.map((d) => d.shape))).toEqual(new Set(['full', 'formsOnly', 'noProjects']));
    expect(new Set(disclosures.map((d) => d.year))).toEqual(new Set([2024, 2025]));
    expect(shapeOf(5, true)).toBe('fundOnly');
  });

  it('names every region, department and unit SYNTHETIC', () => {
    for (const d of disclosures)
      expect(
        d.files
          .find((f) => f.path.endsWith('disclosure.yaml'))
          ?.text.match(/name: "[^"]*"/g)
          ?.every((n) => n.includes('SYNTHETIC')),
      ).toBe(true);
  });

  it('never writes the same ledger line twice, even among a district of 1,000 disclosures', () => {
    const repeated: string[] = [];
    for (const d of synthesise(catalogue, 1000))
      for (const f of d.files.filter((file) => file.path.endsWith('ledger.yaml'))) {
        const lines = f.text.split('\n').filter((l) => l.trimStart().startsWith('- {'));
        const keys = lines.map((l) => l.replace(/,? ?amount: [^,}]+/, ''));
        if (new Set(keys).size !== keys.length) repeated.push(f.path);
      }
    expect(repeated).toEqual([]);
  });

  it('writes the same files for the same count', () => {
    expect(synthesise(catalogue, 24)).toEqual(disclosures);
  });
});
