import { describe, expect, it } from 'vitest';
import { RunPoll } from '../../../../src/renderer/src/views/state/run-poll.svelte';
import { runSummary } from '../../fake-api';

type Answer = { runId: string; iteration: number; ask: number };

describe('RunPoll', () => {
  it('runs one request at a time; asks made meanwhile collapse into one that runs after it, so the last ask wins', async () => {
    const waiting: (() => void)[] = [];
    let asks = 0;
    const poll = new RunPoll<Answer>(
      (runId) => {
        const ask = ++asks;
        return new Promise((resolve) => waiting.push(() => resolve({ runId, iteration: 10 * ask, ask })));
      },
      () => [runSummary({ id: 'run-1', name: 'run 1', epoch: 4 })],
    );
    const first = poll.refresh('run-1');
    void poll.refresh('run-1');
    void poll.refresh('run-1');
    expect(asks).toBe(1);
    waiting[0]();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(asks).toBe(2);
    waiting[1]();
    await first;
    expect(asks).toBe(2);
    expect(poll.result?.ask).toBe(2);
    expect(poll.from).toEqual({ kind: 'run', runId: 'run-1', run: 'run 1', epoch: 5, iteration: 20 });
  });
});
