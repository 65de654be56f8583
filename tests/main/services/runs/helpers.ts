/** Helpers of the run-service tests: a service over a tiny prepared dataset, and waiting for events. */
import type { PreparedData } from '../../../../src/shared/datasets';
import { RunService, type RunServiceOptions } from '../../../../src/main/services/runs/service';
import type { RunEvent, RunStartRequest, RunSummary } from '../../../../src/shared/runs';
import { QUICK_CONFIG, SPIRAL_MLP, WORKER_PATH, sharedSpiral } from '../../engine/fixtures';

export const PREPARED: PreparedData = {
  train: sharedSpiral(40, 1),
  validation: sharedSpiral(10, 2),
  test: sharedSpiral(10, 3),
  normalization: { kind: 'none', offset: [0, 0], scale: [1, 1] },
  report: {} as PreparedData['report'],
};

export function makeService(options: Partial<RunServiceOptions> = {}): RunService {
  return new RunService({
    datasets: { prepare: () => PREPARED },
    workerPath: WORKER_PATH,
    progressIntervalMs: 20,
    kernels: 'reference',
    ...options,
  });
}

export const request = (over: Partial<RunStartRequest['config']> = {}, rest: Partial<RunStartRequest> = {}): RunStartRequest => ({
  datasetId: 'spiral',
  architecture: SPIRAL_MLP,
  config: { ...QUICK_CONFIG, ...over },
  split: { validation: 0.2, test: 0.1, normalize: 'none', seed: 1, stratify: false },
  ...rest,
});

/** Resolve with the first event matching `predicate` (reject after `timeoutMs`). */
export function waitForEvent(service: RunService, predicate: (e: RunEvent) => boolean, timeoutMs = 10_000): Promise<RunEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching run event within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = service.onEvent((e) => {
      if (!predicate(e)) return;
      clearTimeout(timer);
      off();
      resolve(e);
    });
  });
}

const ENDED = new Set(['done', 'stopped', 'failed']);

/** Resolve with the run's summary once it reaches `status` (or any end state when omitted). */
export async function waitForStatus(
  service: RunService,
  runId: string,
  status?: RunSummary['status'],
  timeoutMs = 10_000,
): Promise<RunSummary> {
  const now = service.list().find((r) => r.id === runId);
  if (now && (status ? now.status === status : ENDED.has(now.status))) return now;
  const event = await waitForEvent(
    service,
    (e) => e.type === 'status' && e.runId === runId && (status ? e.status === status : ENDED.has(e.status)),
    timeoutMs,
  );
  if (event.type !== 'status') throw new Error('unreachable');
  return event.summary;
}
