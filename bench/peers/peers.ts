/**
 * `npm run bench -- --peers`: our engine against TensorFlow.js's wasm backend and numpy (when Debian's python3 has it)
 * on the same MLPs (float32, SGD, batch 100), interleaved round by round so that drift of the machine's speed hits all
 * three alike; prints each round and the medians with our ratio to each peer; our rate with the batch split across 2
 * threads (through the engine) is compared with numpy's one-thread rate too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kernels } from '../../src/core';
import { initTfjsWasm, tfjsSamplesPerSecond } from './tfjs-mlp';
import { syntheticMnist, trainingSamplesPerSecond } from '../training-rate';
import { configFor, mlp, randomMnistShaped, serviceFor, throughEngine } from '../engine';
import type { RunService } from '../../src/main/services/runs/service';

const NETWORKS = [
  [784, 50, 10],
  [784, 256, 128, 10],
];
const ROUNDS = 3;
/** Batches of an engine run with 2 threads (≈ 1–2 s of training), per network. */
const ENGINE_ITERATIONS: Record<string, number> = { '784–50–10': 3000, '784–256–128–10': 1000 };
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

/** Our training samples/s with the batch split across 2 threads, through the engine (its own training clock). */
async function twoThreadRate(service: RunService, widths: number[]): Promise<number> {
  const config = { ...configFor(ENGINE_ITERATIONS[widths.join('–')] ?? 1000), threads: 2 as const };
  return (await throughEngine(service, mlp(widths.slice(1, -1)), config)).summary.samplesPerSecond;
}

/**
 * One JSON line per network and round, then one summary line per network. `benchDir`: where bench.js runs from
 * (its engine-worker.js trains the 2-thread runs).
 */
export async function benchPeers(ours: Kernels, benchDir: string): Promise<Record<string, unknown>[]> {
  const service = serviceFor(randomMnistShaped(), join(benchDir, 'engine-worker.js'));
  try {
    return await peerLines(ours, benchDir, service);
  } finally {
    await service.dispose();
  }
}

async function peerLines(ours: Kernels, benchDir: string, service: RunService): Promise<Record<string, unknown>[]> {
  const tfjs = await initTfjsWasm();
  const script = [join(benchDir, '../../bench/peers/numpy_mlp.py'), join(dirname(benchDir), 'bench/peers/numpy_mlp.py')].find(
    existsSync,
  );
  const data = syntheticMnist(2000);
  const lines: Record<string, unknown>[] = [];
  for (const widths of NETWORKS) {
    const network = widths.join('–');
    const rates = { ours: [] as number[], ours2: [] as number[], tfjs: [] as number[], numpy: [] as number[] };
    let numpyNote: string | undefined;
    let blas: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      rates.ours.push(trainingSamplesPerSecond(ours, widths.slice(1, -1), data, 3, 300));
      rates.ours2.push(await twoThreadRate(service, widths));
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
        oursTwoThreads: Math.round(rates.ours2.at(-1) ?? 0),
        tfjs: Math.round(rates.tfjs.at(-1) ?? 0),
        numpy: 'rate' in numpy ? Math.round(numpy.rate) : null,
      });
    }
    const [o, o2, t, n] = [median(rates.ours), median(rates.ours2), median(rates.tfjs), median(rates.numpy)];
    lines.push({
      kind: 'peers',
      network,
      batch: 100,
      threads: 1,
      [`${ours.name}SamplesPerSecond`]: Math.round(o),
      tfjsWasmSamplesPerSecond: Math.round(t),
      tfjsBackend: tfjs,
      oursTwoThreadsSamplesPerSecond: Math.round(o2),
      oursOverTfjs: round2(o / t),
      ...(rates.numpy.length
        ? {
            numpySamplesPerSecond: Math.round(n),
            numpyBlas: blas,
            oursOverNumpy: round2(o / n),
            oursTwoThreadsOverNumpy: round2(o2 / n),
          }
        : { numpySkipped: numpyNote }),
    });
  }
  return lines;
}
