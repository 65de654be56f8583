/** The one reply envelope of every API call, in both hosts (IPC and WebSocket), the preload and both renderer clients. */
import { AppError, toWireError, type WireError } from './errors';

export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: WireError };

/** Run `work` and wrap its outcome: a result, or the thrown error as a WireError. */
export async function replyTo<T>(work: () => Promise<T> | T): Promise<Reply<T>> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

/** The result of a reply, or its error rethrown as an AppError (code and params kept). */
export function unwrapReply<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.result;
  throw AppError.fromWire(reply.error);
}
