import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScalarLab } from '../../../src/renderer/src/views/scalar-lab.svelte';

describe('ScalarLab', () => {
  afterEach(() => vi.useRealTimers());

  it('builds (x + y)^2, keeps values by name, and steps to ∂x = ∂y = 10', () => {
    const lab = new ScalarLab();
    lab.build('(x + y)^2');
    expect(lab.error).toBeNull();
    expect(lab.preset).toBe('chain');
    expect(lab.values).toEqual({ x: 1, y: 1 });
    lab.setValue('x', 2);
    lab.setValue('y', 3);
    expect(lab.evaluation.output).toBe(25);
    expect(lab.last).toBe(4);
    lab.showAll();
    expect(lab.visible.backwardDone.size).toBe(2);
    lab.previous();
    expect(lab.visible.backwardDone.size).toBe(1);
    expect(lab.evaluation.grads.slice(0, 2)).toEqual([10, 10]);
  });

  it('keeps the last good graph when the expression is bad, with the error code and column', () => {
    const lab = new ScalarLab();
    lab.build('(x + y');
    expect(lab.error?.code).toBe('unclosed-paren');
    expect(lab.error?.params.column).toBe(1);
    expect(lab.expression).toBe('apple * count * tax');
  });

  it('loads a preset with the book values and refuses a non-finite value', () => {
    const lab = new ScalarLab();
    lab.usePreset('fruit');
    expect(lab.evaluation.output).toBeCloseTo(715, 10);
    expect(lab.setValue('tax', Number.NaN)).toBe(false);
    expect(lab.values.tax).toBe(1.1);
    lab.usePreset('sigmoid');
    expect(lab.comparison?.graphGrad).toBeCloseTo(lab.comparison?.formula ?? NaN, 14);
  });

  it('plays one step per tick at the chosen speed and stops at the last step', () => {
    vi.useFakeTimers();
    const lab = new ScalarLab();
    lab.speed = 4;
    lab.play();
    vi.advanceTimersByTime(250);
    expect(lab.step).toBe(1);
    vi.advanceTimersByTime(250 * 10);
    expect(lab.step).toBe(lab.last);
    expect(lab.playing).toBe(false);
  });

  it('a speed change during playback takes effect at once', () => {
    vi.useFakeTimers();
    const lab = new ScalarLab();
    lab.speed = 1;
    lab.play();
    lab.setSpeed(4);
    vi.advanceTimersByTime(500);
    expect(lab.step).toBe(2);
    expect(lab.playing).toBe(true);
    lab.pause();
  });

  it('edits on the canvas: a new variable and a × node on it become the output, and the expression follows', () => {
    const lab = new ScalarLab();
    lab.addVariable('discount');
    lab.inputA = lab.graph.output;
    lab.editOp = 'mul';
    lab.addNode();
    expect(lab.expression).toBe('apple * count * tax * discount');
    expect(lab.values.discount).toBe(1);
    expect(lab.evaluation.output).toBeCloseTo(220, 10);
    lab.setValue('discount', 0.5);
    expect(lab.evaluation.output).toBeCloseTo(110, 10);
    expect(lab.checks.every((c) => c.pass)).toBe(true);
  });
});
