/** Parse a command's argv with node:util parseArgs (strict), turning its errors into one-line UsageErrors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

export type FlagOptions = NonNullable<ParseArgsConfig['options']>;
export type FlagValues = Record<string, string | boolean | undefined>;

/** The flag values of `argv` (no positionals allowed); an unknown flag or a missing value is a UsageError. */
export function parseCommandArgs(command: string, argv: string[], options: FlagOptions): FlagValues {
  try {
    const { values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
    return values as FlagValues;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${command}: ${message}`);
  }
}

/** The subset of `values` whose names are keys of `options` (e.g. the data flags, handed to parseDataFlags). */
export function pickFlags(values: FlagValues, options: FlagOptions): Record<string, string | boolean> {
  const picked: Record<string, string | boolean> = {};
  for (const name of Object.keys(options)) {
    const value = values[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}
