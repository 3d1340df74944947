import { describe, expect, it, vi } from 'vitest';
import { syntheticDisclosure } from '../../../tests/support/synthetic-disclosure.ts';
import { loadContentDir } from '../content/read-content-dir.ts';
import { ContentError } from '../findings.ts';
import { changeBetween, formatChange, formatPercent } from '../i18n/format.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { formatWan, sumAmounts, type Amount } from '../money.ts';
import type { Table } from '../tables/model.ts';
import { buildTables } from '../templates/build-tables.ts';
import { narrativeFindings, renderNarrative, renderNarrativeOrThrow } from './render.ts';

const content = loadContentDir('content');
const catalogue = content.catalogues.get(2024);
const sample = content.disclosures.find((d) => d.id === '430202-001-2024');
if (!catalogue || !sample) throw new Error('content/ lacks the 2024 catalogue or the sample disclosure');
const sampleTables = buildTables(sample);
const NOTES = 'content/disclosures/430202/001/2024/notes.md';

const withNotes = (d: Disclosure, markdown: string, file = NOTES): Disclosure => ({ ...d, narrative: { markdown, file } });
const render = (markdown: string, d: Disclosure = sample, tables: readonly Table[] = sampleTables) =>
  renderNarrative({ disclosure: withNotes(d, markdown), tables });

/** A cell read straight from a table, by row key and the exact column path. */
function cell(tables: readonly Table[], n: number, rowKey: string, ...path: string[]): Amount {
  const table = tables.find((t) => t.number === n)!;
  const column = table.columns.findIndex((c) => c.path.join('/') === path.join('/'));
  const value = table.rows.find((r) => r.key === rowKey)?.cells[column];
  if (column < 0 || !value || value.kind !== 'amount') throw new Error(`表${n} ${rowKey} ${path.join('/')} is not an amount cell`);
  return value.value;
}

/** The paragraph text of the first <p> that contains `marker`. */
const paragraph = (html: string, marker: string): string =>
  [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1] ?? '').find((p) => p.includes(marker)) ?? '';

describe('a narrative reference', () => {
  it('renders the named key figure from its table', () => {
    const { html, findings } = render('本部门支出合计{{支出合计}}万元，其中基本支出{{基本支出}}万元。');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(paragraph(html, '本部门')).toBe(
      `本部门支出合计${formatWan(cell(sampleTables, 3, 'total', '合计'))}万元，其中基本支出${formatWan(cell(sampleTables, 3, 'total', '基本支出'))}万元。`,
    );
  });

  it('renders a table cell named by table number, row key and column path', () => {
    const { html } = render('“三公”经费{{表15:total:“三公”经费合计}}万元；行政运行工资福利{{表7:item:001001:2010101:基本支出/人员经费/工资福利支出}}万元。');
    expect(paragraph(html, '三公')).toBe(
      `“三公”经费${formatWan(cell(sampleTables, 15, 'total', '“三公”经费合计'))}万元；行政运行工资福利${formatWan(
        cell(sampleTables, 7, 'item:001001:2010101', '基本支出', '人员经费', '工资福利支出'),
      )}万元。`,
    );
  });

  it('sums the rows a `*` row-key segment matches, and takes `*` literally rather than as Markdown emphasis', () => {
    const d = syntheticDisclosure(catalogue, { seed: 31, units: 3, rows: 90 });
    const tables = buildTables(d);
    const t7 = tables.find((t) => t.number === 7)!;
    const cls = t7.rows.find((r) => r.level === 'class')!.key.split(':')[2]!;
    const expected = sumAmounts(t7.rows.filter((r) => r.level === 'class' && r.key.endsWith(`:${cls}`)).map((r) => cell(tables, 7, r.key, '合计')));
    const { html, findings } = render(`类合计 {{表7:class:*:${cls}:合计}} 与 {{表7:class:*:${cls}:项目支出}} 止`, d, tables);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(paragraph(html, '类合计')).toContain(`类合计 ${formatWan(expected)} 与`);
    expect(html).not.toContain('<em>');
  });

  it('gives shares of a whole with .占比', () => {
    const { html } = render('基本支出占{{基本支出.占比}}。');
    expect(paragraph(html, '基本支出占')).toBe(
      `基本支出占${formatPercent(cell(sampleTables, 3, 'total', '基本支出') ?? 0, cell(sampleTables, 3, 'total', '合计') ?? 0)}。`,
    );
  });

  it('compares with the same department’s previous year with .上年 and .变动 (synthetic department)', () => {
    const before = syntheticDisclosure(catalogue, { seed: 41, year: 2023, rows: 70 });
    const now = syntheticDisclosure(catalogue, { seed: 42, year: 2024, rows: 90 });
    const [tablesBefore, tablesNow] = [buildTables(before), buildTables(now)];
    const { html, findings } = renderNarrative({
      disclosure: withNotes(now, '上年{{支出合计.上年}}万元，本年比上年{{支出合计.变动}}。'),
      tables: tablesNow,
      previous: { disclosure: before, tables: tablesBefore },
    });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const [was, is] = [cell(tablesBefore, 3, 'total', '合计'), cell(tablesNow, 3, 'total', '合计')];
    expect(paragraph(html, '上年')).toBe(`上年${formatWan(was)}万元，本年比上年${formatChange(changeBetween(is, was))}。`);
  });

  it('is shown as written inside code, so the syntax can be documented', () => {
    const { html, findings } = render('写作 `{{支出合计}}` 即可。');
    expect(findings).toEqual([]);
    expect(html).toContain('<code>{{支出合计}}</code>');
  });
});

