import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeFixture, FOLDER, loadSynthetic, removeComposedFixtures } from '../../../tests/validation/synthetic-content.ts';
import { finding, sortFindings } from '../findings.ts';
import type { DisclosureRule } from './rule.ts';
import { validateContent, validateContentDir } from './validate-content.ts';

afterAll(removeComposedFixtures);

const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

describe('validateContent', () => {
  it('finds nothing in the valid synthetic content', () => {
    const { result, files } = loadSynthetic();
    expect(validateContent(result, files)).toEqual([]);
  });

  it('returns the loader’s findings with its own, in sorted order', () => {
    const { result, files } = loadSynthetic([
      { file: 'ledger.yaml', from: 'amount: 100.00}', to: 'amount: １００.００}' },
      {
        file: 'ledger.yaml',
        from: 'amount: 10.00}',
        to: 'amount: 12.00}\n  - {unit: "901001", func: "2010101", econ: "30201", source: appropriation, kind: basic, amount: -2.00}',
      },
    ]);
    const findings = validateContent(result, files);
    expect(codes(findings)).toEqual(['amount.normalised', 'amount.negativeWithoutReason']);
    expect(findings).toEqual(sortFindings(findings));
  });

  it('judges identities only when the disclosure’s files loaded without errors', () => {
    const formWrong = { file: 'performance.yaml' as const, from: 'amount: 20\n', to: 'amount: 21\n' };
    const clean = loadSynthetic([formWrong]);
    expect(codes(validateContent(clean.result, clean.files))).toEqual(['identity.projectFormAmount']);
    // A row the loader rejects would make every total disagree: only the loader's error is reported.
    const broken = loadSynthetic([formWrong, { file: 'ledger.yaml', from: 'amount: 50.00}', to: 'amount: 五十}' }]);
    expect(codes(validateContent(broken.result, broken.files))).toEqual(['amount.notANumber']);
  });

  it('runs extra rules (the narrative module’s hook) on every disclosure, with the files at hand', () => {
    const { result, files } = loadSynthetic();
    const seen: string[] = [];
    const narrativeRule: DisclosureRule = (d, context) => {
      seen.push(d.id);
      const notes = d.narrative?.file ?? '';
      expect(context.files.some((f) => f.path === notes)).toBe(true);
      return [finding({ code: 'narrative.example', severity: 'warning', zh: '示例', en: 'example', at: { file: notes, line: 1, column: 1 } })];
    };
    expect(codes(validateContent(result, files, [narrativeRule]))).toEqual(['narrative.example']);
    expect(seen).toEqual(['990001-901-2024']);
  });

  it('still catches personal data when the files are not given', () => {
    const { result } = loadSynthetic([{ file: 'performance.yaml', from: 'goal: 完成虚构专项工作', to: 'goal: 电话 13912345678，完成虚构专项工作' }]);
    expect(codes(validateContent(result))).toEqual(['privacy.mobileNumber']);
    expect(validateContent(result)[0]?.file).toBe(`${FOLDER}/performance.yaml`);
  });
});

describe('validateContentDir (CONTENT_DIR)', () => {
  it('reports a content folder that does not exist', () => {
    const missing = join(tmpdir(), 'gongkai-no-such-content-folder');
    const { findings } = validateContentDir(missing);
    expect(findings.map((f) => [f.code, f.severity, f.file])).toEqual([['setup.contentDirMissing', 'error', missing]]);
  });

  it('reports an empty content folder, and one with catalogues but no disclosure', () => {
    const empty = mkdtempSync(join(tmpdir(), 'gongkai-empty-'));
    try {
      expect(codes(validateContentDir(empty).findings)).toEqual(['setup.noDisclosures']);
    } finally {
      rmSync(empty, { recursive: true });
    }
    expect(codes(validateContentDir(composeFixture('tests/fixtures/invalid/empty-content-folder')).findings)).toEqual(['setup.noDisclosures']);
  });

  it('finds no error in the project’s real content', () => {
    const { result, findings } = validateContentDir('content');
    expect(result.disclosures.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`)).toEqual([]);
  });
});

describe('a disclosure whose amounts would overflow a sum', () => {
  it('is reported, and no rule that builds tables is run on it (which would throw a RangeError)', async () => {
    const { narrativeRuleFor } = await import('../narrative/rule.ts');
    const huge = (n: number) => ({ file: 'ledger.yaml' as const, from: `amount: ${n}.00}`, to: `amount: 5000000000.00}` });
    const { result, files } = loadSynthetic([huge(100), huge(50)]);
    const findings = validateContent(result, files, [narrativeRuleFor(result.disclosures)]);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['amount.totalTooLarge']);
  });
});
