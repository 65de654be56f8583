/** The experiments' scatter figures (optimizer paths, the hyperparameter search): one chart.js set-up, sized by its box, no animation. */
import { Chart, type ChartOptions } from 'chart.js';

/** Points of the figures: x, y pairs. */
type Points = { x: number; y: number }[];

/** An empty scatter chart on `canvas` with the figure's own scales and plugins; the figure fills its datasets. */
export function createScatterChart(
  canvas: HTMLCanvasElement,
  options: Pick<ChartOptions<'scatter'>, 'scales' | 'plugins'>,
): Chart<'scatter', Points> {
  return new Chart<'scatter', Points>(canvas, {
    type: 'scatter',
    data: { datasets: [] },
    options: { animation: false, responsive: true, maintainAspectRatio: false, ...options },
  });
}
