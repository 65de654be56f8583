/** Tests the metadata map: every key written, round trip, and cross-field rules with field paths in the messages. */
import { describe, expect, it } from 'vitest';
import { metadataToSnapshotFields, snapshotToMetadata } from '../../../../src/main/services/models/snapshot-metadata';
import { METADATA_KEYS } from '../../../../src/shared/model-metadata';
import { makeSnapshot } from '../../../fixtures/models/snapshot';

describe('snapshot metadata', () => {
  const { tensors: _t, ...fields } = makeSnapshot('float32');

  it('writes exactly the version-1 keys as strings and reads them back', () => {
    const meta = snapshotToMetadata(fields);
    expect(Object.keys(meta).sort()).toEqual([...METADATA_KEYS].sort());
    expect(meta['backprop-studio.format']).toBe('1');
    expect(meta.seed).toBe('7');
    expect(metadataToSnapshotFields(meta)).toEqual(fields);
  });

  it('names the field path of a schema failure', () => {
    const meta = snapshotToMetadata(fields);
    meta.trainingConfig = meta.trainingConfig.replace('"batchSize":32', '"batchSize":-1');
    expect(() => metadataToSnapshotFields(meta)).toThrow(/^metadata trainingConfig.batchSize: /);
  });

  it('rejects unknown and missing entries', () => {
    expect(() => metadataToSnapshotFields({ ...snapshotToMetadata(fields), script: 'x' })).toThrow(
      'unknown __metadata__ entry "script"',
    );
    const { metrics: _m, ...rest } = snapshotToMetadata(fields);
    expect(() => metadataToSnapshotFields(rest)).toThrow('__metadata__ lacks the "metrics" entry');
  });

  it('rejects a normalization of the wrong width and a seed that disagrees with the config', () => {
    expect(() =>
      metadataToSnapshotFields({ ...snapshotToMetadata(fields), normalization: '{"kind":"none","offset":[0],"scale":[1]}' }),
    ).toThrow('metadata normalization.offset has 1 entries, expected 3');
    expect(() => metadataToSnapshotFields({ ...snapshotToMetadata(fields), seed: '8' })).toThrow(
      'metadata seed 8 differs from trainingConfig.seed 7',
    );
  });

  it('rejects a non-positive normalization scale', () => {
    expect(() =>
      metadataToSnapshotFields({
        ...snapshotToMetadata(fields),
        normalization: '{"kind":"zscore","offset":[0,0,0],"scale":[1,0,1]}',
      }),
    ).toThrow(/^metadata normalization.scale\[1\]: /);
  });
});
