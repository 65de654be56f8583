/** The Boundary view against the fake API: polls the active run's boundary, only for 2-D classifiers, and keeps it across tab switches. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import BoundaryView from '../../../src/renderer/src/views/BoundaryView.svelte';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import { applyLanguage } from '../../../src/renderer/src/i18n/i18n.svelte';
import { FakeApi, datasetSummary, runSummary } from '../fake-api';
import { boundaryResult } from './fixtures';
import type { BoundaryResult } from '../../../src/shared/insight';
import { AppError } from '../../../src/shared/errors';
import { tick } from 'svelte';

afterEach(() => applyLanguage('en'));

function studioWith(api: FakeApi, d = 2) {
  const studio = new Studio(api);
  studio.dataset = datasetSummary({ d, featureNames: Array.from({ length: d }, (_, j) => `x${j + 1}`) });
  studio.runs = [runSummary({ status: 'done' })];
  studio.activeRunId = 'run-1';
  return studio;
}

describe('BoundaryView', () => {
  it('fetches the boundary of the active run through the studio API client and lists the classes', async () => {
    const api = new FakeApi({ 'insight.boundary': () => boundaryResult(40) });
    const studio = studioWith(api);
    render(BoundaryView, { studio });
    expect((await screen.findByTestId('boundary-iteration')).textContent).toContain('40');
    expect(api.called('insight.boundary')).toEqual([
      { runId: 'run-1', split: studio.split, resolution: 100, plane: { kind: 'features', x: 0, y: 1 } },
    ]);
    expect(screen.getByTestId('boundary-legend').textContent).toMatch(/a.*b.*c/s);
    expect(screen.queryByTestId('boundary-nan')).toBeNull();
    expect(screen.getByTestId('boundary-x-title').textContent).toBe('x1');
    expect(screen.getByTestId('boundary-x-ticks').textContent).toMatch(/-1\.0.*0\.0.*1\.0/s);
    expect(screen.getByTestId('boundary-canvas').dataset.points).toBe('2');
  });

  it('asks again at the chosen resolution, and shows the kept boundary at once when the tab is reopened', async () => {
    let calls = 0;
    const api = new FakeApi({
      'insight.boundary': () => (++calls <= 2 ? boundaryResult(40 + calls) : new Promise(() => undefined)),
    });
    const studio = studioWith(api);
    const view = render(BoundaryView, { studio });
    await screen.findByTestId('boundary-iteration');
    await fireEvent.change(screen.getByRole('combobox', { name: 'Grid resolution' }), { target: { value: '50' } });
    await vi.waitFor(() => expect(screen.getByTestId('boundary-iteration').textContent).toContain('42'));
    expect(api.called('insight.boundary').map((a) => (a as { resolution: number }).resolution)).toEqual([100, 50]);
    view.unmount();
    applyLanguage('zh');
    render(BoundaryView, { studio }); // the refresh on opening never answers: what shows is the kept result
    expect(screen.getByTestId('boundary-iteration').textContent).toContain('42');
    expect((screen.getByRole('combobox', { name: '网格分辨率' }) as HTMLSelectElement).value).toBe('50');
  });

  it('shows the NaN swatch only when a cell is NaN', async () => {
    const nan = boundaryResult(40);
    nan.predicted[5] = -1;
    nan.confidence[5] = Number.NaN;
    render(BoundaryView, { studio: studioWith(new FakeApi({ 'insight.boundary': () => nan })) });
    expect((await screen.findByTestId('boundary-nan')).textContent).toContain('NaN');
  });

  it('asks for the chosen pair of features, or the PCA plane, of a 4-feature dataset', async () => {
    const api = new FakeApi({ 'insight.boundary': () => boundaryResult(40) });
    render(BoundaryView, { studio: studioWith(api, 4) });
    await screen.findByTestId('boundary-iteration');
    expect(screen.getByTestId('boundary-held').textContent).toContain('2');
    await fireEvent.change(screen.getByRole('combobox', { name: 'x axis' }), { target: { value: '2' } });
    await vi.waitFor(() =>
      expect(api.called('insight.boundary').at(-1)).toMatchObject({ plane: { kind: 'features', x: 2, y: 1 } }),
    );
    await fireEvent.change(screen.getByRole('combobox', { name: 'Plane' }), { target: { value: 'pca' } });
    await vi.waitFor(() => expect(api.called('insight.boundary').at(-1)).toMatchObject({ plane: { kind: 'pca' } }));
  });

  it('keeps the last boundary with a notice when another run is selected, until the new run has one', async () => {
    let answer: () => Promise<BoundaryResult> = () => Promise.resolve(boundaryResult(40));
    const api = new FakeApi({ 'insight.boundary': () => answer() });
    const studio = studioWith(api);
    render(BoundaryView, { studio });
    await screen.findByTestId('boundary-iteration');
    expect(screen.queryByTestId('stale-notice')).toBeNull();
    answer = () => Promise.reject(new Error('run "run-2" has no weights yet'));
    studio.runs = [...studio.runs, runSummary({ id: 'run-2', name: 'run 2', status: 'done' })];
    studio.activeRunId = 'run-2';
    const notice = await screen.findByTestId('stale-notice');
    expect(notice.textContent).toMatch(/from .* at epoch \d+; the selected run has changed/);
    expect(screen.getByTestId('boundary-iteration').textContent).toContain('40');
  });

  it('explains that it needs classification data with 2 or more features instead of asking for a boundary', () => {
    const api = new FakeApi();
    render(BoundaryView, { studio: studioWith(api, 1) });
    expect(screen.getByText(/at least 2 numeric features/)).toBeTruthy();
    expect(api.calls).toEqual([]);
  });

  it('replaces the boundary of the same run with the error when a refresh fails, worded from its code in the current language', async () => {
    let answer: () => Promise<BoundaryResult> = () => Promise.resolve(boundaryResult(40));
    const api = new FakeApi({ 'insight.boundary': () => answer() });
    render(BoundaryView, { studio: studioWith(api) });
    await screen.findByTestId('boundary-canvas');
    answer = () => Promise.reject(new AppError('run-non-finite', 'run run-1: a value became NaN', { runId: 'run-1' }));
    await fireEvent.change(screen.getByRole('combobox', { name: 'Grid resolution' }), { target: { value: '50' } });
    expect((await screen.findByRole('alert')).textContent).toBe('The run stopped: a value became NaN or Infinity.');
    expect(screen.queryByTestId('boundary-canvas')).toBeNull();
    expect(screen.queryByTestId('boundary-iteration')).toBeNull();
    expect(screen.queryByTestId('stale-notice')).toBeNull();
    applyLanguage('zh');
    await tick();
    expect(screen.getByRole('alert').textContent).toBe('训练已停止：出现了 NaN 或无穷大。');
  });
});
