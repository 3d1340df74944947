import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/load.ts';
import { readContentFiles } from '../content/read-content-dir.ts';

const files = readContentFiles('content');
const FINAL = 'content/disclosures/310107/ptczj/2024-final/disclosure.yaml';

/** The content with the 决算's disclosure.yaml edited. */
const withFinal = (edit: (text: string) => string) =>
  loadContent(
    files.map((f) => (f.path.endsWith(FINAL) ? { ...f, text: edit(f.text) } : f)),
    'content',
  );

describe('a 决算 in disclosure.yaml', () => {
  it('loads from a folder of any name beside the 预算, as its own disclosure of the same year', () => {
    const result = withFinal((t) => t);
    expect(
      result.disclosures
        .filter((d) => d.department.code === 'ptczj')
        .map((d) => d.id)
        .sort(),
    ).toEqual(['310107-ptczj-2024-final', '310107-ptczj-2025']);
  });

  it('is refused with the 决算 template under phase budget, on the phase line', () => {
    const result = withFinal((t) => t.replace('phase: final', 'phase: budget'));
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.code)).toEqual(expect.arrayContaining(['template.wrongPhase', 'final.notAFinal']));
    expect(errors.find((f) => f.code === 'template.wrongPhase')?.file).toContain('2024-final/disclosure.yaml');
  });
});
