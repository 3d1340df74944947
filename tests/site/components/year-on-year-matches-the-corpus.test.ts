/**
 * Acceptance (issue 14): the year-over-year figures of the real multi-year departments, recomputed
 * from the corpus TEXT (../shared/corpus/*.txt, read by tests/support/shanghai-corpus.ts, which
 * shares no code with gongkai), and compared with what gongkai publishes: the department history
 * (page data), the overview's 与上年比较 (page data and the rendered component) and the generated
 * 说明's 比上年 sentences.
 *
 * 万里街道办事处 has two 预算 (2023, 2024): the real year-over-year case. 普陀区财政局 has one
 * 预算 (2025) and one 决算 (2024): its history lists both phases and compares neither, since a
 * 预算 is never compared with a 决算.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import DisclosureOverview from '../../../src/components/DisclosureOverview.astro';
import { renderNarrative } from '../../../src/lib/narrative/render.ts';
import { departmentHistoryOf, type HistoryFigureName } from '../../../src/lib/site/department-history.ts';
import { overviewData } from '../../../src/lib/site/page-data.ts';
import { getSiteData, type DisclosureEntry } from '../../../src/lib/site/site-data.ts';
import { parseAmount, parseCorpusTables, readCorpus, type CorpusTable, type CorpusUnit } from '../../support/shanghai-corpus.ts';
import { findAll, parseHtml, textOf } from '../support/html.ts';

// ——— The printed side, from the corpus text alone ———

interface Printed {
  readonly value: number | null;
  readonly unit: CorpusUnit;
}

/** Each amount column's header path (`支出预算/合计`): the non-empty header cells above it, top to bottom. */
const columnPaths = (table: CorpusTable): string[] => {
  const width = Math.max(...table.headerLines.map((l) => l.length), ...table.bodyRows.map((r) => r.cells.length));
  return Array.from({ length: width }, (_, i) =>
    table.headerLines
      .map((l) => l[i] ?? '')
      .filter((c) => c !== '')
      .join('/'),
  );
};

const byTitle = (tables: readonly CorpusTable[], ending: string): CorpusTable => {
  const found = tables.filter((t) => t.title.endsWith(ending));
  if (found.length !== 1) throw new Error(`expected one table titled …${ending}, found ${found.length}`);
  return found[0]!;
};

/** Which printed column holds which figure, by its printed header (never by gongkai's paths). */
const EXPENDITURE_COLUMNS: readonly [RegExp, HistoryFigureName][] = [
  [/支出预算\/合计$/u, '支出合计'],
  [/^基本支出$/u, '基本支出'],
  [/^项目支出$/u, '项目支出'],
];
const THREE_PUBLIC_COLUMNS: readonly [RegExp, HistoryFigureName][] = [
  [/“三公”经费预算数\/合计$/u, '三公合计'],
  [/^因公出国\(境\)费$/u, '因公出国（境）费'],
  [/^公务接待费$/u, '公务接待费'],
  [/^公务用车购置及运行费\/小计$/u, '公务用车购置及运行费'],
  [/^购置费$/u, '公务用车购置费'],
  [/^运行费$/u, '公务用车运行费'],
  [/机关运行经费预算数$/u, '机关运行经费'],
];

function printedFigures(corpusId: string): Map<HistoryFigureName, Printed> {
  const tables = parseCorpusTables(readCorpus(corpusId));
  const figures = new Map<HistoryFigureName, Printed>();
  const read = (table: CorpusTable, cells: readonly string[], columns: readonly [RegExp, HistoryFigureName][]) => {
    const paths = columnPaths(table);
    for (const [pattern, name] of columns) {
      const index = paths.findIndex((p) => pattern.test(p));
      if (index < 0) throw new Error(`${corpusId} ${table.title}: no column ${pattern} among ${paths.join(' | ')}`);
      figures.set(name, { value: parseAmount(cells[index] ?? '', table.unitLine.unit), unit: table.unitLine.unit });
    }
  };
  const expenditure = byTitle(tables, '部门支出预算总表');
  const total = expenditure.bodyRows.find((r) => r.cells[0] === '合计');
  if (!total) throw new Error(`${corpusId}: no 合计 row in ${expenditure.title}`);
  read(expenditure, total.cells, EXPENDITURE_COLUMNS);
  const threePublic = byTitle(tables, '部门“三公”经费和机关运行经费预算表');
  const [line] = threePublic.bodyRows;
  if (!line || threePublic.bodyRows.length !== 1) throw new Error(`${corpusId}: the 三公 table should print one line`);
  read(threePublic, line.cells, THREE_PUBLIC_COLUMNS);
  return figures;
}

