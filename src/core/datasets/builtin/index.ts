/** The built-in 2-D datasets, by name, for the dataset picker. */
import type { Dataset } from '../dataset';
import { makeSpiral } from './spiral';
import { makeCircles } from './circles';
import { makeXor } from './xor';
import { makeGaussians } from './gaussians';
import type { SpiralOptions } from './spiral';
import type { TwoClassOptions } from './make-dataset';

export { makeSpiral, makeCircles, makeXor, makeGaussians };
export type { SpiralOptions, TwoClassOptions };

/** The generated datasets, by name (the one list: src/shared/builtin-datasets.ts adds the bundled iris CSV). */
export const GENERATED_NAMES = ['spiral', 'circles', 'xor', 'gauss'] as const;
export type BuiltinName = (typeof GENERATED_NAMES)[number];

/** Options any generator accepts: `samples` is the total (spiral: split evenly across its classes). */
export type BuiltinOptions = TwoClassOptions & { classes?: number };

export const BUILTIN_GENERATORS: Record<BuiltinName, (opts: BuiltinOptions) => Dataset> = {
  spiral: (o) => {
    const classes = o.classes ?? 3;
    const samplesPerClass = o.samples === undefined ? undefined : Math.floor(o.samples / classes);
    return makeSpiral({ samplesPerClass, classes, noise: o.noise, seed: o.seed });
  },
  circles: (o) => makeCircles(o),
  xor: (o) => makeXor(o),
  gauss: (o) => makeGaussians(o),
};
