/**
 * Every chart a disclosure's page draws, with its data CSV: the overview's charts and, on a 决算,
 * the chart of 年初预算 against 决算. The build writes each CSV beside the page (scripts/lib/
 * write-downloads.ts), so a reader without JavaScript downloads the data as well.
 */
import type { ChartData } from '../charts/chart-data.ts';
import { chartCsv, historyChartDownload, type ChartDownload } from '../charts/chart-export.ts';
import { departmentPaths, type DepartmentHistory } from './department-history.ts';
import { phaseView } from './budget-final-view.ts';
import { overviewChartsOf } from './page-data.ts';
import { routes } from './routes.ts';
import { rendersDisclosures, type DisclosureEntry, type SiteData } from './site-data.ts';

/** The charts of a disclosure's page, in the order it shows them. */
export function disclosureCharts(site: SiteData, entry: DisclosureEntry): ChartData[] {
  const final = phaseView(site, entry).comparison?.chart;
  return [...overviewChartsOf(site, entry), ...(final ? [final] : [])];
}

/** The download of each chart of a department's history page, by chart id. */
export function historyChartDownloads(history: DepartmentHistory): Map<string, ChartDownload> {
  const downloads = new Map<string, ChartDownload>();
  for (const phase of history.phases)
    for (const chart of phase.charts)
      downloads.set(
        chart.id,
        historyChartDownload(
          { region: history.region, department: history.department, phase: phase.phase },
          phase.years.map((y) => y.year),
          chart,
        ),
      );
  return downloads;
}

/** Each chart's CSV file (route path and text) of every disclosure and department history page this build renders. */
export function chartCsvFiles(site: SiteData): { path: string; text: string }[] {
  if (!rendersDisclosures(site)) return [];
  const ofDisclosures = site.entries.flatMap((entry) =>
    disclosureCharts(site, entry).map((chart) => ({ path: routes.chartCsv(entry.disclosure, chart.id), text: chartCsv(chart) })),
  );
  const ofHistories = departmentPaths(site).flatMap(({ props: { history } }) =>
    history.phases.flatMap((phase) =>
      phase.charts.map((chart) => ({ path: routes.departmentChartCsv(history.region.code, history.department.code, chart.id), text: chartCsv(chart) })),
    ),
  );
  return [...ofDisclosures, ...ofHistories];
}