/** The change as the 说明 words it, computed here in integers: `减少8,767,517元，下降5.31%`. */
function expectedPhrase(now: Printed, before: Printed): string {
  const difference = now.value! - before.value!;
  if (difference === 0) return '持平';
  const magnitude = Math.abs(difference);
  const perUnit = now.unit === '元' ? 100 : 1_000_000;
  const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  // 元 documents print whole 元 (these do); 万元 with two decimals, rounded half up.
  const amount =
    now.unit === '元' && magnitude % 100 === 0
      ? group(String(magnitude / 100))
      : (() => {
          const hundredths = Math.floor((magnitude * 100) / perUnit + 0.5);
          return `${group(String(Math.floor(hundredths / 100)))}.${String(hundredths % 100).padStart(2, '0')}`;
        })();
  const words = `${difference > 0 ? '增加' : '减少'}${amount}${now.unit}`;
  if (before.value === 0) return words;
  const hundredthsOfPercent = (BigInt(magnitude) * 20000n) / BigInt(Math.abs(before.value!));
  const rounded = (hundredthsOfPercent + 1n) / 2n;
  return `${words}，${difference > 0 ? '增长' : '下降'}${rounded / 100n}.${String(rounded % 100n).padStart(2, '0')}%`;
}

// ——— gongkai's side ———

const site = getSiteData('content');
const entry = (id: string): DisclosureEntry => {
  const found = site.entries.find((e) => e.disclosure.id === id);
  if (!found) throw new Error(`${id} is missing from content/`);
  return found;
};

