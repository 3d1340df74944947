import { afterAll, describe, expect, it } from 'vitest';
import { composeFixture, removeComposedFixtures } from '../../../tests/validation/synthetic-content.ts';
import { runCheck, type CheckReport } from './run-check.ts';

afterAll(removeComposedFixtures);

const fixture = (name: string) => composeFixture(`tests/fixtures/${name}`);

describe('runCheck', () => {
  it('exits 0 on content without errors and ends with a summary in Chinese and English', () => {
    const { exitCode, output } = runCheck([], { CONTENT_DIR: fixture('valid-synthetic') });
    expect(exitCode).toBe(0);
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/1 份公开，0 个错误，0 个警告 \/ .*1 disclosure\(s\), 0 error\(s\), 0 warning\(s\)$/);
  });

  it('checks ./content when CONTENT_DIR is not set', () => {
    const { exitCode, output } = runCheck([], {});
    expect(output).toContain('内容目录 content：');
    expect(exitCode).toBe(0);
  });

  it('exits 0 when there are only warnings, and prints them', () => {
    const { exitCode, output } = runCheck([], { CONTENT_DIR: fixture('invalid/project-without-ledger-rows') });
    expect(exitCode).toBe(0);
    expect(output).toMatch(/警告 warning \[project\.noLedgerRows\]/);
  });

  it('exits 1 on any error and prints errors before warnings, each as file:line:column', () => {
    const dir = fixture('invalid/functional-item-without-parent');
    const { exitCode, output } = runCheck([], { CONTENT_DIR: dir });
    expect(exitCode).toBe(1);
    const lines = output.trimEnd().split('\n');
    expect(lines.map((l) => /\[([\w.]+)\]/.exec(l)?.[1] ?? 'summary')).toEqual([
      'catalogue.unknownParentCode',
      'catalogue.unknownParentCode',
      'catalogue.codeAdded',
      'summary',
    ]);
    expect(lines[0]).toMatch(/^\S+ledger\.yaml:\d+:\d+ 错误 error /);
    expect(lines.at(-1)).toContain('2 个错误，1 个警告');
  });

  it('prints {findings, errors, warnings} as JSON with --json', () => {
    const { exitCode, output } = runCheck(['--json'], { CONTENT_DIR: fixture('invalid/functional-item-without-parent') });
    expect(exitCode).toBe(1);
    const report = JSON.parse(output) as CheckReport;
    expect(Object.keys(report).sort()).toEqual(['errors', 'findings', 'warnings']);
    expect([report.errors, report.warnings]).toEqual([2, 1]);
    expect(report.findings).toHaveLength(3);
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['code', 'severity', 'zh', 'en', 'file', 'line', 'column']));
    }
  });

  it('exits 1 with a setup error when CONTENT_DIR names a missing folder', () => {
    const { exitCode, output } = runCheck(['--json'], { CONTENT_DIR: 'no/such/folder' });
    expect(exitCode).toBe(1);
    expect((JSON.parse(output) as CheckReport).findings.map((f) => f.code)).toEqual(['setup.contentDirMissing']);
  });

  it('exits 2 on an unknown argument, with usage', () => {
    const { exitCode, output } = runCheck(['--jsn'], {});
    expect(exitCode).toBe(2);
    expect(output).toContain('--jsn');
    expect(output).toContain('usage');
  });
});

describe('runCheck with a disclosure folder', () => {
  it('reports that disclosure alone, so warnings of the others do not drown it, and says how many were left out', async () => {
    const { cpSync, readFileSync, writeFileSync } = await import('node:fs');
    const root = fixture('valid-synthetic');
    // The next year of the same department, with a warning (a project without ledger rows), beside the checked one.
    const next = `${root}/disclosures/990001/901/2025`;
    cpSync('tests/fixtures/invalid/project-without-ledger-rows/disclosures/990001/901/2024', next, { recursive: true });
    writeFileSync(`${next}/disclosure.yaml`, readFileSync(`${next}/disclosure.yaml`, 'utf8').replace('year: 2024', 'year: 2025'));
    const { exitCode, output } = runCheck([`${root}/disclosures/990001/901/2024`], {});
    expect(exitCode).toBe(0);
    expect(output).not.toContain('project.noLedgerRows');
    expect(output).toMatch(/1 份公开，0 个错误，0 个警告（其他公开的 \d+ 条问题未显示）/);
    const whole = runCheck([root], {});
    expect(whole.output).toContain('project.noLedgerRows');
  });

  it('refuses a folder that is neither a content folder nor below disclosures/', () => {
    expect(runCheck(['src'], {}).exitCode).toBe(2);
    expect(runCheck(['no-such-folder'], {}).output).toContain('文件夹不存在');
  });
});
