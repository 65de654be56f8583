/** NumberField in jsdom: it commits plain decimals only (core's strict parse), refusing "0x10", "1,5" and "Infinity" with an alert. */
import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/svelte';
import NumberField from '../../../src/renderer/src/components/NumberField.svelte';

function setup(props: { integer?: boolean } = {}) {
  const committed: number[] = [];
  render(NumberField, { label: 'Units', value: 16, onchange: (v: number) => committed.push(v), ...props });
  return { input: screen.getByLabelText('Units') as HTMLInputElement, committed };
}

describe('NumberField', () => {
  it.each(['0x10', '1,5', 'Infinity', '1e999', '12abc', ''])('refuses %j and commits nothing', async (text) => {
    const { input, committed } = setup();
    await fireEvent.input(input, { target: { value: text } });
    await fireEvent.change(input);
    expect(committed).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/Units/);
    cleanup();
  });

  it('commits a plain decimal, trimmed', async () => {
    const { input, committed } = setup();
    await fireEvent.input(input, { target: { value: ' 2.5e1 ' } });
    await fireEvent.change(input);
    expect(committed).toEqual([25]);
    expect(screen.queryByRole('alert')).toBeNull();
    cleanup();
  });
});
