/** API methods of training runs and gradient checks. */
import { z } from 'zod';
import type { RunSummary, RunCurves, GradientCheckResult } from '../runs';
import { runStartRequestSchema, gradientCheckRequestSchema } from '../runs';
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
  'gradcheck.run': method<GradientCheckResult>()(gradientCheckRequestSchema),
};
