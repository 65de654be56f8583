/**
 * A column, class or trial name as a person reads it: the names the app makes up itself ("column 3" for a headerless
 * file's columns, "class 0" for a built-in dataset's classes, "trial 2" for a hyperparameter-search trial) in the
 * current language; any other name as it is.
 * The data keeps the made-up English names (model files, the CLI); only their display changes.
 */
import { t } from '../i18n/i18n.svelte';

export function shownName(name: string): string {
  const made = /^(column|class|trial) (\d+)$/.exec(name);
  if (!made) return name;
  const n = made[2];
  return made[1] === 'column' ? t('name.column', { n }) : made[1] === 'class' ? t('name.class', { n }) : t('name.trial', { n });
}
