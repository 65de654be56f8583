import { describe, expect, it } from 'vitest';
import { RunPoll } from '../../../../src/renderer/src/views/state/run-poll.svelte';
import { runSummary } from '../../fake-api';
import { AppError } from '../../../../src/shared/errors';
import { applyLanguage } from '../../../../src/renderer/src/i18n/i18n.svelte';

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

  it('a failed refresh replaces the kept result with the error (worded in the current language); "no weights yet" keeps it', async () => {
    let answer: () => Promise<Answer> = () => Promise.resolve({ runId: 'run-1', iteration: 10, ask: 1 });
    const poll = new RunPoll<Answer>(() => answer());
    await poll.refresh('run-1');
    answer = () => Promise.reject(new Error('run "run-2" has no weights yet'));
    await poll.refresh('run-2');
    expect(poll.result?.ask).toBe(1);
    expect(poll.error).toBeNull();
    answer = () => Promise.reject(new AppError('run-non-finite', 'run run-1: a value became NaN', { runId: 'run-1' }));
    await poll.refresh('run-1');
    expect(poll.result).toBeNull();
    expect(poll.from).toBeNull();
    expect(poll.error).toBe('The run stopped: a value became NaN or Infinity.');
    applyLanguage('zh');
    expect(poll.error).toBe('训练已停止：出现了 NaN 或无穷大。');
    applyLanguage('en');
    answer = () => Promise.resolve({ runId: 'run-1', iteration: 20, ask: 3 });
    await poll.refresh('run-1');
    expect(poll.error).toBeNull();
    expect(poll.result?.ask).toBe(3);
  });
});
