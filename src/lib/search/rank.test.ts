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
    expect(matchTier(page('/x/', '其他', '三公 经费'), '三公经费')).toBe(3);
  });

  it('ignores quotation marks, so 三公经费 as typed names the table titled “三公”经费', () => {
    expect(matchTier(acrossPunctuation, '三公经费')).toBe(1);
    expect(containsEveryTerm('乡镇、街道“人大代表之家”活动室', '人大代表之家活动室')).toBe(true);
  });

  it('ranks the page of a department first for the short name people type, by its aliases', () => {
    const overview: LoadedResult = {
      url: '/430202/001/2024/',
      title: '株洲市荷塘区人民代表大会常务委员会2024年部门预算',
      content: '…',
      aliases: ['荷塘区人大常委会'],
    };
    const other = page('/other/', '首页', '荷塘区人大常委会');
    expect(matchTier(overview, '荷塘区人大常委会')).toBe(0);
    expect(matchTier(overview, '荷塘区人大')).toBe(0);
    expect(rankResults([other, overview], '荷塘区人大常委会').map((r) => r.url)).toEqual(['/430202/001/2024/', '/other/']);
  });

  it('puts the page about a name before the pages of its parts: the shorter title first among title matches', () => {
    const overview = page('/o/', '平罗县人民代表大会常务委员会办公室2025年部门预算', '…');
    const tableOne = page('/t1/', '平罗县人民代表大会常务委员会办公室 2025年 表1 收支总表', '…');
    const mention = page('/home/', '部门预算公开', '平罗县 2025');
    expect(rankResults([mention, tableOne, overview], '平罗县 2025').map((r) => r.url)).toEqual(['/o/', '/t1/', '/home/']);
  });

  it('counts a year as a whole word after a Han character, not inside a longer number', () => {
    expect(matchTier(page('/o/', '平罗县人大常委会办公室2025年部门预算', ''), '2025')).toBe(0);
    expect(matchTier(page('/n/', '编号12025', ''), '2025')).toBe(1);
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

  it('centres on a match followed by its amount, so the figure the reader is after shows', () => {
    const content = `表15 一般公共预算三公经费支出表 ${'说明'.repeat(40)} 三公经费合计 2.50 因公出国（境）费 0.00`;
    const text = excerpt(content, '三公经费', 20)
      .map((p) => p.text)
      .join('');
    expect(text).toContain('三公经费合计 2.50');
  });

  it('starts at the beginning when the text does not hold the query', () => {
    expect(excerpt('收支总表', '人大', 40)).toEqual([{ text: '收支总表', mark: false }]);
  });
});
