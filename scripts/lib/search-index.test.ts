import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from './run-build.ts';
import { indexSite, pageUrl } from './search-index.ts';

/** A synthetic three-page site: two searchable pages and the search page. */
const page = (main: string) =>
  `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><header data-pagefind-ignore="all">部门预算公开</header>` +
  `<main data-pagefind-body>${main}</main></body></html>`;
const site: Record<string, string> = {
  'index.html': page('<h1>首页</h1><p>合成测试页面</p>'),
  '999999/001/2024/tables/01/index.html': page(
    '<span hidden data-pagefind-meta="title:合成部门 2024年 表1 收支总表"></span><span hidden data-pagefind-filter="year:2024"></span>' +
      '<h1>合成部门 2024年 表1 收支总表</h1><table><tr><td>人大代表活动经费</td><td class="amount" data-pagefind-ignore>12.00</td></tr></table>',
  ),
  'search/index.html': page('<h1>搜索</h1><form><input name="q"></form>'),
};

describe('indexing the built site for search', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-search-index-'));
  let summary: Awaited<ReturnType<typeof indexSite>>;

  beforeAll(async () => {
    for (const [file, html] of Object.entries(site)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), html);
    }
    summary = await indexSite(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records each page under its directory URL', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('999999/001/2024/tables/01/index.html')).toBe('/999999/001/2024/tables/01/');
  });

  it('indexes every page except the search page itself', () => {
    expect(summary.pages).toBe(2);
  });

  it('writes the Pagefind JS, WASM and index into the site, without the unused ready-made UIs', () => {
    const files = listFiles(join(dir, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files).toContain('pagefind-entry.json');
    expect(files.some((f) => f.startsWith('index/') && f.endsWith('.pf_index'))).toBe(true);
    expect(files.some((f) => f.startsWith('fragment/'))).toBe(true);
    expect(files.some((f) => f.startsWith('filter/'))).toBe(true);
    expect(files.filter((f) => /pagefind-(component-|modular-)?ui|highlight/.test(f))).toEqual([]);
    expect(summary.files).toBe(files.length);
  });

  it('indexes zh-CN and leaves the published HTML untouched', () => {
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    for (const [file, html] of Object.entries(site)) expect(readFileSync(join(dir, file), 'utf8')).toBe(html);
  });

  it('cuts the word index into chunks of the given number of word locations, so a search loads only what its words need', async () => {
    const chunks = () => listFiles(join(dir, 'pagefind')).filter((f) => f.startsWith('index/')).length;
    const defaultChunks = chunks();
    const small = mkdtempSync(join(tmpdir(), 'gongkai-search-index-chunks-'));
    try {
      for (const file of listFiles(dir).filter((f) => !f.startsWith('pagefind/'))) {
        mkdirSync(dirname(join(small, file)), { recursive: true });
        writeFileSync(join(small, file), readFileSync(join(dir, file)));
      }
      await indexSite(small, { indexChunkSize: 5 });
      const smallChunks = listFiles(join(small, 'pagefind')).filter((f) => f.startsWith('index/')).length;
      expect(defaultChunks).toBe(1);
      expect(smallChunks).toBeGreaterThan(3);
      expect(process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE']).toBeUndefined();
    } finally {
      rmSync(small, { recursive: true, force: true });
    }
  });

  it('writes the same index for the same pages', async () => {
    const before = Object.fromEntries(listFiles(join(dir, 'pagefind')).map((f) => [f, readFileSync(join(dir, 'pagefind', f), 'base64')]));
    rmSync(join(dir, 'pagefind'), { recursive: true });
    await indexSite(dir);
    const after = Object.fromEntries(listFiles(join(dir, 'pagefind')).map((f) => [f, readFileSync(join(dir, 'pagefind', f), 'base64')]));
    expect(after).toEqual(before);
  });
});
