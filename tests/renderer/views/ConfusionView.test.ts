/** The Confusion view against the fake API: evaluate a split of the active run, and keep the result across tab and language switches. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tick } from 'svelte';
import { fireEvent, render, screen } from '@testing-library/svelte';
import ConfusionView from '../../../src/renderer/src/views/ConfusionView.svelte';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import { applyLanguage } from '../../../src/renderer/src/i18n/i18n.svelte';
import { FakeApi, runSummary } from '../fake-api';
import { evaluationResult } from './fixtures';
import { AppError } from '../../../src/shared/errors';

afterEach(() => applyLanguage('en'));

function setup() {
  const api = new FakeApi({ 'insight.evaluate': () => evaluationResult() });
  const studio = new Studio(api);
  studio.runs = [runSummary({ status: 'done' })];
  studio.activeRunId = 'run-1';
  return { api, studio, view: render(ConfusionView, { studio }) };
}

const counts = (): string[] =>
  [...screen.getByTestId('confusion-matrix').querySelectorAll('td')].map((td) => td.textContent ?? '');

describe('ConfusionView', () => {
  it('evaluates the chosen split of the active run through the studio API client', async () => {
    const { api, studio } = setup();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Split' }), { target: { value: 'test' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Evaluate' }));
    await screen.findByTestId('confusion-matrix');
    expect(api.called('insight.evaluate')).toEqual([{ runId: 'run-1', split: studio.split, part: 'test', maxRows: 10_000 }]);
    expect(counts()).toEqual(['4', '1', '2', '3']);
    expect(screen.getByTestId('confusion-accuracy').textContent).toContain('70');
    expect(screen.getByTestId('precision-recall').querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('keeps the matrix and the chosen split when the tab is closed and reopened, worded in the new language', async () => {
    const { api, studio, view } = setup();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Split' }), { target: { value: 'train' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Evaluate' }));
    await screen.findByTestId('confusion-matrix');
    view.unmount();
    applyLanguage('zh');
    render(ConfusionView, { studio });
    expect(counts()).toEqual(['4', '1', '2', '3']);
    expect((screen.getByRole('combobox', { name: '数据划分' }) as HTMLSelectElement).value).toBe('train');
    expect(screen.getByRole('button', { name: '评估' })).toBeTruthy();
    expect(api.called('insight.evaluate')).toHaveLength(1);
  });

  it("keeps a run's matrix with a notice while another run is selected; Recompute evaluates the selected run; Clear removes it", async () => {
    const { studio, api } = setup();
    studio.runs = [
      runSummary({ status: 'done', name: 'run 1', epoch: 11 }),
      runSummary({ id: 'run-2', name: 'run 2', status: 'done' }),
    ];
    await fireEvent.click(screen.getByRole('button', { name: 'Evaluate' }));
    await screen.findByTestId('confusion-matrix');
    expect(screen.queryByTestId('stale-notice')).toBeNull();
    studio.activeRunId = 'run-2';
    await tick();
    expect(counts()).toEqual(['4', '1', '2', '3']);
    expect(screen.getByTestId('stale-notice').textContent).toContain(
      'These results are from run 1 at epoch 12; the selected run has changed.',
    );
    studio.activeRunId = 'run-1';
    await tick();
    expect(screen.queryByTestId('stale-notice')).toBeNull();
    studio.runs[0].iteration += 10;
    studio.runs[0].epoch = 14;
    await tick();
    expect(screen.getByTestId('stale-notice').textContent).toContain('the run has trained on since (now epoch 15)');
    studio.activeRunId = 'run-2';
    await tick();
    await fireEvent.click(screen.getByRole('button', { name: 'Recompute' }));
    await vi.waitFor(() => expect(api.called('insight.evaluate').at(-1)).toMatchObject({ runId: 'run-2' }));
    await vi.waitFor(() => expect(screen.queryByTestId('stale-notice')).toBeNull());
    studio.activeRunId = 'run-1';
    await tick();
    expect(screen.getByTestId('stale-notice').textContent).toContain('from run 2');
    await fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.queryByTestId('confusion-matrix')).toBeNull();
  });

  it('shows why an evaluation failed', async () => {
    const api = new FakeApi({ 'insight.evaluate': () => Promise.reject(new Error('run run-1 has no weights yet')) });
    const studio = new Studio(api);
    studio.activeRunId = 'run-1';
    render(ConfusionView, { studio });
    await fireEvent.click(screen.getByRole('button', { name: 'Evaluate' }));
    expect((await screen.findByRole('alert')).textContent).toBe('run run-1 has no weights yet');
  });

  it('replaces the matrix of the same run with the error when an evaluation fails, worded from its code in the current language', async () => {
    let fail = false;
    const api = new FakeApi({
      'insight.evaluate': () =>
        fail
          ? Promise.reject(new AppError('run-non-finite', 'run run-1: a value became NaN', { runId: 'run-1' }))
          : evaluationResult(),
    });
    const studio = new Studio(api);
    studio.runs = [runSummary({ status: 'done' })];
    studio.activeRunId = 'run-1';
    render(ConfusionView, { studio });
    await fireEvent.click(screen.getByRole('button', { name: 'Evaluate' }));
    await screen.findByTestId('confusion-matrix');
    fail = true;
    await fireEvent.click(screen.getByRole('button', { name: 'Evaluate' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The run stopped: a value became NaN or Infinity.');
    expect(screen.queryByTestId('confusion-matrix')).toBeNull();
    expect(screen.queryByTestId('confusion-accuracy')).toBeNull();
    expect(screen.queryByTestId('precision-recall')).toBeNull();
    applyLanguage('zh');
    await tick();
    expect(screen.getByRole('alert').textContent).toBe('训练已停止：出现了 NaN 或无穷大。');
    fail = false;
    await fireEvent.click(screen.getByRole('button', { name: '评估' }));
    await screen.findByTestId('confusion-matrix');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
