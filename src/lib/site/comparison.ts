/**
 * Comparison across departments (部门比较): one row per department of a region (or of the whole
 * site) in one year and phase, with the figures a journalist ranks — 支出合计, 基本/项目支出, “三公”
 *经费 and each of its items, 机关运行经费, 财政拨款收入 — each read through the template's named
 * figures, so a row cannot disagree with the department's own tables.
 *
 * Exact and honest: every value is an integer of 分; a figure the template has no cell for (a
 * 决算 prints no 机关运行经费) or a table that was not published is `null` (未公开), a blank
 * printed cell is an empty amount, and neither is zero: both sort after every amount. Each column
 * is shown in one unit: the unit its tables print when they all print the same, else 元, into
 * which every amount converts exactly (a 万元 cell is a whole number of 元).
 *
 * Rows are `level: 'department'` today; a row per 所属单位 (`level: 'unit'`, with its `unit`) can
 * be added from a disclosure restricted to that unit, and sorts and ranks like any other row.
 */
import type { Department, DisclosurePhase, Region } from '../disclosure/model.ts';
import { formatAmount, type Amount, type AmountUnit, type Fen } from '../money.ts';
import { figureCatalogue, type FigureYear } from '../narrative/figures.ts';

/** The compared figures, in the order the table shows them. */
export const COMPARISON_KEYS = [
  'expenditure',
  'basic',
  'project',
  'threePublic',
  'outboundTravel',
  'vehicle',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
  'adminOperatingCost',
  'fiscal',
] as const;
export type ComparisonKey = (typeof COMPARISON_KEYS)[number];

/** The template figure each key reads (see `figures` in each pack), and its URL slug (`by-reception`). */
export const COMPARISON_FIGURES: Readonly<Record<ComparisonKey, { readonly figure: string; readonly slug: string }>> = {
  expenditure: { figure: '支出合计', slug: 'expenditure' },
  basic: { figure: '基本支出', slug: 'basic' },
  project: { figure: '项目支出', slug: 'project' },
  threePublic: { figure: '三公合计', slug: 'three-public' },
  outboundTravel: { figure: '因公出国（境）费', slug: 'outbound-travel' },
  vehicle: { figure: '公务用车购置及运行费', slug: 'vehicle' },
  vehiclePurchase: { figure: '公务用车购置费', slug: 'vehicle-purchase' },
  vehicleOperation: { figure: '公务用车运行费', slug: 'vehicle-operation' },
  reception: { figure: '公务接待费', slug: 'reception' },
  adminOperatingCost: { figure: '机关运行经费', slug: 'admin-operating-cost' },
  fiscal: { figure: '财政拨款收入', slug: 'fiscal' },
};

