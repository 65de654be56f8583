import { describe, expect, it } from 'vitest';
import { ArchitectureError, createNetwork, describeArchitecture, matrix } from '../../../src/core/index';
import type { ArchitectureSpec } from '../../../src/core/index';

const spec: ArchitectureSpec = {
  inputSize: 3,
  layers: [
    { type: 'Affine', units: 4 },
    { type: 'BatchNormalization' },
    { type: 'Relu' },
    { type: 'Affine', units: 2 },
    { type: 'SoftmaxWithLoss' },
  ],
};
const x = matrix(2, 3, Float64Array.from([1, 2, 3, -1, 0.5, 2]));
const t = Int32Array.from([0, 1]);

describe('Sequential', () => {
  it('describes shapes and parameter counts', () => {
    const d = describeArchitecture(spec);
    expect(d.errors).toEqual([]);
    expect(d.layers.map((l) => [l.inputSize, l.outputSize, l.parameterCount])).toEqual([
      [3, 4, 16],
      [4, 4, 8],
      [4, 4, 0],
      [4, 2, 10],
      [2, 2, 0],
    ]);
    expect(d.parameterCount).toBe(34);
  });

  it('explains bad specs naming the layer', () => {
    const bad = describeArchitecture({ inputSize: 3, layers: [{ type: 'SoftmaxWithLoss' }, { type: 'Affine', units: 0 }] });
    expect(bad.errors.join('\n')).toMatch(/Layer 1 \(SoftmaxWithLoss\).*must be the last/);
    expect(bad.errors.join('\n')).toMatch(/Layer 2 \(Affine\): units must be a positive integer/);
    const unknown = describeArchitecture(JSON.parse('{"inputSize":2,"layers":[{"type":"Conv"}]}') as ArchitectureSpec);
    expect(unknown.errors[0]).toMatch(/Layer 1: unknown layer type "Conv"/);
    expect(() => createNetwork({ inputSize: 2, layers: [{ type: 'Relu' }] }, { precision: 'float64', seed: 1 })).toThrow(
      ArchitectureError,
    );
  });

  it('names params by layer index and computes a finite loss and probabilities', () => {
    const net = createNetwork(spec, { precision: 'float64', seed: 1 });
    expect(net.params().map((p) => p.name)).toEqual([
      'layers.0.W',
      'layers.0.b',
      'layers.1.gamma',
      'layers.1.beta',
      'layers.3.W',
      'layers.3.b',
    ]);
    expect(net.layers.map((l) => l.name)).toEqual(['Affine', 'BatchNormalization', 'Relu', 'Affine', 'SoftmaxWithLoss']);
    const loss = net.gradient(x, t);
    expect(Number.isFinite(loss) && loss > 0).toBe(true);
    const p = net.probabilities(x);
    expect(p.data[0] + p.data[1]).toBeCloseTo(1, 12);
  });

  it('round-trips state including running statistics and rejects a wrong shape', () => {
    const a = createNetwork(spec, { precision: 'float64', seed: 1 });
    a.gradient(x, t);
    const state = a.exportState();
    expect(state.map((s) => s.name)).toContain('layers.1.runningMean');
    const b = createNetwork(spec, { precision: 'float64', seed: 2 });
    b.importState(state);
    expect(Array.from(b.predict(x).data)).toEqual(Array.from(a.predict(x).data));
    const broken = state.map((s) => (s.name === 'layers.0.W' ? { ...s, shape: [4, 3] } : s));
    expect(() => b.importState(broken)).toThrow(/layers\.0\.W.*shape \[4, 3\], expected \[3, 4\]/);
    expect(() => b.importState(state.slice(1))).toThrow(/missing tensor\(s\) layers\.0\.W/);
  });

  it('adds λ/2·ΣW² to the loss with weight decay', () => {
    const net = createNetwork(spec, { precision: 'float64', seed: 1 });
    const plain = net.loss(x, t, false);
    net.setWeightDecay(0.1);
    let sum = 0;
    for (const p of net.params()) if (p.name.endsWith('.W')) for (const w of p.value) sum += w * w;
    expect(net.loss(x, t, false)).toBeCloseTo(plain + 0.05 * sum, 12);
  });

  it('rejects input of the wrong dtype or width with a clear message', () => {
    const net = createNetwork(spec, { precision: 'float32', seed: 1 });
    expect(() => net.predict(x)).toThrow(/Affine: input is float64, the network computes in float32/);
    expect(() => net.predict(matrix(1, 2, new Float32Array(2)))).toThrow(/2 columns, expected 3/);
  });

  it('is bit-identical for the same seed', () => {
    const a = createNetwork(spec, { precision: 'float32', seed: 9 }).exportState();
    const b = createNetwork(spec, { precision: 'float32', seed: 9 }).exportState();
    const c = createNetwork(spec, { precision: 'float32', seed: 10 }).exportState();
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});
