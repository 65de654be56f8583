import { afterEach, describe, expect, it } from 'vitest';
import type { RunService } from '../../../../src/main/services/runs/service';
import { FAULT_WORKER_PATH, NO_BUILD, setTestFault } from '../../engine/fixtures';
import { makeService, request, waitForEvent, waitForStatus } from './helpers';

let current: RunService | null = null;
afterEach(async () => {
  setTestFault(null);
  await current?.dispose();
  current = null;
});

/** A run service whose workers come from the test-only fault worker (normal until setTestFault names a fault). */
const faultyService = (options: Parameters<typeof makeService>[0] = {}): RunService =>
  makeService({ workerPath: FAULT_WORKER_PATH, ...options });

/** Start a faulty run, expect it to fail with `reason`, then check that the next run on the same service completes. */
async function expectFailureThenRecovery(fault: 'throw' | 'oom' | 'exit', reason: RegExp): Promise<void> {
  const s = (current = faultyService({ resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } }));
  setTestFault(fault);
  const bad = s.start(request());
  const failed = await waitForStatus(s, bad.id);
  expect(failed.status).toBe('failed');
  expect(failed.failureReason).toMatch(reason);
  expect(failed.failure).toMatchObject({ code: 'run-failed', params: { reason: failed.failureReason } });
  setTestFault(null);
  const good = s.start(request());
  expect((await waitForStatus(s, good.id)).status).toBe('done');
}

describe.skipIf(NO_BUILD)('RunService faults (test-only worker fault injection)', () => {
  it('marks a run failed when its worker throws, and the next run starts normally', async () => {
    await expectFailureThenRecovery('throw', /injected fault: the worker threw/);
  });

  it('marks a run failed when its worker exits, and the next run starts normally', async () => {
    await expectFailureThenRecovery('exit', /exited with code 3 before finishing/);
  });

  it('marks a run failed when its worker runs out of heap (resourceLimits), and the next run starts normally', async () => {
    await expectFailureThenRecovery('oom', /memory limit|out of memory/i);
  });

  it('reports a hung worker through the heartbeat watchdog and terminates it after the stop grace period', async () => {
    const s = (current = faultyService({ heartbeatTimeoutMs: 300, graceMs: 300 }));
    setTestFault('hang');
    const { id } = s.start(request());
    const missed = await waitForEvent(s, (e) => e.type === 'heartbeat-missed' && e.runId === id, 5000);
    expect(missed.type === 'heartbeat-missed' && missed.silentMs).toBeGreaterThanOrEqual(300);
    const t0 = Date.now();
    s.stop(id);
    const end = await waitForStatus(s, id);
    expect(end.status).toBe('stopped');
    // A lower bound only (the hung worker is not killed before the grace period); load can only lengthen it.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it('fails a gradient check whose worker throws with the reason', async () => {
    const s = (current = faultyService());
    setTestFault('throw');
    const { datasetId, architecture, split } = request();
    await expect(s.gradientCheck({ datasetId, architecture, split, samples: 2, seed: 1 })).rejects.toThrow(
      /gradient check failed: injected fault/,
    );
  });
});
