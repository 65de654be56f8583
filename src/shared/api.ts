/**
 * The one declaration of the API between the renderer and the main process: every method's name,
 * its argument schema (validated on arrival by both hosts) and its result type, and every event.
 * The preload, the Electron IPC binding and the web client all derive from this object.
 */
import type { z } from 'zod';
import type { RunEvent } from '../main/services/runs/types';
import { appMethods } from './api/app';
import { datasetMethods } from './api/datasets';
import { runMethods } from './api/runs';
import { modelMethods } from './api/models';
import { insightMethods } from './api/insight';
import { workspaceMethods } from './api/workspace';

export type { AppInfo, FileRef } from './api/app';
export { MAX_IPC_UPLOAD_BYTES } from './api/app';

/** Every method, by domain; each domain's file declares its own. */
export const API = { ...appMethods, ...datasetMethods, ...runMethods, ...modelMethods, ...insightMethods, ...workspaceMethods };

export type Api = typeof API;
export type MethodName = keyof Api;
export type Args<M extends MethodName> = z.input<Api[M]['args']>;
export type Result<M extends MethodName> = Api[M]['result'];

/** Every method name, derived from API (never typed by hand elsewhere). */
export const METHOD_NAMES = Object.keys(API) as MethodName[];

/** Events pushed from main to the renderer: name → payload (a phantom type, like a method's result). */
const event = <P>(): P => undefined as P;
export const EVENTS = {
  'runs.event': event<RunEvent>(),
  'datasets.progress': event<{ bytesRead: number; totalBytes: number; rows: number }>(),
  'menu.command': event<{ command: MenuCommand }>(),
};
export type EventPayloads = typeof EVENTS;
export type EventName = keyof EventPayloads;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export const MENU_COMMANDS = ['open-dataset', 'open-model', 'save-model', 'save-model-as', 'train', 'stop'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The IPC channel of a method or event: the only place the prefix is spelled. */
export const channelOf = (name: MethodName | EventName): string => `backprop:${name}`;

/** Methods whose behaviour differs by host (dialogs vs uploads/downloads); each host supplies them. */
export const HOST_METHODS = ['files.open', 'models.save'] as const satisfies readonly MethodName[];
export type HostMethodName = (typeof HOST_METHODS)[number];

/** A client's view of the API (what the renderer holds, whether over IPC or WebSocket). */
export interface ApiClient {
  call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** An error as it crosses a process boundary. */
export interface WireError {
  message: string;
  code: 'invalid-arguments' | 'unknown-method' | 'failed';
}