/** The “三公”经费 total and its items, for the 三公 ranking. */
export const THREE_PUBLIC_KEYS: readonly ComparisonKey[] = ['threePublic', 'outboundTravel', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'];

/** One figure as read from a disclosure's table: its amount (null: the printed cell is blank) and how that table prints it. */
export interface FigureReading {
  readonly value: Amount;
  readonly unit: AmountUnit;
  readonly decimals: 0 | 2;
}

/** Per key, the reading, or null where the template has no such figure or its table was not published (未公开). */
export type ComparisonFigures = Readonly<Record<ComparisonKey, FigureReading | null>>;

/** The compared figures of one disclosure, read through its template's named figures. */
export function comparisonFigures(year: FigureYear): ComparisonFigures {
  const catalogue = figureCatalogue(year);
  const read = (key: ComparisonKey): FigureReading | null => {
    const figure = catalogue.figures.get(COMPARISON_FIGURES[key].figure);
    if (!figure) return null;
    const result = figure.read(year);
    const table = year.tables.find((t) => t.id === figure.table);
    if (!result.ok || !table || !table.provided) return null;
    return { value: result.value, unit: table.amountUnit, decimals: table.decimals };
  };
  return Object.fromEntries(COMPARISON_KEYS.map((key) => [key, read(key)])) as Record<ComparisonKey, FigureReading | null>;
}

export type ComparisonLevel = 'department' | 'unit';

/** One row of a comparison: a department's disclosure (or, later, one 所属单位 of it). */
export interface ComparisonRow {
  readonly level: ComparisonLevel;
  readonly region: Region;
  readonly department: Department;
  /** The 所属单位 of a `unit` row; absent on a department row. */
  readonly unit?: { readonly code: string; readonly name: string };
  readonly year: number;
  readonly phase: DisclosurePhase;
  /** The template pack the figures come from. */
  readonly template: string;
  /** The page the figures are read from (a route path). */
  readonly page: string;
  readonly figures: ComparisonFigures;
}

/** A column of the comparison: the one unit (and decimals) every one of its amounts is shown in. */
export interface ComparisonColumn {
  readonly key: ComparisonKey;
  readonly unit: AmountUnit;
  readonly decimals: 0 | 2;
  /** The rows' tables print this figure in different units, so it is shown in 元 (converted exactly). */
  readonly converted: boolean;
}

const isWholeYuan = (fen: Fen): boolean => fen % 100 === 0;

/**
 * The unit of a column: the unit every reading of it is printed in, or 元 where they differ (a
 * 万元 amount is a whole number of 元, so nothing is rounded). Whole 元 when every source prints
 * whole 元 and every amount is one; two decimals otherwise (万元 always prints two).
 */
export function comparisonColumn(key: ComparisonKey, rows: readonly ComparisonRow[]): ComparisonColumn {
  const readings = rows.map((r) => r.figures[key]).filter((r): r is FigureReading => r !== null);
  const units = new Set(readings.map((r) => r.unit));
  const converted = units.size > 1;
  const unit: AmountUnit = units.size === 1 ? (readings[0]?.unit ?? '万元') : units.size === 0 ? '万元' : '元';
  const amounts = readings.map((r) => r.value).filter((v): v is Fen => v !== null);
  const sourcesWhole = readings.every((r) => (r.unit === '万元' ? converted : r.decimals === 0));
  const decimals: 0 | 2 = unit === '元' && sourcesWhole && amounts.every(isWholeYuan) ? 0 : 2;
  return { key, unit, decimals, converted };
}

export const comparisonColumns = (rows: readonly ComparisonRow[], keys: readonly ComparisonKey[] = COMPARISON_KEYS): ComparisonColumn[] =>
  keys.map((key) => comparisonColumn(key, rows));

/** A cell of the comparison: an amount (as the column prints it), a blank printed cell, or a figure not published. */
export type ComparisonCell = { readonly kind: 'amount'; readonly value: Fen; readonly text: string } | { readonly kind: 'blank' } | { readonly kind: 'absent' };

export function comparisonCell(row: ComparisonRow, column: ComparisonColumn, grouped = false): ComparisonCell {
  const reading = row.figures[column.key];
  if (reading === null) return { kind: 'absent' };
  if (reading.value === null) return { kind: 'blank' };
  return { kind: 'amount', value: reading.value, text: formatAmount(reading.value, column.unit, column.decimals, grouped) };
}

/** What a comparison is sorted by: the department (region code, then department code) or a figure, largest first. */
export type ComparisonSort = 'department' | ComparisonKey;

const amountOf = (row: ComparisonRow, key: ComparisonKey): Amount => row.figures[key]?.value ?? null;

/** The natural order: region code, department code, then department rows before their units' rows, unit code. */
export function byDepartment(a: ComparisonRow, b: ComparisonRow): number {
  return (
    a.region.code.localeCompare(b.region.code) ||
    a.department.code.localeCompare(b.department.code) ||
    Number(a.level === 'unit') - Number(b.level === 'unit') ||
    (a.unit?.code ?? '').localeCompare(b.unit?.code ?? '')
  );
}

/**
 * Rows sorted by `sort`: a figure largest first, compared as exact integers; rows without an
 * amount (blank or not published) last; equal amounts in the natural order, so the order is the
 * same in every build.
 */
export function sortComparison(rows: readonly ComparisonRow[], sort: ComparisonSort): ComparisonRow[] {
  if (sort === 'department') return [...rows].sort(byDepartment);
  return [...rows].sort((a, b) => {
    const x = amountOf(a, sort);
    const y = amountOf(b, sort);
    if (x === null || y === null) return Number(x === null) - Number(y === null) || byDepartment(a, b);
    return y - x || byDepartment(a, b);
  });
}

/**
 * The rank of each row (in the order given, sorted by `key`) by that figure: 1 for the largest,
 * equal amounts share a rank and the next rank skips (1, 1, 3); a row without an amount has none.
 */
export function ranksBy(sorted: readonly ComparisonRow[], key: ComparisonKey): (number | null)[] {
  const ranks: (number | null)[] = [];
  sorted.forEach((row, i) => {
    const value = amountOf(row, key);
    const previous = sorted[i - 1];
    const previousRank = ranks[i - 1] ?? null;
    if (value === null) ranks.push(null);
    else ranks.push(previous !== undefined && previousRank !== null && amountOf(previous, key) === value ? previousRank : i + 1);
  });
  return ranks;
}

/** Every way a comparison page is sorted: the natural order (its first page), then each figure. */
export const COMPARISON_SORTS: readonly ComparisonSort[] = ['department', ...COMPARISON_KEYS];

/** The URL segment of a sorted view (`by-reception`); the natural order has none. */
export const sortSegment = (sort: ComparisonSort): string | null => (sort === 'department' ? null : `by-${COMPARISON_FIGURES[sort].slug}`);

/** The sort a URL segment names, or undefined. */
export const sortOfSegment = (segment: string): ComparisonSort | undefined => COMPARISON_SORTS.find((s) => sortSegment(s) === segment);
