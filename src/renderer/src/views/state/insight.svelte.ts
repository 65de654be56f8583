/**
 * The insight views' state, one object per view, owned by the Studio: inputs and last results survive switching tabs
 * (which unmounts a view) and switching the language (which re-renders it).
 */
import type { ApiClient } from '../../../../shared/api';
import { BoundaryState } from './boundary.svelte';
import { ConfusionState } from './confusion.svelte';
import type { StudioContext } from './context';
import { DiagnosticsState } from './diagnostics.svelte';
import { GradientCheckState } from './gradient-check.svelte';

export class InsightState {
  readonly boundary: BoundaryState;
  readonly confusion: ConfusionState;
  readonly diagnostics: DiagnosticsState;
  readonly gradientCheck: GradientCheckState;

  constructor(api: ApiClient, studio: StudioContext) {
    this.boundary = new BoundaryState(api, studio);
    this.confusion = new ConfusionState(api, studio);
    this.diagnostics = new DiagnosticsState(api, studio);
    this.gradientCheck = new GradientCheckState(api, studio);
  }
}
