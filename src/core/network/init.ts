/** Weight initialisation for Affine layers: N(0, std²) with a given std, Xavier (1/√n) or He (√(2/n)), n = fan-in. */
import type { FloatArray } from '../matrix';
import type { Rng } from '../rng';
import type { InitSpec, LayerSpec } from '../spec';

/** The standard deviation `init` gives for `fanIn` inputs. */
export function initStd(init: InitSpec, fanIn: number): number {
  switch (init.kind) {
    case 'std':
      return init.std;
    case 'xavier':
      return 1 / Math.sqrt(fanIn);
    case 'he':
      return Math.sqrt(2 / fanIn);
    default: {
      const never: never = init;
      throw new Error(`Unknown init ${JSON.stringify(never)}`);
    }
  }
}

/** The init of the Affine at `index`: its own, else He when the next activation before another Affine is Relu, else Xavier. */
export function defaultInit(layers: readonly LayerSpec[], index: number): InitSpec {
  const own = layers[index];
  if (own.type === 'Affine' && own.init) return own.init;
  for (let i = index + 1; i < layers.length && layers[i].type !== 'Affine'; i++) {
    const type = layers[i].type;
    if (type === 'Relu') return { kind: 'he' };
    if (type === 'Sigmoid' || type === 'Tanh') return { kind: 'xavier' };
  }
  return { kind: 'xavier' };
}

/** Fill `w` with N(0, std²) draws from `rng`, in index order. */
export function fillNormal(w: FloatArray, std: number, rng: Rng): void {
  for (let i = 0; i < w.length; i++) w[i] = std * rng.normal();
}
