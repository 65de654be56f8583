/** What the insight views' state reads from the studio: the edited settings and the active run (Studio satisfies it). */
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
