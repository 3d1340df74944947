import { describe, expect, it } from 'vitest';
import { parseYamlSource } from './yaml-source.ts';

describe('parseYamlSource keeps what the clerk wrote and where', () => {
  const text = ['unit: 001001', 'rows:', '  - {func: 2010101, amount: 194.570}', '  - amount: "1,234.56"', 'flag: true', 'empty:'].join('\n');
  const source = parseYamlSource(text, 'content/x/ledger.yaml');

  it('keeps codes with their leading zeros and amounts as their source text', () => {
    expect(source.data).toEqual({ unit: '001001', rows: [{ func: '2010101', amount: '194.570' }, { amount: '1,234.56' }], flag: true, empty: null });
  });

  it('gives line and column of values and keys, counted from 1', () => {
    expect(source.positionOf(['rows', 0, 'amount'])).toEqual({ file: 'content/x/ledger.yaml', line: 3, column: 29 });
    expect(source.keyPositionOf(['flag'])).toEqual({ file: 'content/x/ledger.yaml', line: 5, column: 1 });
    expect(source.positionOf(['rows', 1])).toEqual({ file: 'content/x/ledger.yaml', line: 4, column: 5 });
  });

  it('falls back to the nearest parent for a path that does not exist', () => {
    expect(source.positionOf(['rows', 1, 'missing'])).toEqual({ file: 'content/x/ledger.yaml', line: 4, column: 5 });
  });

  it('reports a duplicate key with its line', () => {
    const dup = parseYamlSource('a: 1\nb: 2\na: 3\n', 'f.yaml');
    expect(dup.findings.map((f) => [f.code, f.line])).toEqual([['file.duplicateKey', 3]]);
  });

  it('reports a syntax error with its line', () => {
    const bad = parseYamlSource('a: [1, 2\nb: 3\n', 'f.yaml');
    expect(bad.findings.length).toBeGreaterThan(0);
    expect(bad.findings[0]).toMatchObject({ code: 'file.yamlSyntax', file: 'f.yaml' });
  });
});
