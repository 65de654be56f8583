/**
 * Optimizer paths (book §6.1.7): core's SGD, Momentum, AdaGrad and Adam minimise f(x, y) = x²/20 + y² from (−7, 2);
 * one cell per optimizer records the path of (x, y) over the steps.
 */
import type { Param } from '../param';
import type { OptimizerName } from '../spec';
import { DEFAULT_TRAINING_CONFIG } from '../spec';
import { createOptimizer } from '../optimizers/create-optimizer';
import type { CellContext, CellResult, ExperimentDefinition, ExperimentParams } from './experiment';
import { ExperimentCancelled } from './experiment';
import { param } from './params';

/** The book's f(x, y) = x²/20 + y²: a valley 20 times steeper in y than in x. */
export const pathFunction = (x: number, y: number): number => (x * x) / 20 + y * y;

/** ∂f/∂x = x/10, ∂f/∂y = 2y. */
export const pathGradient = (x: number, y: number): [number, number] => [x / 10, 2 * y];

const OPTIMIZERS: { name: OptimizerName; label: string; lrKey: string }[] = [
  { name: 'sgd', label: 'SGD', lrKey: 'lrSgd' },
  { name: 'momentum', label: 'Momentum', lrKey: 'lrMomentum' },
  { name: 'adagrad', label: 'AdaGrad', lrKey: 'lrAdagrad' },
  { name: 'adam', label: 'Adam', lrKey: 'lrAdam' },
];

/** Number of sign changes in `values` (zeros are skipped). */
export function signChanges(values: readonly number[]): number {
  let changes = 0;
  let last = 0;
  for (const v of values) {
    if (v === 0) continue;
    if (last !== 0 && Math.sign(v) !== Math.sign(last)) changes++;
    last = v;
  }
  return changes;
}

/** Cell i: optimizer i takes `steps` steps from (startX, startY); the path has steps + 1 points. */
function runCell(index: number, ctx: CellContext): CellResult {
  const { params: p, hooks } = ctx;
  const o = OPTIMIZERS[index];
  const optimizer = createOptimizer({ ...DEFAULT_TRAINING_CONFIG, optimizer: o.name, learningRate: p[o.lrKey] });
  const point: Param = { name: 'xy', shape: [2], value: Float64Array.of(p.startX, p.startY), grad: new Float64Array(2) };
  const xs = [p.startX];
  const ys = [p.startY];
  for (let step = 1; step <= p.steps; step++) {
    if (hooks?.shouldStop?.()) throw new ExperimentCancelled();
    point.grad.set(pathGradient(point.value[0], point.value[1]));
    optimizer.step([point], p[o.lrKey]);
    xs.push(point.value[0]);
    ys.push(point.value[1]);
    hooks?.onProgress?.(step, p.steps, [{ name: o.label, kind: 'path', x: xs, y: ys }]);
  }
  const [x, y] = [xs[xs.length - 1], ys[ys.length - 1]];
  return {
    index,
    label: o.label,
    series: [{ name: o.label, kind: 'path', x: xs, y: ys }],
    figures: { finalX: x, finalY: y, distance: Math.hypot(x, y), finalValue: pathFunction(x, y), ySignChanges: signChanges(ys) },
  };
}

export const optimizerPaths: ExperimentDefinition = {
  name: 'optimizer-paths',
  needsData: false,
  params: [
    param('steps', 30, 1, 1000, true),
    param('startX', -7, -10, 10),
    param('startY', 2, -10, 10),
    param('lrSgd', 0.95, 1e-6, 10),
    param('lrMomentum', 0.1, 1e-6, 10),
    param('lrAdagrad', 1.5, 1e-6, 10),
    param('lrAdam', 0.3, 1e-6, 10),
  ],
  cells: () => OPTIMIZERS.map((o) => o.label),
  runCell,
  summarize: (_p: ExperimentParams, results) => {
    const summary: Record<string, number> = {};
    for (const r of results) {
      summary[`${r.label}.distance`] = r.figures.distance;
      summary[`${r.label}.ySignChanges`] = r.figures.ySignChanges;
    }
    return summary;
  },
};
