import { describe, expect, it } from 'vitest';
import { intendedName, layoutFindings } from './content-layout.ts';

const at = (paths: string[]) => layoutFindings(paths.map((p) => `content/${p}`), 'content/').map((f) => [f.code, f.file, f.expected ?? '']);
const D = 'disclosures/990001/901/2024';

describe('file names in a content folder', () => {
  it('name the file a near miss was meant to be', () => {
    expect(intendedName('disclosure.yml', ['disclosure.yaml'])).toBe('disclosure.yaml');
    expect(intendedName('Performance.yaml', ['performance.yaml'])).toBe('performance.yaml');
    expect(intendedName('NOTES.MD', ['notes.md'])).toBe('notes.md');
    expect(intendedName('notes.txt', ['notes.md'])).toBe('notes.md');
    expect(intendedName('econ_dept.yaml', ['econ-dept.yaml'])).toBe('econ-dept.yaml');
    expect(intendedName('photo.png', ['notes.md'])).toBeUndefined();
  });

  it('report a misnamed disclosure file, and not also the folder as lacking one', () => {
    expect(at([`${D}/disclosure.yml`, `${D}/ledger.yaml`])).toEqual([['file.misnamed', `content/${D}/disclosure.yml`, 'disclosure.yaml']]);
  });

  it('report a folder whose disclosure.yaml is gone, at its first remaining file', () => {
    expect(at([`${D}/notes.md`, `${D}/ledger.yaml`])).toEqual([['disclosure.fileMissing', `content/${D}/ledger.yaml`, 'disclosure.yaml']]);
  });

  it('warn about other files in a disclosure folder, and leave catalogues and other folders alone', () => {
    expect(at([`${D}/disclosure.yaml`, `${D}/photo.png`, 'catalogues/2024/functional.yaml', 'README.md'])).toEqual([['file.unexpected', `content/${D}/photo.png`, '']]);
    expect(at(['catalogues/2024/econ-dept.yml'])).toEqual([['file.misnamed', 'content/catalogues/2024/econ-dept.yml', 'econ-dept.yaml']]);
  });

  it('report a misnamed expected list in a region folder, and read the correct name without a finding', () => {
    expect(at(['disclosures/990001/Expected.yml', `${D}/disclosure.yaml`])).toEqual([['file.misnamed', 'content/disclosures/990001/Expected.yml', 'expected.yaml']]);
    expect(at(['disclosures/990001/expected.yaml', `${D}/disclosure.yaml`])).toEqual([]);
  });
});
