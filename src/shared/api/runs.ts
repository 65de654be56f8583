/** API methods of training runs and gradient checks. */
import { z } from 'zod';
import type { RunSummary, RunCurves, GradientCheckResult } from '../runs';
import { runStartRequestSchema, gradientCheckRequestSchema, runBranchRequestSchema } from '../runs';
import { method, noArgs, byId, idSchema } from './define';

export const runMethods = {
  'runs.start': method<RunSummary>()(runStartRequestSchema),
  'runs.pause': method<void>()(byId),
  'runs.resume': method<void>()(byId),
  'runs.step': method<void>()(z.object({ id: idSchema, unit: z.enum(['batch', 'epoch']) }).strict()),
  'runs.stop': method<void>()(byId),
  'runs.remove': method<void>()(byId),
  'runs.setLearningRate': method<void>()(z.object({ id: idSchema, learningRate: z.number().positive().max(1e3) }).strict()),
  'runs.list': method<RunSummary[]>()(noArgs),
  'runs.curves': method<RunCurves>()(byId),
  /** Runs → Import PyTorch run…: an exported project's train.py output (model, losses.csv, epochs.csv) becomes a finished run. */
  'runs.importPytorch': method<RunSummary>()(
    z.strictObject({ modelFileId: idSchema, lossesFileId: idSchema, epochsFileId: idSchema }),
  ),
  /** The epochs (ascending) after which the run has a checkpoint kept on disk. */
  'runs.checkpoints': method<number[]>()(byId),
  /** A child run from the parent's nearest kept checkpoint at or before `epoch`, with edited settings. */
  'runs.branch': method<RunSummary>()(runBranchRequestSchema),
  /** Continue an interrupted run from its last checkpoint, under the same id (its curves up to there are kept). */
  'runs.continue': method<RunSummary>()(byId),
  'gradcheck.run': method<GradientCheckResult>()(gradientCheckRequestSchema),
};
