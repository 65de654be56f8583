/** `train`: load data, build the network from flags, train it on an engine worker, print progress and the final metrics, save the model. */
import { loadData, parseDataFlags } from '../data-flags';
import { dirname } from 'node:path';
import { saveModelFile } from '../../main/services/models/model-file';
import { sweepTempFiles } from '../../main/services/models/sweep';
import { RunService } from '../../main/services/runs/service';
import type { RunEvent, RunSummary } from '../../shared/runs';
import { ARCH_FLAG_OPTIONS, architectureFromFlags } from '../arch-flags';
import { parseCommandArgs, pickFlags } from '../command-args';
import type { CliContext } from '../context';
import { DATA_FLAG_OPTIONS } from '../data-flag-options';
import { ProgressBar } from '../progress-bar';
import { TRAIN_FLAG_OPTIONS, trainingConfigFromFlags } from '../train-flags';
import { trainToEnd } from '../train-run';
import { UsageError } from '../usage-error';
import { CHECKPOINT_FLAG_OPTIONS, checkpointPlan, checkSameData } from '../checkpoint-flags';

export const TRAIN_OPTIONS = {
  ...DATA_FLAG_OPTIONS,
  ...ARCH_FLAG_OPTIONS,
  ...TRAIN_FLAG_OPTIONS,
  ...CHECKPOINT_FLAG_OPTIONS,
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** One JSON line per event that matters to a script (progress, epoch, nan, heartbeat-missed); null for the rest. */
function jsonLine(event: RunEvent): Record<string, unknown> | null {
  switch (event.type) {
    case 'progress':
      return {
        event: 'progress',
        epoch: event.epoch,
        iteration: event.iteration,
        totalIterations: event.totalIterations,
        loss: event.loss.at(-1)?.[1] ?? null,
        samplesPerSecond: event.samplesPerSecond,
        etaSeconds: event.etaSeconds,
        learningRate: event.learningRate,
      };
    case 'epoch':
      return { event: 'epoch', epoch: event.epoch, train: event.train, validation: event.validation };
    case 'nan':
      return { event: 'nan', ...event.report };
    case 'heartbeat-missed':
      return { event: 'heartbeat-missed', silentMs: event.silentMs };
    case 'failed': // printed once at the end, with the NaN report when there is one
    case 'status':
    case 'removed':
      return null;
    default: {
      const unknown: never = event;
      throw new Error(`unknown run event ${JSON.stringify(unknown)}`);
    }
  }
}

function describeMetrics(label: string, m: RunSummary['train']): string {
  if (!m) return `${label}: -`;
  return `${label}: loss ${m.loss.toPrecision(4)}${m.accuracy === null ? '' : `, accuracy ${(m.accuracy * 100).toFixed(2)}%`}`;
}

/** Run `train` with `argv` (after the command name); returns the exit code: 0 done, 1 failed, 2 bad flags or input, 130 interrupted. */
export async function runTrain(argv: string[], ctx: CliContext): Promise<number> {
  const values = parseCommandArgs('train', argv, TRAIN_OPTIONS);
  const plan = await checkpointPlan(values, trainingConfigFromFlags(values));
  const config = plan.start?.config ?? trainingConfigFromFlags(values);
  const dataFlags = parseDataFlags(pickFlags(values, DATA_FLAG_OPTIONS));
  const prepared = await loadData(dataFlags);
  if (plan.start) checkSameData(plan.start.checkpoint, prepared);
  const architecture = plan.start?.architecture ?? (await architectureFromFlags(values, prepared.train));
  const json = values.json === true;
  const bar = new ProgressBar(ctx.stderr);
  // Checkpoints are written one after another on this thread while the worker trains on.
  let writes: Promise<unknown> = Promise.resolve();
  const { store } = plan;
  const service = new RunService({
    datasets: { prepare: () => prepared },
    workerPath: ctx.workerPath,
    maxConcurrent: 1,
    memoryBudgetBytes: dataFlags.import.memoryBudgetBytes,
    checkpointEvery: store ? plan.every : null,
    onCheckpoint: (run, point) => {
      writes = writes
        .then(() => store?.write({ model: run.snapshot, point, runName: run.summary.name }))
        .catch((error: unknown) => {
          ctx.stderr.write(`warning: checkpoint not written: ${error instanceof Error ? error.message : String(error)}\n`);
        });
    },
  });
  let summary: RunSummary;
  try {
    // loadData applied this split already; the provider hands back `prepared` as is.
    const split = dataFlags.prepare;
    summary = await trainToEnd(
      service,
      { datasetId: 'cli', architecture, config, split },
      plan.start?.resumeFrom ?? null,
      (event) => {
        const line = json ? jsonLine(event) : null;
        if (line) ctx.out(JSON.stringify(line));
        if (!json) bar.update(event);
      },
    ).catch((error: unknown) => {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    });
    bar.end();
    await writes;
    if (summary.status === 'failed') {
      if (json) ctx.out(JSON.stringify({ event: 'failed', reason: summary.failureReason, nonFinite: summary.nonFinite }));
      else ctx.stderr.write(`error: the run failed: ${summary.failureReason}\n`);
      return 1;
    }
    const model = typeof values.out === 'string' ? values.out : null;
    if (model) {
      await saveModelFile(model, service.snapshot(summary.id));
      // Temp files of earlier saves into this folder that were killed mid-write.
      await sweepTempFiles(dirname(model)).catch(() => []);
    }
    const result = { train: summary.train, validation: summary.validation, test: summary.test };
    if (json) {
      ctx.out(
        JSON.stringify({
          event: 'done',
          status: summary.status,
          ...result,
          samplesPerSecond: summary.samplesPerSecond,
          kernels: summary.kernels,
          model,
        }),
      );
    } else {
      ctx.out(
        `${summary.status} after ${summary.epoch + 1} epochs (${summary.iteration} iterations), ${Math.round(summary.samplesPerSecond)} samples/s (${summary.kernels} kernels)`,
      );
      ctx.out(
        [
          describeMetrics('train', result.train),
          describeMetrics('validation', result.validation),
          describeMetrics('test', result.test),
        ].join(' | '),
      );
      if (model) ctx.out(`model saved to ${model}`);
    }
    return summary.status === 'stopped' && summary.finishReason === 'stopped' ? 130 : 0;
  } finally {
    await service.dispose();
  }
}
