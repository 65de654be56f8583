/** Drive one run of the run service to its end, forwarding its events: the part of `train` that waits on the engine. */
import type { RunService } from '../main/services/runs/service';
import type { RunEvent, RunStartRequest, RunSummary } from '../shared/runs';
import type { ResumePoint } from '../shared/workers/engine';

const ENDED = new Set<RunSummary['status']>(['done', 'stopped', 'failed']);

/** Start `request` (continuing from `resumeFrom` when set) and resolve with its final summary; Ctrl-C (SIGINT) stops the run after its current batch, a second one exits. */
export function trainToEnd(
  service: RunService,
  request: RunStartRequest,
  resumeFrom: ResumePoint | null,
  onEvent: (event: RunEvent) => void,
): Promise<RunSummary> {
  return new Promise((resolve, reject) => {
    let runId: string | null = null;
    let interrupted = false;
    // First Ctrl-C: stop after the current batch (the model is still saved); a second one quits at once.
    const stopOnInterrupt = (): void => {
      if (interrupted) process.exit(130);
      interrupted = true;
      if (runId) service.stop(runId);
    };
    const off = service.onEvent((event) => {
      if (event.runId !== runId && runId !== null) return;
      onEvent(event);
      if (event.type === 'status' && ENDED.has(event.status)) {
        off();
        process.off('SIGINT', stopOnInterrupt);
        resolve(event.summary);
      }
    });
    process.on('SIGINT', stopOnInterrupt);
    try {
      runId = service.start(request, resumeFrom).id;
    } catch (error) {
      off();
      process.off('SIGINT', stopOnInterrupt);
      reject(error);
    }
  });
}
