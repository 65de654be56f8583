/** An architecture problem in the current language, its layer numbered from 1 like the editor's list. */
import type { ArchitectureIssue } from '../../../core/network/architecture-issues';
import { layerNumber } from '../../../core/network/layer-number';
import { t } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/en';

export function architectureIssueText(issue: ArchitectureIssue): string {
  const problem = t(`arch.issue.${issue.code}` satisfies MessageKey, issue.params);
  if (issue.layer === null) return problem;
  const n = layerNumber(issue.layer);
  const where = issue.type === null ? t('arch.issue.layer', { n }) : t('arch.issue.layerType', { n, type: issue.type });
  return t('arch.issue.at', { where, problem });
}
