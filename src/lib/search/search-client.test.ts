import { describe, expect, it } from 'vitest';
import { relaxations, siteSearch, type PagefindModule, type PagefindResult } from './search-client.ts';

interface FakePage {
  readonly url: string;
  readonly title: string;
  readonly content: string;
  readonly region?: string;
  /** The `aliases` search metadata (a department's short names). */
  readonly aliases?: string;
}

/**
 * A stand-in for pagefind.js over a few synthetic pages, with Pagefind's observable behaviour:
 * a quoted phrase of characters matches the characters in a row (every match scores 1, in index
 * order); unquoted characters must all occur somewhere, scored by how often they do, and the
 * title is reported as matched when it holds them all.
 */
function fakePagefind(pages: readonly FakePage[]) {
  const calls: { term: string; filters: Readonly<Record<string, string>> }[] = [];
  const loaded: string[] = [];
  const module: PagefindModule = {
    options: async () => {},
    search: async (term, options = {}) => {
      const filters = options.filters ?? {};
      calls.push({ term, filters });
      const chars = term.replace(/"/g, '').split(' ').filter(Boolean);
      const exact = term.startsWith('"');
      const results: PagefindResult[] = pages
        .map((p, index) => ({ p, index }))
        .filter(({ p }) => (filters['region'] ? p.region === filters['region'] : true))
        .filter(({ p }) => (exact ? p.content.includes(chars.join('')) : chars.every((c) => p.content.includes(c))))
        .map(({ p, index }) => ({
          id: String(index),
          score: exact ? 1 : chars.reduce((n, c) => n + p.content.split(c).length - 1, 0),
          ...(exact
            ? {}
            : {
                matchedMetaFields: [
                  ...(chars.every((c) => p.title.includes(c)) ? ['title'] : []),
                  ...(chars.some((c) => (p.aliases ?? '').includes(c)) ? ['aliases'] : []),
                ],
              }),
          data: async () => {
            loaded.push(p.url);
            return { url: p.url, content: p.content, meta: { title: p.title, ...(p.aliases ? { aliases: p.aliases } : {}) }, filters: {} };
          },
        }));
      return { results };
    },
  };
  return { module, calls, loaded };
}

describe('the site search over Pagefind', () => {
  const pages: FakePage[] = [
    { url: '/home/', title: '部门预算公开', content: '平罗县 株洲市荷塘区 人大代表活动经费', region: '' },
    { url: '/t21/', title: '荷塘区 2024年 表21 专项资金预算汇总表', content: '人大代表活动经费 人大代表活动经费 人大代表活动经费', region: '荷塘区' },
    { url: '/p04/', title: '荷塘区 2024年 人大代表活动经费', content: '人大代表活动经费', region: '荷塘区' },
    { url: '/loose/', title: '别的表', content: '代表 人大 经费 活动', region: '荷塘区' },
    { url: '/t15/', title: '平罗县 2025年 表15 一般公共预算“三公”经费支出表', content: '一般公共预算“三公”经费支出表', region: '平罗县' },
  ];

  it('finds only pages holding the query verbatim, the page named by it first', async () => {
    const { module } = fakePagefind(pages);
    const result = await siteSearch(module, '人大代表活动经费');
    expect(result.count).toBe(3);
    expect((await result.slice(0, 10)).map((hit) => hit.url)).toEqual(['/p04/', '/t21/', '/home/']);
    expect(result.relaxed).toBe(false);
  });

  it('orders matches before loading anything: title matches first, then by the loose score', async () => {
    const { module, loaded } = fakePagefind(pages);
    const result = await siteSearch(module, '人大代表活动经费', {}, { rankWindow: 0 });
    expect((await result.slice(0, 10)).map((hit) => hit.url)).toEqual(['/p04/', '/t21/', '/home/']);
    expect(loaded).toHaveLength(3);
  });

  it('downloads only the results it is asked for', async () => {
    const { module, loaded } = fakePagefind(pages);
    const result = await siteSearch(module, '人大代表活动经费', {}, { rankWindow: 1 });
    await result.slice(0, 1);
    expect(loaded).toHaveLength(1);
  });

  it('requires every term of a multi-word query and passes the filters on', async () => {
    const { module, calls } = fakePagefind(pages);
    const result = await siteSearch(module, '平罗县 人大代表活动经费', { region: '' });
    expect((await result.slice(0, 10)).map((hit) => hit.url)).toEqual(['/home/']);
    const filtered = await siteSearch(module, '人大代表活动经费', { region: '荷塘区' });
    expect((await filtered.slice(0, 10)).map((hit) => hit.url).sort()).toEqual(['/p04/', '/t21/']);
    expect(calls.at(-1)?.filters).toEqual({ region: '荷塘区' });
  });

  it('when nothing holds the term verbatim, looks for its two halves and says so', async () => {
    const { module } = fakePagefind(pages);
    const result = await siteSearch(module, '三公经费');
    expect(result.relaxed).toBe(true);
    expect(result.matched).toEqual(['三公', '经费']);
    expect((await result.slice(0, 10)).map((hit) => hit.url)).toEqual(['/t15/']);
  });

  it('asks Pagefind nothing for an empty query', async () => {
    const { module, calls } = fakePagefind(pages);
    const result = await siteSearch(module, '  ');
    expect(result.count).toBe(0);
    expect(calls).toEqual([]);
  });
});

describe('relaxing a term', () => {
  it('cuts nearest the middle first and keeps both parts at least two characters long', () => {
    expect(relaxations('对个人和家庭的补助')).toEqual([
      ['对个人和', '家庭的补助'],
      ['对个人和家', '庭的补助'],
      ['对个人', '和家庭的补助'],
      ['对个人和家庭', '的补助'],
      ['对个', '人和家庭的补助'],
      ['对个人和家庭的', '补助'],
    ]);
    expect(relaxations('三公经费')).toEqual([['三公', '经费']]);
    expect(relaxations('平罗县')).toEqual([]);
  });

  it('loads a department’s overview, named by its short names, before its shorter table pages', async () => {
    const department: FakePage[] = [
      { url: '/t1/', title: '株洲市荷塘区 2024年 表1 收支总表', content: '株洲市荷塘区 2024年 表1 收支总表 荷塘区 2024' },
      { url: '/t2/', title: '株洲市荷塘区 2024年 表2 收入总表', content: '株洲市荷塘区 2024年 表2 收入总表 荷塘区 2024' },
      { url: '/o/', title: '株洲市荷塘区2024年部门预算', aliases: '荷塘区人大常委会', content: `株洲市荷塘区2024年部门预算 ${'说明'.repeat(200)} 荷塘区 2024` },
    ];
    const { module } = fakePagefind(department);
    const result = await siteSearch(module, '荷塘区 2024', {}, { rankWindow: 1 });
    expect((await result.slice(0, 1)).map((hit) => hit.url)).toEqual(['/o/']);
    expect(result.count).toBe(3);
  });
});
