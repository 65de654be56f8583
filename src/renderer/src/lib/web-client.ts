/** The API client of the browser mode: the shared API over the web host's WebSocket (same methods, same events). */
import { encodeWire, decodeWire } from '../../../shared/wire';
import type { ApiClient, Args, EventPayloads, Result } from '../../../shared/api';
import type { EventName, MethodName } from '../../../shared/names';
import { AppError } from '../../../shared/errors';
import { unwrapReply, type Reply } from '../../../shared/reply';
import { browserHost, isPageHostMethod, type Host } from './host';
import { webSocketProtocols } from './web-token';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Push = { event: EventName; payload: unknown };

export function createWebClient(url: string): ApiClient {
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;

  function connect(): void {
    socket = new WebSocket(url, webSocketProtocols());
    ready = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error('cannot reach the Backprop Studio web host')), { once: true });
    });
    socket.addEventListener('message', (message: MessageEvent<string>) => {
      const data = decodeWire(message.data) as (Reply & { id: number }) | Push;
      if ('event' in data) {
        for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
        return;
      }
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      try {
        call.resolve(unwrapReply(data));
      } catch (error) {
        call.reject(error as AppError);
      }
    });
    socket.addEventListener('close', (event) => {
      const reason = event.reason
        ? `the web host closed the connection: ${event.reason}`
        : 'the connection to the web host closed';
      for (const call of pending.values()) call.reject(new Error(reason));
      pending.clear();
    });
  }
  connect();

  const client: ApiClient = {
    async call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
      if (isPageHostMethod(method)) return (host[method] as (a: Args<M>) => Promise<Result<M>>)(args);
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
  const host: Host = browserHost((method, args) => client.call(method, args));
  return client;
}
