/**
 * A new user's first run, guided, in English and 中文: the Start-here card opens a wine CSV (metadata line skipped),
 * the feature-scale warning switches to z-score in one click, a setting's help opens from the keyboard, an invalid
 * Epochs blocks Train with the reason beside the button, the card's preset step focuses the presets, Add layer goes
 * after the selected layer, Train, and the card is gone (and back once the run is deleted). Layer-type names are
 * never cut at 1280 px.
 */
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { ArchitecturePanel } from '../pages/architecture-panel';
import { DatasetPanel } from '../pages/dataset-panel';
import { StartHereCard } from '../pages/start-here-card';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { MESSAGES, say, type Language } from '../pages/messages';

/** Debian's copy of scikit-learn's wine data (proline spans ~1400, hue ~1.2), else one written with such ranges. */
function wineCsv(): string {
  const debian = '/usr/lib/python3/dist-packages/sklearn/datasets/data/wine_data.csv';
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-guidance-')), 'wine_data.csv');
  if (existsSync(debian)) copyFileSync(debian, file);
  else {
    const rows = Array.from({ length: 178 }, (_, i) =>
      [...Array.from({ length: 12 }, (_, j) => ((i * 7 + j) % 11) / 10 + 0.5), 278 + ((i * 37) % 1400), i % 3].join(','),
    );
    writeFileSync(file, ['178,13,class_0,class_1,class_2', ...rows].join('\n') + '\n');
  }
  return file;
}

/** Per layer-type list: the pixels its selected name needs beyond the room the list gives it (≤ 0: shown whole). */
function typeNameOverflow(page: Page): Promise<number[]> {
  return page.getByTestId('layer-type').evaluateAll((selects) =>
    selects.map((element) => {
      const select = element as HTMLSelectElement;
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return Infinity;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // The room for the text: the list's inner width less its padding and the drop-down arrow (~1.2em).
      const room =
        select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 1.2 * parseFloat(style.fontSize);
      return context.measureText(select.selectedOptions[0]?.text ?? '').width - room;
    }),
  );
}

