/** The Gradient check view against the fake API: a check of the edited architecture, its plots, and its state kept by the studio. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';

vi.mock('chart.js', () => import('../chart-stub'));

const { default: GradientCheckView } = await import('../../../src/renderer/src/views/GradientCheckView.svelte');
const { Studio } = await import('../../../src/renderer/src/lib/studio.svelte');
const { applyLanguage } = await import('../../../src/renderer/src/i18n/i18n.svelte');
const { Chart } = await import('../chart-stub');
const { FakeApi, datasetSummary } = await import('../fake-api');
const { gradientCheckResult } = await import('./fixtures');
const { AppError } = await import('../../../src/shared/errors');

afterEach(() => applyLanguage('en'));

function setup(result = gradientCheckResult()) {
  const api = new FakeApi({ 'gradcheck.run': () => result });
  const studio = new Studio(api);
  studio.dataset = datasetSummary();
  return { api, studio, view: render(GradientCheckView, { studio }) };
}

describe('GradientCheckView', () => {
  it('checks the edited architecture through the studio API client, seeded and unsplit like the CLI', async () => {
    const { api, studio } = setup();
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Samples' }), { target: { value: '5' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Run gradient check' }));
    expect((await screen.findByTestId('gradcheck-verdict')).textContent).toBe('PASS');
    expect(api.called('gradcheck.run')).toEqual([
      {
        datasetId: 'ds-1',
        architecture: studio.architecture,
        samples: 5,
        seed: studio.config.seed,
        split: { validation: 0, test: 0, normalize: studio.split.normalize, seed: studio.config.seed, stratify: false },
      },
    ]);
    expect(screen.getByTestId('gradcheck-table').querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByTestId('gradcheck-chart').dataset.params).toBe('2');
    expect(screen.getByTestId('gradcheck-worst').querySelectorAll('tbody tr')).toHaveLength(6); // layers.0.W: 2×3 elements
  });

  it('colours a failing parameter red in the chart and says FAIL', async () => {
    setup(gradientCheckResult(false));
    await fireEvent.click(screen.getByRole('button', { name: 'Run gradient check' }));
    expect((await screen.findByTestId('gradcheck-verdict')).textContent).toBe('FAIL');
    const chart = Chart.instances.at(-1);
    await vi.waitFor(() =>
      expect(chart?.data.datasets[0]?.backgroundColor).toEqual(['rgba(8, 119, 189, 0.85)', 'rgba(214, 39, 40, 0.9)']),
    );
    expect(chart?.data.labels).toEqual(['L1.W', 'L1.b']); // layers.0.* belong to the editor's layer 1
    expect(screen.getByRole('button', { name: 'L1.b' }).title).toBe('layers.0.b');
    expect(chart?.options.scales?.y?.ticks?.callback?.(1e-5)).toBe('1e-5');
  });

  it('keeps the result and the chosen parameter when the tab is closed and reopened, and words it in the new language', async () => {
    const { api, studio, view } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Run gradient check' }));
    await screen.findByTestId('gradcheck-verdict');
    await fireEvent.click(screen.getByRole('button', { name: 'L1.b' }));
    view.unmount();
    applyLanguage('zh');
    render(GradientCheckView, { studio });
    expect(screen.getByTestId('gradcheck-verdict').textContent).toBe('通过');
    expect(screen.getByRole('button', { name: 'L1.b' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('columnheader', { name: '参数' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '运行梯度检验' })).toBeTruthy();
    expect(api.called('gradcheck.run')).toHaveLength(1);
    const chart = Chart.instances.at(-1);
    await vi.waitFor(() => expect(chart?.data.datasets.map((d) => d.label)).toContain('最大相对误差'));
  });

  it('shows the error of a failed check', async () => {
    const api = new FakeApi({ 'gradcheck.run': () => Promise.reject(new Error('dataset ds-1 is gone')) });
    const studio = new Studio(api);
    studio.dataset = datasetSummary();
    render(GradientCheckView, { studio });
    await fireEvent.click(screen.getByRole('button', { name: 'Run gradient check' }));
    expect((await screen.findByRole('alert')).textContent).toBe('dataset ds-1 is gone');
  });
  it('keeps the result across a new run, and says so (with Recompute) once the architecture changed', async () => {
    const { api, studio } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Run gradient check' }));
    await screen.findByTestId('gradcheck-verdict');
    studio.activeRunId = 'run-9';
    await vi.waitFor(() => expect(screen.queryByTestId('stale-notice')).toBeNull());
    const spec = JSON.parse(JSON.stringify(studio.architecture)) as typeof studio.architecture;
    studio.architecture = { ...spec, layers: [{ type: 'Affine', units: 7 }, ...spec.layers.slice(1)] };
    const notice = await screen.findByTestId('stale-notice');
    expect(notice.textContent).toContain('These results are for an earlier architecture or dataset; it has changed since.');
    expect(screen.getByTestId('gradcheck-verdict').textContent).toBe('PASS');
    await fireEvent.click(screen.getByRole('button', { name: 'Recompute' }));
    await vi.waitFor(() => expect(api.called('gradcheck.run')).toHaveLength(2));
    await vi.waitFor(() => expect(screen.queryByTestId('stale-notice')).toBeNull());
  });

  it('replaces the last check with the error when a check fails, worded from its code', async () => {
    let fail = false;
    const api = new FakeApi({
      'gradcheck.run': () => {
        if (fail) throw new AppError('dataset-prepare', 'cannot prepare', { dataset: 'spiral', reason: 'no rows' });
        return gradientCheckResult();
      },
    });
    const studio = new Studio(api);
    studio.dataset = datasetSummary();
    render(GradientCheckView, { studio });
    await fireEvent.click(screen.getByRole('button', { name: 'Run gradient check' }));
    await screen.findByTestId('gradcheck-verdict');
    fail = true;
    await fireEvent.click(screen.getByRole('button', { name: 'Run gradient check' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('spiral');
    expect(alert.textContent).toContain('no rows');
    expect(screen.queryByTestId('gradcheck-verdict')).toBeNull();
    expect(screen.queryByTestId('gradcheck-table')).toBeNull();
  });
});
