/** The insight service: graph traces, decision boundaries, confusion matrices and per-layer diagnostics of runs. */
import type { Dataset } from '../../../core/datasets/dataset';
import type { PrepareOptions, PreparedData } from '../../../shared/datasets';
import type { ModelSnapshot } from '../../../shared/model';
import { boundaryPoints, planeRange } from './boundary';
import { boundaryPlane, pcaFitted, sampleRows, type FittedPlane } from './boundary-plane';
import { insightNetwork } from './network';
import { traceSample } from './trace';
import { InsightWorkerClient } from './worker-client';
import {
  INSIGHT_LIMITS,
  type BoundaryRequest,
  type BoundaryResult,
  type DiagnosticsRequest,
  type DiagnosticsResult,
  type EvaluateRequest,
  type EvaluationResult,
  type GraphTrace,
  type TraceRequest,
} from '../../../shared/insight';

/** What the service needs from the run service (RunService satisfies it). */
export interface RunSource {
  snapshot(id: string): ModelSnapshot;
  list(): { id: string; datasetId: string; iteration: number }[];
}

/** What the service needs from the dataset service (DatasetService satisfies it). */
export interface DataSource {
  prepare(id: string, options: PrepareOptions): PreparedData;
}

/** The first `n` rows of `data` as copies (so that only those rows are posted to the worker); `data` itself when n ≥ N. */
export function headRows(data: Dataset, n: number): Dataset {
  if (n >= data.n) return data;
  const target = data.target;
  const w = target.kind === 'classes' ? 1 : target.names.length;
  return {
    ...data,
    n,
    x: data.x.slice(0, n * data.d),
    target: target.kind === 'classes' ? { ...target, y: target.y.slice(0, n) } : { ...target, y: target.y.slice(0, n * w) },
  };
}

/** Fitted boundary planes kept (see InsightService.planes). */
const PLANES_KEPT = 8;

export class InsightService {
  private readonly worker: InsightWorkerClient;
  /** Fitted planes by run dataset, split and plane (a PCA is fitted once, not on every poll of a training run); the last few only. */
  private readonly planes = new Map<string, FittedPlane>();
  /** Gradient-norm history per run, appended by diagnostics() when the run's iteration has moved. */
  private readonly history = new Map<string, DiagnosticsResult['history']>();

  constructor(private readonly options: { runs: RunSource; datasets: DataSource; workerPath: string }) {
    this.worker = new InsightWorkerClient(options.workerPath);
  }

  /** Trace one row or a small batch (cheap: runs here) with a run's latest weights, or the seeded initial weights when runId is null. */
  trace(request: TraceRequest): GraphTrace {
    const data = this.part(this.options.datasets.prepare(request.datasetId, request.split), request.part);
    if (request.runId === null) {
      const network = insightNetwork(request.architecture, null, request.seed);
      return traceSample(network, data, request.row, request.part, { seed: request.seed }, request.batch);
    }
    const snapshot = this.options.runs.snapshot(request.runId);
    const network = insightNetwork(snapshot.architecture, snapshot.tensors);
    return traceSample(
      network,
      data,
      request.row,
      request.part,
      { runId: request.runId, iteration: this.iteration(request.runId) },
      request.batch,
    );
  }

  /**
   * The run's decision boundary on a plane of its feature space (features 0 and 1 unless chosen): the points here,
   * the resolution² grid in the worker.
   */
  async boundary(request: BoundaryRequest): Promise<BoundaryResult> {
    const { snapshot, prepared } = this.runData(request.runId, request.split);
    const { plane, units, info, names } = await this.plane(request, prepared, snapshot);
    const points = boundaryPoints(
      [prepared.train, prepared.validation, prepared.test],
      plane,
      units,
      INSIGHT_LIMITS.boundaryPoints,
    );
    const xRange = planeRange(points.x);
    const yRange = planeRange(points.y);
    const toPlane = (range: [number, number], k: 0 | 1): [number, number] => [
      (range[0] - units.offset[k]) / units.scale[k],
      (range[1] - units.offset[k]) / units.scale[k],
    ];
    const grid = await this.worker.run({
      kind: 'boundary',
      architecture: snapshot.architecture,
      tensors: snapshot.tensors,
      plane,
      aRange: toPlane(xRange, 0),
      bRange: toPlane(yRange, 1),
      resolution: request.resolution,
    });
    if (grid.kind !== 'boundary') throw new Error(`insight worker: expected a boundary grid, got ${grid.kind}`);
    return {
      runId: request.runId,
      iteration: this.iteration(request.runId),
      resolution: request.resolution,
      xRange,
      yRange,
      plane: info,
      featureNames: names,
      classNames: snapshot.classNames,
      predicted: grid.predicted,
      confidence: grid.confidence,
      points,
    };
  }

