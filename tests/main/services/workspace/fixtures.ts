/** Fixtures of the workspace tests: an editor state, a fake run history source with real-shaped runs, a scratch folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunHistorySource } from '../../../../src/main/services/workspace/service';
import type { EditorState } from '../../../../src/shared/workspace';
import type { RestoredRun, RunCurves, RunEvent, RunSummary } from '../../../../src/shared/runs';
import type { ModelSnapshot } from '../../../../src/shared/model';
import { QUICK_CONFIG, SPIRAL_MLP } from '../../engine/fixtures';

export const scratchDir = (): string => mkdtempSync(path.join(tmpdir(), 'workspace-test-'));

export const EDITOR: EditorState = {
  architecture: SPIRAL_MLP,
  training: QUICK_CONFIG,
  split: { validation: 0.2, test: 0.1, normalize: 'zscore', seed: 3, stratify: true },
  datasetId: null,
  settings: { theme: 'dark', language: 'en', tab: 'curves', showGrid: true },
};

export function summary(id: string, status: RunSummary['status'], loss: number): RunSummary {
  return {
    id,
    name: id,
    status,
    finishReason: status === 'done' ? 'completed' : null,
    failureReason: null,
    nonFinite: null,
    datasetId: 'ds-1',
    architecture: SPIRAL_MLP,
    config: QUICK_CONFIG,
    createdAt: '2026-11-28T01:00:00.000Z',
    durationMs: 1200,
    epoch: 2,
    iteration: 36,
    totalIterations: 36,
    learningRate: 0.5,
    bestValidationAccuracy: 0.75,
    train: { loss, accuracy: 0.8 },
    validation: { loss: loss + 0.1, accuracy: 0.75 },
    test: null,
    samplesPerSecond: 1000,
    etaSeconds: null,
    kernels: 'reference',
  };
}

export const curves = (runId: string, lastLoss: number): RunCurves => ({
  runId,
  loss: [
    [1, 1.1],
    [2, 0.9],
    [3, lastLoss],
  ],
  iterationsPerPoint: 1,
  epochs: [{ epoch: 0, train: { loss: 0.9, accuracy: 0.5 }, validation: null }],
});

/** A run history that tests can change and announce, like the run service does (weights are set by the test). */
export class FakeRuns implements RunHistorySource {
  runs: { summary: RunSummary; curves: RunCurves; snapshot?: ModelSnapshot | null }[] = [];
  /** How many times the history was read: once at the start of every workspace write. */
  listed = 0;
  snapshot(id: string): ModelSnapshot {
    const found = this.runs.find((r) => r.summary.id === id)?.snapshot;
    if (!found) throw new Error(`run ${id} has no weights`);
    return found;
  }
  adopt(runs: RestoredRun[]): void {
    this.runs.push(...runs);
  }
  rebindDataset(from: string, to: string): void {
    for (const r of this.runs) if (r.summary.datasetId === from) r.summary = { ...r.summary, datasetId: to };
  }
  remove(id: string): void {
    this.runs = this.runs.filter((r) => r.summary.id !== id);
    for (const l of this.listeners) l({ type: 'removed', runId: id });
  }
  private readonly listeners = new Set<(e: RunEvent) => void>();
  list(): RunSummary[] {
    this.listed++;
    return this.runs.map((r) => r.summary);
  }
  curves(id: string): RunCurves {
    const run = this.runs.find((r) => r.summary.id === id);
    if (!run) throw new Error(`no run ${id}`);
    return run.curves;
  }
  onEvent(listener: (e: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  add(id: string, status: RunSummary['status'], loss = 0.5, snapshot: ModelSnapshot | null = null): void {
    const s = summary(id, status, loss);
    this.runs.push({ summary: s, curves: curves(id, loss), snapshot });
    for (const l of this.listeners) l({ type: 'status', runId: id, status, summary: s });
  }
}

/** 40 finished runs with 2,000-point loss curves (a workspace of about 2 MB), as the autosave kill test writes. */
export function bigHistory(): FakeRuns {
  const runs = new FakeRuns();
  for (let i = 0; i < 40; i++) runs.add(`run-${i}`, 'done', i);
  for (const r of runs.runs) r.curves.loss = Array.from({ length: 2000 }, (_, k): [number, number] => [k + 1, 1 / (k + 1)]);
  return runs;
}
