/** Checks a model's tensors against its architecture: same names, same shapes, right dtype, every number finite. */
import type { NamedTensor } from '../../../shared/model';
import type { ArchitectureSpec, Precision } from '../../../core/spec';
import { createNetwork, describeArchitecture } from '../../../core';
import { ModelProblem } from './errors';

const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/** Index of the first non-finite value, or −1. */
export function firstNonFinite(data: ArrayLike<number>): number {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return i;
  return -1;
}

/**
 * Return `tensors` in the network's own order after checking them against what createNetwork(architecture).exportState()
 * would hold. Throws Error naming the tensor (missing, extra, wrong shape, wrong dtype, non-finite value and its index).
 * The parameter count is compared with the numbers present before any network is allocated.
 */
export function checkTensors(
  architecture: ArchitectureSpec,
  precision: Precision,
  seed: number,
  tensors: readonly NamedTensor[],
): NamedTensor[] {
  const wanted = precision === 'float32' ? Float32Array : Float64Array;
  let present = 0;
  for (const t of tensors) {
    if (!(t.data instanceof wanted))
      throw new ModelProblem(
        `tensor "${t.name}" is ${t.data instanceof Float32Array ? 'F32' : 'F64'} but the model precision is ${precision}`,
        'tensor-mismatch',
      );
    const bad = firstNonFinite(t.data);
    if (bad >= 0)
      throw new ModelProblem(`tensor "${t.name}" holds a non-finite value ${t.data[bad]} at index ${bad}`, 'tensor-mismatch');
    present += t.data.length;
  }
  const declared = describeArchitecture(architecture).parameterCount;
  if (declared > present) {
    throw new ModelProblem(
      `the architecture declares ${declared} parameters but the file holds only ${present} numbers (a layer size does not match the weights)`,
      'tensor-mismatch',
    );
  }
  const expected = createNetwork(architecture, { precision, seed }).exportState();
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const expectedNames = new Set(expected.map((e) => e.name));
  const extra = tensors.find((t) => !expectedNames.has(t.name));
  if (extra)
    throw new ModelProblem(
      `tensor "${extra.name}" is not part of the architecture (expected ${[...expectedNames].join(', ')})`,
      'tensor-mismatch',
    );
  return expected.map((e) => {
    const t = byName.get(e.name);
    if (!t) throw new ModelProblem(`tensor "${e.name}" (shape ${shapeText(e.shape)}) is missing`, 'tensor-mismatch');
    if (t.shape.length !== e.shape.length || t.shape.some((d, i) => d !== e.shape[i])) {
      throw new ModelProblem(
        `tensor "${e.name}" has shape ${shapeText(t.shape)} but the architecture expects ${shapeText(e.shape)}`,
        'tensor-mismatch',
      );
    }
    return t;
  });
}
