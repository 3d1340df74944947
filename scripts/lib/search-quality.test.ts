import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  breakdown,
  downloadKind,
  parseIntents,
  parseQueries,
  relevantPages,
  scoreIntent,
  scoreResults,
  summarise,
  summariseIntents,
  type QueryMeasure,
} from './search-quality.ts';
import { resolveRequest } from './search-quality-server.ts';

const measure = (overrides: Partial<QueryMeasure>): QueryMeasure => ({
  query: 'q',
  relevant: 10,
  results: 10,
  found: 10,
  top: 10,
  relevantInTop: 10,
  bytes: 200_000,
  titleFirst: null,
  ...overrides,
});

describe('the search quality measurement', () => {
  it('reads one query a line, skipping comments and blank lines', () => {
    expect(parseQueries('# header\n三公经费\n\n  人大代表  # trailing note\r\n#另一条\n')).toEqual(['三公经费', '人大代表']);
  });

  it('counts a page relevant when its indexed text holds the query verbatim', () => {
    const pages = new Map([
      ['/a/', '人大代表活动经费'],
      ['/b/', '人大代表 活动经费'],
      ['/c/', '“三公”经费'],
    ]);
    expect([...relevantPages(pages, '人大代表活动经费')]).toEqual(['/a/']);
    expect([...relevantPages(pages, '三公经费')]).toEqual([]);
  });

  it('scores recall over all results and precision over the first ten', () => {
    const ranked = Array.from({ length: 12 }, (_, i) => ({ url: `/${i}/`, title: i === 1 ? '收支总表' : '表' }));
    const relevant = new Set(['/0/', '/1/', '/11/', '/99/']);
    expect(scoreResults('收支总表', ranked, relevant, 123)).toEqual({
      query: '收支总表',
      relevant: 4,
      results: 12,
      found: 3,
      top: 10,
      relevantInTop: 2,
      bytes: 123,
      titleFirst: false,
    });
  });

  it('passes when every target is met', () => {
    expect(summarise([measure({}), measure({ relevant: 0, found: 0, top: 0, relevantInTop: 0 })]).failures).toEqual([]);
  });

  it('fails below 100% recall, below 95% top-10 precision or at 300 KB and more', () => {
    expect(summarise([measure({ found: 9 })]).failures).toEqual(['recall 90.0% < 100.0%']);
    expect(summarise([measure({ relevantInTop: 9 }), measure({ relevantInTop: 9 })]).failures).toEqual(['top-10 precision 90.0% < 95.0%']);
    expect(summarise([measure({ bytes: 300_000 })]).failures).toEqual(['first-query download 300.0 KB ≥ 300.0 KB']);
    expect(summarise([]).failures).toContain('no queries');
  });

  it('holds precision to the target both per result and per query', () => {
    // 1 bad query of 2 results among 10 good ones: 98.2% per result, but the mean per query is 90.9%.
    const many = [...Array.from({ length: 10 }, () => measure({})), measure({ top: 2, relevantInTop: 0, results: 2 })];
    const summary = summarise(many);
    expect(summary.precisionAt10).toBeCloseTo(100 / 102);
    expect(summary.meanPrecisionAt10).toBeCloseTo(10 / 11);
    expect(summary.failures).toEqual(['top-10 precision 90.9% < 95.0%']);
  });
});

describe('the measurement server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-search-server-'));
  mkdirSync(join(dir, 'search'));
  writeFileSync(join(dir, 'search', 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'secret.txt'), 'x');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the site under its base and directories by their index.html', () => {
    expect(resolveRequest(dir, '/yjsgk/', '/yjsgk/search/')).toBe(join(dir, 'search', 'index.html'));
    expect(resolveRequest(dir, '/', '/search/')).toBe(join(dir, 'search', 'index.html'));
  });

  it('serves nothing outside the base or the folder', () => {
    expect(resolveRequest(dir, '/yjsgk/', '/search/')).toBeUndefined();
    expect(resolveRequest(dir, '/yjsgk/', '/yjsgk/../secret.txt')).toBeUndefined();
    expect(resolveRequest(dir, '/yjsgk/', '/yjsgk/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(resolveRequest(dir, '/', '/missing/')).toBeUndefined();
  });
});

describe('the search-intent set', () => {
  const intents = parseIntents('# comment\n三公经费 => 荷塘区 三公经费支出表\n荷塘区人大常委会 => 株洲市荷塘区人民代表大会常务委员会2024年部门预算\n');
  const results = (...titles: string[]) => titles.map((title, i) => ({ url: `/${i}/`, title }));

  it('reads `query => title words` lines and refuses a line without the page it must find', () => {
    expect(intents).toEqual([
      { query: '三公经费', expected: ['荷塘区', '三公经费支出表'] },
      { query: '荷塘区人大常委会', expected: ['株洲市荷塘区人民代表大会常务委员会2024年部门预算'] },
    ]);
    expect(() => parseIntents('三公经费\n')).toThrow(/query => title words/);
  });

  it('finds the expected page by the words of its title, quotation marks aside, and counts only the top 3', () => {
    const [threePublic, department] = intents;
    if (!threePublic || !department) throw new Error('two intents expected');
    const hit = scoreIntent(threePublic, results('平罗县 表15 一般公共预算“三公”经费支出表', '株洲市荷塘区 表15 一般公共预算“三公”经费支出表'));
    expect(hit.rank).toBe(2);
    const late = scoreIntent(department, results('a', 'b', 'c', '株洲市荷塘区人民代表大会常务委员会2024年部门预算'));
    expect(late.rank).toBe(4);
    const summary = summariseIntents([hit, late]);
    expect(summary.success).toBe(0.5);
    expect(summary.failures).toEqual(['search intents found in the top 3: 50.0% < 95.0%']);
    expect(summariseIntents([hit]).failures).toEqual([]);
  });
});

describe("the breakdown of a search's bytes", () => {
  it("names Pagefind's files by their extension and the page and its assets otherwise", () => {
    expect(downloadKind('/pagefind/pagefind.zh-cn_3ecf990843828.pf_meta')).toBe('meta');
    expect(downloadKind('/pagefind/shards/1-of-3/index/zh-cn_ecaff74.pf_index')).toBe('index');
    expect(downloadKind('/pagefind/fragment/zh-cn_3e3fa02.pf_fragment')).toBe('fragment');
    expect(downloadKind('/pagefind/filter/zh-cn_5ec1148.pf_filter')).toBe('filter');
    expect(downloadKind('/yjsgk/pagefind/wasm.unknown.pagefind')).toBe('wasm');
    expect(downloadKind('/pagefind/pagefind.js')).toBe('pagefind.js');
    expect(downloadKind('/search/')).toBe('page');
    expect(downloadKind('/_astro/Layout.C8j7OvhK.css')).toBe('page');
    expect(downloadKind('/favicon.ico')).toBe('other');
  });

  it('sums bytes and files per kind, largest first', () => {
    const parts = breakdown([
      ['/search/', 3000],
      ['/pagefind/index/a.pf_index', 10_000],
      ['/pagefind/shards/1-of-3/index/b.pf_index', 12_000],
      ['/pagefind/pagefind.x.pf_meta', 1500],
    ]);
    expect(parts).toEqual([
      { kind: 'index', files: 2, bytes: 22_000 },
      { kind: 'page', files: 1, bytes: 3000 },
      { kind: 'meta', files: 1, bytes: 1500 },
    ]);
  });
});
