/** Building an architecture: add, duplicate, move and remove layers, a mismatch explained in words, undo and redo (buttons and keys). */
import { test, expect } from '../fixtures';
import { ArchitecturePanel } from '../pages/architecture-panel';

test('editing layers updates shapes and parameters, explains mismatches, and undo/redo walk the history', async ({ app }) => {
  const architecture = new ArchitecturePanel(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await expect(architecture.layers).toHaveCount(6);
  const start = await architecture.parameters();
  expect(start).toBe(2 * 16 + 16 + 16 * 16 + 16 + 16 * 3 + 3);

  await architecture.addLayer('Dropout');
  expect(await architecture.layerTypes()).toEqual(['Affine', 'Relu', 'Affine', 'Relu', 'Affine', 'Dropout', 'SoftmaxWithLoss']);
  await architecture.duplicateLayer(1);
  await expect(architecture.layers).toHaveCount(8);
  await architecture.setUnits(2, '32');
  await expect(architecture.layers.nth(1)).toContainText('16 → 32');

  await architecture.removeLayer(8);
  await expect(architecture.errors.first()).toContainText('the last layer must be a loss layer');
  await test.info().attach('architecture-mismatch', { body: await app.screenshot(), contentType: 'image/png' });

  await architecture.undo();
  await expect(architecture.errors).toHaveCount(0);
  await architecture.undoButton.focus();
  await app.keyboard.press('Control+z');
  await expect(architecture.layers.nth(1)).toContainText('16 → 16');
  await app.keyboard.press('Control+Shift+z');
  await expect(architecture.layers.nth(1)).toContainText('16 → 32');
  await architecture.redo();
  await expect(architecture.layers).toHaveCount(7);

  await architecture.applyPreset('twoLayer');
  expect(await architecture.layerTypes()).toEqual(['Affine', 'Relu', 'Affine', 'SoftmaxWithLoss']);
  expect(await architecture.parameters()).toBe(2 * 50 + 50 + 50 * 3 + 3);
});
