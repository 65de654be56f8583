/** `gradcheck`: compare backprop's gradients with numerical ones (float64, on an engine worker) for the network the flags describe. */
import { loadData, parseDataFlags } from '../data-flags';
import { RunService } from '../../main/services/runs/service';
import type { GradientCheckResult } from '../../shared/runs';
import { ARCH_FLAG_OPTIONS, architectureFromFlags } from '../arch-flags';
import { parseCommandArgs, pickFlags } from '../command-args';
import type { CliContext } from '../context';
import { DATA_FLAG_OPTIONS } from '../data-flag-options';
import { numberFlag } from '../number-flag';
import { LIMITS, SEED_MAX } from '../../shared/spec';
import { UsageError } from '../usage-error';
import { parameterLabel } from '../../core/network/layer-number';

export const GRADCHECK_OPTIONS = {
  ...DATA_FLAG_OPTIONS,
  ...ARCH_FLAG_OPTIONS,
  json: { type: 'boolean' },
} as const;

/** The text report: a parameter by its layer number as the editor shows it (L1.W), with its tensor name (layers.0.W). */
function table(result: GradientCheckResult): string[] {
  const header = ['parameter', 'tensor', 'shape', 'max abs', 'mean abs', 'max rel', 'worst', 'kinks', 'pass'];
  const rows = result.params.map((p) => [
    parameterLabel(p.name),
    p.name,
    p.shape.join('×'),
    p.maxAbs.toExponential(2),
    p.meanAbs.toExponential(2),
    p.maxRel.toExponential(2),
    String(p.worstIndex),
    String(p.kinkCount),
    p.pass ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [
    line(header),
    ...rows.map(line),
    `${result.pass ? 'PASS' : 'FAIL'} on ${result.samples} samples, h = ${result.h}, thresholds: max rel ≤ ${result.thresholds.maxRel}, mean abs ≤ ${result.thresholds.meanAbs}`,
  ];
}

/**
 * Run `gradcheck` with `argv`: the data and architecture flags of `train` plus `--samples N` (rows checked,
 * default 3; here it is not the built-in datasets' size) and `--seed`. Exit code 0 pass, 1 fail, 2 bad flags or input.
 */
export async function runGradcheck(argv: string[], ctx: CliContext): Promise<number> {
  const values = parseCommandArgs('gradcheck', argv, GRADCHECK_OPTIONS);
  const samples = numberFlag('samples', values.samples, { integer: true, min: 1, max: LIMITS.samples }) ?? 3;
  const seed = numberFlag('seed', values.seed, { integer: true, min: 0, max: SEED_MAX }) ?? 42;
  const dataValues = pickFlags(values, DATA_FLAG_OPTIONS);
  delete dataValues.samples;
  const dataFlags = parseDataFlags(dataValues);
  const prepared = await loadData(dataFlags);
  const architecture = await architectureFromFlags(values, prepared.train);
  const service = new RunService({ datasets: { prepare: () => prepared }, workerPath: ctx.workerPath, maxConcurrent: 1 });
  try {
    const split = dataFlags.prepare;
    const result = await service
      .gradientCheck({ datasetId: 'cli', architecture, split, samples, seed })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (message.startsWith('gradient check failed')) throw error;
        throw new UsageError(message);
      });
    if (values.json === true) {
      const params = result.params.map(({ name, maxAbs, meanAbs, maxRel, worstIndex, pass }) => ({
        name,
        maxAbs,
        meanAbs,
        maxRel,
        worstIndex,
        pass,
      }));
      ctx.out(JSON.stringify({ event: 'gradcheck', params, pass: result.pass }));
    } else {
      for (const line of table(result)) ctx.out(line);
    }
    return result.pass ? 0 : 1;
  } finally {
    await service.dispose();
  }
}
