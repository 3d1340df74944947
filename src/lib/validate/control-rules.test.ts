import { describe, expect, it } from 'vitest';
import { loadSynthetic, type Edit } from '../../../tests/validation/synthetic-content.ts';
import { validateContent } from './validate-content.ts';

const findings = (edits: readonly Edit[]) => {
  const { result, files } = loadSynthetic(edits);
  return validateContent(result, files).map((f) => [f.code, f.severity, f.expected ?? '', f.actual ?? '']);
};
const controls = (yaml: string): Edit => ({ file: 'disclosure.yaml', from: 'privacyAllowList:', to: `controls: ${yaml}\nprivacyAllowList:` });
const toYuanMagnitude: Edit[] = [100, 50, 10, 12, 20, 30, 8].map((n) => ({ file: 'ledger.yaml', from: `amount: ${n}.00}`, to: `amount: ${n * 10000}.00}` }));

describe('control figures', () => {
  it('that equal the derived figures pass, by name or by table cell', () => {
    expect(findings([controls('{支出合计: 230.00, 基本支出: "202", 表3:total:项目支出: 28}')])).toEqual([]);
  });

  it('that differ are errors at the control, naming both numbers and where the difference can come from', () => {
    const [f] = findings([controls('{支出合计: 231.00}')]);
    expect(f).toEqual(['control.mismatch', 'error', '控制数 control: 231.00 万元', '明细账推算 derived: 230.00 万元']);
  });

  it('that name no figure, or hold no amount, are errors', () => {
    expect(findings([controls('{支出总数: 230.00, 支出合计: 二百三十}')]).map((f) => f[0])).toEqual(['control.unknownFigure', 'control.invalidAmount']);
  });
});

describe('a ledger total implausible for its declared unit', () => {
  it('is an error at amountUnit when a 万元 file holds figures in 元', () => {
    const found = findings(toYuanMagnitude).filter((f) => f[0] === 'amount.implausibleForUnit');
    expect(found).toEqual([['amount.implausibleForUnit', 'error', 'amountUnit: 元', 'amountUnit: 万元']]);
  });

  it('is an error when a 元 file holds figures in 万元', () => {
    const found = findings([{ file: 'ledger.yaml', from: 'amountUnit: 万元', to: 'amountUnit: 元' }]).filter((f) => f[0] === 'amount.implausibleForUnit');
    expect(found).toEqual([['amount.implausibleForUnit', 'error', 'amountUnit: 万元', 'amountUnit: 元']]);
  });

  it('passes when controls confirm the total from an independent source', () => {
    expect(findings([...toYuanMagnitude, controls('{支出合计: 2300000.00}')]).filter((f) => f[0] === 'amount.implausibleForUnit')).toEqual([]);
  });
});

describe('a funding source', () => {
  it('may be written as the name printed on the 收支总表', () => {
    expect(findings([{ file: 'ledger.yaml', from: 'econ: "30102", source: appropriation', to: 'econ: "30102", source: 经费拨款' }])).toEqual([]);
    expect(findings([{ file: 'ledger.yaml', from: 'source: serviceIncome', to: 'source: 事业收入' }])).toEqual([]);
  });
});

describe('a duplicated ledger row', () => {
  it('is reported at the copy, and a negative correction beside its row is not a duplicate', () => {
    const row = '  - {unit: "901001", func: "2010101", econ: "30102", source: appropriation, kind: basic, amount: 50.00}\n';
    expect(findings([{ file: 'ledger.yaml', from: row, to: row + row }]).map((f) => f[0])).toEqual(['ledger.duplicateRow']);
    const correction = '  - {unit: "901001", func: "2010101", econ: "30102", source: appropriation, kind: basic, amount: -1.00, reason: 冲减（合成）}\n';
    expect(findings([{ file: 'ledger.yaml', from: row, to: row + correction }]).map((f) => f[0])).not.toContain('ledger.duplicateRow');
  });
});
