import { describe, expect, it } from 'vitest';
import type { Publication } from '../disclosure/model.ts';
import { publicationFindings } from './publication-rules.ts';
import { ruleContext } from './rule.ts';

const text = 'year: 2024\napprovedOn: 2024-01-10\npublishedOn: 2024-02-20\n';
const context = ruleContext([{ path: 'd/disclosure.yaml', text }]);
const dated = (approvedOn: string | null, publishedOn: string | null): Publication => ({
  approvedOn,
  publishedOn,
  revisions: [],
  at: { file: 'd/disclosure.yaml', line: 1, column: 1 },
});
const check = (p: Publication) => publicationFindings(p, context);

describe('the 20-day publication rule as a check', () => {
  it('passes a disclosure published within 20 days of approval', () => {
    expect(check(dated('2024-01-10', '2024-01-30'))).toEqual([]);
  });

  it('warns about a late disclosure, saying by which day it was due', () => {
    const [late] = check(dated('2024-01-10', '2024-02-20'));
    expect(late).toMatchObject({
      code: 'publication.late',
      severity: 'warning',
      expected: '≤ 2024-01-30',
      actual: '2024-02-20',
      file: 'd/disclosure.yaml',
      line: 3,
    });
    expect(late?.zh).toContain('2024年1月30日');
  });

  it('stops a publication dated before its approval: one of the dates is wrong', () => {
    expect(check(dated('2024-01-10', '2024-01-01'))).toMatchObject([{ code: 'publication.beforeApproval', severity: 'error' }]);
  });

  it('leaves an undated disclosure to the compliance self-check', () => {
    expect(check(dated(null, null))).toEqual([]);
  });
});