describe('a reference that cannot be resolved', () => {
  const markdown = ['# 说明', '', '本部门支出{{支出合计}}万元，', '其中{{不存在的数字}}万元。'].join('\n');

  it('is a narrative.unknownReference error at its line and column in notes.md', () => {
    const errors = narrativeFindings(withNotes(sample, markdown), sampleTables).filter((f) => f.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'narrative.unknownReference', file: NOTES, line: 4, column: 3, actual: '{{不存在的数字}}' })]);
  });

  it('stops the build with a ContentError naming file, line and column', () => {
    const attempt = () => renderNarrativeOrThrow({ disclosure: withNotes(sample, markdown), tables: sampleTables });
    expect(attempt).toThrow(ContentError);
    expect(attempt).toThrow(`${NOTES}:4:3`);
  });

  it('is reported for a missing row, a missing column, an ambiguous column and a table not provided', () => {
    const performanceOnly = content.disclosures.find((d) => !d.providedTables.includes('threePublic'));
    if (!performanceOnly) throw new Error('the content has no disclosure without table 15');
    const codes = (md: string, d: Disclosure = sample) =>
      narrativeFindings(withNotes(d, md), buildTables(d))
        .filter((f) => f.severity === 'error')
        .map((f) => f.code);
    expect(codes('{{表7:item:001001:9999999:合计}}')).toEqual(['narrative.unknownReference']);
    expect(codes('{{表7:total:不存在的列}}')).toEqual(['narrative.unknownReference']);
    expect(codes('{{表7:total:工资福利支出/不存在}}')).toEqual(['narrative.unknownReference']);
    expect(codes('{{表1:total:current:预算数}}')).toEqual(['narrative.ambiguousReference']);
    expect(codes('{{三公合计}}', performanceOnly)).toEqual(['narrative.tableNotProvided']);
    expect(codes('{{支出合计.上年}}')).toEqual(['narrative.noPreviousYear']);
    expect(codes('{{部门.变动}}')).toEqual(['narrative.invalidModifier']);
    expect(codes('未闭合 {{支出合计')).toEqual(['narrative.unclosedReference']);
  });
});

describe('unsafe HTML', () => {
  it('is removed by rehype-sanitize and reported, with its line', () => {
    const markdown = [
      '第一段。',
      '',
      '<script>alert(1)</script>',
      '',
      '<img src="x.png" onerror="alert(1)">',
      '',
      '[点我](javascript:alert(1))',
      '',
      '<b>粗体</b>',
    ].join('\n');
    const { html, findings } = render(markdown);
    expect(html).not.toMatch(/<script|onerror|javascript:|<img|<b>/i);
    expect(html).toContain('第一段。');
    expect(html).toContain('点我');
    expect(findings.map((f) => [f.code, f.severity, f.line])).toEqual(
      expect.arrayContaining([
        ['narrative.unsafeHtml', 'error', 3],
        ['narrative.unsafeHtml', 'error', 5],
        ['narrative.unsafeUrl', 'error', 7],
        ['narrative.htmlRemoved', 'warning', 9],
      ]),
    );
  });
});

