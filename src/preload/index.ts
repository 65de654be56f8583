/**
 * Preload (sandboxed, CommonJS): exposes the shared API to the page as `window.backprop`, one function per
 * method (each resolving to a Reply envelope) and an event subscription, with the channel names derived from
 * src/shared/names.ts. It imports only that zod-free module, so the bundle carries no schema code.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { METHOD_NAMES, EVENT_NAMES, channelOf, type EventName } from '../shared/names';
import type { Reply } from '../shared/reply';

const methods = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (args: unknown): Promise<Reply> => ipcRenderer.invoke(channelOf(name), args)]),
);

function on(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event ${String(event)}`);
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channelOf(event), wrapped);
  return () => ipcRenderer.removeListener(channelOf(event), wrapped);
}

contextBridge.exposeInMainWorld('backprop', { methods, on });
