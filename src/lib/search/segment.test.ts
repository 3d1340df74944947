import { describe, expect, it } from 'vitest';
import {
  INDEX_SEPARATOR,
  mapHtmlText,
  phraseQuery,
  queryTerms,
  separateHanForIndex,
  separateHanInHtml,
  withoutCellHeaders,
  withoutIgnoredContent,
} from './segment.ts';

const Z = INDEX_SEPARATOR;
const visible = (text: string) => text.split(Z).join('');

describe('separating Han characters for the index', () => {
  it('puts a boundary between every two Han characters', () => {
    expect(separateHanForIndex('人大代表')).toBe(`人${Z}大${Z}代${Z}表`);
  });

  it('splits Han from digits and letters but keeps numbers and codes whole', () => {
    expect(separateHanForIndex('表22 2010101行政运行 CSV下载')).toBe(`表${Z}22 2010101${Z}行${Z}政${Z}运${Z}行 CSV${Z}下${Z}载`);
  });

  it('adds nothing next to whitespace and nothing to text without Han characters', () => {
    expect(separateHanForIndex('金额 单位')).toBe(`金${Z}额 单${Z}位`);
    expect(separateHanForIndex('Total 1,234.56')).toBe('Total 1,234.56');
  });

  it('only inserts separators, so removing them gives the text back, and is idempotent', () => {
    const text = '一般公共预算“三公”经费支出表（按政府预算经济分类）2024年';
    const once = separateHanForIndex(text);
    expect(visible(once)).toBe(text);
    expect(separateHanForIndex(once)).toBe(once);
  });
});

describe('preparing HTML for the indexer', () => {
  it('separates page text but leaves tags, attributes (but cells’ headers), scripts and what is not ignored byte for byte', () => {
    const html =
      '<td class="amount" headers="t1 t2" data-pagefind-ignore>20.00</td><th title="项目名称">人大代表</th>' +
      '<script>const s = "人大";</script><span hidden data-pagefind-filter="region:平罗县"></span><!-- 注释 -->';
    const prepared = separateHanInHtml(html);
    expect(prepared).toContain(`<th title="项目名称">人${Z}大${Z}代${Z}表</th>`);
    expect(prepared).toContain('<script>const s = "人大";</script>');
    expect(prepared).toContain('data-pagefind-filter="region:平罗县"');
    expect(prepared).toContain('<!-- 注释 -->');
    expect(visible(prepared)).toBe(html.replace(' headers="t1 t2"', '').replace('20.00', ''));
  });

  it('drops the headers attribute of table cells only: the indexer never reads it', () => {
    const html =
      '<tr><th scope="row" id="r1" headers="c1 c2">基本工资</th><td class="amount" headers="c1 c3">1.00</td></tr><p>headers="见表"</p><a headers="x">';
    expect(withoutCellHeaders(html)).toBe('<tr><th scope="row" id="r1">基本工资</th><td class="amount">1.00</td></tr><p>headers="见表"</p><a headers="x">');
  });

  it('empties what Pagefind ignores, nested elements of the same name included, and keeps the elements', () => {
    const html =
      '<header data-pagefind-ignore="all"><nav><ul><li>首页</li></ul></nav></header>' +
      '<main data-pagefind-body><details data-pagefind-ignore="all"><summary>逐行</summary><details><p>内层</p></details><p>仍在外层</p></details>' +
      '<p>正文<br>第二行</p><td data-pagefind-ignore>12.00</td><td>基本工资</td></main>';
    expect(withoutIgnoredContent(html)).toBe(
      '<header data-pagefind-ignore="all"></header><main data-pagefind-body><details data-pagefind-ignore="all"></details>' +
        '<p>正文<br>第二行</p><td data-pagefind-ignore></td><td>基本工资</td></main>',
    );
  });

  it('keeps the insides of an element ignored for the index only when Pagefind metadata or filters are in it', () => {
    const withFilter = '<div data-pagefind-ignore><span data-pagefind-filter="year:2024"></span>不索引</div>';
    expect(withoutIgnoredContent(withFilter)).toBe(withFilter);
    expect(withoutIgnoredContent('<div data-pagefind-ignore="all"><span data-pagefind-meta="title:x"></span></div>')).toBe(
      '<div data-pagefind-ignore="all"></div>',
    );
    expect(withoutIgnoredContent('<div data-pagefind-ignored>留下</div>')).toBe('<div data-pagefind-ignored>留下</div>');
  });

  it('is not misled by a > in an attribute, a closing tag in a script or a comment inside what it empties', () => {
    const html = '<a title="a>b" data-pagefind-ignore="all"><script>"</a>"</script><!-- </a> -->链接</a><p>后文</p>';
    expect(withoutIgnoredContent(html)).toBe('<a title="a>b" data-pagefind-ignore="all"></a><p>后文</p>');
  });

  it('separates the values of data-pagefind-meta (the title is searched too) but not their keys', () => {
    const prepared = separateHanInHtml('<span hidden data-pagefind-meta="title:平罗县 2025年 表1 收支总表"></span>');
    expect(prepared).toBe(`<span hidden data-pagefind-meta="title:平${Z}罗${Z}县 2025${Z}年 表${Z}1 收${Z}支${Z}总${Z}表"></span>`);
  });

  it('does not take a > inside a quoted attribute for the end of the tag', () => {
    expect(mapHtmlText('<a title="a>b 人大">代表</a>', (t) => `[${t}]`)).toBe('[]<a title="a>b 人大">[代表]</a>[]');
  });
});

describe('turning what someone typed into Pagefind queries', () => {
  it('splits terms on ASCII and full-width spaces and drops quote marks', () => {
    expect(queryTerms(' 平罗县\u3000“三公经费” "人大" ')).toEqual(['平罗县', '三公经费', '人大']);
    expect(queryTerms('   ')).toEqual([]);
  });

  it('sends a term as a quoted phrase of single characters', () => {
    expect(phraseQuery('人大代表活动经费')).toBe('"人 大 代 表 活 动 经 费"');
    expect(phraseQuery('表22')).toBe('"表 22"');
    expect(phraseQuery('CSV')).toBe('"CSV"');
  });

  it('splits a query exactly where the index splits the same text', () => {
    const term = '2024年一般公共预算“三公”经费';
    const indexTokens = separateHanForIndex(term).split(Z);
    expect(phraseQuery(term).slice(1, -1).split(' ')).toEqual(indexTokens);
  });
});

describe('quotation marks in the index', () => {
  it('drops them from the indexed text, so a phrase 三公经费 matches “三公”经费, and keeps them in the title shown', () => {
    const prepared = separateHanInHtml('<h1>“三公”经费</h1><span data-pagefind-meta="title:“三公”经费支出表"></span>');
    const text = mapHtmlText(prepared, (t) => `[${t}]`)
      .split(INDEX_SEPARATOR)
      .join('');
    expect(text).toContain('[三公经费]');
    expect(prepared.split(INDEX_SEPARATOR).join('')).toContain('title:“三公”经费支出表');
  });
});
