import { describe, expect, it } from 'vitest';
import { MatrixLab } from '../../../src/renderer/src/views/matrix-lab.svelte';

describe('MatrixLab', () => {
  it('shows the given tensors first, then X·W, +B, and ∂L/∂B = [5, 7, 9] at the Σ step', () => {
    const lab = new MatrixLab();
    expect(lab.shown.map((x) => x.name)).toEqual(['X', 'W', 'B']);
    lab.next();
    lab.next();
    lab.next();
    lab.next();
    expect(lab.preset.steps[lab.step].node).toBe('Σ axis 0');
    expect(lab.shown.find((x) => x.name === '∂L/∂B')?.data).toEqual([5, 7, 9]);
    lab.previous();
    expect(lab.shown.some((x) => x.name === '∂L/∂B')).toBe(false);
  });

  it('switches to Softmax-with-Loss from its start and stops at its last step', () => {
    const lab = new MatrixLab();
    lab.next();
    lab.choose('softmax');
    expect(lab.step).toBe(0);
    for (let k = 0; k < 10; k++) lab.next();
    expect(lab.step).toBe(3);
  });
});
