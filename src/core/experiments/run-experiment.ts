/** Run every cell of an experiment one after another in this thread (tests, the CLI's serial mode, the serial bench). */
import type { Kernels } from '../kernels/kernels';
import type { CellHooks, CellResult, ExperimentData, ExperimentDefinition, ExperimentParams, Summary } from './experiment';
import { resolveParams } from './params';

export interface RunExperimentOptions {
  seed: number;
  /** Overrides of the definition's defaults (checked). */
  params?: ExperimentParams;
  data?: ExperimentData | null;
  /** Kernels for each cell (called once per cell, so a cell's memory can be dropped with it). */
  kernels?: () => Kernels;
  /** Hooks for cell i. */
  hooks?: (index: number) => CellHooks;
  /** Called as each cell finishes. */
  onCell?(result: CellResult): void;
}

export interface ExperimentRun {
  params: ExperimentParams;
  results: CellResult[];
  summary: Summary;
}

/** Resolve the parameters, run cells 0…n−1 in order, and summarize. */
export function runExperiment(def: ExperimentDefinition, options: RunExperimentOptions): ExperimentRun {
  const params = resolveParams(def.name, def.params, options.params);
  if (def.needsData && !options.data) throw new Error(`${def.name}: needs a dataset (training and test rows)`);
  const results = def.cells(params).map((_, index) => {
    const result = def.runCell(index, {
      params,
      seed: options.seed,
      data: options.data ?? null,
      kernels: options.kernels?.(),
      hooks: options.hooks?.(index),
    });
    options.onCell?.(result);
    return result;
  });
  return { params, results, summary: def.summarize(params, results) };
}
