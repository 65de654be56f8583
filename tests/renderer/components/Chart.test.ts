/**
 * The one chart component in jsdom (chart.js is replaced by tests/renderer/chart-stub.ts: no canvas here): its redraw
 * budget, and its titles, legend and colours following a language or theme switch. Real charts are drawn in the e2e specs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';

vi.mock('chart.js', () => import('../chart-stub'));

const { default: Chart, REDRAW_MS } = await import('../../../src/renderer/src/components/Chart.svelte');
const { default: CurvesTab } = await import('../../../src/renderer/src/panels/CurvesTab.svelte');
const { Studio } = await import('../../../src/renderer/src/lib/studio.svelte');
const { applyLanguage } = await import('../../../src/renderer/src/i18n/i18n.svelte');
const { theme } = await import('../../../src/renderer/src/lib/theme.svelte');
const { Chart: ChartStub } = await import('../chart-stub');
const { FakeApi, runSummary } = await import('../fake-api');

const line = (n: number, label = 'run-1') => ({
  label,
  color: '#2f6fdb',
  points: Array.from({ length: n }, (_, i) => ({ x: i + 1, y: 1 / (i + 1) })),
});
const lastChart = () => {
  const chart = ChartStub.instances.at(-1);
  if (!chart) throw new Error('no chart was created');
  return chart;
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  applyLanguage('en');
  theme.mode = 'system';
  document.documentElement.style.removeProperty('--muted');
});

describe('Chart', () => {
  it('redraws at most once per REDRAW_MS (four times a second) however often its series change, ending on the latest data', async () => {
    const view = render(Chart, { series: [line(1)], title: 'Loss', xLabel: 'iteration', testId: 'loss-chart' });
    const chart = lastChart();
    await vi.advanceTimersByTimeAsync(REDRAW_MS);
    expect(chart.updates).toBe(1); // the first draw, at mount, and none since: nothing changed
    for (let i = 2; i <= 101; i++) {
      await view.rerender({ series: [line(i)] }); // 100 changes in one second
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(chart.updates - 1).toBeLessThanOrEqual(1000 / REDRAW_MS);
    await vi.advanceTimersByTimeAsync(REDRAW_MS);
    expect(chart.data.datasets[0].data).toHaveLength(101);
    expect(screen.getByTestId('loss-chart').dataset.points).toBe('101');
    const updates = chart.updates;
    await vi.advanceTimersByTimeAsync(10 * REDRAW_MS);
    expect(chart.updates).toBe(updates); // nothing changed: no redraw
  });

  it('draws bars with one colour each over categories, and labels a log axis in decades', async () => {
    render(Chart, {
      series: [
        {
          kind: 'bar',
          label: 'max rel',
          color: 'blue',
          colors: ['blue', 'red'],
          points: [
            { x: 0, y: 1e-9 },
            { x: 1, y: 1e-2 },
          ],
        },
        {
          label: 'threshold',
          color: 'orange',
          dashed: true,
          points: [
            { x: 0, y: 1e-4 },
            { x: 1, y: 1e-4 },
          ],
        },
      ],
      categories: ['L1.W', 'L1.b'],
      title: 'Errors',
      xLabel: '',
      yLabel: 'error',
      logScale: true,
      decades: true,
      testId: 'errors',
    });
    const chart = lastChart();
    expect(chart.data.labels).toEqual(['L1.W', 'L1.b']);
    expect(chart.data.datasets.map((d) => [d.type, d.backgroundColor, d.data])).toEqual([
      ['bar', ['blue', 'red'], [1e-9, 1e-2]],
      ['line', 'orange', [1e-4, 1e-4]],
    ]);
    expect(chart.data.datasets[1].borderDash).toEqual([5, 3]);
    expect(chart.options.scales?.x?.title?.display).toBe(false);
    expect(chart.options.scales?.y?.title?.text).toBe('error');
    expect([1e-5, 3e-5].map((v) => chart.options.scales?.y?.ticks?.callback?.(v))).toEqual(['1e-5', '']);
  });

  it('writes linear ticks without float noise (an axis bound of 0.6000000000000001 reads 0.6)', () => {
    render(Chart, { series: [line(3)], title: 'Accuracy', xLabel: 'epoch', testId: 'accuracy' });
    const ticks = lastChart().options.scales;
    expect([0.6000000000000001, 0.30000000000000004, 1200, 1e-7].map((v) => ticks?.y?.ticks?.callback?.(v))).toEqual([
      '0.6',
      '0.3',
      '1,200',
      '0.0000001',
    ]);
    expect(ticks?.x?.ticks?.callback?.(2.0000000000000004)).toBe('2');
  });

  it('follows a language switch: axis titles and legend of the curves come back in Chinese on the next redraw', async () => {
    const studio = new Studio(new FakeApi());
    studio.runs = [runSummary({ name: 'run-1' })];
    studio.curves = {
      'run-1': {
        loss: [
          [1, 2],
          [2, 1],
        ],
        epochs: [{ epoch: 0, train: { loss: 1, accuracy: 0.5 }, validation: { loss: 1.2, accuracy: 0.4 } }],
      },
    };
    studio.activeRunId = 'run-1';
    render(CurvesTab, { studio });
    const accuracy = screen.getByTestId('accuracy-chart');
    const chart = ChartStub.instances.at(-1); // the accuracy chart is the last of the three
    expect(chart?.options.scales?.x?.title?.text).toBe('epoch');
    applyLanguage('zh');
    await vi.advanceTimersByTimeAsync(REDRAW_MS);
    expect(chart?.options.scales?.x?.title?.text).toBe('轮');
    expect(chart?.data.datasets.map((d) => d.label)).toEqual(['run-1 训练', 'run-1 验证']);
    expect(accuracy.dataset.xTitle).toBe('轮');
    expect(accuracy.dataset.legend).toBe('run-1 训练 | run-1 验证');
  });

  it('follows a theme switch: ticks, titles and legend take the theme’s text colour on the next redraw', async () => {
    render(Chart, { series: [line(3)], title: 'Loss', xLabel: 'iteration', testId: 'loss-chart' });
    const chart = lastChart();
    const updates = chart.updates;
    document.documentElement.style.setProperty('--muted', '#9aa3b2'); // what styles.css sets for [data-theme='dark']
    theme.mode = 'dark';
    await vi.advanceTimersByTimeAsync(REDRAW_MS);
    expect(chart.updates).toBe(updates + 1);
    expect(chart.options.scales?.x?.ticks?.color).toBe('#9aa3b2');
    expect(chart.options.scales?.x?.title?.color).toBe('#9aa3b2');
    expect(chart.options.plugins?.legend?.labels?.color).toBe('#9aa3b2');
    expect(screen.getByTestId('loss-chart').dataset.textColor).toBe('#9aa3b2');
  });

  it('destroys its chart.js instance when it is removed', () => {
    const view = render(Chart, { series: [line(3)], title: 'Loss', xLabel: 'iteration', testId: 'loss-chart' });
    const chart = lastChart();
    view.unmount();
    expect(chart.destroyed).toBe(true);
  });
});
