/**
 * The one gate every call from a renderer passes through, in both hosts: the method must exist in the
 * shared API and its arguments must satisfy the method's schema; then the handler runs.
 */
import type { z } from 'zod';
import { API, type Api, type HostMethodName, type MethodName, type Result, type WireError } from '../../shared/api';

/** What the main process implements: one handler per method, receiving validated arguments. */
export type Handlers = {
  [M in MethodName]: (args: z.output<Api[M]['args']>) => Promise<Result<M>> | Result<M>;
};

/** The handlers a host supplies itself (dialogs in the desktop app; refusals in the web host). */
export type HostHandlers = Pick<Handlers, HostMethodName>;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: WireError['code'],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(API, name);
}

/** Validate a call and run its handler; throws ApiError for an unknown method or bad arguments. */
export async function dispatch(handlers: Handlers, method: unknown, args: unknown): Promise<unknown> {
  if (!isMethodName(method)) throw new ApiError(`unknown method ${JSON.stringify(method)?.slice(0, 80)}`, 'unknown-method');
  const parsed = API[method].args.safeParse(args ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'arguments';
    throw new ApiError(`${method}: invalid ${where}: ${issue?.message ?? 'rejected'}`, 'invalid-arguments');
  }
  const handler = handlers[method] as (a: unknown) => unknown;
  return await handler(parsed.data);
}

/** The error as it crosses the boundary: a message and a code, never a stack. */
export function toWireError(error: unknown): WireError {
  if (error instanceof ApiError) return { message: error.message, code: error.code };
  return { message: error instanceof Error ? error.message : String(error), code: 'failed' };
}
