/**
 * The renderer's only door to the main process. In the desktop app the preload exposes `window.backprop`
 * (IPC); in the browser the same API runs over the web host's WebSocket. Components cannot tell them apart.
 */
import type { ApiClient, Args, EventName, EventPayloads, MethodName, Result, WireError } from '../../../shared/api';
import { createWebClient } from './web-client';

type Reply = { ok: true; result: unknown } | { ok: false; error: WireError };

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
  return {
    async call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
      const reply = await bridge.methods[method](args);
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.result as Result<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
  };
}

/** True in the desktop app, false in the browser mode. */
export const isDesktop = typeof window !== 'undefined' && window.backprop !== undefined;

function webSocketUrl(): string {
  const url = new URL('/api/ws', window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export const api: ApiClient = window.backprop ? createIpcClient(window.backprop) : createWebClient(webSocketUrl());
