/** Painting a decision boundary: the cell colour of a predicted class and its confidence (2 classes: orange–grey–blue). */
import type { BoundaryResult } from '../../../shared/insight';
import { classColor, diverging, NAN_COLOR, tint, type Rgb } from './colors';

/** The colour of one grid cell: NaN colour for −1; 2 classes on the diverging scale; else a light tint of the class colour. */
export function cellColor(predicted: number, confidence: number, classes: number): Rgb {
  if (predicted < 0 || Number.isNaN(confidence)) return NAN_COLOR;
  if (classes === 2) {
    const strength = 2 * confidence - 1;
    return diverging((predicted === 1 ? 1 : -1) * strength * 0.7);
  }
  return tint(classColor(predicted), 0.25 + 0.45 * confidence);
}

/** Fill `image` (resolution² RGBA pixels) with the boundary's cell colours. */
export function paintBoundary(result: BoundaryResult, image: Uint8ClampedArray): void {
  const classes = result.classNames.length;
  for (let k = 0; k < result.predicted.length; k++) {
    const c = cellColor(result.predicted[k], result.confidence[k], classes);
    image[4 * k] = c[0];
    image[4 * k + 1] = c[1];
    image[4 * k + 2] = c[2];
    image[4 * k + 3] = 255;
  }
}
