import { describe, expect, it } from 'vitest';
import { getSiteData } from '../site/site-data.ts';
import { chartCsvFiles, disclosureCharts, historyChartDownloads } from '../site/chart-downloads.ts';
import { departmentPaths } from '../site/department-history.ts';
import { routes } from '../site/routes.ts';
import { chartRows, type ChartData } from './chart-data.ts';
import { chartCsv, chartDownload, chartFileStem, chartStamp } from './chart-export.ts';

const parse = (csv: string): string[][] =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));

// SYNTHETIC chart: invented labels and amounts (分).
const parts: ChartData = {
  id: 'synthetic',
  title: '合成图表',
  kind: 'doughnut',
  labels: ['甲', '乙'],
  values: [2_500_000, 7_500_000],
  parts: true,
  summary: '',
  source: '表9 合成表',
};
const d = { region: { code: '990001', name: '合成区' }, department: { code: '901', name: '合成局' }, year: 2025, phase: 'final' as const };

describe('a chart’s CSV', () => {
  it('holds the rows of its data table, amounts in 万元 and shares in per cent, then the 合计', () => {
    expect(parse(chartCsv(parts))).toEqual([
      ['项目', '金额（万元）', '占比（%）'],
      ['甲', '2.50', '25.00'],
      ['乙', '7.50', '75.00'],
      ['合计', '10.00', '100.00'],
    ]);
  });

  it('has no share column and no total for a chart that is not parts of a whole', () => {
    const trend = { ...parts, kind: 'bar' as const, parts: false };
    expect(parse(chartCsv(trend))).toEqual([
      ['项目', '金额（万元）'],
      ['甲', '2.50'],
      ['乙', '7.50'],
    ]);
  });

  it('is written for every chart of every sample page, row for row what the page shows', () => {
    const site = getSiteData('content');
    const files = new Map(chartCsvFiles(site).map((f) => [f.path, f.text]));
    let charts = 0;
    for (const entry of site.entries) {
      for (const chart of disclosureCharts(site, entry)) {
        const text = files.get(routes.chartCsv(entry.disclosure, chart.id));
        expect(text, `${entry.disclosure.id} ${chart.id}`).toBeDefined();
        const { rows } = chartRows(chart);
        expect(
          parse(text ?? '')
            .slice(1, rows.length + 1)
            .map((r) => r.slice(0, 2)),
        ).toEqual(rows.map((r) => [r.label, r.amount]));
        charts++;
      }
    }
    expect(charts).toBeGreaterThan(5);
    const historyCharts = departmentPaths(site).flatMap(({ props: { history } }) => [...historyChartDownloads(history).values()]);
    expect(files.size).toBe(charts + historyCharts.length);
  });

  it('is written for each chart of a department’s history too, with the span of its years on the stamp', () => {
    const site = getSiteData('content');
    const files = new Map(chartCsvFiles(site).map((f) => [f.path, f.text]));
    const ptwl = departmentPaths(site).find((p) => p.params.department === 'ptwl')!.props.history;
    const downloads = [...historyChartDownloads(ptwl).values()];
    expect(downloads.length).toBeGreaterThan(0);
    for (const download of downloads) {
      expect(download.csv).toMatch(/^310107\/ptwl\/charts\/history-budget-/);
      expect(files.get(download.csv)).toBeDefined();
      expect(download.stamp[2]).toBe('2023—2024年部门预算');
      expect(download.fileStem).toMatch(/^310107-ptwl-历年预算-图-/);
    }
  });
});

describe('a chart’s PNG stamp', () => {
  it('names the title, department and region, year and phase, unit and source table', () => {
    expect(chartStamp(d, parts)).toEqual(['合成图表', '合成局（合成区）', '2025年部门决算', '金额单位：万元', '数据来源：表9 合成表']);
  });

  it('and its files are named for the disclosure and the chart, without characters file systems refuse', () => {
    expect(chartFileStem(d, { ...parts, title: '收入/支出 对比' })).toBe('990001-901-2025-决算-图-收入支出对比');
    expect(chartDownload(d, parts).csv).toBe('990001/901/2025-final/charts/synthetic.csv');
  });
});
