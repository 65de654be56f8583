/** The Boundary view against the fake API: polls the active run's boundary, only for 2-D classifiers, and keeps it across tab switches. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import BoundaryView from '../../../src/renderer/src/views/BoundaryView.svelte';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import { applyLanguage } from '../../../src/renderer/src/i18n/i18n.svelte';
import { FakeApi, datasetSummary, runSummary } from '../fake-api';
import { boundaryResult } from './fixtures';

afterEach(() => applyLanguage('en'));

function studioWith(api: FakeApi, d = 2) {
  const studio = new Studio(api);
  studio.dataset = datasetSummary({ d });
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
    expect(api.called('insight.boundary')).toEqual([{ runId: 'run-1', split: studio.split, resolution: 100 }]);
    expect(screen.getByTestId('boundary-legend').textContent).toMatch(/a.*b.*c.*NaN/s);
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
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('50');
  });

  it('explains that it needs 2-D classification data instead of asking for a boundary', () => {
    const api = new FakeApi();
    render(BoundaryView, { studio: studioWith(api, 4) });
    expect(screen.getByText(/exactly 2 features/)).toBeTruthy();
    expect(api.calls).toEqual([]);
  });
});
