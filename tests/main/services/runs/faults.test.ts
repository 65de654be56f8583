import { afterEach, describe, expect, it } from 'vitest';
import type { RunService } from '../../../../src/main/services/runs/service';
import { NO_BUILD } from '../../engine/fixtures';
import { makeService, request, waitForEvent, waitForStatus } from './helpers';

let current: RunService | null = null;
afterEach(async () => {
  await current?.dispose();
  current = null;
});

/** Start a faulty run, expect it to fail with `reason`, then check that the next run on the same service completes. */
async function expectFailureThenRecovery(fault: 'throw' | 'oom' | 'exit', reason: RegExp): Promise<void> {
  const s = (current = makeService({ resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } }));
  s.setTestFault(fault);
  const bad = s.start(request());
  const failed = await waitForStatus(s, bad.id);
  expect(failed.status).toBe('failed');
  expect(failed.failureReason).toMatch(reason);
  s.setTestFault(null);
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
    const s = (current = makeService({ heartbeatTimeoutMs: 300, graceMs: 300 }));
    s.setTestFault('hang');
    const { id } = s.start(request());
    const missed = await waitForEvent(s, (e) => e.type === 'heartbeat-missed' && e.runId === id, 5000);
    expect(missed.type === 'heartbeat-missed' && missed.silentMs).toBeGreaterThanOrEqual(300);
    const t0 = Date.now();
    s.stop(id);
    const end = await waitForStatus(s, id);
    expect(end.status).toBe('stopped');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('fails a gradient check whose worker throws with the reason', async () => {
    const s = (current = makeService());
    s.setTestFault('throw');
    const { datasetId, architecture, split } = request();
    await expect(s.gradientCheck({ datasetId, architecture, split, samples: 2, seed: 1 })).rejects.toThrow(/gradient check failed: injected fault/);
  });
});
