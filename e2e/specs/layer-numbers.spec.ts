/** Layers are numbered from 1 everywhere a person reads them: an invalid architecture's error names the row the editor shows. */
import { test, expect } from '../fixtures';
import { ArchitecturePanel } from '../pages/architecture-panel';
import { TopBar } from '../pages/top-bar';
import type { Language } from '../pages/messages';

/** Each error's first number and the layer type in parentheses: "Layer 6 (SoftmaxWithLoss): …" / "第 6 层（SoftmaxWithLoss）：…" → [6, 'SoftmaxWithLoss']. */
async function namedLayers(architecture: ArchitecturePanel): Promise<[number, string][]> {
  const texts = await architecture.errors.allTextContents();
  return texts.map((text) => {
    const match = /(\d+)\D*?[(（](\w+)[)）]/.exec(text); // 中文 writes full-width parentheses
    return match ? [Number(match[1]), match[2]] : [Number.NaN, text];
  });
}

test('an invalid architecture names its layer by the number the editor shows, in English and 中文', async ({ app }) => {
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  const check = async (language: Language): Promise<void> => {
    const architecture = new ArchitecturePanel(app, language);
    await expect(architecture.layers).toHaveCount(6);
    // A second SoftmaxWithLoss after the 6th layer: the 6th (a loss that is not last) is the layer in error.
    await architecture.duplicateLayer(6);
    await expect(architecture.errors.first()).toBeVisible();
    const named = await namedLayers(architecture);
    expect(named[0]).toEqual([6, 'SoftmaxWithLoss']);
    for (const [number, type] of named) expect(await architecture.typeOfLayer(number)).toBe(type);
    await architecture.undo();
    await expect(architecture.errors).toHaveCount(0);
    // Without its loss layer the 5th layer (an Affine) is last, and the error says so.
    await architecture.removeLayer(6);
    await expect(architecture.errors).toHaveCount(1);
    expect(await namedLayers(architecture)).toEqual([[5, 'Affine']]);
    expect(await architecture.typeOfLayer(5)).toBe('Affine');
    await architecture.undo();
    await expect(architecture.errors).toHaveCount(0);
  };
  await check('en');
  await new TopBar(app).chooseLanguage('zh');
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await check('zh');
});
