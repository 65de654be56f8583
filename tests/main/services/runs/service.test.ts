import { afterEach, describe, expect, it } from 'vitest';
import { createNetwork, Trainer } from '../../../../src/core/index';
import type { RunService } from '../../../../src/main/services/runs/service';
import type { RunEvent } from '../../../../src/shared/runs';
import { NO_BUILD, SPIRAL_MLP, QUICK_CONFIG } from '../../engine/fixtures';
import { PREPARED, makeService, request, waitForEvent, waitForStatus } from './helpers';

const services: RunService[] = [];
const service = (...args: Parameters<typeof makeService>): RunService => {
  const s = makeService(...args);
  services.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.dispose()));
});

describe.skipIf(NO_BUILD)('RunService through the built engine worker', () => {
  it('trains a run to done with curves, epoch metrics, test metrics and a snapshot', async () => {
    const s = service();
    const events: RunEvent[] = [];
    s.onEvent((e) => events.push(e));
    const { id, status } = s.start(request());
    expect(status).toMatch(/queued|running/);
    const end = await waitForStatus(s, id);
    expect(end.status).toBe('done');
    expect(end.finishReason).toBe('completed');
    expect(end.iteration).toBe(3 * 12);
    expect(end.test).not.toBeNull();
    const curves = s.curves(id);
    expect(curves.loss.at(-1)?.[0]).toBe(36);
    expect(curves.epochs.map((e) => e.epoch)).toEqual([0, 1, 2]);
    expect(events.filter((e) => e.type === 'status').map((e) => e.type === 'status' && e.status)).toEqual([
      'queued',
      'running',
      'done',
    ]);
    const snapshot = s.snapshot(id);
    expect(snapshot.tensors.map((t) => t.name)).toEqual(['layers.0.W', 'layers.0.b', 'layers.2.W', 'layers.2.b']);
    expect(snapshot.classNames).toEqual(PREPARED.train.target.kind === 'classes' ? PREPARED.train.target.classNames : []);
  });

  it('gives bit-identical weights and curves for the same seed, equal to the core Trainer in-process', async () => {
    const s = service();
    const a = s.start(request());
    const b = s.start(request());
    await Promise.all([waitForStatus(s, a.id), waitForStatus(s, b.id)]);
    expect(s.curves(a.id).loss).toEqual(s.curves(b.id).loss);
    const weights = (id: string) => s.snapshot(id).tensors.map((t) => Array.from(t.data));
    expect(weights(a.id)).toEqual(weights(b.id));
    const network = createNetwork(SPIRAL_MLP, { precision: 'float32', seed: QUICK_CONFIG.seed });
    const trainer = new Trainer(network, PREPARED.train, QUICK_CONFIG);
    const losses: [number, number][] = [];
    while (!trainer.done) {
      const r = trainer.trainBatch();
      losses.push([r.iteration, r.loss]);
    }
    expect(s.curves(a.id).loss).toEqual(losses);
    expect(weights(a.id)).toEqual(network.exportState().map((t) => Array.from(t.data)));
  });

  it('pauses, steps one batch, steps one epoch, resumes and stops through the shared flag', async () => {
    const s = service();
    const { id } = s.start(request({ epochs: 100_000 }));
    await waitForEvent(s, (e) => e.type === 'progress' && e.runId === id);
    s.pause(id);
    const paused = await waitForStatus(s, id, 'paused');
    await new Promise((r) => setTimeout(r, 100));
    expect(s.list()[0].iteration).toBe(paused.iteration);
    expect(() => s.snapshot(id)).not.toThrow();

    s.step(id, 'batch');
    const afterBatch = await waitForEvent(s, (e) => e.type === 'progress' && e.iteration === paused.iteration + 1);
    expect(afterBatch.type).toBe('progress');
    await new Promise((r) => setTimeout(r, 100));
    expect(s.list()[0].iteration).toBe(paused.iteration + 1);
    expect(s.list()[0].status).toBe('paused');

    s.step(id, 'epoch');
    const epochEvent = await waitForEvent(s, (e) => e.type === 'epoch' && e.runId === id);
    await new Promise((r) => setTimeout(r, 100));
    const afterEpoch = s.list()[0];
    expect(afterEpoch.status).toBe('paused');
    expect(afterEpoch.iteration % 12).toBe(0);
    expect(epochEvent.type === 'epoch' && epochEvent.epoch).toBe(afterEpoch.epoch);

    s.resume(id);
    await waitForStatus(s, id, 'running');
    s.stop(id);
    const stopped = await waitForStatus(s, id); // promptness is counted in batches in tests/main/engine/train-job.test.ts
    expect(stopped.status).toBe('stopped');
    expect(stopped.finishReason).toBe('stopped');
  });

  it('trains with the WebAssembly kernels when asked, falling back to the reference ones only without SIMD', async () => {
    const s = service({ kernels: 'wasm' });
    const { id } = s.start(request());
    const end = await waitForStatus(s, id);
    expect(end.status).toBe('done');
    expect(end.kernels).toMatch(/^wasm/);
    expect(end.train?.loss).toBeLessThan(1.2);
  });

  it('coalesces short epochs into throttled progress events, reporting every epoch exactly once', async () => {
    // The rate itself is checked against an injected clock in tests/main/engine/train-job.test.ts; here, counts only.
    const s = service({ progressIntervalMs: undefined });
    const { id } = s.start(request({ epochs: 100_000 }));
    await waitForEvent(s, (e) => e.type === 'progress' && e.runId === id);
    let progressEvents = 0;
    let epochEvents = 0;
    const reported: number[] = [];
    s.onEvent((e) => {
      if (e.runId !== id) return;
      if (e.type === 'epoch') epochEvents++;
      if (e.type !== 'progress') return;
      progressEvents++;
      reported.push(...e.epochs.map((m) => m.epoch));
    });
    await waitForEvent(s, () => reported.length >= 60, 60_000);
    s.stop(id);
    await waitForStatus(s, id);
    expect(reported).toEqual(Array.from({ length: reported.length }, (_, i) => reported[0] + i)); // in order, none twice, none lost
    expect(epochEvents).toBeLessThanOrEqual(progressEvents); // at most one epoch event per progress event
    expect(progressEvents).toBeLessThan(reported.length); // so some progress events carried several epochs
  });

  it('changes the learning rate of a running run', async () => {
    const s = service();
    const { id } = s.start(request({ epochs: 100_000 }));
    await waitForEvent(s, (e) => e.type === 'progress' && e.runId === id);
    s.setLearningRate(id, 0.0625);
    await waitForEvent(s, (e) => e.type === 'progress' && e.learningRate === 0.0625);
    s.stop(id);
    await waitForStatus(s, id);
  });

  it('runs at most maxConcurrent runs and starts a queued one when a slot frees', async () => {
    const s = service({ maxConcurrent: 1 });
    const first = s.start(request({ epochs: 100_000 }));
    const second = s.start(request());
    expect(second.status).toBe('queued');
    expect(s.list().map((r) => r.status)).toEqual(['running', 'queued']);
    s.stop(first.id);
    expect((await waitForStatus(s, second.id)).status).toBe('done');
  });

  it('stops a run at the first NaN, reports where, and keeps the last finite weights', async () => {
    const s = service();
    const events: RunEvent[] = [];
    s.onEvent((e) => events.push(e));
    const { id } = s.start(request({ learningRate: 1e30 }));
    const end = await waitForStatus(s, id);
    expect(end.status).toBe('failed');
    expect(end.nonFinite).toMatchObject({ epoch: 0 });
    expect(end.failureReason).toMatch(/non-finite .* at epoch 1, batch \d+/);
    const { nonFinite } = end;
    expect(end.failure).toMatchObject({
      code: 'run-non-finite',
      message: end.failureReason,
      params: { epoch: 1, batch: nonFinite?.batch, where: nonFinite?.where, parameter: nonFinite?.parameter },
    });
    expect(events.some((e) => e.type === 'nan')).toBe(true);
    expect(s.snapshot(id).tensors.every((t) => t.data.every(Number.isFinite))).toBe(true);
  });

  it('refuses a run over the memory budget before allocating, naming estimate and budget', () => {
    const s = service();
    const huge = {
      inputSize: 2,
      layers: [
        ...Array.from({ length: 15 }, () => [{ type: 'Affine' as const, units: 4096 }, { type: 'Relu' as const }]).flat(),
        { type: 'Affine' as const, units: 3 },
        { type: 'SoftmaxWithLoss' as const },
      ],
    };
    expect(() => s.start(request({}, { architecture: huge }))).toThrow(/needs about .* GiB.*memory budget of 1\.0 GiB/);
    expect(s.list()).toEqual([]);
  });

  it('runs a float64 gradient check on a worker and returns per-element errors as Float64Array', async () => {
    const s = service();
    const result = await s.gradientCheck({
      datasetId: 'spiral',
      architecture: SPIRAL_MLP,
      split: request().split,
      samples: 3,
      seed: 1,
    });
    expect(result.samples).toBe(3);
    expect(result.params.map((p) => p.name)).toEqual(['layers.0.W', 'layers.0.b', 'layers.2.W', 'layers.2.b']);
    expect(result.params[0].relError).toBeInstanceOf(Float64Array);
    expect(result.params[0].relError).toHaveLength(2 * 16);
    expect(result.pass).toBe(true);
  });
});
