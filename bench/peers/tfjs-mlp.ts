/**
 * Peer benchmark: the same MLP training step in TensorFlow.js on its WebAssembly backend (float32, SGD, batch 100).
 * tfjs-core alone registers no gradients, so the backward pass is written with tf ops exactly like our layers'
 * (dW = xᵀ·dout, db = Σ dout, dx = dout·Wᵀ, ReLU mask, softmax − t over N): the same arithmetic, TF.js's kernels.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { now } from '../clock';

/** Starts TF.js's wasm backend from the .wasm files inside its npm package; returns a description of it. */
export async function initTfjsWasm(): Promise<string> {
  const require = createRequire(import.meta.url);
  setWasmPaths(`${path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error('TensorFlow.js: the wasm backend did not start');
  await tf.ready();
  const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'simd' : 'no simd';
  const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? 'threads' : 'one thread';
  return `tfjs-wasm ${tf.version_core} (${simd}, ${threads})`;
}

interface Layer {
  W: tf.Variable;
  b: tf.Variable;
}

/** Training samples/s (this process's CPU time) of an MLP with the given widths over `ms` milliseconds. */
export function tfjsSamplesPerSecond(widths: number[], ms: number): number {
  const n = 100;
  const x = tf.randomUniform([n, widths[0]], 0, 1, 'float32', 7);
  const classes = widths.at(-1) ?? 1;
  const t = tf.cast(tf.oneHot(tf.randomUniform([n], 0, classes, 'int32', 8) as tf.Tensor1D, classes), 'float32');
  const layers: Layer[] = widths.slice(1).map((out, i) => ({
    W: tf.variable(tf.randomNormal([widths[i], out], 0, 0.01, 'float32', i + 1)),
    b: tf.variable(tf.zeros([out])),
  }));
  const step = (): void =>
    tf.tidy(() => {
      const inputs: tf.Tensor[] = [x];
      layers.forEach(({ W, b }, i) => {
        const z = tf.add(tf.matMul(inputs[i], W), b);
        inputs.push(i + 1 < layers.length ? tf.relu(z) : z);
      });
      let dout = tf.div(tf.sub(tf.softmax(inputs[layers.length]), t), n);
      for (let i = layers.length - 1; i >= 0; i--) {
        const { W, b } = layers[i];
        const dW = tf.matMul(inputs[i], dout, true, false);
        const db = tf.sum(dout, 0);
        if (i > 0) dout = tf.mul(tf.matMul(dout, W, false, true), tf.step(inputs[i]));
        W.assign(tf.sub(W, tf.mul(dW, 0.1)));
        b.assign(tf.sub(b, tf.mul(db, 0.1)));
      }
    });
  for (let i = 0; i < 10; i++) step();
  let steps = 0;
  const t0 = now();
  while (now() - t0 < ms) {
    step();
    steps++;
  }
  const rate = (steps * n * 1000) / (now() - t0);
  tf.dispose([x, t, ...layers.flatMap((l) => [l.W, l.b])]);
  return rate;
}
