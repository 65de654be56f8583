/** How an API method is declared: its argument schema (validated by both hosts) and, as a phantom type, its result. */
import { z } from 'zod';

export interface MethodDef<S extends z.ZodType, R> {
  args: S;
  result: R;
}

/** `method<Result>()(argsSchema)`: curried so that the result is explicit and the schema inferred. */
export const method =
  <R>() =>
  <S extends z.ZodType>(args: S): MethodDef<S, R> => ({ args, result: undefined as R });

export const noArgs = z.object({}).strict();
export const idSchema = z.string().min(1).max(64);
export const byId = z.object({ id: idSchema }).strict();
