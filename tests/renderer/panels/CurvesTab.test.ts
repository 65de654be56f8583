/** The curves tab in jsdom (chart.js has no canvas here, so it is replaced by tests/renderer/chart-stub.ts): series, overlays, NaN explanation. */
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';

vi.mock('chart.js', () => import('../chart-stub'));

const { default: CurvesTab } = await import('../../../src/renderer/src/panels/CurvesTab.svelte');
const { Studio } = await import('../../../src/renderer/src/lib/studio.svelte');
const { FakeApi, runSummary } = await import('../fake-api');

describe('CurvesTab', () => {
  it('draws the active run first and the overlaid run after it, exposing first and last loss', () => {
    const studio = new Studio(new FakeApi());
    studio.runs = [runSummary({ id: 'run-1', name: 'a' }), runSummary({ id: 'run-2', name: 'b' })];
    studio.curves = {
      'run-1': {
        loss: [
          [1, 2],
          [2, 1],
        ],
        epochs: [],
      },
      'run-2': {
        loss: [
          [1, 5],
          [2, 4],
          [3, 3],
        ],
        epochs: [],
      },
    };
    studio.activeRunId = 'run-2';
    studio.overlay = ['run-1'];
    render(CurvesTab, { studio });
    const chart = screen.getByTestId('loss-chart');
    expect(chart.dataset.points).toBe('5');
    expect(chart.dataset.series).toBe('2');
    expect(chart.dataset.first).toBe('5');
    expect(chart.dataset.last).toBe('3');
  });

  it('explains a NaN stop with the layer and a lower learning rate', () => {
    const studio = new Studio(new FakeApi());
    studio.runs = [
      runSummary({
        status: 'failed',
        config: { ...runSummary().config, learningRate: 10 },
        nonFinite: { epoch: 0, batch: 3, iteration: 3, where: 'gradient', layer: 0, parameter: 'dW' },
      }),
    ];
    studio.activeRunId = 'run-1';
    render(CurvesTab, { studio });
    const text = screen.getByTestId('nan-explanation').textContent ?? '';
    expect(text).toContain('layer 1 (Affine)');
    expect(text).toContain('dW');
    expect(text).toMatch(/learning rate 10 is probably too high: try 1\b/);
  });
});
