/**
 * The table components rendered with Astro's container API: header structure (colspan, rowspan,
 * headers), captions and amounts of representative tables of the sample disclosure (seed 003),
 * an empty table with its note, and a table the disclosure did not provide. Every expectation is
 * computed from the Table object the page renders, never typed in.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import BudgetTable from '../../../src/components/BudgetTable.astro';
import TablePage from '../../../src/components/TablePage.astro';
import { glossaryTermForLabel } from '../../../src/lib/i18n/glossary.ts';
import { formatWan } from '../../../src/lib/money.ts';
import { lookupColumn } from '../../../src/lib/tables/table-cells.ts';
import { routes } from '../../../src/lib/site/routes.ts';
import { getSiteData, type DisclosureEntry } from '../../../src/lib/site/site-data.ts';
import { EMPTY_TABLE_NOTE, headerGrid, type Table } from '../../../src/lib/tables/model.ts';
import { byTag, first, findAll, hasClass, parseHtml, textOf, type Element } from '../support/html.ts';

let container: AstroContainer;
const site = getSiteData('content');
const sample = site.entries.find((e) => e.disclosure.id === '430202-001-2024');
if (!sample) throw new Error('the sample disclosure 430202-001-2024 (seed 003) is missing from content/');
const table = (entry: DisclosureEntry, n: number): Table => {
  const found = entry.tables.find((t) => t.number === n);
  if (!found) throw new Error(`no table ${n}`);
  return found;
};

beforeAll(async () => {
  container = await AstroContainer.create();
});

async function render(t: Table): Promise<{ root: Element; table: Element }> {
  const root = parseHtml(await container.renderToString(BudgetTable, { props: { table: t } }));
  return { root, table: first(root, (e) => e.tag === 'table') };
}

/** The header cells as rows of {label, colspan, rowspan, id, headers}, as the HTML has them. */
const headerRows = (tableElement: Element) =>
  byTag(
    first(tableElement, (e) => e.tag === 'thead'),
    'tr',
  ).map((tr) =>
    byTag(tr, 'th').map((th) => ({
      label: textOf(th),
      colspan: Number(th.attrs['colspan'] ?? 1),
      rowspan: Number(th.attrs['rowspan'] ?? 1),
      id: th.attrs['id'] ?? '',
      headers: th.attrs['headers'] ?? '',
    })),
  );

const bodyRows = (tableElement: Element) =>
  byTag(
    first(tableElement, (e) => e.tag === 'tbody'),
    'tr',
  );
const cellsOf = (tr: Element) => tr.children.filter((c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'));

function expectHeaderStructureOf(t: Table, tableElement: Element): void {
  const grid = headerGrid(t.header);
  const rows = headerRows(tableElement);
  expect(rows.map((r) => r.map((c) => [c.label, c.colspan, c.rowspan]))).toEqual(grid.map((r) => r.map((c) => [c.label, c.colSpan, c.rowSpan])));
  // Each header cell names its parents, so a screen reader hears the full path.
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const parents = grid[r]?.[c]?.parentIds ?? [];
      expect(cell.headers.split(' ').filter(Boolean).length, `${cell.label} names its ${parents.length} parent header(s)`).toBe(parents.length);
    }),
  );
}

/** Every `headers` reference in the table points at a cell that exists. */
function expectHeadersToResolve(tableElement: Element): void {
  const ids = new Set(findAll(tableElement, (e) => e.attrs['id'] !== undefined).map((e) => e.attrs['id']));
  const dangling = findAll(tableElement, (e) => e.attrs['headers'] !== undefined)
    .flatMap((e) => (e.attrs['headers'] ?? '').split(/\s+/))
    .filter((id) => id !== '' && !ids.has(id));
  expect(dangling).toEqual([]);
}

/** Each body cell shows the table's value: amounts as formatWan, codes and text as they are. */
function expectBodyOf(t: Table, tableElement: Element): void {
  const rows = bodyRows(tableElement);
  expect(rows.length).toBe(t.rows.length);
  t.rows.forEach((row, r) => {
    const cells = cellsOf(rows[r]!);
    expect(cells.map(textOf), `row ${row.key}`).toEqual(row.cells.map((cell) => (cell.kind === 'amount' ? formatWan(cell.value) : cell.value).trim()));
    row.cells.forEach((cell, c) => {
      if (cell.kind === 'amount' && cells[c]?.tag === 'td') expect(hasClass(cells[c]!, 'amount'), `${row.key} column ${c} is right-aligned`).toBe(true);
    });
  });
}

/** The ids of the header cells above column `index`, outermost first, in the rendered HTML. */
function columnHeaderLabels(tableElement: Element, cell: Element): string[] {
  const byId = new Map(findAll(tableElement, (e) => e.attrs['id'] !== undefined).map((e) => [e.attrs['id'], e]));
  return (cell.attrs['headers'] ?? '').split(' ').map((id) => textOf(byId.get(id) ?? { tag: 'x', attrs: {}, children: [] }));
}

