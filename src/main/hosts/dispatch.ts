/**
 * The one gate every call from a renderer passes through, in both hosts: the method must exist in the
 * shared API and its arguments must satisfy the method's schema; then the handler runs.
 */
import type { z } from 'zod';
import { API, type Api, type Result } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { isMethodName, type HostMethodName, type MethodName } from '../../shared/names';

/** What the main process implements: one handler per method, receiving validated arguments. */
export type Handlers = {
  [M in MethodName]: (args: z.output<Api[M]['args']>) => Promise<Result<M>> | Result<M>;
};

/** The handlers a host supplies itself (dialogs in the desktop app; refusals in the web host). */
export type HostHandlers = Pick<Handlers, HostMethodName>;

/** Validate a call and run its handler; throws AppError ('unknown-method', 'invalid-arguments') before the handler runs. */
export async function dispatch(handlers: Handlers, method: unknown, args: unknown): Promise<unknown> {
  if (!isMethodName(method)) {
    const shown = JSON.stringify(method)?.slice(0, 80) ?? String(method);
    throw new AppError('unknown-method', `unknown method ${shown}`, { method: shown });
  }
  const parsed = API[method].args.safeParse(args ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'arguments';
    const problem = issue?.message ?? 'rejected';
    throw new AppError('invalid-arguments', `${method}: invalid ${where}: ${problem}`, { method, path: where, issue: problem });
  }
  const handler = handlers[method] as (a: unknown) => unknown;
  return await handler(parsed.data);
}
