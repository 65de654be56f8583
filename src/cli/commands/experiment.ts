/** `experiment`: list the chapter-6 experiments, or run one and print every cell's curves and the summary (JSON lines with --json). */
import { existsSync } from 'node:fs';
import os from 'node:os';
import {
  EXPERIMENT_NAMES,
  type CellResult,
  type ExperimentData,
  type ExperimentName,
  type ExperimentParams,
  type Summary,
} from '../../core/experiments/experiment';
import { resolveParams } from '../../core/experiments/params';
import { ExperimentService } from '../../main/services/experiments/service';
import type { ExperimentStartRequest } from '../../shared/api/experiments';
import { EXPERIMENTS } from '../../core/experiments/registry';
import { runExperiment } from '../../core/experiments/run-experiment';
import { createWasmKernelsSync } from '../../core/kernels/wasm/index';
import { referenceKernels, type Kernels } from '../../core/index';
import { DEFAULT_EXPERIMENT_SOURCE, loadExperimentData } from '../../main/services/experiments/data';
import { parseCommandArgs } from '../command-args';
import { parseDataFlags } from '../data-flags';
import { numberFlag } from '../number-flag';
import { UsageError } from '../usage-error';
import type { CliContext } from '../context';

export const EXPERIMENT_OPTIONS = {
  list: { type: 'boolean' },
  data: { type: 'string' },
  seed: { type: 'string' },
  set: { type: 'string' },
  json: { type: 'boolean' },
  serial: { type: 'boolean' },
} as const;

export const EXPERIMENT_HELP = `  experiment --list                  the chapter-6 experiments, one name per line
  experiment <name> [--data ...] [--seed N] [--set key=value,key=value] [--json]
             run one (data: builtin:digits unless --data names a CSV or an idx folder); with --json
             one JSON line per cell (its curves and figures), then {"event":"summary",...}; the cells run
             on engine worker threads, one per core (--serial: one after another in this thread)`;

const isName = (s: string | undefined): s is ExperimentName => EXPERIMENT_NAMES.some((n) => n === s);

/** `--set key=value,key=value` as numbers (strictly parsed). */
function parseSets(raw: string | undefined): Record<string, number> {
  const params: Record<string, number> = {};
  for (const pair of raw === undefined ? [] : raw.split(',')) {
    const m = /^([A-Za-z][A-Za-z0-9]*)=(.+)$/.exec(pair);
    if (!m) throw new UsageError(`--set: expected key=value, got ${JSON.stringify(pair)}`);
    params[m[1]] = numberFlag(`set ${m[1]}`, m[2]) ?? Number.NaN;
  }
  return params;
}

/** Fresh WebAssembly kernels per cell when the engine has SIMD (each cell's memory goes with it), else the reference kernels. */
const cellKernels = (): Kernels => createWasmKernelsSync({ capacityBytes: 128 * 1024 * 1024 }) ?? referenceKernels;

const fmt = (v: unknown): string =>
  typeof v === 'number'
    ? Number.isInteger(v)
      ? String(v)
      : v.toPrecision(4)
    : Array.isArray(v)
      ? `[${v.map(fmt).join(', ')}]`
      : String(v);

/** Run `experiment`; 0 on success, 2 for bad flags (thrown as UsageError). */
export async function runExperimentCommand(argv: string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  const positional = first !== undefined && !first.startsWith('-') ? first : undefined;
  const values = parseCommandArgs('experiment', positional === undefined ? argv : rest, EXPERIMENT_OPTIONS);
  if (values.list === true) {
    EXPERIMENT_NAMES.forEach((n) => ctx.out(n));
    return 0;
  }
  if (!isName(positional)) {
    throw new UsageError(
      `experiment: ${positional === undefined ? 'name an experiment' : `unknown experiment ${JSON.stringify(positional)}`}; expected one of ${EXPERIMENT_NAMES.join(', ')} (or --list)`,
    );
  }
  const def = EXPERIMENTS[positional];
  const seed =
    numberFlag('seed', typeof values.seed === 'string' ? values.seed : undefined, { integer: true, min: 0, max: 2 ** 32 - 1 }) ??
    42;
  const params = parseSets(typeof values.set === 'string' ? values.set : undefined);
  let resolved: ExperimentParams;
  try {
    resolved = resolveParams(def.name, def.params, params);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (typeof values.data === 'string' && !def.needsData)
    throw new UsageError(`experiment: ${def.name} uses no dataset; drop --data`);
  const source = typeof values.data === 'string' ? parseDataFlags({ data: values.data }).source : DEFAULT_EXPERIMENT_SOURCE;
  const data = def.needsData ? await loadExperimentData(source, seed) : null;
  const json = values.json === true;
  const onCell = (r: CellResult): void => {
    if (json) ctx.out(JSON.stringify({ event: 'cell', experiment: def.name, ...r }));
    else
      ctx.out(
        `${r.label}: ${Object.entries(r.figures)
          .map(([k, v]) => `${k} ${fmt(v)}`)
          .join(', ')}`,
      );
  };
  const useWorkers = values.serial !== true && existsSync(ctx.workerPath);
  const run = useWorkers
    ? await runOnWorkers(
        ctx.workerPath,
        { name: def.name, params: resolved, seed },
        data && { name: source.kind === 'builtin' ? source.name : 'data', data },
        onCell,
      )
    : runExperiment(def, { seed, params: resolved, data, kernels: cellKernels, onCell });
  if (json) ctx.out(JSON.stringify({ event: 'summary', experiment: def.name, seed, params: run.params, summary: run.summary }));
  else Object.entries(run.summary).forEach(([k, v]) => ctx.out(`${k}  ${fmt(v)}`));
  return 0;
}

/** Run the cells on engine workers (one per core), reporting finished cells in cell order; Ctrl-C cancels. */
async function runOnWorkers(
  workerPath: string,
  request: ExperimentStartRequest,
  preloaded: { name: string; data: ExperimentData } | null,
  onCell: (r: CellResult) => void,
): Promise<{ params: ExperimentParams; summary: Summary }> {
  const service = new ExperimentService({ workerPath, concurrency: os.availableParallelism() });
  const finished = new Map<number, CellResult>();
  let next = 0;
  service.onEvent((e) => {
    if (e.type !== 'cell') return;
    finished.set(e.result.index, e.result);
    for (let r = finished.get(next); r; r = finished.get(++next)) onCell(r);
  });
  const started = await service.start(request, preloaded ?? undefined);
  const cancel = (): void => service.cancel(started.id);
  process.once('SIGINT', cancel);
  try {
    const ended = await service.settled(started.id);
    if (ended.status !== 'completed' || !ended.summary)
      throw new Error(`${request.name} ${ended.status}${ended.error ? `: ${ended.error.subject}: ${ended.error.detail}` : ''}`);
    return { params: ended.params, summary: ended.summary };
  } finally {
    process.off('SIGINT', cancel);
    await service.dispose();
  }
}
