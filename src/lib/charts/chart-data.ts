/**
 * The overview's charts as plain data, read from the same Table objects the tables render, so a
 * chart can never show a number the tables do not: each value is one table cell (or, for the
 * trend, one year's key figure, itself a table cell). Pure and canvas-free: tests compare every
 * value with its cell, and the same data renders as the chart's fallback table without JavaScript.
 */
import { changeBetween, formatChange, formatPercent, tableNumberLabel } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { formatWan, sumAmounts, type Amount, type Fen } from '../money.ts';
import type { Table } from '../tables/model.ts';
import { figureCatalogue, type FigureYear } from '../narrative/figures.ts';
import { amountAtColumn, lookupColumn, textIn, withoutOrdinal } from '../tables/table-cells.ts';
import { packOf } from '../templates/registry.ts';
import type { LineColumn } from '../templates/template-pack.ts';

export type ChartKind = 'bar' | 'doughnut';

export interface ChartData {
  /** Stable id, unique on a page (`income-by-source`). */
  readonly id: string;
  readonly title: string;
  /** Doughnut for parts of a whole, bar for comparisons and years. */
  readonly kind: ChartKind;
  readonly labels: readonly string[];
  /** Exact amounts in 分, one per label. */
  readonly values: readonly Fen[];
  /** Whether the values are parts of one whole (then shares are shown). */
  readonly parts: boolean;
  /** One sentence with every value, for the canvas's aria-label and for search. */
  readonly summary: string;
  /** Where the numbers come from (`表N 收支总表`), printed under the chart. */
  readonly source: string;
}

interface Slice {
  readonly label: string;
  readonly value: Amount;
}

/** Builds a chart from labelled amounts; empty and zero slices are left out, and no data means no chart. */
function chart(id: string, title: string, kind: ChartKind, parts: boolean, source: string, slices: readonly Slice[]): ChartData | null {
  const kept = slices.filter((s): s is { label: string; value: Fen } => s.value !== null && s.value !== 0);
  if (kept.length === 0) return null;
  const total = sumAmounts(kept.map((s) => s.value)) ?? 0;
  const items = kept.map((s) =>
    t('chart.summaryItem', {
      label: s.label,
      amount: formatWan(s.value),
      share: parts && total !== 0 ? t('chart.summaryShare', { share: formatPercent(s.value, total) }) : '',
    }),
  );
  const summary = t('chart.summary', { title, items: items.join('，'), total: parts ? t('chart.summaryTotal', { amount: formatWan(total) }) : '' });
  return { id, title, kind, labels: kept.map((s) => s.label), values: kept.map((s) => s.value), parts, summary, source };
}

const tableSource = (table: Table): string => `${tableNumberLabel(table)} ${table.title}`.trim();
const usable = (table: Table | undefined): table is Table => table !== undefined && table.provided && !table.empty;

const TOP_LEVEL_LINE = /^[一二三四五六七八九十]+、/;

/** The table a template's line column lives in, and the column itself. */
function lineColumn(tables: readonly Table[], lines: LineColumn | undefined): { table: Table; label: number } | null {
  const table = lines ? tables.find((t) => t.id === lines.table) : undefined;
  // A portal page holds tables as summaries only (no columns): it draws no chart from them.
  if (!lines || !usable(table) || table.columns.length === 0) return null;
  const label = lookupColumn(table, lines.label);
  if (!label.ok) throw new Error(`${table.id} has no ${lines.label.join('/')} column`);
  return { table, label: label.column.index };
}

/** 收入预算按来源 (the 收支总表): each top-level income line, and last year's carry-over where the template prints it. */
export function incomeBySource(tables: readonly Table[], lines: LineColumn | undefined): ChartData | null {
  const found = lineColumn(tables, lines);
  if (!found || !lines) return null;
  const { table, label } = found;
  // Each label column of a summary form is followed by its own amount column.
  const rows = table.rows.filter((r) => /^line:\d+$/.test(r.key) && TOP_LEVEL_LINE.test(textIn(r, label)));
  const slices = rows.map((r) => ({ label: withoutOrdinal(textIn(r, label)), value: amountAtColumn(r, label + 1) }));
  const carryover = lines.carryoverRow === undefined ? undefined : table.rows.find((r) => r.key === lines.carryoverRow);
  if (carryover) slices.push({ label: '上年结转结余', value: amountAtColumn(carryover, label + 1) });
  return chart('income-by-source', t('chart.incomeBySource'), 'doughnut', true, tableSource(table), slices);
}

/** 支出预算按功能分类（类）: the 功能分类 类 lines of the 收支总表. */
export function expenditureByFunction(tables: readonly Table[], lines: LineColumn | undefined): ChartData | null {
  const found = lineColumn(tables, lines);
  if (!found) return null;
  const { table, label } = found;
  const rows = table.rows.filter((r) => /^line:\d+$/.test(r.key) && textIn(r, label) !== '');
  const slices = rows.map((r) => ({ label: withoutOrdinal(textIn(r, label)), value: amountAtColumn(r, label + 1) }));
  return chart('expenditure-by-function', t('chart.expenditureByFunction'), 'bar', true, tableSource(table), slices);
}

