/** A scripted ApiClient for renderer tests: answers methods from a table, records calls, and lets a test push events. */
import type { ApiClient, Args, EventPayloads, Result } from '../../src/shared/api';
import type { EventName, MethodName } from '../../src/shared/names';
import type { DatasetSummary } from '../../src/shared/datasets';
import type { RunSummary } from '../../src/shared/runs';
import { DEFAULT_TRAINING_CONFIG } from '../../src/core/spec';

type Answers = { [M in MethodName]?: (args: Args<M>) => Result<M> | Promise<Result<M>> };

export class FakeApi implements ApiClient {
  readonly calls: { method: MethodName; args: unknown }[] = [];
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  constructor(private readonly answers: Answers = {}) {}

  async call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
    this.calls.push({ method, args });
    const answer = this.answers[method] as ((a: Args<M>) => Result<M> | Promise<Result<M>>) | undefined;
    if (!answer) throw new Error(`FakeApi: no answer scripted for ${method}`);
    return answer(args);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener as (payload: unknown) => void);
    return () => set.delete(listener as (payload: unknown) => void);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  called(method: MethodName): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
}

export function datasetSummary(overrides: Partial<DatasetSummary> = {}): DatasetSummary {
  return {
    id: 'ds-1',
    name: 'spiral',
    source: 'builtin',
    n: 300,
    d: 2,
    task: 'classification',
    featureNames: ['x1', 'x2'],
    classNames: ['a', 'b', 'c'],
    targetNames: [],
    imageShape: null,
    hasPublishedTest: false,
    points: null,
    report: {
      format: 'builtin',
      rows: 300,
      droppedRows: 0,
      dropReasons: {},
      delimiter: null,
      header: null,
      columns: [],
      classBalance: [],
      preview: [],
      warnings: [],
      problems: [],
      totalProblems: 0,
    },
    ...overrides,
  };
}

export function runSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    id: 'run-1',
    name: 'run-1',
    status: 'running',
    finishReason: null,
    failureReason: null,
    nonFinite: null,
    datasetId: 'ds-1',
    architecture: { inputSize: 2, layers: [{ type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }] },
    config: { ...DEFAULT_TRAINING_CONFIG },
    createdAt: '2026-01-01T00:00:00Z',
    durationMs: 0,
    epoch: 0,
    iteration: 0,
    totalIterations: 100,
    learningRate: 0.01,
    bestValidationAccuracy: null,
    train: null,
    validation: null,
    test: null,
    samplesPerSecond: 0,
    etaSeconds: null,
    kernels: null,
    ...overrides,
  };
}
