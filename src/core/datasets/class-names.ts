/** Turning label values into class indices: names sorted (numbers numerically), indices in that order. */

/**
 * Sort class names: numerically when every name is a number, else by code point.
 * Returns the sorted names and, for each input position, its new index.
 */
export function sortClassNames(names: readonly string[]): { classNames: string[]; remap: Int32Array } {
  const numeric = names.every((s) => s.trim() !== '' && Number.isFinite(Number(s)));
  const order = names.map((_, i) => i);
  order.sort((a, b) => {
    if (numeric) return Number(names[a]) - Number(names[b]);
    return names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0;
  });
  const remap = new Int32Array(names.length);
  order.forEach((from, to) => {
    remap[from] = to;
  });
  return { classNames: order.map((i) => names[i]), remap };
}

/**
 * Encode labels given as codes in order of first appearance (codes: N, names: K) into
 * sorted class indices (y: N) with the sorted names.
 */
export function encodeClasses(codes: Int32Array, namesInOrderSeen: readonly string[]): { classNames: string[]; y: Int32Array } {
  const { classNames, remap } = sortClassNames(namesInOrderSeen);
  const y = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) y[i] = remap[codes[i]];
  return { classNames, y };
}

/** Canonical text of a numeric label so that `1`, `1.0` and `01` are one class. */
export function numericLabelKey(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}
