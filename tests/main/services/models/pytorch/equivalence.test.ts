/** The exported PyTorch model against our engine: forward probabilities on 1,000 rows, and optimizer steps from the same weights and batch. */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetwork, createOptimizer, createRng, matrix } from '../../../../../src/core';
import type { OptimizerName, TrainingConfig } from '../../../../../src/core';
import { readModelFile } from '../../../../../src/main/services/models/model-file';
import { Predictor } from '../../../../../src/main/services/models/predictor';
import type { ModelSnapshot } from '../../../../../src/shared/model';
import { makeSnapshot } from '../../../../fixtures/models/snapshot';
import { TORCH_MISSING, TORCH_PYTHON, runPython, writeTempProject } from './torch-python';

if (!TORCH_PYTHON) console.log(`skipping the PyTorch equivalence tests: ${TORCH_MISSING}`);

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function project(snapshot: ModelSnapshot): Promise<string> {
  const dir = await writeTempProject(snapshot);
  dirs.push(dir);
  return dir;
}

/** `rows` raw feature rows (3 features around the fixture's normalization), seeded. */
function rawRows(rows: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: rows * 3 }, (_, i) => [1, -2, 0.5][i % 3] + [2, 0.5, 3][i % 3] * 2 * rng.normal());
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
};

const PREDICT = `
import json, sys, numpy as np, torch
from model import load_model
net = load_model("model.safetensors")
x = torch.from_numpy(np.fromfile(sys.argv[1], dtype="<f4").reshape(-1, 3))
p = net.predict_proba(x)
print(json.dumps({"dtype": str(p.dtype), "training": net.training, "p": p.double().flatten().tolist()}))
`;

describe.skipIf(TORCH_PYTHON === null)('PyTorch export: forward pass', () => {
  for (const [precision, tolerance] of [
    ['float64', 1e-6],
    ['float32', 1e-5],
  ] as const) {
    it(`load_model(path).predict_proba(raw rows) equals our probabilities within ${tolerance} on 1,000 rows (${precision})`, async () => {
      const snapshot = makeSnapshot(precision);
      const dir = await project(snapshot);
      const x = rawRows(1000, 11);
      await writeFile(join(dir, 'x.f32'), x);
      const theirs = JSON.parse(runPython(dir, PREDICT, ['x.f32'])) as { dtype: string; training: boolean; p: number[] };
      const ours = new Predictor(snapshot).predictFeatures(x).flatMap((r) => r.probabilities);
      expect(theirs.dtype).toBe(precision === 'float64' ? 'torch.float64' : 'torch.float32');
      expect(theirs.training).toBe(false);
      expect(maxAbsDiff(theirs.p, ours)).toBeLessThan(tolerance);
    });
  }
});

const STEPS = `
import json, sys, numpy as np, torch
from model import load_model
from optim import create_optimizer
from train import train_step
x = torch.from_numpy(np.fromfile("x.f64", dtype="<f8").reshape(-1, 3))
t = torch.from_numpy(np.fromfile("t.i32", dtype="<i4").astype(np.int64))
for case in json.loads(sys.argv[1]):
    net = load_model("model.safetensors").train()  # a fresh Dropout stream and the exported weights for every case
    config = case["config"]
    optimizer = create_optimizer(net.parameters(), config)
    for _ in range(case["steps"]):
        assert train_step(net, net, optimizer, x, t, config["learningRate"], config["weightDecay"]) is not None
    net.save(case["out"])
`;

/** Our engine: `steps` updates on one batch (train mode: Dropout masks and BatchNorm statistics included) → every tensor. */
function oursAfter(
  snapshot: ModelSnapshot,
  config: TrainingConfig,
  x: Float64Array,
  t: Int32Array,
  steps: number,
): Map<string, Float32Array | Float64Array> {
  const network = createNetwork(snapshot.architecture, { precision: 'float64', seed: config.seed });
  network.importState(snapshot.tensors);
  network.setWeightDecay(config.weightDecay);
  const optimizer = createOptimizer(config);
  for (let k = 0; k < steps; k++) {
    network.gradient(matrix(t.length, 3, x), t);
    optimizer.step(network.params(), config.learningRate);
  }
  return new Map(network.exportState().map((s) => [s.name, s.data]));
}

describe.skipIf(TORCH_PYTHON === null)('PyTorch export: optimizer steps (float64)', () => {
  const hyper: [OptimizerName, Partial<TrainingConfig>][] = [
    ['sgd', {}],
    ['momentum', { momentum: 0.8 }],
    ['adam', { beta1: 0.85, beta2: 0.99 }],
    ['nesterov', { momentum: 0.9 }],
    ['adagrad', {}],
    ['rmsprop', { decayRate: 0.95 }],
  ];
  const cases = hyper.flatMap(([optimizer, h]) =>
    [1, 3].map((steps) => ({ optimizer, h, steps, out: `${optimizer}-${steps}.safetensors` })),
  );
  const snapshot = makeSnapshot('float64');
  const configOf = (c: (typeof cases)[number]): TrainingConfig => ({
    ...snapshot.trainingConfig,
    ...c.h,
    optimizer: c.optimizer,
    learningRate: 0.05,
    weightDecay: 0.01,
  });
  const rng = createRng(5);
  const x = Float64Array.from({ length: 32 * 3 }, () => rng.normal());
  const t = Int32Array.from({ length: 32 }, () => rng.int(3));
  let dir = '';

  beforeAll(async () => {
    dir = await project(snapshot);
    await writeFile(join(dir, 'x.f64'), x);
    await writeFile(join(dir, 't.i32'), t);
    runPython(dir, STEPS, [JSON.stringify(cases.map((c) => ({ config: configOf(c), steps: c.steps, out: c.out })))]);
  });

  for (const c of cases) {
    it(`${c.steps} ${c.optimizer} step(s) from the same weights and batch give our weights within 1e-10 (weight decay, Dropout, BatchNorm)`, async () => {
      const theirs = await readModelFile(join(dir, c.out));
      const ours = oursAfter(snapshot, configOf(c), x, t, c.steps);
      let moved = 0;
      for (const tensor of theirs.tensors) {
        const mine = ours.get(tensor.name);
        if (!mine) throw new Error(`no tensor ${tensor.name} in our network`);
        expect(maxAbsDiff(tensor.data, mine), tensor.name).toBeLessThan(1e-10);
        moved = Math.max(moved, maxAbsDiff(mine, snapshot.tensors.find((s) => s.name === tensor.name)?.data ?? []));
      }
      expect(moved).toBeGreaterThan(1e-4); // the step did change the weights
    });
  }
});
