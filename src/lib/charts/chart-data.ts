/**
 * The overview's charts as plain data, read from the same Table objects the tables render, so a
 * chart can never show a number the tables do not: each value is one table cell (or, for the
 * trend, one year's key figure, itself a table cell). Pure and canvas-free: tests compare every
 * value with its cell, and the same data renders as the chart's fallback table without JavaScript.
 */
import { changeBetween, formatChange, formatPercent } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { formatWan, sumAmounts, type Amount, type Fen } from '../money.ts';
import { amountAt, type Table } from '../tables/model.ts';
import { amountIn, lookupColumn, textIn, withoutOrdinal } from '../tables/table-cells.ts';

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
  /** Where the numbers come from (`表1 收支总表`), printed under the chart. */
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

const tableSource = (table: Table): string => `表${table.number} ${table.title}`;
const usable = (table: Table | undefined): table is Table => table !== undefined && table.provided && !table.empty;

const TOP_LEVEL_LINE = /^[一二三四五六七八九十]+、/;

/** 收入预算按来源 (表1): each top-level income line, and last year's carry-over. */
export function incomeBySource(table1: Table | undefined): ChartData | null {
  if (!usable(table1)) return null;
  const label = lookupColumn(table1, ['收入', '项目']);
  if (!label.ok) throw new Error('表1 has no 收入/项目 column');
  const lines = table1.rows.filter((r) => /^line:\d+$/.test(r.key) && TOP_LEVEL_LINE.test(textIn(r, label.column.index)));
  const slices = lines.map((r) => ({ label: withoutOrdinal(textIn(r, label.column.index)), value: amountIn(table1, r.key, ['收入', '预算数']) }));
  slices.push({ label: '上年结转结余', value: amountIn(table1, 'line:carryover', ['收入', '预算数']) });
  return chart('income-by-source', t('chart.incomeBySource'), 'doughnut', true, tableSource(table1), slices);
}

/** 支出预算按功能分类（类）(表1): the 功能分类 类 lines of the 收支总表. */
export function expenditureByFunction(table1: Table | undefined): ChartData | null {
  if (!usable(table1)) return null;
  const label = lookupColumn(table1, ['支出', '项目（按功能分类）']);
  if (!label.ok) throw new Error('表1 has no 支出/项目（按功能分类） column');
  const lines = table1.rows.filter((r) => /^line:\d+$/.test(r.key) && textIn(r, label.column.index) !== '');
  // Each 项目 column of the 收支总表 is followed by its own 预算数 column.
  const slices = lines.map((r) => ({ label: withoutOrdinal(textIn(r, label.column.index)), value: amountAt(r, label.column.index + 1) }));
  return chart('expenditure-by-function', t('chart.expenditureByFunction'), 'bar', true, tableSource(table1), slices);
}

/** 基本支出与项目支出 (表3 合计行), with the institution-only kinds when a unit has them. */
export function basicAndProject(table3: Table | undefined): ChartData | null {
  if (!usable(table3)) return null;
  const kinds = ['基本支出', '项目支出', '事业单位经营支出', '上缴上级支出', '对附属单位补助支出'];
  const slices = kinds.map((kind) => ({ label: kind, value: amountIn(table3, 'total', [kind]) }));
  return chart('basic-and-project', t('chart.basicAndProject'), 'doughnut', true, tableSource(table3), slices);
}

/** 人员经费与公用经费 (表8 合计行): the two parts of 一般公共预算基本支出. */
export function personnelAndOperating(table8: Table | undefined): ChartData | null {
  if (!usable(table8)) return null;
  const slices = ['人员经费', '公用经费'].map((part) => ({ label: part, value: amountIn(table8, 'total', [part]) }));
  return chart('personnel-and-operating', t('chart.personnelAndOperating'), 'doughnut', true, tableSource(table8), slices);
}

/** “三公”经费构成 (表15 合计行): its four items (the 小计 of the two vehicle items is not a part). */
export function threePublicComposition(table15: Table | undefined): ChartData | null {
  if (!usable(table15)) return null;
  const items: readonly (readonly string[])[] = [['因公出国（境）费'], ['公务用车购置费'], ['公务用车运行费'], ['公务接待费']];
  const slices = items.map((path) => ({ label: path.join('/'), value: amountIn(table15, 'total', path) }));
  return chart('three-public', t('chart.threePublic'), 'doughnut', true, tableSource(table15), slices);
}

export interface YearFigure {
  readonly year: number;
  /** 本年支出合计 of that year's 表1 (null when its financial tables were not published). */
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
  const change = first && last ? t('chart.summaryTrend', { to: last.year, from: first.year, change: formatChange(changeBetween(last.expenditure, first.expenditure)) }) : '';
  return { ...data, summary: data.summary + change };
}

/** Every chart of a disclosure's overview that has data, in reading order. */
export function overviewCharts(tables: readonly Table[], years: readonly YearFigure[]): ChartData[] {
  const table = (n: number) => tables.find((t) => t.number === n);
  return [
    incomeBySource(table(1)),
    expenditureByFunction(table(1)),
    basicAndProject(table(3)),
    personnelAndOperating(table(8)),
    threePublicComposition(table(15)),
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
    descriptions: rows.map((r) => t('chart.description', { label: r.label, amount: r.amount, share: r.share === '' ? '' : t('chart.summaryShare', { share: r.share }) })),
    unit: t('unit.wan'),
    horizontal: chart.kind === 'bar' && chart.labels.length > 4,
  };
}
