/** DatasetSummary: the JSON-safe view of a stored dataset the renderer gets (no big arrays, ≤ 2,000 plot points). */
import type { Dataset } from '../../../core/datasets/dataset';
import type { DatasetSummary, ImportResult } from '../../../shared/datasets';

export const MAX_PLOT_POINTS = 2000;

/** Up to MAX_PLOT_POINTS evenly spaced rows of 2-D data as [x1, x2, class or target]; null unless d = 2. */
export function plotPoints(data: Dataset): [number, number, number][] | null {
  if (data.d !== 2) return null;
  const step = Math.max(1, Math.ceil(data.n / MAX_PLOT_POINTS));
  const points: [number, number, number][] = [];
  for (let i = 0; i < data.n && points.length < MAX_PLOT_POINTS; i += step) {
    const label = data.target.kind === 'classes' ? data.target.y[i] : data.target.y[i * data.target.names.length];
    points.push([data.x[2 * i] + 0, data.x[2 * i + 1] + 0, label + 0]); // + 0 turns -0 into 0, as JSON would
  }
  return points;
}

/** Build the summary of an imported dataset stored under `id`. */
export function summarize(id: string, source: string, imported: ImportResult): DatasetSummary {
  const { dataset, report } = imported;
  const target = dataset.target;
  return {
    id,
    name: dataset.name,
    source,
    n: dataset.n,
    d: dataset.d,
    task: target.kind === 'classes' ? 'classification' : 'regression',
    featureNames: dataset.featureNames,
    classNames: target.kind === 'classes' ? target.classNames : [],
    targetNames: target.kind === 'regression' ? target.names : [],
    imageShape: dataset.imageShape ?? null,
    hasPublishedTest: imported.publishedTest !== undefined,
    report,
    points: plotPoints(dataset),
  };
}
