/**
 * Draws one chart with Chart.js, loaded only when a <budget-chart> scrolls into view. Tree-shaken:
 * only the controllers, elements, scales and plugins used here are imported and registered, and
 * Vite bundles them into the site (no CDN). Animation is off. Colours are the Okabe–Ito palette,
 * which colour-blind readers can tell apart, and each slice also gets its own pattern, so no
 * value is told by colour alone (and the data table under every chart holds the same numbers).
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { ChartSpec } from '../../lib/charts/chart-data.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);

/** Okabe & Ito (2008), “Color Universal Design”, without black (kept for outlines). */
const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'] as const;

type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical' | 'antidiagonal';
const PATTERNS: readonly PatternKind[] = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical', 'antidiagonal'];

/** A 12×12 tile in the slice's colour with its own dark mark. */
function fill(index: number): CanvasPattern | string {
  const color = OKABE_ITO[index % OKABE_ITO.length] ?? '#0072B2';
  const kind = PATTERNS[Math.floor(index / OKABE_ITO.length + index) % PATTERNS.length] ?? 'solid';
  const tile = document.createElement('canvas');
  tile.width = 12;
  tile.height = 12;
  const ctx = tile.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 12, 12);
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.lineWidth = 1.5;
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  };
  switch (kind) {
    case 'diagonal':
      line(0, 12, 12, 0);
      line(-6, 6, 6, -6);
      line(6, 18, 18, 6);
      break;
    case 'antidiagonal':
      line(0, 0, 12, 12);
      line(-6, 6, 6, 18);
      line(6, -6, 18, 6);
      break;
    case 'dots':
      ctx.beginPath();
      ctx.arc(6, 6, 2, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'cross':
      line(0, 6, 12, 6);
      line(6, 0, 6, 12);
      break;
    case 'horizontal':
      line(0, 4, 12, 4);
      line(0, 10, 12, 10);
      break;
    case 'vertical':
      line(4, 0, 4, 12);
      line(10, 0, 10, 12);
      break;
    case 'solid':
      break;
  }
  return ctx.createPattern(tile, 'repeat') ?? color;
}

export function renderChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  const label = (index: number) => spec.descriptions[index] ?? '';
  const doughnut = spec.kind === 'doughnut';
  const config: ChartConfiguration<'bar' | 'doughnut', number[], string> = {
    type: spec.kind,
    data: {
      labels: [...spec.labels],
      datasets: [
        {
          data: [...spec.values],
          backgroundColor: doughnut ? spec.values.map((_, i) => fill(i)) : fill(0),
          borderColor: '#1b1f24',
          borderWidth: 1,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      ...(doughnut ? {} : { indexAxis: spec.horizontal ? ('y' as const) : ('x' as const) }),
      plugins: {
        legend: {
          display: doughnut,
          position: 'bottom',
          // Legend entries carry the amount and share too, so the legend alone reads like the data table.
          labels: {
            generateLabels: (chart) => Chart.overrides.doughnut.plugins.legend.labels.generateLabels(chart).map((item, i) => ({ ...item, text: label(i) })),
          },
        },
        tooltip: { callbacks: { label: (context) => label(context.dataIndex) } },
      },
      ...(doughnut
        ? {}
        : {
            scales: {
              [spec.horizontal ? 'x' : 'y']: { beginAtZero: true, title: { display: true, text: spec.unit } },
              [spec.horizontal ? 'y' : 'x']: { ticks: { autoSkip: false } },
            },
          }),
    },
  } as ChartConfiguration<'bar' | 'doughnut', number[], string>;
  return new Chart(canvas, config);
}
