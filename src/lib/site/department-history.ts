/**
 * A department's history: every year and phase its content publishes, with the named figures a
 * reader follows from year to year (支出合计, 基本/项目, “三公”经费 and each item, 机关运行经费 where
 * the template has it) and the change against the previous year of the SAME phase (a 预算 against
 * the 预算 of the year before, a 决算 against the 决算; never across).
 *
 * Every value is a named figure of its year's own tables (`figureCatalogue`, the same reader the
 * 说明 uses), in the unit the table that prints it is in. Empty stays empty: a figure the table
 * prints blank is null, not 0, and a change needs both years' figures. The history reads whole
 * figures only, never rows, so codes that change between catalogue years cannot mismatch here.
 */
import { yearSeries, type ChartData } from '../charts/chart-data.ts';
import type { Disclosure, DisclosurePhase } from '../disclosure/model.ts';
import { changeBetween, type Change } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { formatAmount, type Amount, type AmountUnit } from '../money.ts';
import { figureCatalogue, type FigureYear } from '../narrative/figures.ts';
import { coveragePageOf } from './coverage.ts';
import { routes } from './routes.ts';
import { rendersDisclosures, type DisclosureEntry, type SiteData } from './site-data.ts';

/** The figures of the history, by the names every template pack gives them, in reading order. */
export const HISTORY_FIGURES = [
  '支出合计',
  '基本支出',
  '项目支出',
  '三公合计',
  '因公出国（境）费',
  '公务用车购置及运行费',
  '公务用车购置费',
  '公务用车运行费',
  '公务接待费',
  '机关运行经费',
] as const;
export type HistoryFigureName = (typeof HISTORY_FIGURES)[number];

/** How a figure is labelled on the pages: its name, except where the name is shorthand. */
export const figureLabel = (name: HistoryFigureName): string => (name === '三公合计' ? '“三公”经费合计' : name);

/** One named figure of one year. */
export interface FigureReading {
  readonly name: HistoryFigureName;
  /** Whether the template names the figure and its table was published (else the year has no such figure). */
  readonly readable: boolean;
  /** In 分; null where the table prints the cell blank (or the figure is not readable). */
  readonly value: Amount;
  /** The unit of the table the figure is printed in (元 or 万元); null when not readable. */
  readonly unit: AmountUnit | null;
  /** The decimals that table prints (0 for whole-元 documents). */
  readonly decimals: 0 | 2;
}

/** The change of one figure against the previous year of the same phase. */
export interface FigureChange {
  readonly name: HistoryFigureName;
  readonly current: FigureReading;
  readonly previous: FigureReading;
  /** null when either year's figure is empty or not readable: nothing to compare. */
  readonly change: Change | null;
}

/** Reads every history figure of one year from its tables. */
export function historyFigures(year: FigureYear): FigureReading[] {
  const catalogue = figureCatalogue(year);
  return HISTORY_FIGURES.map((name) => {
    const figure = catalogue.figures.get(name);
    const read = figure?.read(year);
    const table = figure ? year.tables.find((t) => t.id === figure.table) : undefined;
    if (!figure || !read || !read.ok || !table) return { name, readable: false, value: null, unit: null, decimals: 2 };
    return { name, readable: true, value: read.value, unit: table.amountUnit, decimals: table.amountUnit === '元' ? year.disclosure.printStyle.decimals : 2 };
  });
}

/** Each history figure against last year's; a figure neither year has is left out. */
export function figureChanges(current: FigureYear, previous: FigureYear): FigureChange[] {
  const before = new Map(historyFigures(previous).map((r) => [r.name, r]));
  return historyFigures(current).flatMap((now) => {
    const then = before.get(now.name);
    if (!then || (!now.readable && !then.readable)) return [];
    const comparable = now.readable && then.readable && now.value !== null && then.value !== null;
    return [{ name: now.name, current: now, previous: then, change: comparable ? changeBetween(now.value, then.value) : null }];
  });
}

/** A figure as its table prints it (`156,211,123` 元, `47.91` 万元); '' when empty. */
export const formatReading = (r: Pick<FigureReading, 'value' | 'unit' | 'decimals'>): string =>
  r.value === null || r.unit === null ? '' : formatAmount(r.value, r.unit, r.decimals, true);

/** A change as the 说明 phrase it after “比上年”, in the unit of the table that prints the figure (`减少8,767,517元，下降5.31%`). */
export function formatChangeIn(change: Change, unit: AmountUnit, decimals: 0 | 2): string {
  if (change.direction === 'same') return t('change.same');
  const up = change.direction === 'up';
  const amount = t(up ? 'change.upIn' : 'change.downIn', { amount: formatAmount(change.amount, unit, decimals, true), unit });
  return change.percent === '' ? amount : amount + t(up ? 'change.upRate' : 'change.downRate', { percent: change.percent });
}

/** A figure change as a sentence part, or '—' when the two years cannot be compared. */
export const changeText = (c: FigureChange): string =>
  c.change === null || c.current.unit === null ? t('yoy.notComparable') : formatChangeIn(c.change, c.current.unit, c.current.decimals);

const sameDepartment = (a: Pick<Disclosure, 'region' | 'department'>, b: Pick<Disclosure, 'region' | 'department'>): boolean =>
  a.region.code === b.region.code && a.department.code === b.department.code;

/** One year of one phase in the history. */
export interface HistoryYear {
  readonly year: number;
  readonly phase: DisclosurePhase;
  readonly page: string;
  /** Whether its financial tables were published (a performance-only year has no figures). */
  readonly hasFinancialTables: boolean;
  readonly figures: readonly FigureReading[];
  /** Against the previous year of the same phase, when the content has it with financial tables; else null. */
  readonly changes: readonly FigureChange[] | null;
  /** The year compared with (always `year - 1`), or null. */
  readonly comparedWith: number | null;
}

