import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExperimentService } from '../../../../src/main/services/experiments/service';
import { EXPERIMENTS } from '../../../../src/core/experiments/registry';
import { runExperiment } from '../../../../src/core/experiments/run-experiment';
import type { ExperimentEvent } from '../../../../src/shared/api/experiments';
import { NO_BUILD, WORKER_PATH } from '../../engine/fixtures';

const RESOURCES = join(import.meta.dirname, '../../../../resources');

describe.skipIf(NO_BUILD !== null)('ExperimentService (built engine worker)', () => {
  let service: ExperimentService;
  afterEach(async () => service.dispose());

  it('runs every cell on worker threads, two at a time, and gives the same figures as the in-thread runner', async () => {
    service = new ExperimentService({ workerPath: WORKER_PATH, concurrency: 2, resourcesDir: RESOURCES, kernels: 'reference' });
    const events: ExperimentEvent[] = [];
    service.onEvent((e) => events.push(e));
    const started = await service.start({ name: 'init-activations', seed: 4, params: { samples: 200 } });
    expect([started.status, started.cells.length, started.concurrency]).toEqual(['running', 6, 2]);
    const done = await service.settled(started.id);
    expect(done.status).toBe('completed');
    expect(done.progress).toBe(1);
    const serial = runExperiment(EXPERIMENTS['init-activations'], { seed: 4, params: { samples: 200 } });
    expect(done.summary).toEqual(serial.summary);
    expect(done.results.map((r) => r?.figures)).toEqual(serial.results.map((r) => r.figures));
    expect(events.filter((e) => e.type === 'cell')).toHaveLength(6);
    expect(events.some((e) => e.type === 'cell-progress')).toBe(true);
    expect(events[events.length - 1]).toMatchObject({ type: 'state', state: { status: 'completed' } });
  });

  it('trains on builtin:digits by default and can be cancelled: no cell result arrives after the cancel', async () => {
    service = new ExperimentService({ workerPath: WORKER_PATH, concurrency: 2, resourcesDir: RESOURCES });
    const first = new Promise<void>((resolve) => service.onEvent((e) => e.type === 'cell-progress' && resolve()));
    const started = await service.start({ name: 'batchnorm-grid', seed: 1 });
    expect([started.dataset, started.cells.length]).toEqual(['Digits', 32]);
    await first;
    service.cancel(started.id);
    const ended = await service.settled(started.id);
    expect(ended.status).toBe('cancelled');
    expect(ended.results.filter((r) => r !== null).length).toBeLessThan(32);
    expect(ended.summary).toBeNull();
  });

  it('pauses its workers and resumes them', async () => {
    service = new ExperimentService({ workerPath: WORKER_PATH, concurrency: 1, resourcesDir: RESOURCES });
    const first = new Promise<void>((resolve) => service.onEvent((e) => e.type === 'cell-progress' && resolve()));
    const started = await service.start({ name: 'optimizer-comparison', seed: 1, params: { iterations: 300, units: 20 } });
    await first;
    service.pause(started.id);
    expect(service.get(started.id).status).toBe('paused');
    service.resume(started.id);
    const done = await service.settled(started.id);
    expect(done.status).toBe('completed');
    expect(done.results.every((r) => r !== null && r.series[0].y.length === 300)).toBe(true);
  });

  it('rejects a parameter out of range before starting anything', async () => {
    service = new ExperimentService({ workerPath: WORKER_PATH });
    await expect(service.start({ name: 'optimizer-paths', seed: 1, params: { steps: -1 } })).rejects.toThrow(
      'optimizer-paths: parameter steps is -1, expected an integer in [1, 1000]',
    );
  });
});