  /** Confusion matrix of the run's latest weights on a split (≤ 10,000 rows, in the worker). */
  async evaluate(request: EvaluateRequest): Promise<EvaluationResult> {
    const { snapshot, prepared } = this.runData(request.runId, request.split);
    const data = this.part(prepared, request.part);
    const rows = Math.min(request.maxRows, data.n);
    const result = await this.worker.run({
      kind: 'evaluate',
      architecture: snapshot.architecture,
      tensors: snapshot.tensors,
      data: headRows(data, rows),
      maxRows: rows,
      maxMisclassified: INSIGHT_LIMITS.misclassified,
      withPixels: data.imageShape !== undefined,
    });
    if (result.kind !== 'evaluate') throw new Error(`insight worker: expected an evaluation, got ${result.kind}`);
    return {
      runId: request.runId,
      part: request.part,
      totalRows: data.n,
      classNames: snapshot.classNames,
      imageShape: data.imageShape ?? null,
      ...result.evaluation,
    };
  }

  /** Per-layer distributions on the first ≤ 1,000 training rows (in the worker); records the gradient norms. */
  async diagnostics(request: DiagnosticsRequest): Promise<DiagnosticsResult> {
    const { snapshot, prepared } = this.runData(request.runId, request.split);
    const result = await this.worker.run({
      kind: 'diagnostics',
      architecture: snapshot.architecture,
      tensors: snapshot.tensors,
      data: headRows(prepared.train, request.rows),
      rows: request.rows,
    });
    if (result.kind !== 'diagnostics') throw new Error(`insight worker: expected diagnostics, got ${result.kind}`);
    const iteration = this.iteration(request.runId);
    const history = this.history.get(request.runId) ?? [];
    if (history.at(-1)?.iteration !== iteration) {
      const norms: Record<string, number> = {};
      for (const layer of result.layers) for (const p of layer.params) norms[p.name] = p.gradNorm;
      history.push({ iteration, norms });
      if (history.length > INSIGHT_LIMITS.history) history.splice(0, history.length - INSIGHT_LIMITS.history);
      this.history.set(request.runId, history);
    }
    return { runId: request.runId, iteration, rows: result.rows, layers: result.layers, history: [...history] };
  }

  async dispose(): Promise<void> {
    await this.worker.dispose();
  }

  /** The request's plane, fitted on the run's training split (a PCA in the worker; cached by dataset, split and plane). */
  private async plane(request: BoundaryRequest, prepared: PreparedData, snapshot: ModelSnapshot): Promise<FittedPlane> {
    const datasetId = this.options.runs.list().find((r) => r.id === request.runId)?.datasetId;
    const key = JSON.stringify([datasetId, request.split, request.plane ?? null]);
    const kept = this.planes.get(key);
    if (kept) return kept;
    const train = prepared.train;
    let fitted: FittedPlane;
    if (request.plane?.kind === 'pca' && train.d >= 2) {
      const { rows, n } = sampleRows(train, INSIGHT_LIMITS.pcaRows);
      const fit = await this.worker.run({ kind: 'pca', x: rows, n, d: train.d });
      if (fit.kind !== 'pca') throw new Error(`insight worker: expected a PCA plane, got ${fit.kind}`);
      fitted = pcaFitted(train.featureNames, fit);
    } else fitted = boundaryPlane(train, snapshot.normalization, request.plane);
    this.planes.set(key, fitted);
    if (this.planes.size > PLANES_KEPT) this.planes.delete(this.planes.keys().next().value ?? key);
    return fitted;
  }

  private runData(runId: string, split: PrepareOptions): { snapshot: ModelSnapshot; prepared: PreparedData } {
    const snapshot = this.options.runs.snapshot(runId);
    const run = this.options.runs.list().find((r) => r.id === runId);
    if (!run) throw new Error(`no run with id "${runId}"`);
    const prepared = this.options.datasets.prepare(run.datasetId, split);
    const same = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);
    const n = snapshot.normalization;
    if (
      n.kind !== prepared.normalization.kind ||
      !same(n.offset, prepared.normalization.offset) ||
      !same(n.scale, prepared.normalization.scale)
    ) {
      throw new Error(
        `run "${runId}" was trained with other split/normalization settings than the ones given; choose the run's settings`,
      );
    }
    return { snapshot, prepared };
  }

  private part(prepared: PreparedData, part: 'train' | 'validation' | 'test'): Dataset {
    const data = prepared[part];
    if (!data) throw new Error(`this dataset has no ${part} split; set a ${part} fraction above 0 in the split settings`);
    return data;
  }

  private iteration(runId: string): number {
    return this.options.runs.list().find((r) => r.id === runId)?.iteration ?? 0;
  }
}