describe('the standard sections', () => {
  it('are generated from the tables in the official wording when the author does not write them', () => {
    const { html, generated, findings } = render('');
    expect(findings).toEqual([]);
    expect(generated).toEqual(expect.arrayContaining(['overview', 'fiscal', 'generalBudget', 'threePublic', 'officeRunningCost']));
    const income = cell(sampleTables, 1, 'total:current', '收入', '预算数');
    expect(html).toContain(`<h3>收支预算总体情况</h3>`);
    expect(paragraph(html, '收入预算合计')).toContain(`${sample.year}年本部门收入预算合计${formatWan(income)}万元，其中：`);
    expect(paragraph(html, '“三公”经费预算')).toContain(
      `“三公”经费预算${formatWan(cell(sampleTables, 15, 'total', '“三公”经费合计'))}万元，其中：因公出国（境）费`,
    );
    expect(paragraph(html, '机关运行经费预算')).toContain(`机关运行经费预算${formatWan(cell(sampleTables, 7, 'unit:001001', '基本支出', '公用经费'))}万元`);
  });

  it('are not generated again when the author wrote one under its heading, and can be placed with {{说明:…}}', () => {
    const { html, generated } = render(
      ['## 一、“三公”经费说明', '', '本部门自行说明。', '', '## 部门职责', '', '{{说明:机关运行经费}}', '', '尾段。', '', '{{说明:收支总体情况}}'].join('\n'),
    );
    expect(generated).not.toContain('threePublic');
    expect(html.match(/三公/g)?.length).toBe(1);
    const placed = html.indexOf('<h3>机关运行经费</h3>');
    expect(placed).toBeGreaterThan(html.indexOf('部门职责'));
    expect(placed).toBeLessThan(html.indexOf('尾段。'));
    expect(html.indexOf('<h3>收支预算总体情况</h3>')).toBeGreaterThan(html.indexOf('尾段。'));
    expect(narrativeFindings(withNotes(sample, '{{说明:无此段}}'), sampleTables).map((f) => f.code)).toEqual(['narrative.unknownSection']);
  });

  it('state the change from last year with the reason from the front-matter, and warn when the reason is missing', () => {
    const before = syntheticDisclosure(catalogue, { seed: 51, year: 2023, rows: 120 });
    const now = syntheticDisclosure(catalogue, { seed: 52, year: 2024, rows: 120 });
    const previous = { disclosure: before, tables: buildTables(before) };
    const tables = buildTables(now);
    const was = cell(previous.tables, 1, 'total:current', '收入', '预算数');
    const is = cell(tables, 1, 'total:current', '收入', '预算数');
    expect(is).not.toBe(was);
    const withReason = renderNarrative({ disclosure: withNotes(now, '---\nchangeReasons:\n  income: 合成测试原因\n---\n'), tables, previous });
    expect(paragraph(withReason.html, '收入预算合计')).toContain(`比上年${formatChange(changeBetween(is, was))}，主要原因是合成测试原因。`);
    const without = renderNarrative({ disclosure: withNotes(now, ''), tables, previous });
    expect(without.findings.map((f) => f.code)).toContain('narrative.missingChangeReason');
  });

  it('report an unknown front-matter field at its line', () => {
    const { findings } = render('---\nchangeReasons:\n  threePublc: 拼错\n---\n正文。');
    expect(findings).toEqual([expect.objectContaining({ code: 'file.unknownField', file: NOTES, line: 3 })]);
  });
});

describe('hand-typed figures', () => {
  it('are warned about, so figures come from references', () => {
    const { findings } = render('支出合计2239.4万元，基本支出790.28万元，占88.17%。');
    expect(findings.filter((f) => f.code === 'narrative.literalAmount').map((f) => f.actual)).toEqual(['790.28万元', '88.17%']);
    // 2239.4 is not 支出合计 (896.28): a typed figure that contradicts the one it names is an error.
    expect(findings.filter((f) => f.code === 'narrative.literalAmountContradicts').map((f) => f.actual)).toEqual(['2239.4万元']);
  });
});

describe('rendering a narrative twice', () => {
  it('gives the check and the page one rendering for the same disclosure and tables, and a fresh one for other tables', () => {
    const d = withNotes(sample, '支出合计 {{支出合计}}。');
    const first = renderNarrative({ disclosure: d, tables: sampleTables });
    expect(renderNarrative({ disclosure: d, tables: sampleTables })).toBe(first);
    expect(narrativeFindings(d, sampleTables)).toEqual([...first.findings]);
    const otherTables = buildTables(sample);
    const again = renderNarrative({ disclosure: d, tables: otherTables });
    expect(again).not.toBe(first);
    expect(again.html).toBe(first.html);
    const withPrevious = renderNarrative({ disclosure: d, tables: otherTables, previous: 'unknown' });
    expect(withPrevious).not.toBe(again);
  });

  it('gives one rendering across copies of this module: the build checks with the scripts’ copy and renders with the one Astro bundles', async () => {
    const d = withNotes(sample, '基本支出 {{基本支出}}。');
    const checked = renderNarrative({ disclosure: d, tables: sampleTables });
    vi.resetModules();
    const bundled = await import('./render.ts');
    expect(bundled.renderNarrative).not.toBe(renderNarrative);
    expect(bundled.renderNarrative({ disclosure: d, tables: sampleTables })).toBe(checked);
  });
});
