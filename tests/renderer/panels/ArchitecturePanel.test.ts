/** The architecture editor in jsdom: add, remove, reorder, presets, undo/redo and mismatch messages. */
import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/svelte';
import ArchitecturePanel from '../../../src/renderer/src/panels/ArchitecturePanel.svelte';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import { FakeApi, datasetSummary } from '../fake-api';

function setup(): Studio {
  const studio = new Studio(new FakeApi());
  studio.useDataset(datasetSummary());
  render(ArchitecturePanel, { studio });
  return studio;
}

const rows = () => screen.getAllByTestId('layer-row');

describe('ArchitecturePanel', () => {
  it('shows the shape of every layer and the parameter count', () => {
    setup();
    expect(rows()).toHaveLength(6);
    expect(screen.getAllByTestId('layer-shape')[0].textContent).toContain('2 → 16');
    expect(screen.getByTestId('parameter-count').textContent).toContain(String(2 * 16 + 16 + 16 * 16 + 16 + 16 * 3 + 3));
  });

  it('adds a layer before the loss, and undo/redo take it away and back', async () => {
    const studio = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Add layer' }));
    expect(rows()).toHaveLength(7);
    expect(studio.architecture.layers.at(-1)?.type).toBe('SoftmaxWithLoss');
    expect(studio.architecture.layers.at(-2)).toEqual({ type: 'Affine', units: 16 });
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(rows()).toHaveLength(6);
    await fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(rows()).toHaveLength(7);
  });

  it('adds after the selected layer (or at a chosen position) and selects the new layer', async () => {
    const studio = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Select layer 2' }));
    await fireEvent.change(screen.getByRole('combobox', { name: 'New layer type' }), { target: { value: 'Dropout' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add layer' }));
    expect(studio.architecture.layers.slice(0, 4).map((l) => l.type)).toEqual(['Affine', 'Relu', 'Dropout', 'Affine']);
    expect(screen.getByRole('button', { name: 'Select layer 3' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Select layer 2' }).getAttribute('aria-pressed')).toBe('false');
    await fireEvent.change(screen.getByRole('combobox', { name: 'Insert' }), { target: { value: '0' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add layer' }));
    expect(studio.architecture.layers[0]).toEqual({ type: 'Dropout', ratio: 0.2 });
    expect(screen.getByRole('button', { name: 'Select layer 1' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('explains a mismatch in words when the loss layer is removed', async () => {
    setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove layer 6' }));
    expect(screen.getByTestId('architecture-error').textContent).toMatch(/last layer must be a loss layer/);
  });

  it('moves and duplicates layers', async () => {
    const studio = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Move layer 2 up' }));
    expect(studio.architecture.layers.slice(0, 2).map((l) => l.type)).toEqual(['Relu', 'Affine']);
    await fireEvent.click(screen.getByRole('button', { name: 'Duplicate layer 1' }));
    expect(studio.architecture.layers.slice(0, 3).map((l) => l.type)).toEqual(['Relu', 'Relu', 'Affine']);
  });

  it("applies the book's TwoLayerNet preset sized for the dataset", async () => {
    const studio = setup();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Preset' }), { target: { value: 'twoLayer' } });
    expect(studio.architecture.layers).toEqual([
      { type: 'Affine', units: 50 },
      { type: 'Relu' },
      { type: 'Affine', units: 3 },
      { type: 'SoftmaxWithLoss' },
    ]);
  });

  it('rejects units that are not a positive whole number, saying what was expected', async () => {
    const studio = setup();
    const units = screen.getAllByRole('textbox', { name: 'Units' })[0];
    await fireEvent.input(units, { target: { value: '2.5' } });
    await fireEvent.change(units);
    expect(screen.getByRole('alert').textContent).toMatch(/Units: expected a whole number.*"2.5"/);
    expect(studio.architecture.layers[0]).toEqual({ type: 'Affine', units: 16 });
  });
});
