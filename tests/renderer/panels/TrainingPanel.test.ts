/** The Training panel in jsdom: an invalid field is reported to the studio (which blocks Train) while typing, bounds are the schema's, every setting has its help. */
import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/svelte';
import TrainingPanel from '../../../src/renderer/src/panels/TrainingPanel.svelte';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import { en } from '../../../src/renderer/src/i18n/en';
import { FakeApi, datasetSummary } from '../fake-api';

function setup(): Studio {
  const studio = new Studio(new FakeApi());
  studio.useDataset(datasetSummary());
  render(TrainingPanel, { studio });
  return studio;
}

describe('TrainingPanel', () => {
  it('reports Epochs 200000 to the studio while typing, keeps the old value, and clears once fixed', async () => {
    const studio = setup();
    const epochs = screen.getByRole('textbox', { name: 'Epochs' });
    await fireEvent.input(epochs, { target: { value: '200000' } });
    expect(studio.fieldProblems.list.map((p) => p.message())).toEqual([
      'Epochs: expected a whole number, a number from 1 to 100000, got "200000"',
    ]);
    await fireEvent.change(epochs);
    expect(studio.config.epochs).toBe(300);
    expect(screen.getByRole('alert').textContent).toContain('200000');
    await fireEvent.input(epochs, { target: { value: '100000' } });
    await fireEvent.change(epochs);
    expect(studio.fieldProblems.size).toBe(0);
    expect(studio.config.epochs).toBe(100000);
    cleanup();
  });

  it('reports an empty learning rate', async () => {
    const studio = setup();
    await fireEvent.input(screen.getByRole('textbox', { name: 'Learning rate' }), { target: { value: '' } });
    expect(studio.fieldProblems.list[0]?.message()).toBe('Learning rate: expected a number > 0, got ""');
    cleanup();
  });

  it('describes each setting with its help text, behind a "?" button', () => {
    setup();
    const describedBy = (name: string, role: 'textbox' | 'combobox' | 'checkbox') => {
      const id = screen.getByRole(role, { name }).getAttribute('aria-describedby') ?? '';
      return document.getElementById(id)?.textContent;
    };
    expect(describedBy('Epochs', 'textbox')).toBe(en['help.train.epochs']);
    expect(describedBy('Learning rate', 'textbox')).toBe(en['help.train.learningRate']);
    expect(describedBy('Optimizer', 'combobox')).toBe(en['help.optimizer.adam']);
    expect(describedBy('Early stopping', 'checkbox')).toBe(en['help.train.earlyStopping']);
    for (const label of [
      'Optimizer',
      'Learning rate',
      'Schedule',
      'Batch size',
      'Epochs',
      'Weight decay λ',
      'Seed',
      'Precision',
    ]) {
      expect(screen.getByRole('button', { name: `About “${label}”` })).toBeTruthy();
    }
    cleanup();
  });
});
