import { describe, expect, it } from 'vitest';
import { publicationFacts } from './publication-facts.ts';

const at = { file: 'disclosure.yaml', line: 1, column: 1 };
const facts = (approvedOn: string | null, publishedOn: string | null, extra: object = {}) =>
  publicationFacts({ provenance: { title: '某部门2024年部门预算公开表', ...extra }, publication: { approvedOn, publishedOn, revisions: [], at } });

describe('what a disclosure page says about its publication', () => {
  it('states the 20-day rule as met, with the day it was published on', () => {
    const f = facts('2024-01-10', '2024-01-25');
    expect(f.timeliness).toBe('onTime');
    expect(f.statement).toBe('批复后第15日公开，符合批复后20日内公开的要求。');
    expect(f.approvedOn).toBe('2024年1月10日');
  });

  it('says honestly when it was late, and by which day it should have been published', () => {
    const f = facts('2024-01-10', '2024-02-20');
    expect(f.timeliness).toBe('late');
    expect(f.statement).toBe('批复后第41日公开，超过批复后20日内公开的要求（应不晚于2024年1月30日）。');
  });

  it('says the rule cannot be checked when a date is not stated, naming it', () => {
    const f = facts(null, '2024-02-20');
    expect(f.approvedOn).toBe('未载明');
    expect(f.statement).toBe('本公开未载明批复日期，无法核对是否在批复后20日内公开。');
    expect(publicationFacts({ provenance: { title: 'x' } }).statement).toBe('本公开未载明批复日期和公开日期，无法核对是否在批复后20日内公开。');
  });

  it('names the source document, its link, its file and its SHA-256 when the content gives them', () => {
    const f = facts(null, null, { url: 'https://example.gov.cn/a.pdf', file: 'a.pdf', sha256: 'a'.repeat(64) });
    expect([f.url, f.file, f.sha256]).toEqual(['https://example.gov.cn/a.pdf', 'a.pdf', 'a'.repeat(64)]);
    expect(facts(null, null).url).toBeNull();
  });
});
