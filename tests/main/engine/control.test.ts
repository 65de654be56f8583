import { describe, expect, it } from 'vitest';
import { Command, ControlBlock } from '../../../src/main/engine/control';

describe('ControlBlock', () => {
  it('shares commands, heartbeat and learning rate through one SharedArrayBuffer', () => {
    const main = new ControlBlock();
    const worker = new ControlBlock(main.buffer);
    expect(worker.command()).toBe(Command.run);
    main.send(Command.pause);
    expect(worker.command()).toBe(Command.pause);
    worker.beat();
    worker.beat();
    expect(main.heartbeat()).toBe(2);
    expect(worker.learningRate()).toBeNull();
    const version = worker.learningRateVersion();
    main.setLearningRate(0.25);
    expect(worker.learningRateVersion()).not.toBe(version);
    expect(worker.learningRate()).toBe(0.25);
    main.setLearningRate(null);
    expect(worker.learningRate()).toBeNull();
  });

  it('transition only replaces the expected command', () => {
    const block = new ControlBlock();
    block.send(Command.stepBatch);
    expect(block.transition(Command.stepBatch, Command.pause)).toBe(true);
    expect(block.command()).toBe(Command.pause);
    block.send(Command.stop);
    expect(block.transition(Command.stepBatch, Command.pause)).toBe(false);
    expect(block.command()).toBe(Command.stop);
  });

  it('waitWhile returns after the timeout when nothing changes, and at once when the command is already another', () => {
    const block = new ControlBlock();
    block.send(Command.pause);
    expect(block.waitWhile(Command.pause, 30)).toBe('timed-out'); // Atomics.wait's own verdict: no clock read here
    block.send(Command.run);
    expect(block.waitWhile(Command.pause, 10_000)).toBe('not-equal');
  });

  it('rejects a buffer of the wrong size', () => {
    expect(() => new ControlBlock(new SharedArrayBuffer(8))).toThrow(/expected a SharedArrayBuffer of 24 bytes, got 8/);
  });
});
