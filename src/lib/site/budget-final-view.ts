/**
 * What a department-year page shows about its two phases: a link to the other set of the same
 * year (预算 ↔ 决算), and on a 决算 page the comparison of 年初预算 with 决算 per 功能 类 and per
 * 三公 item, as a table and a chart. The two sets are listed side by side and never added: the
 * chart has one bar per phase and line, and no total of both.
 */
import type { ChartData } from '../charts/chart-data.ts';
import { compareBudgetWithFinal, counterpart, type ComparisonLine } from '../final/budget-vs-final.ts';
import { formatWan } from '../money.ts';
import { t } from '../i18n/strings.ts';
import { routes } from './routes.ts';
import type { DisclosureEntry, SiteData } from './site-data.ts';
import { phaseWord } from '../i18n/format.ts';

export interface ComparisonRow {
  readonly name: string;
  readonly initialBudget: string;
  readonly actual: string;
  /** `98.20%`, or 不计算 for a zero or blank budget. */
  readonly rate: string;
}

export interface PhaseView {
  /** 预算 or 决算: the set this page shows. */
  readonly phaseLabel: string;
  /** The other phase of the same department-year, when the content has it. */
  readonly other: { readonly label: string; readonly page: string } | null;
  /** On a 决算 page: the comparison with its 年初预算. */
  readonly comparison: {
    /** Whether the 预算 of the same year is on the site (the 年初预算数 were checked against it). */
    readonly budgetNote: string;
    readonly byClass: readonly ComparisonRow[];
    readonly threePublic: readonly ComparisonRow[];
    readonly chart: ChartData | null;
  } | null;
}

const row = (l: ComparisonLine): ComparisonRow => ({
  name: l.name,
  initialBudget: l.initialBudget === null ? '' : formatWan(l.initialBudget),
  actual: l.actual === null ? '' : formatWan(l.actual),
  rate: l.completion.kind === 'rate' ? l.completion.text : t('final.noRate'),
});

/** One bar per line and phase, labelled with both (`一般公共服务支出·年初预算`), never summed. */
function comparisonChart(lines: readonly ComparisonLine[]): ChartData | null {
  const labels: string[] = [];
  const values: number[] = [];
  for (const l of lines) {
    labels.push(t('final.chartBudget', { name: l.name }), t('final.chartActual', { name: l.name }));
    values.push(l.initialBudget ?? 0, l.actual ?? 0);
  }
  if (values.every((v) => v === 0)) return null;
  const summary = lines.map((l) => `${l.name}：年初预算${formatWan(l.initialBudget ?? 0)}万元，决算${formatWan(l.actual ?? 0)}万元`).join('；');
  return { id: 'budget-vs-final', title: t('final.chart'), kind: 'bar', labels, values, parts: false, summary, source: t('final.byClass') };
}

export function phaseView(site: SiteData, entry: DisclosureEntry): PhaseView {
  const d = entry.disclosure;
  const all = site.entries.map((e) => e.disclosure);
  const other = counterpart(all, d);
  const comparison = d.phase === 'final' ? compareBudgetWithFinal(d, all) : null;
  return {
    phaseLabel: phaseWord(d),
    other: other ? { label: t(other.phase === 'final' ? 'phase.finalOf' : 'phase.budgetOf', { year: other.year }), page: routes.disclosure(other) } : null,
    comparison: comparison
      ? {
          budgetNote: t(comparison.budget ? 'final.budgetChecked' : 'final.noBudget', { year: d.year }),
          byClass: [
            ...comparison.byClass.map(row),
            // The whole, as the 决算 states it: its printed 年初预算 total (which need not be the sum of its 项).
            row(comparison.total),
          ],
          threePublic: comparison.threePublic.map(row),
          chart: comparisonChart(comparison.byClass),
        }
      : null,
  };
}
