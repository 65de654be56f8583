/** Connects the services' events to a host's emitter, so both hosts push the same events under the shared names. */
import type { EventPayloads } from '../../shared/api';
import type { EventName } from '../../shared/names';
import type { AppServices } from '../services/app';

export type Emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Start forwarding; returns the function that stops it. */
export function forwardEvents(services: AppServices, emit: Emit): () => void {
  const offRuns = services.runs.onEvent((event) => emit('runs.event', event));
  const offProgress = services.importProgress.on((progress) => emit('datasets.progress', progress));
  const offExperiments = services.experiments.onEvent((event) => emit('experiments.event', event));
  return () => {
    offRuns();
    offProgress();
    offExperiments();
  };
}
