/** The Diagnostics view against the fake API: per-layer histograms and the gradient-norm chart, kept across tab and language switches. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';

vi.mock('chart.js', () => import('../chart-stub'));

const { default: DiagnosticsView } = await import('../../../src/renderer/src/views/DiagnosticsView.svelte');
const { Studio } = await import('../../../src/renderer/src/lib/studio.svelte');
const { applyLanguage } = await import('../../../src/renderer/src/i18n/i18n.svelte');
const { Chart } = await import('../chart-stub');
const { FakeApi, runSummary } = await import('../fake-api');
const { diagnosticsResult } = await import('./fixtures');
const { AppError } = await import('../../../src/shared/errors');

afterEach(() => applyLanguage('en'));

function setup(answer: () => Promise<ReturnType<typeof diagnosticsResult>>) {
  const api = new FakeApi({ 'insight.diagnostics': answer });
  const studio = new Studio(api);
  studio.runs = [runSummary({ status: 'done' })];
  studio.activeRunId = 'run-1';
  return { api, studio, view: render(DiagnosticsView, { studio }) };
}

describe('DiagnosticsView', () => {
  it('asks the studio API client for the active run and shows each layer and one norm series per parameter', async () => {
    const { api, studio } = setup(async () => diagnosticsResult(3));
    await vi.waitFor(() => expect(screen.getAllByTestId('layer-diagnostics')).toHaveLength(2));
    expect(api.called('insight.diagnostics')).toEqual([{ runId: 'run-1', split: studio.split, rows: 1000 }]);
    expect(screen.getByTestId('dead-fraction').textContent).toContain('50');
    // Layers are headed by the number the editor shows (layer index 0 is "1."); the norm legend says L1.W for layers.0.W.
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent?.trim().split(/\s/)[0])).toEqual(['1.', '2.']);
    expect(screen.getByText(/^Weights L1\.W$/)).toBeTruthy();
    expect(screen.queryByText(/layers\.0/)).toBeNull();
    const norms = screen.getByTestId('grad-norm-chart');
    expect(norms.dataset.series).toBe('2');
    expect(norms.dataset.points).toBe('6');
    const chart = Chart.instances.at(-1);
    await vi.waitFor(() => expect(chart?.data.datasets.map((d) => d.label)).toEqual(['L1.W', 'L1.b']));
    expect(chart?.data.datasets[1].data).toEqual([
      { x: 10, y: 1e-12 },
      { x: 20, y: 1e-12 },
      { x: 30, y: 1e-12 },
    ]); // 0 sits on the log floor
    expect(chart?.options.scales?.y?.type).toBe('logarithmic');
  });

  it('shows the last diagnostics at once when the tab is reopened, with axis titles in the new language', async () => {
    let reply: (r: ReturnType<typeof diagnosticsResult>) => void = () => undefined;
    const { studio, view } = setup(() => new Promise((resolve) => (reply = resolve)));
    reply(diagnosticsResult(2));
    await vi.waitFor(() => expect(screen.getAllByTestId('layer-diagnostics')).toHaveLength(2));
    view.unmount();
    applyLanguage('zh');
    render(DiagnosticsView, { studio }); // its refresh stays unanswered: what shows is the kept result
    expect(screen.getAllByTestId('layer-diagnostics')).toHaveLength(2);
    expect(screen.getByTestId('grad-norm-chart').textContent).toContain('各参数的梯度范数');
    const chart = Chart.instances.at(-1);
    await vi.waitFor(() => expect(chart?.options.scales?.x?.title?.text).toBe('迭代'));
    expect(screen.getByTestId('grad-norm-chart').dataset.xTitle).toBe('迭代');
  });

  it('replaces the diagnostics of the same run with the error when a refresh fails, worded from its code', async () => {
    let fail = false;
    setup(async () => {
      if (fail) throw new AppError('run-non-finite', 'run run-1: a value became NaN', { runId: 'run-1' });
      return diagnosticsResult(3);
    });
    await vi.waitFor(() => expect(screen.getAllByTestId('layer-diagnostics')).toHaveLength(2));
    fail = true;
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The run stopped: a value became NaN or Infinity.');
    expect(screen.queryAllByTestId('layer-diagnostics')).toHaveLength(0);
    expect(screen.queryByTestId('diagnostics-iteration')).toBeNull();
    expect(screen.queryByTestId('grad-norm-chart')).toBeNull();
  });
});
