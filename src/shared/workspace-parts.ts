/** Pieces of the workspace document shared by every format version (2 and the migrated 1): UI settings, run summaries and curves. */
import { z } from 'zod';
import { architectureSchema, prepareOptionsSchema, trainingConfigSchema } from './spec';

const settingValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

/** UI settings (theme, language, open tab, selected and overlaid runs…): small scalar values by name. */
export const settingsSchema = z
  .record(z.string().min(1).max(64), settingValue)
  .refine((s) => Object.keys(s).length <= 100, 'at most 100 settings');

/** JSON turns NaN and ±Infinity into null: read null back as NaN (a diverged loss stays visibly non-finite). */
const lossValue = z
  .number()
  .nullable()
  .transform((v) => v ?? Number.NaN);
const splitMetrics = z.object({ loss: lossValue, accuracy: z.number().nullable() });
const epochMetrics = z.object({ epoch: z.number().int().min(0), train: splitMetrics, validation: splitMetrics.nullable() });

export const curvesSchema = z.object({
  runId: z.string().min(1).max(200),
  loss: z.array(z.tuple([z.number(), lossValue])).max(100_000),
  iterationsPerPoint: z.number().positive(),
  epochs: z.array(epochMetrics).max(100_000),
});

/**
 * A run summary: the fields the history view relies on are checked; others (added by later versions of the run
 * service) pass through unchanged, so a newer summary field never makes an autosave unreadable.
 */
export const summarySchema = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().max(1000),
  status: z.enum(['queued', 'running', 'paused', 'done', 'stopped', 'failed', 'interrupted']),
  datasetId: z.string().max(200),
  architecture: architectureSchema,
  config: trainingConfigSchema,
  createdAt: z.string().max(64),
  epoch: z.number(),
  iteration: z.number(),
  train: splitMetrics.nullable(),
  validation: splitMetrics.nullable(),
  /** A branch's parent and checkpoint (absent before branching existed). */
  parent: z
    .strictObject({
      runId: z.string().min(1).max(200),
      epoch: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
      iteration: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    })
    .nullable()
    .optional(),
  split: prepareOptionsSchema.optional(),
});