export interface PhaseHistory {
  readonly phase: DisclosurePhase;
  /** Oldest first. */
  readonly years: readonly HistoryYear[];
  /** 支出合计 and “三公”经费合计 over the years, where two years have them (the table below holds every figure). */
  readonly charts: readonly ChartData[];
}

export interface DepartmentHistory {
  readonly region: Disclosure['region'];
  /** The department as its latest year names it. */
  readonly department: Disclosure['department'];
  /** 预算 first, then 决算; a phase with no year is left out. */
  readonly phases: readonly PhaseHistory[];
  readonly page: string;
  /** The region's coverage page, when its content lists the departments it expects. */
  readonly coveragePage: string | null;
}

const yearOf = (entry: DisclosureEntry): FigureYear => ({ disclosure: entry.disclosure, tables: entry.tables });
const hasFinancial = (entry: DisclosureEntry | undefined): entry is DisclosureEntry => entry !== undefined && entry.summary.hasFinancialTables;

/** The history of the department `entry` belongs to. */
export function departmentHistoryOf(site: SiteData, entry: Pick<DisclosureEntry, 'disclosure'>): DepartmentHistory {
  const d = entry.disclosure;
  const entries = site.entries.filter((e) => sameDepartment(e.disclosure, d));
  const latest = [...entries].sort((a, b) => b.disclosure.year - a.disclosure.year)[0] ?? entry;
  const phases = (['budget', 'final'] as const).flatMap((phase): PhaseHistory[] => {
    const inPhase = entries.filter((e) => e.disclosure.phase === phase).sort((a, b) => a.disclosure.year - b.disclosure.year);
    if (inPhase.length === 0) return [];
    const years = inPhase.map((e): HistoryYear => {
      const previous = inPhase.find((p) => p.disclosure.year === e.disclosure.year - 1);
      const comparable = hasFinancial(e) && hasFinancial(previous);
      return {
        year: e.disclosure.year,
        phase,
        page: routes.disclosure(e.disclosure),
        hasFinancialTables: e.summary.hasFinancialTables,
        figures: e.summary.hasFinancialTables ? historyFigures(yearOf(e)) : [],
        changes: comparable ? figureChanges(yearOf(e), yearOf(previous)) : null,
        comparedWith: comparable ? previous.disclosure.year : null,
      };
    });
    const series = (name: HistoryFigureName) => years.map((y) => ({ year: y.year, value: y.figures.find((f) => f.name === name)?.value ?? null }));
    const charts = [
      yearSeries(`history-${phase}-expenditure`, t('history.chartExpenditure'), t('history.chartSource'), series('支出合计')),
      yearSeries(`history-${phase}-three-public`, t('history.chartThreePublic'), t('history.chartSource'), series('三公合计')),
    ].filter((c): c is ChartData => c !== null);
    return [{ phase, years, charts }];
  });
  return {
    region: d.region,
    department: latest.disclosure.department,
    phases,
    page: routes.department(d.region.code, d.department.code),
    coveragePage: coveragePageOf(site, d.region.code),
  };
}

/** The figures of the history a table or chart shows: those some year can read, in HISTORY_FIGURES order. */
export function shownFigures(phase: PhaseHistory): HistoryFigureName[] {
  return HISTORY_FIGURES.filter((name) => phase.years.some((y) => y.figures.some((f) => f.name === name && f.readable)));
}

/** One page per department of the disclosures this build renders. */
export function departmentPaths(site: SiteData) {
  if (!rendersDisclosures(site)) return [];
  const seen = new Set<string>();
  return site.entries.flatMap((entry) => {
    const key = `${entry.disclosure.region.code}/${entry.disclosure.department.code}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [
      { params: { region: entry.disclosure.region.code, department: entry.disclosure.department.code }, props: { history: departmentHistoryOf(site, entry) } },
    ];
  });
}

/** The history of one phase as a table: a row per figure, a column per year, then a column per year-on-year change. */
export interface HistoryTable {
  readonly columns: readonly string[];
  readonly rows: readonly { readonly name: HistoryFigureName; readonly label: string; readonly cells: readonly string[] }[];
}

export function historyTable(phase: PhaseHistory): HistoryTable {
  const names = shownFigures(phase);
  const compared = phase.years.filter((y) => y.changes !== null);
  const columns = [
    ...phase.years.map((y) => t('yoy.current', { year: y.year })),
    ...compared.map((y) => `${t('yoy.current', { year: y.year })}${t('history.changeOf', { year: y.comparedWith ?? y.year - 1 })}`),
  ];
  const rows = names.map((name) => {
    const readings = phase.years.map((y) => y.figures.find((f) => f.name === name));
    const units = new Set(readings.filter((r) => r?.readable).map((r) => r?.unit));
    // One unit for the row: in its label; else each cell says its own.
    const [only] = units.size === 1 ? [...units] : [null];
    const label = only ? `${figureLabel(name)}${t('history.unitOf', { unit: only })}` : figureLabel(name);
    const cells = [
      ...readings.map((r) => (!r || !r.readable ? t('history.notReadable') : `${formatReading(r)}${only || r.value === null ? '' : r.unit}`)),
      ...compared.map((y) => {
        const c = y.changes?.find((x) => x.name === name);
        return c ? changeText(c) : t('yoy.notComparable');
      }),
    ];
    return { name, label, cells };
  });
  return { columns, rows };
}
