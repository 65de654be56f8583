import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG } from '../../src/core/spec';
import { trainingConfigFromFlags } from '../../src/cli/train-flags';

describe('trainingConfigFromFlags', () => {
  it('maps every flag onto the TrainingConfig', () => {
    const config = trainingConfigFromFlags({
      optimizer: 'momentum',
      lr: '0.05',
      batch: '100',
      epochs: '7',
      seed: '3',
      precision: 'float64',
      'weight-decay': '1e-4',
      patience: '2',
    });
    expect(config).toEqual({
      ...DEFAULT_TRAINING_CONFIG,
      optimizer: 'momentum',
      learningRate: 0.05,
      batchSize: 100,
      epochs: 7,
      seed: 3,
      precision: 'float64',
      weightDecay: 1e-4,
      patience: 2,
    });
  });

  it('reads --threads as auto or a count up to the cores, and leaves it out when absent', () => {
    expect(trainingConfigFromFlags({})).not.toHaveProperty('threads');
    expect(trainingConfigFromFlags({ threads: 'auto' }, 2).threads).toBe('auto');
    expect(trainingConfigFromFlags({ threads: '2' }, 2).threads).toBe(2);
    expect(() => trainingConfigFromFlags({ threads: '3' }, 2)).toThrow(
      '--threads: expected auto or an integer from 1 to 2 (the cores of this machine), got "3"',
    );
    expect(() => trainingConfigFromFlags({ threads: 'all' }, 2)).toThrow(/--threads: expected auto or an integer from 1 to 2/);
  });

  it('turns --iterations into maxIterations with epochs left unbounded', () => {
    const config = trainingConfigFromFlags({ iterations: '500' });
    expect(config.maxIterations).toBe(500);
    expect(config.epochs).toBeGreaterThanOrEqual(500);
  });

  it('rejects bad values naming the flag and what was expected', () => {
    expect(() => trainingConfigFromFlags({ lr: '0' })).toThrow('--lr: expected a number > 0, got "0"');
    expect(() => trainingConfigFromFlags({ batch: '2.5' })).toThrow(/--batch: expected an integer ≥ 1 and ≤ 65536/);
    expect(() => trainingConfigFromFlags({ optimizer: 'lbfgs' })).toThrow(/--optimizer: expected one of sgd \| momentum/);
    expect(() => trainingConfigFromFlags({ epochs: '0x10' })).toThrow(/--epochs: expected an integer/);
    expect(() => trainingConfigFromFlags({ epochs: '2', iterations: '2' })).toThrow(/exclude each other/);
  });
});