/** A chart of named figures (parts of one whole), read through the template's figure names. */
function figureChart(id: string, title: string, year: FigureYear, names: readonly string[]): ChartData | null {
  const catalogue = figureCatalogue(year);
  const figures = names.map((name) => catalogue.figures.get(name)).filter((f) => f !== undefined);
  const first = figures[0];
  const table = first ? year.tables.find((x) => x.id === first.table) : undefined;
  if (!first || !usable(table)) return null;
  const slices = figures.map((figure) => {
    const read = figure.read(year);
    return { label: figure.name, value: read.ok ? read.value : null };
  });
  return chart(id, title, 'doughnut', true, tableSource(table), slices);
}

/** 基本支出与项目支出, with the institution-only kinds where the template and a unit have them. */
export const basicAndProject = (year: FigureYear): ChartData | null =>
  figureChart('basic-and-project', t('chart.basicAndProject'), year, ['基本支出', '项目支出', '事业单位经营支出', '上缴上级支出', '对附属单位补助支出']);

/** 人员经费与公用经费: the two parts of 一般公共预算基本支出. */
export const personnelAndOperating = (year: FigureYear): ChartData | null =>
  figureChart('personnel-and-operating', t('chart.personnelAndOperating'), year, ['人员经费', '公用经费']);

/** “三公”经费构成: its four items (the 小计 of the two vehicle items is not a part). */
export const threePublicComposition = (year: FigureYear): ChartData | null =>
  figureChart('three-public', t('chart.threePublic'), year, ['因公出国（境）费', '公务用车购置费', '公务用车运行费', '公务接待费']);

export interface YearFigure {
  readonly year: number;
  /** 本年支出合计 of that year's 收支总表 (null when its financial tables were not published). */
  readonly expenditure: Amount;
}

/** 历年支出预算 of one department, oldest first; only when at least two years have figures. */
export function expenditureTrend(years: readonly YearFigure[]): ChartData | null {
  const known = [...years].filter((y) => y.expenditure !== null).sort((a, b) => a.year - b.year);
  if (known.length < 2) return null;
  const data = chart(
    'expenditure-trend',
    t('chart.expenditureTrend'),
    'bar',
    false,
    t('chart.trendSource'),
    known.map((y) => ({ label: t('unit.year', { year: y.year }), value: y.expenditure })),
  );
  if (!data) return null;
  const [first, last] = [known.at(-2), known.at(-1)];
  const change =
    first && last ? t('chart.summaryTrend', { to: last.year, from: first.year, change: formatChange(changeBetween(last.expenditure, first.expenditure)) }) : '';
  return { ...data, summary: data.summary + change };
}

/** One figure of a department over the years of one phase (its history page), oldest first; only with two years of figures. */
export function yearSeries(id: string, title: string, source: string, points: readonly { readonly year: number; readonly value: Amount }[]): ChartData | null {
  const known = [...points].filter((p) => p.value !== null).sort((a, b) => a.year - b.year);
  if (known.length < 2) return null;
  return chart(
    id,
    title,
    'bar',
    false,
    source,
    known.map((p) => ({ label: t('unit.year', { year: p.year }), value: p.value })),
  );
}

/** Every chart of a disclosure's overview that has data, in reading order. */
export function overviewCharts(year: FigureYear, years: readonly YearFigure[]): ChartData[] {
  const pack = packOf(year.disclosure);
  return [
    incomeBySource(year.tables, pack.incomeLines),
    expenditureByFunction(year.tables, pack.functionLines),
    basicAndProject(year),
    personnelAndOperating(year),
    threePublicComposition(year),
    expenditureTrend(years),
  ].filter((c): c is ChartData => c !== null);
}

/** What the browser needs to draw a chart: serialisable, with the display strings precomputed so the canvas prints what the table prints. */
export interface ChartSpec {
  readonly kind: ChartKind;
  readonly labels: readonly string[];
  /** 万元 as plain numbers, only for the geometry of bars and slices. */
  readonly values: readonly number[];
  /** Each value as the tooltip and legend print it (`人员经费：697.00万元（88.20%）`), amounts as the tables print them. */
  readonly descriptions: readonly string[];
  /** The value axis title (万元). */
  readonly unit: string;
  /** Horizontal bars for long category names (功能分类). */
  readonly horizontal: boolean;
}

/** One row of a chart's data table: the same numbers as the canvas, readable without JavaScript. */
export interface ChartRow {
  readonly label: string;
  readonly amount: string;
  readonly share: string;
}

export function chartRows(chart: ChartData): { rows: ChartRow[]; total: string | null } {
  const total = sumAmounts(chart.values) ?? 0;
  return {
    rows: chart.labels.map((label, i) => {
      const value = chart.values[i] ?? 0;
      return { label, amount: formatWan(value), share: chart.parts ? formatPercent(value, total) : '' };
    }),
    total: chart.parts ? formatWan(total) : null,
  };
}

export function chartSpec(chart: ChartData): ChartSpec {
  const { rows } = chartRows(chart);
  return {
    kind: chart.kind,
    labels: chart.labels,
    // Geometry only: never added up or shown; every printed amount comes from `amounts`.
    values: chart.values.map((fen) => fen / 1_000_000),
    descriptions: rows.map((r) =>
      t('chart.description', { label: r.label, amount: r.amount, share: r.share === '' ? '' : t('chart.summaryShare', { share: r.share }) }),
    ),
    unit: t('unit.wan'),
    horizontal: chart.kind === 'bar' && chart.labels.length > 4,
  };
}
