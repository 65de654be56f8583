/**
 * How a person reads a layer's position: numbered from 1, as the architecture editor shows it.
 *
 * The one convention of the app: code, data and error params carry the 0-based index (`layers[i]`, trace nodes,
 * diagnostics, a non-finite report's `layer`, the model file's `layers.<i>` tensor names); only text a person
 * reads (the editor, error messages and catalogs, the graph lab, diagnostics, gradient-check labels, the CLI)
 * turns it into a number with these helpers, never by hand.
 */

/** The number a person reads for the layer at 0-based `index` (index 0 → 1). */
export const layerNumber = (index: number): number => index + 1;

const TENSOR_NAME = /^layers\.(\d+)\.(.+)$/;

/**
 * A parameter's short label for charts and tables: the tensor name `layers.<i>.<param>` as `L<i+1>.<param>`
 * ("layers.0.W" → "L1.W", the W of the editor's layer 1); any other name is returned unchanged.
 */
export function parameterLabel(tensorName: string): string {
  const match = TENSOR_NAME.exec(tensorName);
  return match ? `L${layerNumber(Number(match[1]))}.${match[2]}` : tensorName;
}

/** The parameter's own name within its layer: "layers.0.W" → "W" (for text that names the layer already). */
export function parameterName(tensorName: string): string {
  return TENSOR_NAME.exec(tensorName)?.[2] ?? tensorName;
}
