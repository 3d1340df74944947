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

describe('parseYamlSource bounds what a file can make it do', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');

  it('refuses an alias bomb at the alias that passes the limit, quickly and without expanding it', () => {
    const started = Date.now();
    const source = parseYamlSource(bomb, 'bomb.yaml');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(source.findings.map((f) => [f.code, f.line])).toEqual([['file.yamlLimit', 5]]);
  });

  it('refuses an alias inside its own anchor and nesting past the limit, instead of overflowing the stack', () => {
    expect(parseYamlSource('a: &x [1, *x]\n', 'f.yaml').findings.map((f) => f.code)).toEqual(['file.yamlLimit']);
    expect(parseYamlSource(`a: ${'['.repeat(100)}${']'.repeat(100)}\n`, 'f.yaml').findings.map((f) => f.code)).toEqual(['file.yamlLimit']);
    expect(parseYamlSource(`a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, 'f.yaml').findings.map((f) => f.code)[0]).toMatch(/^file\.yaml/);
  });

  it('still expands a few ordinary aliases', () => {
    expect(parseYamlSource('base: &b {unit: "901001"}\nrows: [*b, *b]\n', 'f.yaml').data).toEqual({ base: { unit: '901001' }, rows: [{ unit: '901001' }, { unit: '901001' }] });
  });
});

describe('parseYamlSource says what to write', () => {
  it('for tab indentation, a full-width colon or comma, at the character', () => {
    expect(parseYamlSource('a:\n\tb: 1\n', 'f.yaml').findings.map((f) => [f.code, f.line, f.expected])).toEqual([['file.yamlSyntax', 2, '空格缩进 / spaces']]);
    expect(parseYamlSource('year：2024\n', 'f.yaml').findings.map((f) => [f.code, f.line, f.column, f.expected])).toEqual([['file.fullWidthPunctuation', 1, 5, 'year: ']]);
    expect(parseYamlSource('rows:\n  - {unit: "1"，func: "2"}\n', 'f.yaml').findings.map((f) => [f.code, f.line, f.column])).toEqual([['file.fullWidthPunctuation', 2, 15]]);
  });

  it('but leaves full-width punctuation inside text alone', () => {
    expect(parseYamlSource('goal: 完成任务：保障，P01：见附件\nnote: "说明，P01：x"\n', 'f.yaml').findings).toEqual([]);
  });
});
