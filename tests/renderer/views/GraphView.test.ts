/** The Graph tab in jsdom: a bad expression is worded with its column in both languages, and the tab's state lives in Studio. */
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/svelte';
import GraphView from '../../../src/renderer/src/views/GraphView.svelte';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import { applyLanguage } from '../../../src/renderer/src/i18n/i18n.svelte';
import { FakeApi, datasetSummary } from '../fake-api';

function setup(): Studio {
  const studio = new Studio(new FakeApi());
  studio.useDataset(datasetSummary());
  render(GraphView, { studio });
  return studio;
}

async function build(text: string, label = 'Expression', button = 'Build graph'): Promise<void> {
  await fireEvent.input(screen.getByRole('textbox', { name: label }), { target: { value: text } });
  await fireEvent.click(screen.getByRole('button', { name: button }));
}

describe('GraphView (scalar lab)', () => {
  afterEach(() => {
    cleanup();
    applyLanguage('en');
  });

  it('draws the apples preset with its output, and a typed expression replaces it', async () => {
    const studio = setup();
    expect(screen.getByTestId('scalar-total').textContent).toContain('220');
    await build('(x + y)^2');
    expect(studio.graphLab.scalar.expression).toBe('(x + y) ^ 2');
    expect(screen.getByTestId('scalar-total').textContent).toContain('4');
  });

  it('words a bad expression with its column, in English and in 中文, and keeps the last good graph', async () => {
    setup();
    await build('x + * y');
    expect(screen.getByRole('alert').textContent).toContain('Unexpected “*” at column 5.');
    applyLanguage('zh');
    await Promise.resolve();
    expect(screen.getByRole('alert').textContent).toContain('第 5 列出现意外的“*”。');
    expect(screen.getByTestId('scalar-total').textContent).toContain('220');
  });

  it('keeps its step and expression across a remount (a tab switch)', async () => {
    const studio = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    cleanup();
    render(GraphView, { studio });
    expect(studio.graphLab.scalar.step).toBe(1);
    expect(screen.getByTestId('step-explanation').getAttribute('data-phase')).toBe('forward');
  });
});
