/** The helper's warm-up: a few gradient passes bounded by count and time, leaving the Dropout RNG as it found it. */
import { describe, expect, it } from 'vitest';
import { BatchLoader, createNetwork } from '../../../src/core/index';
import type { ArchitectureSpec } from '../../../src/core/spec';
import { WARM_UP_PASSES, warmUp } from '../../../src/main/engine/gradient-warm-up';
import { sharedSpiral } from './fixtures';

const DROPOUT_MLP: ArchitectureSpec = {
  inputSize: 2,
  layers: [
    { type: 'Affine', units: 16 },
    { type: 'Relu' },
    { type: 'Dropout', ratio: 0.5 },
    { type: 'Affine', units: 3 },
    { type: 'SoftmaxWithLoss' },
  ],
};
const train = sharedSpiral(20);

/** A network and loader as the helper builds them (float64, reference kernels). */
function helper(): { network: ReturnType<typeof createNetwork>; loader: BatchLoader } {
  const network = createNetwork(DROPOUT_MLP, { precision: 'float64', seed: 7 });
  return { network, loader: new BatchLoader(16, train.d, 2, 'float64', network.kernels) };
}

describe('warmUp', () => {
  it('leaves the Dropout RNG where it was, so the passes never change a run', () => {
    const { network, loader } = helper();
    const before = network.dropoutRng?.getState();
    expect(before).toBeDefined();
    warmUp(network, loader, train, 16);
    expect(network.dropoutRng?.getState()).toEqual(before);
  });

  it('makes the minimum passes even when the clock says time is up, and stops once it is', () => {
    const { network, loader } = helper();
    let t = 0;
    // Every clock read advances 1 s: past the time bound from the first check.
    expect(warmUp(network, loader, train, 16, () => (t += 1000))).toBe(WARM_UP_PASSES);
  });

  it('stops at its pass limit when the clock stands still', () => {
    const { network, loader } = helper();
    const passes = warmUp(network, loader, train, 16, () => 0);
    expect(passes).toBeGreaterThan(WARM_UP_PASSES);
    expect(warmUp(network, loader, train, 16, () => 0)).toBe(passes);
  });
});
