import { describe, expect, it } from 'vitest';
import { containsEveryTerm, excerpt, matchTier, rankResults, type LoadedResult } from './rank.ts';

const page = (url: string, title: string, content: string): LoadedResult => ({ url, title, content });

describe('ranking search results', () => {
  const project = page('/p04/', '株洲市荷塘区人民代表大会常务委员会 2024年 人大代表活动经费', '人大代表活动经费 …');
  const otherProject = page('/renhe/', '攀枝花市仁和区人大常委会办公室 2022年 仁和区区级人大代表活动经费', '仁和区区级人大代表活动经费 …');
  const table = page('/t21/', '株洲市荷塘区人民代表大会常务委员会 2024年 表21 专项资金预算汇总表', '001001. 人大代表活动经费');
  const acrossPunctuation = page('/t15/', '… 表15 一般公共预算“三公”经费支出表', '“三公”经费');

  it('puts a page whose title names the query before pages that only mention it', () => {
    expect(rankResults([table, otherProject, project], '人大代表活动经费').map((r) => r.url)).toEqual(['/p04/', '/renhe/', '/t21/']);
  });

  it('ranks a title naming the query as a whole above one holding it inside a longer name', () => {
    expect(matchTier(project, '人大代表活动经费')).toBe(0);
    expect(matchTier(otherProject, '人大代表活动经费')).toBe(1);
    expect(matchTier(table, '人大代表活动经费')).toBe(2);
    expect(matchTier(acrossPunctuation, '三公经费')).toBe(3);
  });

  it('keeps the incoming order within a tier', () => {
    const a = page('/a/', 'x', '平罗县');
    const b = page('/b/', 'y', '平罗县');
    expect(rankResults([b, a], '平罗县').map((r) => r.url)).toEqual(['/b/', '/a/']);
  });

  it('needs every term of a multi-word query, ignoring the index separators', () => {
    expect(containsEveryTerm('平\u200B罗\u200B县 2025年 三公经费', '平罗县 三公经费')).toBe(true);
    expect(containsEveryTerm('平罗县 2025年', '平罗县 三公经费')).toBe(false);
    expect(containsEveryTerm('anything', '  ')).toBe(false);
  });
});

describe('excerpts', () => {
  it('shows the passage around the first match with whole terms highlighted', () => {
    const content = `${'前'.repeat(60)}用于人大代表活动经费支出${'后'.repeat(100)}`;
    const parts = excerpt(content, '人大代表活动经费', 10);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.filter((p) => p.mark)).toEqual([{ text: '人大代表活动经费', mark: true }]);
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.map((p) => p.text).join('')).toContain('用于人大代表活动经费支出');
  });

  it('highlights every term of a relaxed query and never loses the text in between', () => {
    const parts = excerpt('一般公共预算“三公”经费支出表', '三公 经费', 40);
    expect(parts.map((p) => p.text).join('')).toBe('一般公共预算“三公”经费支出表');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['三公', '经费']);
  });

  it('starts at the beginning when the text does not hold the query', () => {
    expect(excerpt('收支总表', '人大', 40)).toEqual([{ text: '收支总表', mark: false }]);
  });
});
