/** Test fixture: builtin:digits split and scaled for the experiments, and the WebAssembly kernels that keep the tests fast. */
import { join } from 'node:path';
import { importBuiltin } from '../../../src/main/services/datasets/builtin';
import { prepareExperimentData } from '../../../src/core/experiments/experiment-data';
import type { ExperimentData } from '../../../src/core/experiments/experiment';
import { createWasmKernelsSync } from '../../../src/core/kernels/wasm/index';
import { referenceKernels, type Kernels } from '../../../src/core/index';

const RESOURCES = join(import.meta.dirname, '../../../resources');

/** builtin:digits: 1,437 training and 360 test rows (stratified, seed 42), pixels scaled to [0, 1]. */
export async function loadDigits(): Promise<ExperimentData> {
  const { dataset } = await importBuiltin({ kind: 'builtin', name: 'digits' }, RESOURCES);
  return prepareExperimentData(dataset, undefined, 42);
}

/** Fresh WebAssembly SIMD kernels per cell (64 MiB), else the reference kernels. */
export const fastKernels = (): Kernels => createWasmKernelsSync({ capacityBytes: 64 * 1024 * 1024 }) ?? referenceKernels;
