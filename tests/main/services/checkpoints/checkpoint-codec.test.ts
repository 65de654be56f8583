import { describe, expect, it } from 'vitest';
import { CHECKPOINT_KEY, decodeCheckpoint, encodeCheckpoint } from '../../../../src/main/services/checkpoints/checkpoint-codec';
import { decodeSafetensors } from '../../../../src/main/services/models/safetensors/decode';
import { encodeSafetensors } from '../../../../src/main/services/models/safetensors/encode';
import { decodeModel, encodeModel } from '../../../../src/main/services/models/model-codec';
import { makeCheckpoint } from './fixtures';

/** Re-encode `bytes` with `edit` applied to its container (a hand-made bad file). */
function tamper(bytes: Uint8Array, edit: (c: ReturnType<typeof decodeSafetensors>) => void): Uint8Array {
  const container = decodeSafetensors(bytes);
  edit(container);
  return encodeSafetensors(container.tensors, { ...container.metadata });
}

describe('checkpoint files', () => {
  it.each(['float32', 'float64'] as const)('round-trip every field exactly (%s)', (precision) => {
    const checkpoint = makeCheckpoint(precision);
    const decoded = decodeCheckpoint(encodeCheckpoint(checkpoint), 'c.safetensors');
    expect(decoded.runName).toBe('run-3');
    expect(decoded.model.trainingConfig).toEqual(checkpoint.model.trainingConfig);
    const { trainer } = decoded.point;
    const original = checkpoint.point.trainer;
    expect([trainer.epoch, trainer.iteration, trainer.batchInEpoch]).toEqual([
      original.epoch,
      original.iteration,
      original.batchInEpoch,
    ]);
    expect(trainer.shuffleRng).toEqual(original.shuffleRng);
    expect(trainer.dropoutRng).toEqual(original.dropoutRng);
    expect(trainer.order).toEqual(original.order);
    expect(trainer.optimizer?.step).toBe(3);
    const byName = (ts: { name: string; data: ArrayLike<number> }[]) =>
      Object.fromEntries(ts.map((t) => [t.name, Array.from(t.data)]));
    expect(byName(trainer.optimizer?.tensors ?? [])).toEqual(byName(original.optimizer?.tensors ?? []));
    expect(byName(trainer.weights)).toEqual(byName(original.weights));
    expect(trainer.weights[0].data).toBeInstanceOf(precision === 'float32' ? Float32Array : Float64Array);
    expect(decoded.point.earlyStopping).toEqual({ bestValidationLoss: 0.75, epochsWithoutImprovement: 1 });
  });

  it('keeps +Infinity (no validated epoch yet) as the best validation loss', () => {
    const checkpoint = makeCheckpoint('float32');
    checkpoint.point.earlyStopping.bestValidationLoss = Number.POSITIVE_INFINITY;
    expect(decodeCheckpoint(encodeCheckpoint(checkpoint), 'c').point.earlyStopping.bestValidationLoss).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('is not a model file, and a model file is not a checkpoint', () => {
    const checkpoint = makeCheckpoint('float32');
    expect(() => decodeModel(encodeCheckpoint(checkpoint), 'c.safetensors')).toThrow(
      /unknown __metadata__ entry "backprop-studio.checkpoint"/,
    );
    expect(() => decodeCheckpoint(encodeModel(checkpoint.model), 'm.safetensors')).toThrow(/m\.safetensors: not a checkpoint/);
  });

  it('names what is wrong in a damaged checkpoint', () => {
    const bytes = encodeCheckpoint(makeCheckpoint('float64'));
    const meta = (edit: (m: Record<string, unknown>) => void) =>
      tamper(bytes, (c) => {
        const m = JSON.parse(c.metadata[CHECKPOINT_KEY]) as Record<string, unknown>;
        edit(m);
        c.metadata[CHECKPOINT_KEY] = JSON.stringify(m);
      });
    expect(() =>
      decodeCheckpoint(
        meta((m) => (m.epoch = -1)),
        'x',
      ),
    ).toThrow(/x: metadata backprop-studio\.checkpoint: epoch: /);
    expect(() =>
      decodeCheckpoint(
        meta((m) => (m.formatVersion = 2)),
        'x',
      ),
    ).toThrow(/formatVersion/);
    const noOrder = tamper(bytes, (c) => (c.tensors = c.tensors.filter((t) => t.name !== 'trainer.order')));
    expect(() => decodeCheckpoint(noOrder, 'x')).toThrow(/tensor "trainer\.order" must be present/);
    const badOrder = tamper(bytes, (c) => c.tensors.find((t) => t.name === 'trainer.order')?.data.fill(99, 0, 1));
    expect(() => decodeCheckpoint(badOrder, 'x')).toThrow(/"trainer\.order" holds 99 at index 0/);
    const nanMoment = tamper(bytes, (c) => c.tensors.find((t) => t.name.startsWith('optimizer.'))?.data.fill(Number.NaN, 0, 1));
    expect(() => decodeCheckpoint(nanMoment, 'x')).toThrow(/tensor "optimizer\.layers\.0\.W#m" must be F64 with finite values/);
    const wrongShape = tamper(bytes, (c) => (c.tensors = c.tensors.filter((t) => t.name !== 'layers.0.W')));
    expect(() => decodeCheckpoint(wrongShape, 'x')).toThrow(
      /x: the architecture declares 69 parameters but the file holds only 64/,
    );
  });
});

describe('checkpoint files of stateless optimizers', () => {
  it('round-trips SGD (a step count, no state tensors) and a fresh optimizer (null)', () => {
    const checkpoint = makeCheckpoint('float32');
    checkpoint.point.trainer.optimizer = { step: 0, tensors: [] };
    expect(decodeCheckpoint(encodeCheckpoint(checkpoint), 'c').point.trainer.optimizer).toEqual({ step: 0, tensors: [] });
    checkpoint.point.trainer.optimizer = null;
    expect(decodeCheckpoint(encodeCheckpoint(checkpoint), 'c').point.trainer.optimizer).toBeNull();
  });
});
