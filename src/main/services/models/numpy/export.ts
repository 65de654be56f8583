/** Writes the plain-NumPy export: one .py file that loads our model file and reproduces its predictions. */
import type { ModelSnapshot } from '../../../../shared/model';
import { NUMPY_TEMPLATE } from './template';

/** Make arbitrary text safe inside a Python # comment (one line, no control characters). */
const commentSafe = (text: string): string =>
  Array.from(text.slice(0, 200), (ch) =>
    ch.charCodeAt(0) < 0x20 || ch === '\u007f' || ch === '\u2028' || ch === '\u2029' ? ' ' : ch,
  ).join('');

/**
 * Snapshot → Python source. The script is generic (it reads the architecture, normalization and class names from the
 * model file at run time); the header comment describes the model it was exported with.
 * Usage: `python3 model.py model.safetensors data.csv [--json]`.
 */
export function exportNumpy(snapshot: ModelSnapshot): string {
  const layers = snapshot.architecture.layers.map((l) => (l.type === 'Affine' ? `Affine(${l.units})` : l.type)).join(' -> ');
  const header = [
    '#!/usr/bin/env python3',
    '# Backprop Studio model, exported for plain NumPy (no other package needed).',
    `# Dataset: ${commentSafe(snapshot.datasetName)}; precision: ${snapshot.precision}`,
    `# Architecture: input ${snapshot.architecture.inputSize} -> ${commentSafe(layers)}`,
    `# Features: ${commentSafe(snapshot.featureNames.join(', '))}`,
    `# Classes: ${commentSafe(snapshot.classNames.join(', ') || '(regression: ' + snapshot.targetNames.join(', ') + ')')}`,
    '# Usage: python3 this_file.py MODEL.safetensors DATA.csv [--json]',
  ];
  return `${header.join('\n')}\n${NUMPY_TEMPLATE}`;
}
