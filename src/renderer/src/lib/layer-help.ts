/** The help text of each layer type (what it computes, its backward, a typical use; ch. 5–6 of the book), as catalog keys. */
import type { LayerType } from '../../../core/spec';
import type { MessageKey } from '../i18n/en';

export const LAYER_HELP: Record<LayerType, MessageKey> = {
  Affine: 'help.layer.affine',
  Relu: 'help.layer.relu',
  Sigmoid: 'help.layer.sigmoid',
  Tanh: 'help.layer.tanh',
  Dropout: 'help.layer.dropout',
  BatchNormalization: 'help.layer.batchNormalization',
  SoftmaxWithLoss: 'help.layer.softmaxWithLoss',
  IdentityWithLoss: 'help.layer.identityWithLoss',
};
