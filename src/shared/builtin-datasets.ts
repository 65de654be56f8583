/** The built-in datasets the app offers (zod-free, so the renderer's picker needs no schema code): core's generators and the bundled iris and digits CSVs. */
import { GENERATED_NAMES } from '../core/datasets/builtin/index';

export const BUILTIN_NAMES = [...GENERATED_NAMES, 'iris', 'digits'] as const;
export type BuiltinName = (typeof BUILTIN_NAMES)[number];
