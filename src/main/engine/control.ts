/** The shared-memory control block between the main thread and one engine worker: command flag, heartbeat and live learning rate. */

/** Commands written by the main thread and read by the worker between batches with Atomics.load. */
export const Command = { run: 0, pause: 1, stop: 2, stepBatch: 3, stepEpoch: 4 } as const;
export type CommandValue = (typeof Command)[keyof typeof Command];

/** Int32 slots of the block. */
const COMMAND = 0;
/** Incremented by the worker after every batch and every second while paused or waiting. */
const HEARTBEAT = 1;
/** Incremented by the main thread each time it writes a new learning-rate override. */
const LR_VERSION = 2;
const INT_SLOTS = 4;
/** Float64 slot (after the Int32 slots): the learning-rate override, NaN when none. */
const BYTES = INT_SLOTS * 4 + 8;

/** Typed views over one SharedArrayBuffer; both threads build it from the same buffer. */
export class ControlBlock {
  readonly buffer: SharedArrayBuffer;
  private readonly ints: Int32Array;
  private readonly lr: Float64Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(BYTES)) {
    if (buffer.byteLength !== BYTES) {
      throw new Error(`ControlBlock: expected a SharedArrayBuffer of ${BYTES} bytes, got ${buffer.byteLength}`);
    }
    this.buffer = buffer;
    this.ints = new Int32Array(buffer, 0, INT_SLOTS);
    this.lr = new Float64Array(buffer, INT_SLOTS * 4, 1);
    if (this.ints[LR_VERSION] === 0) this.lr[0] = Number.NaN;
  }

  /** Main thread: write a command and wake a worker blocked in waitWhile. */
  send(command: CommandValue): void {
    Atomics.store(this.ints, COMMAND, command);
    Atomics.notify(this.ints, COMMAND);
  }

  /** Worker: the current command (Atomics.load, so a busy loop sees it without reading messages). */
  command(): CommandValue {
    return Atomics.load(this.ints, COMMAND) as CommandValue;
  }

  /** Worker: replace `expected` by `next` only if no newer command arrived meanwhile (e.g. a step completing). */
  transition(expected: CommandValue, next: CommandValue): boolean {
    return Atomics.compareExchange(this.ints, COMMAND, expected, next) === expected;
  }

  /**
   * Worker: block while the command equals `value`, at most `timeoutMs` (then return so it can beat). Says why it returned:
   * 'timed-out', 'ok' (woken by send) or 'not-equal' (the command was already another one).
   */
  waitWhile(value: CommandValue, timeoutMs: number): 'ok' | 'not-equal' | 'timed-out' {
    return Atomics.wait(this.ints, COMMAND, value, timeoutMs);
  }

  /** Worker: prove liveness. */
  beat(): void {
    Atomics.add(this.ints, HEARTBEAT, 1);
  }

  /** Main thread: the heartbeat counter (changes while the worker is alive). */
  heartbeat(): number {
    return Atomics.load(this.ints, HEARTBEAT);
  }

  /** Main thread: set (or clear with null) the learning rate the worker uses from its next batch. */
  setLearningRate(learningRate: number | null): void {
    this.lr[0] = learningRate ?? Number.NaN;
    Atomics.add(this.ints, LR_VERSION, 1);
  }

  /** Worker: the version counter of the learning-rate slot, to notice a change cheaply. */
  learningRateVersion(): number {
    return Atomics.load(this.ints, LR_VERSION);
  }

  /** Worker: the current override, null when none. */
  learningRate(): number | null {
    const value = this.lr[0];
    return Number.isNaN(value) ? null : value;
  }
}
