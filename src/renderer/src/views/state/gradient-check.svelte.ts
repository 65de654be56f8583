/**
 * The Gradient check view's state: the samples to check, the last check of the edited architecture and the parameter
 * shown; a failed check replaces the result with its error, so no older check sits next to the error as if current.
 */
import type { ApiClient } from '../../../../shared/api';
import type { GradientCheckResult } from '../../../../shared/runs';
import { logHistogram, worstElements } from '../gradcheck-stats';
import { describeError } from '../../lib/describe-error';
import { editedModelKey, type StudioContext } from './context';
import { staleness, type Staleness } from './provenance';

export class GradientCheckState {
  samples = $state(3);
  result = $state<GradientCheckResult | null>(null);
  /** The edited model (editedModelKey) the result was checked on. */
  private checked = $state<string | null>(null);
  /** Index of the parameter whose details are shown. */
  selected = $state(0);
  busy = $state(false);
  /** What the last check threw (it replaced the result), or null. */
  private failure = $state.raw<unknown>(null);

  readonly param = $derived(this.result?.params[this.selected] ?? null);
  readonly histogram = $derived(this.param ? logHistogram(this.param.relError) : null);
  readonly worst = $derived(this.param ? worstElements(this.param, 8) : []);
  /** analytic − numeric per element of the shown parameter. */
  readonly diff = $derived.by(() => {
    const p = this.param;
    return p ? p.analytic.map((a, i) => a - p.numeric[i]) : new Float64Array(0);
  });

  /** Whether the architecture, dataset, normalization or seed changed since the check, or null. */
  get stale(): Staleness | null {
    if (!this.result || this.checked === null) return null;
    return staleness({ kind: 'model', model: this.checked }, this.studio, editedModelKey(this.studio));
  }

  /** Why the last check failed, worded from its code in the current language, or null. */
  get error(): string | null {
    return this.failure === null ? null : describeError(this.failure);
  }

  clear(): void {
    this.result = null;
    this.checked = null;
    this.failure = null;
  }

  constructor(
    private readonly api: ApiClient,
    private readonly studio: StudioContext,
  ) {}

  /** Check the edited architecture in float64 on `samples` rows of the current dataset (seeded like training). */
  async check(): Promise<void> {
    const { dataset, config, split } = this.studio;
    if (!dataset) return;
    this.busy = true;
    this.failure = null;
    try {
      const checked = editedModelKey(this.studio);
      const result = await this.api.call('gradcheck.run', {
        datasetId: dataset.id,
        architecture: $state.snapshot(this.studio.architecture),
        split: { validation: 0, test: 0, normalize: split.normalize, seed: config.seed, stratify: false },
        samples: this.samples,
        seed: config.seed,
      });
      this.result = result;
      this.checked = checked;
      this.selected = Math.min(this.selected, result.params.length - 1);
    } catch (e) {
      this.result = null;
      this.checked = null;
      this.failure = e;
    } finally {
      this.busy = false;
    }
  }
}
