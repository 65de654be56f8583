/** A reader that closed the CLI's output pipe (`… --json | head -1`) has all it wants: every command then stops quietly. */
import type { EventEmitter } from 'node:events';

/** On EPIPE from `stream` call `exit(0)` (no stack trace); any other stream error is rethrown. */
export function exitQuietlyOnClosedPipe(stream: EventEmitter, exit: (code: number) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(0);
    else throw error;
  });
}
