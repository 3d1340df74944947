import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../content/read-content-dir.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { declaredThreePublicCoversBasic, overlappingFactsAgree, printedDifferencesReported } from './fact-rules.ts';
import { ruleContext } from './rule.ts';

const content = loadContentDir('content');
const sample = content.disclosures.find((d) => d.id === '310107-ptwl-2024');
if (!sample?.coarseFacts || !sample.declaredThreePublic) throw new Error('the sample lacks 310107-ptwl-2024 with its facts');
const facts = sample.coarseFacts;
const declared = sample.declaredThreePublic;
const context = ruleContext([]);
const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

describe('coarse facts that overlap', () => {
  it('agree in the real 万里街道 2024 budget', () => {
    expect(overlappingFactsAgree(sample, context)).toEqual([]);
  });

  it('are reported, at the 经济 facts, when one 款 is copied one 元 wrong', () => {
    const [first, ...rest] = facts.basicByEcon;
    if (!first) throw new Error('no econ facts');
    const wrong: Disclosure = { ...sample, coarseFacts: { ...facts, basicByEcon: [{ ...first, amount: first.amount + 100 }, ...rest] } };
    const findings = overlappingFactsAgree(wrong, context);
    expect(codes(findings)).toEqual(['facts.overlapMismatch']);
    expect(findings[0]).toMatchObject({ file: first.at.file, line: first.at.line, expected: '99,706,020.00 元', actual: '99,706,021.00 元' });
  });
});

describe('a cell printed differently from the sum of its parts', () => {
  it('is published as printed and reported as a warning with both values', () => {
    const printed: Disclosure = {
      ...sample,
      printedAsPublished: [
        { table: 'expenditureSummary', row: '212', column: '支出预算/合计', amount: 11_938_530_400, at: { file: 'x.yaml', line: 3, column: 5 } },
      ],
    };
    const findings = printedDifferencesReported(printed, context);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'published.differsFromParts',
      severity: 'warning',
      line: 3,
      expected: '119,385,303 元',
      actual: '119,385,304 元',
    });
  });

  it('naming a row the table does not have is an error, not a silent no-op', () => {
    const printed: Disclosure = {
      ...sample,
      printedAsPublished: [{ table: 'expenditureSummary', row: '299', column: '支出预算/合计', amount: 1, at: { file: 'x.yaml', line: 4, column: 5 } }],
    };
    expect(codes(printedDifferencesReported(printed, context))).toEqual(['published.unknownCell']);
  });
});

describe('declared 三公 items', () => {
  it('cover the basic spending on their 款 in the real document', () => {
    expect(declaredThreePublicCoversBasic(sample, context)).toEqual([]);
  });

  it('are an error where 公务接待费 and 公务用车运行费 were swapped', () => {
    const swapped: Disclosure = { ...sample, declaredThreePublic: { ...declared, reception: declared.vehicleOperation, vehicleOperation: declared.reception } };
    expect(codes(declaredThreePublicCoversBasic(swapped, context))).toEqual(['threePublic.belowBasic']);
  });
});
