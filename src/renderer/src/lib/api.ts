/**
 * The renderer's only door to the main process. In the desktop app the preload exposes `window.backprop`
 * (IPC); in the browser the same API runs over the web host's WebSocket. Components cannot tell them apart.
 * Both reject with an AppError (code + params) that describeError words from the message catalogs.
 */
import type { ApiClient, Args, EventPayloads, Result } from '../../../shared/api';
import type { EventName, MethodName } from '../../../shared/names';
import { unwrapReply, type Reply } from '../../../shared/reply';
import { createWebClient } from './web-client';
import { desktopHost, isPageHostMethod, type Host } from './host';

interface PreloadBridge {
  methods: Record<MethodName, (args: unknown) => Promise<Reply>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    backprop?: PreloadBridge;
  }
}

function createIpcClient(bridge: PreloadBridge): ApiClient {
  const send = async <M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> =>
    unwrapReply(await bridge.methods[method](args)) as Result<M>;
  const host: Host = desktopHost(send);
  return {
    call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
      if (isPageHostMethod(method)) return (host[method] as (a: Args<M>) => Promise<Result<M>>)(args);
      return send(method, args);
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
  };
}

function webSocketUrl(): string {
  const url = new URL('/api/ws', window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export const api: ApiClient = window.backprop ? createIpcClient(window.backprop) : createWebClient(webSocketUrl());
