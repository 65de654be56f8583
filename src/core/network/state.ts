/** Export and import of a network's parameters and buffers as named tensors, with shape checks. */
import type { AnyLayer } from '../layers/layer';
import type { NamedTensor } from '../param';

/** Every param and buffer of `layers`, in layer order, as live (uncopied) tensors. */
export function liveTensors(layers: readonly AnyLayer[]): NamedTensor[] {
  const tensors: NamedTensor[] = [];
  for (const layer of layers) {
    for (const p of layer.params) tensors.push({ name: p.name, shape: p.shape, data: p.value });
    if (layer.kind === 'layer' && layer.buffers) tensors.push(...layer.buffers());
  }
  return tensors;
}

/** Copies of every param and buffer (safe to keep while training goes on). */
export function exportTensors(layers: readonly AnyLayer[]): NamedTensor[] {
  return liveTensors(layers).map((t) => ({ name: t.name, shape: [...t.shape], data: t.data.slice() }));
}

/**
 * Copy `tensors` into the network's params and buffers. Checks first, copies after: every expected name present
 * exactly once, no unknown names, equal shapes and lengths, finite values; otherwise throws naming the tensor.
 */
export function importTensors(layers: readonly AnyLayer[], tensors: readonly NamedTensor[]): void {
  const targets = new Map(liveTensors(layers).map((t) => [t.name, t]));
  const seen = new Set<string>();
  for (const t of tensors) {
    const target = targets.get(t.name);
    if (!target) throw new Error(`importState: unknown tensor "${t.name}"; this network has ${[...targets.keys()].join(', ')}`);
    if (seen.has(t.name)) throw new Error(`importState: tensor "${t.name}" appears twice`);
    seen.add(t.name);
    if (t.shape.length !== target.shape.length || t.shape.some((s, i) => s !== target.shape[i])) {
      throw new Error(`importState: tensor "${t.name}" has shape [${t.shape.join(', ')}], expected [${target.shape.join(', ')}]`);
    }
    if (t.data.length !== target.data.length) {
      throw new Error(`importState: tensor "${t.name}" has ${t.data.length} values, expected ${target.data.length}`);
    }
    const bad = t.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new Error(`importState: tensor "${t.name}" holds a non-finite value ${t.data[bad]} at index ${bad}`);
  }
  const missing = [...targets.keys()].filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`importState: missing tensor(s) ${missing.join(', ')}`);
  for (const t of tensors) (targets.get(t.name) as NamedTensor).data.set(t.data);
}
