/**
 * What a journalist takes away from a chart: its data as CSV (the rows of the chart's data table,
 * amount for amount) and the lines stamped on its PNG — title, department, year and phase, unit,
 * source table — so a picture pasted into an article still says whose figures it shows and where
 * they come from. The page's own address is added by the browser (it is known only where the site
 * is served). Pure: the CSV is written at build time beside the page, for readers without JavaScript too.
 */
import type { Disclosure } from '../disclosure/model.ts';
import { decimal, toCsv, type CsvField } from '../export/csv.ts';
import { t } from '../i18n/strings.ts';
import { routes } from '../site/routes.ts';
import { chartRows, type ChartData } from './chart-data.ts';
import { disclosureFileStem, fileNamePart } from '../export/file-names.ts';
import { phaseWord } from '../i18n/format.ts';

/** The unit every chart is drawn and tabled in. */
export const CHART_UNIT = '万元';

type ChartDisclosure = Pick<Disclosure, 'region' | 'department' | 'year' | 'phase'>;

/** What a chart offers for download: its CSV (a route), the name its files are saved as, the stamp's lines. */
export interface ChartDownload {
  readonly csv: string;
  readonly fileStem: string;
  readonly stamp: readonly string[];
}

const percentField = (share: string): CsvField => (share === '' ? '' : decimal(share.replace(/%$/, '')));

/** The chart's data table as CSV: 项目, 金额（万元）and, for parts of a whole, 占比（%）, then their 合计. */
export function chartCsv(chart: ChartData): string {
  const { rows, total } = chartRows(chart);
  const header: CsvField[] = [t('chart.item'), t('chart.amount'), ...(chart.parts ? [t('chart.sharePercent')] : [])];
  const body = rows.map((row): CsvField[] => [row.label, decimal(row.amount), ...(chart.parts ? [percentField(row.share)] : [])]);
  const totalRow: CsvField[][] = total === null ? [] : [[t('chart.total'), decimal(total), ...(chart.parts ? [decimal('100.00')] : [])]];
  return toCsv([header, ...body, ...totalRow]);
}

/** The lines stamped on the chart's PNG, top to bottom (the browser adds the page's address). */
export function chartStamp(d: ChartDisclosure, chart: ChartData): string[] {
  return [
    chart.title,
    t('chart.stampDepartment', { department: d.department.name, region: d.region.name }),
    t('chart.stampYear', { year: d.year, phase: phaseWord(d) }),
    t('chart.stampUnit', { unit: CHART_UNIT }),
    t('chart.source', { source: chart.source }),
  ];
}

/** The name a chart's files are saved as: `310107-ptczj-2025-预算-图-“三公”经费构成` (file-names.ts, like every download). */
export const chartFileStem = (d: ChartDisclosure, chart: ChartData): string => `${disclosureFileStem(d)}-图-${fileNamePart(chart.title)}`;

/**
 * A chart of a department's history (the same phase over its years): stamped with the span of
 * years instead of one year, saved as `310107-ptwl-历年预算-图-支出合计`.
 */
export function historyChartDownload(d: Pick<Disclosure, 'region' | 'department' | 'phase'>, years: readonly number[], chart: ChartData): ChartDownload {
  const first = Math.min(...years);
  const last = Math.max(...years);
  return {
    csv: routes.departmentChartCsv(d.region.code, d.department.code, chart.id),
    fileStem: `${fileNamePart(d.region.code)}-${fileNamePart(d.department.code)}-${t('chart.historyStem', { phase: phaseWord(d) })}-图-${fileNamePart(chart.title)}`,
    stamp: [
      chart.title,
      t('chart.stampDepartment', { department: d.department.name, region: d.region.name }),
      t('chart.stampYears', { first, last, phase: phaseWord(d) }),
      t('chart.stampUnit', { unit: CHART_UNIT }),
      t('chart.source', { source: chart.source }),
    ],
  };
}

export const chartDownload = (d: ChartDisclosure, chart: ChartData): ChartDownload => ({
  csv: routes.chartCsv(d, chart.id),
  fileStem: chartFileStem(d, chart),
  stamp: chartStamp(d, chart),
});
