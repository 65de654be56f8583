/** What the insight views' state reads from the studio (the edited settings, the runs and the active one; Studio satisfies it), and the key of the edited model. */
import type { ArchitectureSpec, TrainingConfig } from '../../../../core/spec';
import type { DatasetSummary, PrepareOptions } from '../../../../shared/datasets';
import type { Selection } from './provenance';

export interface StudioContext extends Selection {
  readonly activeRunId: string | null;
  readonly dataset: DatasetSummary | null;
  readonly architecture: ArchitectureSpec;
  readonly config: TrainingConfig;
  readonly split: PrepareOptions;
}

/** The key of what a result of the edited model depends on: dataset, architecture, normalization and seed. */
export function editedModelKey(studio: StudioContext): string {
  return JSON.stringify({
    dataset: studio.dataset?.id ?? null,
    architecture: studio.architecture,
    normalize: studio.split.normalize,
    seed: studio.config.seed,
  });
}
