/** Catalog keys for the sniffer's header basis and a CSV problem's reason (the service's codes are not key-shaped). */
import type { CsvProblem, HeaderBasis } from '../../../shared/datasets';
import type { MessageKey } from '../i18n/en';

export const HEADER_BASIS_KEYS: Record<HeaderBasis, MessageKey> = {
  user: 'wizard.headerBasis.user',
  'single-text': 'wizard.headerBasis.singleText',
  'single-numbers': 'wizard.headerBasis.singleNumbers',
  'text-above-number': 'wizard.headerBasis.textAboveNumber',
  'distinct-names': 'wizard.headerBasis.distinctNames',
  'looks-like-data': 'wizard.headerBasis.looksLikeData',
};

export const REASON_KEYS: Record<CsvProblem['reason'], MessageKey> = {
  'ragged row': 'wizard.reason.raggedRow',
  'empty cell': 'wizard.reason.emptyCell',
  'not a number': 'wizard.reason.notANumber',
  'NaN or Infinity': 'wizard.reason.nanOrInfinity',
  quotes: 'wizard.reason.quotes',
  'too large': 'wizard.reason.tooLarge',
};