for (const language of ['en', 'zh'] as const satisfies readonly Language[]) {
  const m = MESSAGES[language];

  test(`[${language}] first run: Start here → CSV → scale warning → z-score → invalid epochs block Train → Train → card gone`, async ({
    app,
  }) => {
    await app.setViewportSize({ width: 1280, height: 720 });
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    await new TopBar(app).chooseLanguage(language);
    const topBar = new TopBar(app, language);
    const card = new StartHereCard(app, language);
    const dataset = new DatasetPanel(app, language);
    const training = new TrainingPanel(app, language);
    const architecture = new ArchitecturePanel(app, language);

    await expect(card.root).toBeVisible();
    await expect(card.datasetStatus).toContainText(say(m, 'start.dataset.loaded', { name: 'spiral' }));
    await card.openCsv(wineCsv());
    await dataset.acceptSkipSuggestion();
    await dataset.chooseLabelColumn(say(m, 'name.column', { n: 14 }));
    await dataset.import();
    await expect(dataset.name).toHaveText('wine_data');
    await expect(card.datasetStatus).toContainText(say(m, 'start.dataset.loaded', { name: 'wine_data' }));

    await expect(dataset.normalizeSelect).toHaveValue('none');
    await expect(dataset.scaleWarning).toBeVisible();
    await expect(dataset.scaleWarning).toContainText(say(m, 'name.column', { n: 13 }));
    await test.info().attach(`guidance-warning-${language}`, { body: await app.screenshot(), contentType: 'image/png' });
    await dataset.useZscore();
    await expect(dataset.normalizeSelect).toHaveValue('zscore');
    await expect(dataset.scaleWarning).toBeHidden();

    const epochs = training.field(m['train.epochs']);
    await expect(epochs).toHaveAccessibleDescription(m['help.train.epochs']);
    const help = await training.openHelp(m['train.epochs']);
    await expect(help).toBeVisible();
    await expect(help).toHaveText(m['help.train.epochs']);
    await app.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await training.setEpochs(200000);
    const expected = `${say(m, 'field.integerAnd', { integer: m['field.integer'] })}${say(m, 'field.range', { min: 1, max: 100000 })}`;
    const reason = say(m, 'field.invalid', { label: m['train.epochs'], expected, value: '200000' });
    await expect(topBar.trainButton).toBeDisabled();
    await expect(card.trainNowButton).toBeDisabled();
    await expect(topBar.trainBlockedReason).toHaveText(say(m, 'blockers.reason', { message: reason }));
    await expect(topBar.trainBlockedReason).toBeInViewport();
    await expect(topBar.trainButton).toHaveAccessibleDescription(say(m, 'blockers.reason', { message: reason }));
    await test.info().attach(`guidance-blocked-${language}`, { body: await app.screenshot(), contentType: 'image/png' });
    await training.typeInto(m['train.learningRate'], '');
    await expect(topBar.trainBlockedReason).toContainText(say(m, 'blockers.more', { count: 1 }));
    await training.setLearningRate('0.01');
    await training.setEpochs(5);
    await expect(topBar.trainButton).toBeEnabled();
    await expect(topBar.trainBlockedReason).toBeHidden();

    await card.focusPresets();
    await expect(architecture.presetSelect()).toBeFocused();
    await architecture.applyPreset('twoLayer');
    await architecture.selectLayer(2);
    await architecture.addLayer('Dropout');
    expect(await architecture.layerTypes()).toEqual(['Affine', 'Relu', 'Dropout', 'Affine', 'SoftmaxWithLoss']);
    await expect(architecture.selectButton(3)).toHaveAttribute('aria-pressed', 'true');
    await architecture.addLayer('BatchNormalization');
    expect(await architecture.layerTypes()).toEqual([
      'Affine',
      'Relu',
      'Dropout',
      'BatchNormalization',
      'Affine',
      'SoftmaxWithLoss',
    ]);
    await expect(architecture.selectButton(4)).toHaveAttribute('aria-pressed', 'true');
    for (const overflow of await typeNameOverflow(app)) expect(overflow).toBeLessThanOrEqual(0);

    await card.trainNow();
    await expect(topBar.status).toHaveClass(/status-done/);
    await expect(card.root).toBeHidden();
    await test.info().attach(`guidance-trained-${language}`, { body: await app.screenshot(), contentType: 'image/png' });
    await app.getByRole('button', { name: new RegExp(`^${say(m, 'runs.deleteRun', { name: '' })}`) }).click();
    await expect(card.root).toBeVisible();
  });
}

for (const language of ['en', 'zh'] as const satisfies readonly Language[]) {
  const m = MESSAGES[language];

  test(`[${language}] the wizard's quote character re-reads the preview and imports with it`, async ({ app }) => {
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    await new TopBar(app).chooseLanguage(language);
    const dataset = new DatasetPanel(app, language);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-quote-')), 'cities.csv');
    writeFileSync(file, "city,x,y,label\n'Paris, FR',1,2,a\n'Oslo, NO',3,4,b\n'Rome, IT',5,6,a\n");

    await dataset.openFile(file);
    await expect(dataset.previewCell("'Paris")).toBeVisible();
    await dataset.chooseQuote("'");
    await expect(dataset.previewCell('Paris, FR')).toBeVisible();
    await dataset.chooseQuote('none');
    await expect(dataset.previewCell("'Paris")).toBeVisible();
    await dataset.chooseQuote("'");
    await expect(dataset.previewCell('Oslo, NO')).toBeVisible();
    await dataset.import();
    await expect(dataset.name).toHaveText('cities');
    await expect(dataset.shape).toContainText(say(m, 'dataset.shape', { n: 3, d: 5, classes: 2 }));
  });
}
