import { describe, expect, it } from 'vitest';
import { expectedFindings, isExpectedFile, parseExpectedFile } from './coverage-file.ts';

const FILE = 'content/disclosures/310107/expected.yaml';
const valid = `region: {code: "310107", name: 上海市普陀区}
departments:
  - code: ptwl
    name: 万里街道
    budgetYears: [2023, 2024]
    units:
      - {name: 本部}
      - {code: "001001", name: 中心, years: [2024]}
`;

describe('a region’s expected list', () => {
  it('is found at disclosures/<region>/expected.yaml only', () => {
    expect(isExpectedFile('disclosures/310107/expected.yaml')).toBe(true);
    expect(isExpectedFile('disclosures/310107/ptwl/expected.yaml')).toBe(false);
  });

  it('reads departments, their expected years and units', () => {
    const { value, findings } = parseExpectedFile(valid, FILE, '310107');
    expect(findings).toEqual([]);
    expect(value!.departments).toEqual([
      {
        code: 'ptwl',
        name: '万里街道',
        budgetYears: [2023, 2024],
        finalYears: [],
        units: [
          { code: null, name: '本部', years: null },
          { code: '001001', name: '中心', years: [2024] },
        ],
        at: expect.objectContaining({ file: FILE, line: 3 }),
      },
    ]);
  });

  it('names the file and line of a region code that is not its folder’s', () => {
    const { findings } = parseExpectedFile(valid, FILE, '430202');
    expect(findings.map((f) => [f.code, f.line, f.zh])).toEqual([['expected.regionMismatch', 1, expect.stringContaining('与所在文件夹 disclosures/430202/ 不一致')]]);
  });

  it('names a department listed twice, a year listed twice and a department with no year, each at its line', () => {
    const text = `region: {code: "310107", name: 上海市普陀区}
departments:
  - {code: a, name: 甲, budgetYears: [2024, 2024]}
  - {code: a, name: 甲, finalYears: [2024]}
  - {code: b, name: 乙}
`;
    const { findings } = parseExpectedFile(text, FILE, '310107');
    expect(findings.map((f) => [f.code, f.line])).toEqual([
      ['expected.duplicateYear', 3],
      ['expected.duplicateDepartment', 4],
      ['expected.noYears', 5],
    ]);
  });

  it('refuses an unknown field and a year that is not a year, in Chinese, at the line', () => {
    const text = `region: {code: "310107", name: 上海市普陀区}
departments:
  - {code: a, name: 甲, budgetYears: [24], phases: [预算]}
`;
    const { value, findings } = parseExpectedFile(text, FILE, '310107');
    expect(value).toBeNull();
    expect(findings.map((f) => f.code).sort()).toEqual(['file.invalid', 'file.unknownField']);
    expect(findings.every((f) => f.file === FILE && f.line === 3)).toBe(true);
    expect(findings.find((f) => f.code === 'file.unknownField')!.zh).toContain('phases');
    expect(findings.find((f) => f.code === 'file.invalid')!.zh).toContain('年度应为 1990–2100');
  });

  it('warns of a disclosure the list does not expect', () => {
    const { value } = parseExpectedFile(valid, FILE, '310107');
    const region = { code: '310107', name: '上海市普陀区' };
    const findings = expectedFindings(
      [value!],
      [
        { region, department: { code: 'ptwl', name: '万里街道' }, year: 2025, phase: 'budget' },
        { region, department: { code: 'ptczj', name: '财政局' }, year: 2025, phase: 'budget' },
        { region: { code: '430202', name: '荷塘区' }, department: { code: 'x', name: 'x' }, year: 2025, phase: 'budget' },
      ],
    );
    expect(findings.map((f) => [f.code, f.severity, f.line])).toEqual([
      ['expected.unlistedYear', 'warning', 3],
      ['expected.unlistedDepartment', 'warning', 1],
    ]);
  });
});
