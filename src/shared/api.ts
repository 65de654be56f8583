/**
 * The one declaration of the API between the renderer and the main process: every method's argument schema
 * (validated on arrival by both hosts) and result type, and every event's payload. The names themselves live
 * zod-free in src/shared/names.ts; this table must declare exactly those (checked below at compile time).
 */
import type { z } from 'zod';
import type { EventName, MenuCommand, MethodName } from './names';
import type { RunEvent } from './runs';
import type { ImportProgress } from './datasets';
import { appMethods } from './api/app';
import { datasetMethods } from './api/datasets';
import { runMethods } from './api/runs';
import { modelMethods } from './api/models';
import { insightMethods } from './api/insight';
import { workspaceMethods } from './api/workspace';
import { experimentMethods, type ExperimentEvent } from './api/experiments';

/** Every method, by domain; each domain's file declares its own. */
export const API = {
  ...appMethods,
  ...datasetMethods,
  ...runMethods,
  ...modelMethods,
  ...insightMethods,
  ...workspaceMethods,
  ...experimentMethods,
};

export type Api = typeof API;
export type Args<M extends MethodName> = z.input<Api[M]['args']>;
export type Result<M extends MethodName> = Api[M]['result'];

/** Events pushed from main to the renderer: name → payload. */
export interface EventPayloads {
  'runs.event': RunEvent;
  'experiments.event': ExperimentEvent;
  'datasets.progress': ImportProgress;
  'menu.command': { command: MenuCommand };
}

/** A client's view of the API (what the renderer holds, whether over IPC or WebSocket). */
export interface ApiClient {
  call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

// Compile-time checks: the table and names.ts list the same methods, EventPayloads the same events.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const tableMatchesNames: Same<keyof Api, MethodName> = true;
const payloadsMatchNames: Same<keyof EventPayloads, EventName> = true;
void tableMatchesNames;
void payloadsMatchNames;
