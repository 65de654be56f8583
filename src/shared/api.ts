/**
 * The one declaration of the API between the renderer and the main process: every method's name,
 * its argument schema (validated on arrival by both hosts) and its result type, and every event.
 * The preload, the Electron IPC binding and the web client all derive from this object.
 */
import { z } from 'zod';
import type { DatasetSummary, CsvSniff } from '../main/services/datasets/types';
import { importOptionsSchema } from '../main/services/datasets/types';
import type { RunSummary, RunCurves, RunEvent, GradientCheckResult } from '../main/services/runs/types';
import { runStartRequestSchema, gradientCheckRequestSchema } from '../main/services/runs/types';

/** A method: its argument schema, and (as a phantom type) its result. */
interface MethodDef<S extends z.ZodType, R> {
  args: S;
  result: R;
}
const method =
  <R>() =>
  <S extends z.ZodType>(args: S): MethodDef<S, R> => ({ args, result: undefined as R });

const none = z.object({}).strict();
const id = z.object({ id: z.string().min(1).max(64) }).strict();
const fileId = z.string().min(1).max(64);

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'web';
  platform: string;
  kernels: string;
  cores: number;
}

export interface FileRef {
  fileId: string;
  name: string;
  size: number;
}

export const MAX_IPC_UPLOAD_BYTES = 512 * 1024 * 1024;

export const API = {
  'app.info': method<AppInfo>()(none),
  /** Host-specific: the desktop shows an open dialog; the browser client picks and uploads a file itself. */
  'files.open': method<FileRef | null>()(z.object({ purpose: z.enum(['dataset', 'model']) }).strict()),
  /** Bytes the page already holds (drag-and-drop); the browser client sends them over HTTP instead. */
  'files.upload': method<FileRef>()(
    z
      .object({
        name: z.string().min(1).max(255),
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IPC_UPLOAD_BYTES, 'file too large for IPC'),
      })
      .strict(),
  ),
  'datasets.builtin': method<DatasetSummary>()(
    z
      .object({
        name: z.enum(['spiral', 'circles', 'xor', 'gauss', 'iris']),
        samples: z.number().int().min(10).max(100_000).optional(),
        noise: z.number().min(0).max(10).optional(),
        seed: z.number().int().min(0).max(2 ** 31).optional(),
      })
      .strict(),
  ),
  'datasets.sniff': method<CsvSniff>()(z.object({ fileId }).strict()),
  'datasets.import': method<DatasetSummary>()(z.object({ fileId, options: importOptionsSchema }).strict()),
  'datasets.list': method<DatasetSummary[]>()(none),
  'datasets.remove': method<void>()(id),
  'runs.start': method<RunSummary>()(runStartRequestSchema),
  'runs.pause': method<void>()(id),
  'runs.resume': method<void>()(id),
  'runs.step': method<void>()(z.object({ id: z.string().min(1).max(64), unit: z.enum(['batch', 'epoch']) }).strict()),
  'runs.stop': method<void>()(id),
  'runs.remove': method<void>()(id),
  'runs.setLearningRate': method<void>()(
    z.object({ id: z.string().min(1).max(64), learningRate: z.number().positive().max(1e3) }).strict(),
  ),
  'runs.list': method<RunSummary[]>()(none),
  'runs.curves': method<RunCurves>()(id),
  'gradcheck.run': method<GradientCheckResult>()(gradientCheckRequestSchema),
} as const;

export type Api = typeof API;
export type MethodName = keyof Api;
export type Args<M extends MethodName> = z.input<Api[M]['args']>;
export type Result<M extends MethodName> = Api[M]['result'];

/** Every method name, derived from API (never typed by hand elsewhere). */
export const METHOD_NAMES = Object.keys(API) as MethodName[];

/** Events pushed from main to the renderer, with their payloads. */
export interface EventPayloads {
  'runs.event': RunEvent;
  'datasets.progress': { fileId: string; bytesRead: number; totalBytes: number; rows: number };
  'menu.command': { command: MenuCommand };
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES = ['runs.event', 'datasets.progress', 'menu.command'] as const satisfies readonly EventName[];

export const MENU_COMMANDS = ['open-dataset', 'open-model', 'save-model', 'save-model-as', 'train', 'stop'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The IPC channel of a method or event: the only place the prefix is spelled. */
export const channelOf = (name: MethodName | EventName): string => `backprop:${name}`;

/** Methods whose behaviour differs by host (dialogs vs uploads/downloads); each host supplies them. */
export const HOST_METHODS = ['files.open'] as const satisfies readonly MethodName[];
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
