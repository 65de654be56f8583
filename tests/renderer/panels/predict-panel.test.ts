/** The Predict tab in jsdom: use a run's model, refuse bad values naming the feature, show probabilities, predict a CSV, list recent models. */
import { describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/svelte';
import PredictPanel from '../../../src/renderer/src/panels/PredictPanel.svelte';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import type { ModelInfo } from '../../../src/shared/model';
import { FakeApi, runSummary } from '../fake-api';
import { AppError } from '../../../src/shared/errors';

const INFO: ModelInfo = {
  id: 'model-1',
  name: 'spiral-run',
  datasetName: 'spiral',
  featureNames: ['x1', 'x2'],
  classNames: ['a', 'b', 'c'],
  architecture: { inputSize: 2, layers: [{ type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }] },
};

function setup(info: ModelInfo = INFO) {
  const api = new FakeApi({
    'models.fromRun': () => info,
    'models.recent': () => [{ id: '0123456789abcdef', name: 'old.safetensors' }],
    'models.predictRows': ({ rows }) => rows.map((_, i) => ({ row: i + 1, predicted: 'b', probabilities: [0.2, 0.7, 0.1] })),
    'files.open': () => ({ fileId: 'file-1', name: 'points.csv', size: 20 }),
    'models.predictFile': () => ({
      predictions: Array.from({ length: 150 }, (_, i) => ({ row: i + 1, predicted: 'a', probabilities: [0.5, 0.25, 0.25] })),
      csv: 'row,predicted\n',
    }),
  });
  const studio = new Studio(api);
  studio.runs = [runSummary({ id: 'run-1' })];
  studio.activeRunId = 'run-1';
  const view = render(PredictPanel, { studio });
  return { api, studio, view };
}

async function useRun(): Promise<void> {
  await fireEvent.click(screen.getByRole('button', { name: 'Use the selected run' }));
  await screen.findByText('spiral-run');
}

describe('PredictPanel', () => {
  it('takes the model from the selected run and shows its features, classes and the recent models', async () => {
    const { api } = setup();
    await useRun();
    expect(api.called('models.fromRun')).toEqual([{ runId: 'run-1' }]);
    expect(screen.getByTestId('predict-model').textContent).toMatch(/x1, x2.*a, b, c/s);
    expect(await screen.findByText('old.safetensors')).toBeTruthy();
  });

  it('refuses a value that is not a number, naming the feature, without calling the model', async () => {
    const { api } = setup();
    await useRun();
    await fireEvent.input(screen.getByRole('textbox', { name: 'x1' }), { target: { value: '0.5' } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'x2' }), { target: { value: '1,5' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Predict' }));
    expect(screen.getByRole('alert').textContent).toContain('"x2"');
    expect(screen.getByRole('alert').textContent).toContain('"1,5"');
    expect(api.called('models.predictRows')).toEqual([]);
  });

  it('refuses an empty value, naming the feature', async () => {
    setup();
    await useRun();
    await fireEvent.input(screen.getByRole('textbox', { name: 'x2' }), { target: { value: '3' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Predict' }));
    expect(screen.getByRole('alert').textContent).toContain('"x1"');
  });

  it('predicts typed values and highlights the predicted class among the probabilities', async () => {
    const { api } = setup();
    await useRun();
    await fireEvent.input(screen.getByRole('textbox', { name: 'x1' }), { target: { value: '-0.25' } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'x2' }), { target: { value: '1e-1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Predict' }));
    await screen.findByTestId('predicted');
    expect(api.called('models.predictRows')).toEqual([{ modelId: 'model-1', rows: [[-0.25, 0.1]] }]);
    const rows = screen.getAllByTestId('probability-row');
    expect(rows.map((r) => r.getAttribute('aria-current'))).toEqual([null, 'true', null]);
    expect(rows[1].textContent).toContain('0.700000');
  });

  it('takes comma-separated values in one field when the model has more than 20 features', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `f${i}`);
    const { api } = setup({ ...INFO, featureNames: names });
    await useRun();
    expect(screen.queryByRole('textbox', { name: 'f0' })).toBeNull();
    const field = screen.getByRole('textbox', { name: /comma-separated/ });
    await fireEvent.input(field, { target: { value: '1,2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Predict' }));
    expect(screen.getByRole('alert').textContent).toContain('Expected 25');
    await fireEvent.input(field, { target: { value: names.map((_, i) => String(i)).join(', ') } });
    await fireEvent.click(screen.getByRole('button', { name: 'Predict' }));
    await screen.findByTestId('predicted');
    expect(api.called('models.predictRows')).toEqual([{ modelId: 'model-1', rows: [names.map((_, i) => i)] }]);
  });

  it('predicts a CSV and shows its first 100 predictions with one column per class', async () => {
    const { api } = setup();
    await useRun();
    await fireEvent.click(screen.getByRole('button', { name: 'Predict a CSV…' }));
    await screen.findByRole('button', { name: 'Save predictions CSV' });
    expect(api.called('models.predictFile')).toEqual([{ modelId: 'model-1', fileId: 'file-1' }]);
    const rows = screen.getAllByTestId('file-prediction-row');
    expect(rows).toHaveLength(100);
    expect(rows[0].querySelectorAll('td')).toHaveLength(5);
  });

  it('keeps the typed values and the prediction across a remount (tab switch), and marks them once another model is current', async () => {
    const { studio, view } = setup();
    await useRun();
    await fireEvent.input(screen.getByRole('textbox', { name: 'x1' }), { target: { value: '0.5' } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'x2' }), { target: { value: '2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Predict' }));
    await screen.findByTestId('predicted');
    view.unmount();
    render(PredictPanel, { studio });
    expect((screen.getByRole('textbox', { name: 'x1' }) as HTMLInputElement).value).toBe('0.5');
    expect(screen.getByTestId('predicted').textContent).toContain('b');
    expect(screen.queryByTestId('stale-notice')).toBeNull();
    studio.model = { runId: 'run-2', iteration: 5, info: { ...INFO, id: 'model-2', name: 'other-run' } };
    const notice = await screen.findByTestId('stale-notice');
    expect(notice.textContent).toContain('These predictions are from the model spiral-run; the current model has changed.');
    expect((screen.getByRole('textbox', { name: 'x2' }) as HTMLInputElement).value).toBe('2');
  });

  it('a failed prediction replaces the kept one (typed row and CSV) with the error, worded from its code', async () => {
    let fail = false;
    const failure = () => new AppError('model-file', 'bad model', { file: 'm.safetensors', problem: 'truncated' });
    const api = new FakeApi({
      'models.fromRun': () => INFO,
      'models.recent': () => [],
      'models.predictRows': ({ rows }) => {
        if (fail) throw failure();
        return rows.map((_, i) => ({ row: i + 1, predicted: 'b', probabilities: [0.2, 0.7, 0.1] }));
      },
      'files.open': () => ({ fileId: 'file-1', name: 'points.csv', size: 20 }),
      'models.predictFile': () => {
        if (fail) throw failure();
        return { predictions: [{ row: 1, predicted: 'a', probabilities: [0.5, 0.25, 0.25] }], csv: 'row,predicted\n' };
      },
    });
    const studio = new Studio(api);
    studio.runs = [runSummary({ id: 'run-1' })];
    studio.activeRunId = 'run-1';
    render(PredictPanel, { studio });
    await useRun();
    await fireEvent.input(screen.getByRole('textbox', { name: 'x1' }), { target: { value: '1' } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'x2' }), { target: { value: '2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Predict' }));
    await screen.findByTestId('predicted');
    await fireEvent.click(screen.getByRole('button', { name: 'Predict a CSV…' }));
    await screen.findByTestId('file-prediction-row');
    fail = true;
    await fireEvent.click(screen.getByRole('button', { name: 'Predict' }));
    await vi.waitFor(() => expect(studio.error).toBe('Cannot use the model file m.safetensors: truncated'));
    expect(screen.queryByTestId('predicted')).toBeNull();
    expect(screen.queryAllByTestId('probability-row')).toHaveLength(0);
    studio.error = null;
    await fireEvent.click(screen.getByRole('button', { name: 'Predict a CSV…' }));
    await vi.waitFor(() => expect(studio.error).toBe('Cannot use the model file m.safetensors: truncated'));
    expect(screen.queryAllByTestId('file-prediction-row')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Save predictions CSV' })).toBeNull();
  });
});