const printed2023 = printedFigures('ptwl-2023-ys');
const printed2024 = printedFigures('ptwl-2024-ys');
const NAMES = [...printed2024.keys()];

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('万里街道办事处 2024 预算 against 2023 预算 (recomputed from the corpus text)', () => {
  const ptwl2024 = entry('310107-ptwl-2024');
  const overview = overviewData(site, ptwl2024);

  it('reads ten figures from the printed tables, 三公 items and 机关运行经费 included', () => {
    expect(NAMES).toHaveLength(10);
    expect(printed2024.get('三公合计')).toEqual({ value: 47_910_000, unit: '万元' });
    expect(printed2023.get('支出合计')).toEqual({ value: 16_497_864_000, unit: '元' });
  });

  it('shows each year’s figure in the history exactly as printed, in the unit its table prints', () => {
    const history = departmentHistoryOf(site, ptwl2024);
    expect(history.phases.map((p) => p.phase)).toEqual(['budget']);
    const [budget] = history.phases;
    expect(budget!.years.map((y) => y.year)).toEqual([2023, 2024]);
    for (const [year, printed] of [
      [2023, printed2023],
      [2024, printed2024],
    ] as const) {
      const figures = budget!.years.find((y) => y.year === year)!.figures;
      for (const name of NAMES) {
        const shown = figures.find((f) => f.name === name)!;
        expect({ name, year, value: shown.value, unit: shown.unit }).toEqual({ name, year, value: printed.get(name)!.value, unit: printed.get(name)!.unit });
      }
    }
  });

  it('computes every change of the history and the overview as the difference of the printed figures', () => {
    const history = departmentHistoryOf(site, ptwl2024).phases[0]!.years.find((y) => y.year === 2024)!;
    expect(history.comparedWith).toBe(2023);
    for (const changes of [history.changes!, overview.yearOnYear!]) {
      for (const name of NAMES) {
        const now = printed2024.get(name)!.value!;
        const before = printed2023.get(name)!.value!;
        const change = changes.find((c) => c.name === name)!.change!;
        const signed = change.direction === 'down' ? -change.amount : change.direction === 'up' ? change.amount : 0;
        expect({ name, change: signed }).toEqual({ name, change: now - before });
      }
    }
  });

  it('renders the overview’s 与上年比较 with exactly those changes, worded as the 说明 words them', async () => {
    const root = parseHtml(await container.renderToString(DisclosureOverview, { props: { overview } }));
    const rows = findAll(root, (e) => e.tag === 'tr' && e.attrs['data-figure'] !== undefined);
    const shown = new Map(rows.map((r) => [r.attrs['data-figure'], textOf(findAll(r, (e) => e.tag === 'td').at(-1)!).trim()]));
    for (const name of NAMES)
      expect({ name, change: shown.get(name) }).toEqual({ name, change: expectedPhrase(printed2024.get(name)!, printed2023.get(name)!) });
    // The real figures of this case, as a reader would check them by hand.
    expect(shown.get('支出合计')).toBe('减少8,767,517元，下降5.31%');
    expect(shown.get('三公合计')).toBe('增加25.00万元，增长109.12%');
    expect(shown.get('公务用车购置费')).toBe('增加25.00万元');
    expect(shown.get('机关运行经费')).toBe('减少342.91万元，下降43.62%');
  });

  it('writes the generated 说明’s 比上年 sentences from both years’ data', () => {
    const d = ptwl2024.disclosure;
    // The transcribed 说明 prints its own words; the generated sections are what a department that
    // writes none gets. Same tables, same previous year.
    const generated = renderNarrative({
      disclosure: {
        ...d,
        narrative: { markdown: '---\nchangeReasons: {threePublic: 购置公务用车, officeRunningCost: 压减公用经费}\n---\n', file: d.narrative!.file },
      },
      tables: ptwl2024.tables,
      previous: { disclosure: entry('310107-ptwl-2023').disclosure, tables: entry('310107-ptwl-2023').tables },
    });
    const text = generated.html.replace(/<[^>]+>/gu, '');
    const wan = (name: HistoryFigureName) => expectedPhrase(printed2024.get(name)!, printed2023.get(name)!);
    expect(text).toContain(`“三公”经费预算比上年${wan('三公合计')}`);
    for (const item of ['因公出国（境）费', '公务接待费', '公务用车购置及运行费'] as const) expect(text).toContain(`${item}比上年${wan(item)}`);
    expect(text).toContain(`机关运行经费预算${(printed2024.get('机关运行经费')!.value! / 1_000_000).toFixed(2)}万元，比上年${wan('机关运行经费')}`);
  });
});

describe('普陀区财政局: one 预算 (2025) and one 决算 (2024)', () => {
  const budget = entry('310107-ptczj-2025');
  const final = entry('310107-ptczj-2024-final');

  it('lists both phases in its history, each with its one year and no change', () => {
    const history = departmentHistoryOf(site, budget);
    expect(history.phases.map((p) => [p.phase, p.years.map((y) => y.year)])).toEqual([
      ['budget', [2025]],
      ['final', [2024]],
    ]);
    expect(history.phases.flatMap((p) => p.years).every((y) => y.changes === null)).toBe(true);
    expect(history.phases.flatMap((p) => p.charts)).toEqual([]);
  });

  it('compares neither overview with the other phase', () => {
    expect(overviewData(site, budget).yearOnYear).toBeNull();
    expect(overviewData(site, final).yearOnYear).toBeNull();
  });

  it('shows the 2025 预算 figures as printed in the corpus, blanks blank', () => {
    const printed = printedFigures('ptczj-2025-ys');
    const figures = departmentHistoryOf(site, budget).phases[0]!.years[0]!.figures;
    for (const [name, p] of printed) expect({ name, value: figures.find((f) => f.name === name)!.value }).toEqual({ name, value: p.value });
    expect(printed.get('因公出国（境）费')!.value).toBeNull();
  });
});
