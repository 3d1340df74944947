import { describe, expect, it } from 'vitest';
import { loadSynthetic } from '../../../tests/validation/synthetic-content.ts';
import { econDeptCodesMapToEconGov } from './catalogue-rules.ts';
import { ruleContext } from './rule.ts';

// 30199 is in the synthetic econ-dept catalogue but not in its mapping (see catalogues-2024/econ-mapping.yaml).
const run = (edits: Parameters<typeof loadSynthetic>[0]) => {
  const { result, files } = loadSynthetic(edits);
  return econDeptCodesMapToEconGov(result.disclosures[0]!, ruleContext(files));
};
const spend30199In = (unit: '901001' | '901002') => ({
  file: 'ledger.yaml' as const,
  from: 'rows:\n',
  to: `rows:\n  - {unit: "${unit}", func: "2010101", econ: "30199", source: appropriation, kind: basic, amount: 1.00}\n  - {unit: "${unit}", func: "2080505", econ: "30199", source: appropriation, kind: basic, amount: 1.00}\n`,
});
const mapFor = (unitType: 'admin' | 'institution') => ({
  file: 'disclosure.yaml' as const,
  from: 'privacyAllowList:',
  to: `catalogue:\n  mapping:\n    - {econDept: "30199", econGov: "50199", unitType: ${unitType}}\nprivacyAllowList:`,
});

describe('econDept codes without an econGov mapping', () => {
  it('are an error once per code and unit type, at the first row', () => {
    const findings = run([spend30199In('901001')]);
    expect(findings.map((f) => [f.code, f.severity, f.line, f.actual])).toEqual([['catalogue.noMapping', 'error', 4, '30199']]);
  });

  it('depend on the unit type: a mapping for admin units does not cover an institution', () => {
    expect(run([spend30199In('901001'), mapFor('admin')])).toEqual([]);
    expect(run([spend30199In('901002'), mapFor('admin')]).map((f) => f.code)).toEqual(['catalogue.noMapping']);
    expect(run([spend30199In('901002'), mapFor('institution')])).toEqual([]);
  });

  it('pass for every code of the valid synthetic ledger, 类-only project codes included', () => {
    expect(run([])).toEqual([]);
  });
});
