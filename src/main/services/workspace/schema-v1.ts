/**
 * The workspace document as format version 1 wrote it (kept only to migrate it: see migrate.ts). Runs were keyed by
 * (session, id) and datasets were remembered by name and import options, without where their file was.
 */
import { z } from 'zod';
import { architectureSchema, prepareOptionsSchema, trainingConfigSchema } from '../../../shared/spec';
import { builtinDatasetSchema, importOptionsSchema } from '../../../shared/datasets';
import { curvesSchema, settingsSchema, summarySchema } from '../../../shared/workspace-parts';

export const datasetRefV1Schema = z.strictObject({
  name: z.string().min(1).max(255),
  source: z.string().max(4096),
  builtin: builtinDatasetSchema.optional(),
  importOptions: importOptionsSchema.optional(),
});

export const workspaceV1Schema = z.strictObject({
  formatVersion: z.literal(1),
  savedAt: z.string().max(64),
  editor: z.strictObject({
    architecture: architectureSchema.nullable(),
    training: trainingConfigSchema.nullable(),
    split: prepareOptionsSchema.nullable(),
    datasets: z.array(datasetRefV1Schema).max(100),
    settings: settingsSchema,
  }),
  runs: z.array(z.object({ session: z.string().min(1).max(64), summary: summarySchema, curves: curvesSchema })).max(50),
});
export type WorkspaceV1 = z.infer<typeof workspaceV1Schema>;
