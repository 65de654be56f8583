/** The chapter's scalar graphs as one-click presets, with the book's numbers (ch. 5: apples, apples and oranges, z = (x + y)², sigmoid). */

export interface ScalarPreset {
  id: 'apples' | 'fruit' | 'chain' | 'sigmoid';
  expression: string;
  values: Record<string, number>;
  /** An expression the preset's output should agree with in value and gradient (the sigmoid graph vs. its one-node form). */
  compareWith?: string;
}

export const SCALAR_PRESETS: readonly ScalarPreset[] = [
  /** 2 apples at 100 each, tax 1.1 → 220; ∂apple 2.2, ∂count 110, ∂tax 200. */
  { id: 'apples', expression: 'apple * count * tax', values: { apple: 100, count: 2, tax: 1.1 } },
  /** (2 apples at 100 + 3 oranges at 150) × 1.1 → 715; ∂ 2.2, 110, 3.3, 165, 650. */
  {
    id: 'fruit',
    expression: '(apple * apples + orange * oranges) * tax',
    values: { apple: 100, apples: 2, orange: 150, oranges: 3, tax: 1.1 },
  },
  /** z = t², t = x + y: ∂z/∂x = ∂z/∂t · ∂t/∂x = 2t · 1 = 2(x + y). */
  { id: 'chain', expression: '(x + y)^2', values: { x: 2, y: 3 } },
  /** y = 1 / (1 + exp(−x)) from ×(−1), exp, + and / nodes; its backward simplifies to y(1 − y), the sigmoid node's rule. */
  { id: 'sigmoid', expression: '1 / (1 + exp(-x))', values: { x: 0.5 }, compareWith: 'sigmoid(x)' },
];

/** The preset named `id`. */
export function scalarPreset(id: ScalarPreset['id']): ScalarPreset {
  const preset = SCALAR_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no scalar preset "${id}"`);
  return preset;
}
