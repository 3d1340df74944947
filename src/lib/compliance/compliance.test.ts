import { describe, expect, it } from 'vitest';
import type { Disclosure } from '../disclosure/model.ts';
import { overviewData } from '../site/page-data.ts';
import { getSiteData } from '../site/site-data.ts';
import type { Table } from '../tables/model.ts';
import { disclosureCompliance, formatCompliance, headingsOf, summariseCompliance, threePublicTable } from './compliance.ts';

const site = getSiteData('content');
const full = site.entries.find((e) => e.summary.hasFinancialTables);
const formsOnly = site.entries.find((e) => !e.summary.hasFinancialTables);
if (!full || !formsOnly) throw new Error('the sample content needs a full disclosure and a performance-only one');
const headings = headingsOf(overviewData(site, full).narrative.html);
const check = (d: Disclosure, tables: readonly Table[], narrativeHeadings = headings) => disclosureCompliance({ disclosure: d, tables, narrativeHeadings });
const item = (items: ReturnType<typeof check>, id: string) => {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('the compliance self-check of a disclosure', () => {
  it('lists every dimension, each item with a reason, and a place to fix every failure', () => {
    const items = check(full.disclosure, full.tables);
    expect(new Set(items.map((i) => i.dimension))).toEqual(new Set(['timeliness', 'completeness', 'detail', 'format']));
    for (const i of items) {
      expect(i.reason).not.toBe('');
      if (i.pass) expect(i.fix).toBe('');
      else expect(i.fix).not.toBe('');
    }
  });

  it('fails 及时性 for an undated disclosure and passes it for one published within 20 days', () => {
    expect(item(check(full.disclosure, full.tables), 'timeliness.twentyDays')).toMatchObject({ pass: false, fix: expect.stringContaining('approvedOn') });
    const dated = {
      ...full.disclosure,
      publication: { approvedOn: '2024-01-10', publishedOn: '2024-01-25', revisions: [], at: { file: 'x', line: 1, column: 1 } },
    };
    expect(item(check(dated, full.tables), 'timeliness.twentyDays')).toMatchObject({ pass: true, reason: '批复后第15日公开，符合批复后20日内公开的要求。' });
  });

  it('passes the tables, the empty-table notes, the 三公 split and the detail of the full sample disclosure', () => {
    const items = check(full.disclosure, full.tables);
    for (const id of [
      'completeness.tables',
      'completeness.emptyTableNote',
      'completeness.threePublicSplit',
      'detail.functional',
      'detail.economic',
      'format.machineReadable',
    ]) {
      expect(item(items, id), id).toMatchObject({ pass: true });
    }
  });

  it('names the tables a performance-only disclosure did not provide, and that its 三公 and detail cannot be shown', () => {
    const items = check(formsOnly.disclosure, formsOnly.tables, []);
    expect(item(items, 'completeness.tables').reason).toMatch(/张表未提供/);
    expect(item(items, 'completeness.threePublicSplit').pass).toBe(false);
    expect(item(items, 'detail.functional').pass).toBe(false);
    expect(item(items, 'completeness.narrativeSections').reason).toBe('本公开没有部门预算说明。');
  });

  it('fails the 三公 split when a part is not printed on its own', () => {
    const threePublic = threePublicTable(full.tables);
    if (!threePublic) throw new Error('no 三公 table');
    const merged: Table = { ...threePublic, columns: threePublic.columns.filter((c) => !c.path.some((label) => /接待/.test(label))) };
    const tables = full.tables.map((t) => (t === threePublic ? merged : t));
    expect(item(check(full.disclosure, tables), 'completeness.threePublicSplit')).toMatchObject({ pass: false, reason: expect.stringContaining('公务接待费') });
  });

  it('names each required 说明 section that is missing', () => {
    const result = item(check(full.disclosure, full.tables, ['概况', '机关运行经费', '绩效目标情况']), 'completeness.narrativeSections');
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('部门职责');
    expect(result.reason).not.toContain('机关运行经费');
    expect(result.fix).toContain('notes.md');
  });

  it('prints one line per item for npm run check, with where to fix each failure', () => {
    const items = check(full.disclosure, full.tables);
    const text = formatCompliance('株洲市荷塘区人民代表大会常务委员会2024年部门预算', items);
    const { passed, failed } = summariseCompliance(items);
    expect(text.split('\n')[0]).toBe(`公开自查 compliance — 株洲市荷塘区人民代表大会常务委员会2024年部门预算：${passed}项通过，${failed}项未通过`);
    expect(text.match(/^ {2}[✓✗] /gm)).toHaveLength(items.length);
    expect(text.match(/改 fix:/g)).toHaveLength(failed);
  });
});