describe('BudgetTable', () => {
  it('captions each table with its number, title, unit and 金额单位：万元', async () => {
    for (const n of [1, 7, 10, 21]) {
      const t = table(sample, n);
      const caption = textOf(first((await render(t)).table, (e) => e.tag === 'caption'));
      expect(caption).toContain(`表${n}`);
      expect(caption).toContain(t.title);
      expect(caption).toContain(`单位：${t.unitLabel}`);
      expect(caption).toContain('金额单位：万元');
    }
  });

  it.each([1, 7, 10, 21])('prints table %i with the official header structure, every amount and resolvable headers', async (n) => {
    const t = table(sample, n);
    const { table: tableElement } = await render(t);
    expectHeaderStructureOf(t, tableElement);
    expectHeadersToResolve(tableElement);
    expectBodyOf(t, tableElement);
  });

  it('announces an amount of table 7 with its full header path and its row (行政运行 · 基本支出 › 人员经费 › 工资福利支出)', async () => {
    const t = table(sample, 7);
    const { table: tableElement } = await render(t);
    const rowIndex = t.rows.findIndex((r) => r.key === 'item:001001:2010101');
    const column = lookupColumn(t, ['基本支出', '人员经费', '工资福利支出']);
    if (!column.ok || rowIndex < 0) throw new Error('table 7 lacks the 行政运行 row or the 工资福利支出 column');
    const cell = cellsOf(bodyRows(tableElement)[rowIndex]!)[column.column.index]!;
    const value = t.rows[rowIndex]!.cells[column.column.index];
    expect(textOf(cell)).toBe(value?.kind === 'amount' ? formatWan(value.value) : '');
    expect(columnHeaderLabels(tableElement, cell)).toEqual(['基本支出', '人员经费', '工资福利支出', '行政运行']);
  });

  it('names each amount of the side-by-side 收支总表 by the 项目 cell to its left', async () => {
    const t = table(sample, 1);
    const { table: tableElement } = await render(t);
    const tr = bodyRows(tableElement)[t.rows.findIndex((r) => r.key === 'total:current')]!;
    const cells = cellsOf(tr);
    expect(cells.filter((c) => c.tag === 'th' && c.attrs['scope'] === 'row').map(textOf)).toEqual([
      '本 年 收 入 合 计',
      '本 年 支 出 合 计',
      '本 年 支 出 合 计',
      '本 年 支 出 合 计',
    ]);
    expect(columnHeaderLabels(tableElement, cells[3]!)).toEqual(['支出', '预算数', '本 年 支 出 合 计']);
  });

  it('links budget terms in the headers to the glossary without changing the header text', async () => {
    const { table: tableElement } = await render(table(sample, 7));
    for (const label of ['基本支出', '人员经费', '公用经费', '项目支出']) {
      const th = first(tableElement, (e) => e.tag === 'th' && textOf(e) === label);
      const link = first(th, (e) => e.tag === 'a');
      expect(link.attrs['href']).toBe(`/glossary/#${glossaryTermForLabel(label)?.id}`);
      expect(textOf(link)).toBe(label);
    }
  });

  it('marks 合计, 类, 款 and 项 rows with their level for visible grouping', async () => {
    const t = table(sample, 7);
    const { table: tableElement } = await render(t);
    expect(bodyRows(tableElement).map((tr) => tr.attrs['class'])).toEqual(t.rows.map((r) => `level-${r.level}`));
  });

  it('prints an empty table (16) with its 合计 row, the empty notice and the official note', async () => {
    const t = table(sample, 16);
    expect(t.provided && t.empty).toBe(true);
    const { root, table: tableElement } = await render(t);
    expectBodyOf(t, tableElement);
    expect(textOf(first(root, (e) => hasClass(e, 'table-note')))).toBe(EMPTY_TABLE_NOTE);
    expect(textOf(first(root, (e) => hasClass(e, 'table-status')))).toContain('空表');
  });

  it('prints the official note under a table that has content too, as the form does, without the empty notice', async () => {
    const { root } = await render(table(sample, 7));
    expect(textOf(first(root, (e) => hasClass(e, 'table-note')))).toBe(EMPTY_TABLE_NOTE);
    expect(findAll(root, (e) => hasClass(e, 'table-status'))).toEqual([]);
  });
});

describe('TablePage', () => {
  it('shows a table the disclosure did not provide as “not provided”, with no table at all', async () => {
    const entry = site.entries.find((e) => e.tables.some((t) => !t.provided));
    if (!entry) throw new Error('the content has no disclosure with a table it did not provide');
    const t = entry.tables.find((x) => !x.provided)!;
    const root = parseHtml(await container.renderToString(TablePage, { props: { entry, table: t } }));
    const main = first(root, (e) => e.tag === 'main');
    expect(byTag(main, 'table')).toEqual([]);
    expect(textOf(first(main, (e) => hasClass(e, 'not-provided')))).toContain('本公开未提供此表');
    expect(textOf(main)).not.toContain(EMPTY_TABLE_NOTE);
  });

  it('links the table’s CSV, its own workbook and the workbook of all tables under the site base', async () => {
    const t = table(sample, 7);
    const root = parseHtml(await container.renderToString(TablePage, { props: { entry: sample, table: t } }));
    const hrefs = byTag(
      first(root, (e) => hasClass(e, 'downloads')),
      'a',
    ).map((a) => a.attrs['href']);
    expect(hrefs).toEqual([
      `/${routes.tableCsv(sample.disclosure, t)}`,
      `/${routes.tableXlsx(sample.disclosure, t)}`,
      `/${routes.workbook(sample.disclosure)}`,
    ]);
    expect(hrefs[0]).toMatch(/^\/430202\/001\/2024\/tables\/430202-001-2024-预算-表7-.+\.csv$/);
  });
});
