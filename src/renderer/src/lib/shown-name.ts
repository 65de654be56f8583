/**
 * A column, class or trial name as a person reads it: the names the app makes up itself ("column 3" for a headerless
 * file's columns, "class 0" for a built-in dataset's classes, "trial 2", "layer 3", "test accuracy", "std 0.01" of the
 * experiments) in the current language; any other name as it is.
 * The data keeps the made-up English names (model files, the CLI); only their display changes.
 */
import { t } from '../i18n/i18n.svelte';

const MADE_UP = /^(column|class|trial|layer) (\d+)$/;
const KEYS = { column: 'name.column', class: 'name.class', trial: 'name.trial', layer: 'name.layer' } as const;
/** The experiments' series names (core/experiments/train-curve.ts). */
const SERIES = {
  'train accuracy': 'name.trainAccuracy',
  'test accuracy': 'name.testAccuracy',
  'validation accuracy': 'name.validationAccuracy',
  loss: 'name.loss',
} as const;

export function shownName(name: string): string {
  const made = MADE_UP.exec(name);
  if (made) return t(KEYS[made[1] as keyof typeof KEYS], { n: made[2] });
  if (name in SERIES) return t(SERIES[name as keyof typeof SERIES]);
  // An experiment's case ("sigmoid, std 0.01", "std 1.0e-2, no BN"): its weight scale and BN words.
  return name
    .replace(/\bstd (\S+?)(?=,|$)/g, (_, value: string) => t('name.std', { value }))
    .replace(/\bno BN\b/g, t('name.noBn'));
}
