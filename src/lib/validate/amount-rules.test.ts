import { describe, expect, it } from 'vitest';
import { FOLDER, loadSynthetic, positionOfText } from '../../../tests/validation/synthetic-content.ts';
import { negativeAmountNeedsReason } from './amount-rules.ts';
import { ruleContext } from './rule.ts';

const NEGATIVE_ROW = '  - {unit: "901001", func: "2010101", econ: "30201", source: appropriation, kind: basic, amount: -2.00';
const withNegativeRow = (tail: string) => loadSynthetic([{ file: 'ledger.yaml', from: 'rows:\n', to: `rows:\n${NEGATIVE_ROW}${tail}}\n` }]);

describe('a negative ledger amount', () => {
  it('without a reason is an error at the amount', () => {
    const { result, files } = withNegativeRow('');
    const [d] = result.disclosures;
    const findings = negativeAmountNeedsReason(d!, ruleContext(files));
    const ledger = files.find((f) => f.path === `${FOLDER}/ledger.yaml`)!.text;
    expect(findings.map((f) => [f.code, f.severity, f.line, f.column, f.actual])).toEqual([
      ['amount.negativeWithoutReason', 'error', positionOfText(ledger, '-2.00').line, positionOfText(ledger, '-2.00').column, '-2.00'],
    ]);
  });

  it('with a blank reason is still an error', () => {
    const { result, files } = withNegativeRow(', reason: "  "');
    expect(negativeAmountNeedsReason(result.disclosures[0]!, ruleContext(files))).toHaveLength(1);
  });

  it('with a reason passes, and so do zero and positive amounts', () => {
    const { result, files } = withNegativeRow(', reason: 上年多列支出冲回（合成）');
    expect(negativeAmountNeedsReason(result.disclosures[0]!, ruleContext(files))).toEqual([]);
    const valid = loadSynthetic();
    expect(negativeAmountNeedsReason(valid.result.disclosures[0]!, ruleContext(valid.files))).toEqual([]);
  });

  it('is reported at the row when the files are not at hand', () => {
    const { result, files } = withNegativeRow('');
    const [finding] = negativeAmountNeedsReason(result.disclosures[0]!, ruleContext([]));
    const ledger = files.find((f) => f.path === `${FOLDER}/ledger.yaml`)!.text;
    expect([finding?.line, finding?.column]).toEqual([positionOfText(ledger, NEGATIVE_ROW).line, 5]);
  });
});
