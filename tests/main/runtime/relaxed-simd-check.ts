/**
 * Run by relaxed-simd.test.ts in a fresh Node (no V8 flags): prints, as JSON, whether relaxed SIMD was there before
 * enableRelaxedSimd(), after it, and which kernels a worker thread created afterwards compiles.
 */
import { Worker } from 'node:worker_threads';
import { enableRelaxedSimd, hasRelaxedSimd } from '../../../src/main/runtime/relaxed-simd';

const before = hasRelaxedSimd();
const after = enableRelaxedSimd();
const workerSource = `
const { parentPort } = require('node:worker_threads');
import('tsx/esm/api').then(({ tsImport }) => tsImport('./src/core/kernels/wasm/index.ts', { parentURL: 'file://' + process.cwd() + '/' }))
  .then(({ createWasmKernelsSync }) => parentPort.postMessage(createWasmKernelsSync({ capacityBytes: 1 << 20 })?.name ?? null));
`;
const worker = new Worker(workerSource, { eval: true });
worker.once('message', (workerKernels: string | null) => {
  console.log(JSON.stringify({ before, after, workerKernels }));
  void worker.terminate();
});
