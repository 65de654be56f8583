/**
 * `npm run bench -- --peers`: our engine against TensorFlow.js's wasm backend and numpy (when Debian's python3 has it)
 * on the same MLPs (float32, SGD, batch 100), interleaved round by round so that drift of the machine's speed hits all
 * three alike; prints each round and the medians with our ratio to each peer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kernels } from '../../src/core';
import { initTfjsWasm, tfjsSamplesPerSecond } from './tfjs-mlp';
import { syntheticMnist, trainingSamplesPerSecond } from '../training-rate';

const NETWORKS = [
  [784, 50, 10],
  [784, 256, 128, 10],
];
const ROUNDS = 3;
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

/** numpy's rate in a child Python with one BLAS thread, or the reason it cannot run. */
function numpyRate(script: string, widths: number[], seconds: number): { rate: number; blas: string[] } | { skipped: string } {
  if (!existsSync(PYTHON)) return { skipped: `${PYTHON} not found` };
  // OPENBLAS_CORETYPE/L2_SIZE pin an old kernel on these machines for safety; unset here so numpy runs its best kernel.
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const child = spawnSync(PYTHON, [script, widths.join(','), String(seconds)], { encoding: 'utf8', env });
  if (child.status !== 0)
    return { skipped: `numpy peer failed: ${(child.stderr || child.error?.message || '').trim().split('\n').at(-1)}` };
  const parsed = JSON.parse(child.stdout.trim()) as { samplesPerSecond: number; blas: string[] };
  return { rate: parsed.samplesPerSecond, blas: parsed.blas };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** One JSON line per network and round, then one summary line per network. `benchDir`: where bench.js runs from. */
export async function benchPeers(ours: Kernels, benchDir: string): Promise<Record<string, unknown>[]> {
  const tfjs = await initTfjsWasm();
  const script = [join(benchDir, '../../bench/peers/numpy_mlp.py'), join(dirname(benchDir), 'bench/peers/numpy_mlp.py')].find(
    existsSync,
  );
  const data = syntheticMnist(2000);
  const lines: Record<string, unknown>[] = [];
  for (const widths of NETWORKS) {
    const network = widths.join('–');
    const rates = { ours: [] as number[], tfjs: [] as number[], numpy: [] as number[] };
    let numpyNote: string | undefined;
    let blas: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      rates.ours.push(trainingSamplesPerSecond(ours, widths.slice(1, -1), data, 3, 300));
      rates.tfjs.push(tfjsSamplesPerSecond(widths, 1000));
      const numpy = script ? numpyRate(script, widths, 1) : { skipped: 'bench/peers/numpy_mlp.py not found' };
      if ('rate' in numpy) {
        rates.numpy.push(numpy.rate);
        blas = numpy.blas;
      } else numpyNote = numpy.skipped;
      lines.push({
        kind: 'peers-round',
        network,
        round,
        ours: Math.round(rates.ours.at(-1) ?? 0),
        tfjs: Math.round(rates.tfjs.at(-1) ?? 0),
        numpy: 'rate' in numpy ? Math.round(numpy.rate) : null,
      });
    }
    const [o, t, n] = [median(rates.ours), median(rates.tfjs), median(rates.numpy)];
    lines.push({
      kind: 'peers',
      network,
      batch: 100,
      threads: 1,
      [`${ours.name}SamplesPerSecond`]: Math.round(o),
      tfjsWasmSamplesPerSecond: Math.round(t),
      tfjsBackend: tfjs,
      oursOverTfjs: round2(o / t),
      ...(rates.numpy.length
        ? { numpySamplesPerSecond: Math.round(n), numpyBlas: blas, oursOverNumpy: round2(o / n) }
        : { numpySkipped: numpyNote }),
    });
  }
  return lines;
}
