/** The API client of the browser mode: the shared API over the web host's WebSocket (same methods, same events). */
import { encodeWire, decodeWire } from '../../../shared/wire';
import { pickAndUpload, uploadFile, download } from './web-files';
import type { ApiClient, Args, EventName, EventPayloads, MethodName, Result, WireError } from '../../../shared/api';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WireError };
type Push = { event: EventName; payload: unknown };

/** Methods the browser performs itself (file picking, uploads, downloads), with the same results as the desktop host's. */
function browserSide(client: ApiClient, method: MethodName, args: unknown): Promise<unknown> | null {
  if (method === 'models.save') return saveByDownload(client, (args as Args<'models.save'>).modelId);

  if (method === 'files.open') return pickAndUpload((args as Args<'files.open'>).purpose);
  if (method === 'files.upload') {
    const { name, bytes } = args as Args<'files.upload'>;
    return uploadFile(name, bytes);
  }
  return null;
}

/** The browser's Save: fetch the model file's bytes (models.encode) and download them. */
async function saveByDownload(client: ApiClient, modelId: string): Promise<{ saved: boolean; name: string }> {
  const file = await client.call('models.encode', { modelId });
  download(file.name, file.bytes);
  return { saved: true, name: file.name };
}

export function createWebClient(url: string): ApiClient {
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;

  function connect(): void {
    socket = new WebSocket(url);
    ready = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error('cannot reach the Backprop Studio web host')), { once: true });
    });
    socket.addEventListener('message', (message: MessageEvent<string>) => {
      const data = decodeWire(message.data) as Reply | Push;
      if ('event' in data) {
        for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
        return;
      }
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      if (data.ok) call.resolve(data.result);
      else call.reject(new Error(data.error.message));
    });
    socket.addEventListener('close', () => {
      for (const call of pending.values()) call.reject(new Error('the connection to the web host closed'));
      pending.clear();
    });
  }
  connect();

  const client: ApiClient = {
    async call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
      const local = browserSide(client, method, args);
      if (local) return local as Promise<Result<M>>;
      if (socket.readyState === WebSocket.CLOSED) connect();
      await ready;
      const id = nextId++;
      return new Promise<Result<M>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        socket.send(encodeWire({ id, method, args }));
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
  return client;
}
