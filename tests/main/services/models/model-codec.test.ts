/** Tests model encode/decode: exact round trips and a corpus of hostile files, each refused with a specific ModelFileError. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core';
import { decodeModel, encodeModel } from '../../../../src/main/services/models/model-codec';
import { ModelFileError } from '../../../../src/main/services/models/errors';
import { Predictor } from '../../../../src/main/services/models/predictor';
import { CLASSIFIER, REGRESSOR, makeSnapshot } from '../../../fixtures/models/snapshot';
import { editHeader, editMetadata, editMetadataJson, joinFile, splitFile } from '../../../fixtures/models/corrupt';

const ROWS = [
  [1, 2, 3],
  [-4, 0.5, 2],
  [0, 0, 0],
  [10, -10, 7.25],
];
const good = encodeModel(makeSnapshot('float32'), 'm.safetensors');

/** Expect decoding to fail with a ModelFileError whose message matches `pattern`. */
function expectRejected(bytes: Uint8Array, pattern: RegExp): void {
  let caught: unknown;
  try {
    decodeModel(bytes, 'bad.safetensors');
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ModelFileError);
  expect((caught as ModelFileError).message).toMatch(/^bad\.safetensors: /);
  expect((caught as ModelFileError).message).toMatch(pattern);
}

describe('encodeModel / decodeModel round trip', () => {
  for (const precision of ['float32', 'float64'] as const) {
    it(`gives bit-identical tensors and predictions after save → load (${precision})`, () => {
      const snapshot = makeSnapshot(precision);
      const loaded = decodeModel(encodeModel(snapshot), 'x');
      for (const [i, t] of snapshot.tensors.entries()) {
        expect(loaded.tensors[i].name).toBe(t.name);
        expect(loaded.tensors[i].data.constructor).toBe(t.data.constructor);
        expect(Buffer.from(loaded.tensors[i].data.buffer).equals(Buffer.from(t.data.buffer))).toBe(true);
      }
      const before = new Predictor(snapshot).predictRows(ROWS);
      const after = new Predictor(loaded).predictRows(ROWS);
      expect(after).toEqual(before);
      expect(before[0].probabilities).toHaveLength(3);
      const { tensors: _a, ...fieldsBefore } = snapshot;
      const { tensors: _b, ...fieldsAfter } = loaded;
      expect(fieldsAfter).toEqual(fieldsBefore);
    });
  }

  it('round-trips a regression model', () => {
    const snapshot = makeSnapshot('float64', REGRESSOR);
    expect(new Predictor(decodeModel(encodeModel(snapshot), 'r')).predictRows(ROWS)).toEqual(
      new Predictor(snapshot).predictRows(ROWS),
    );
  });

  it('refuses to save a non-finite weight, naming the tensor and index', () => {
    const snapshot = makeSnapshot('float32');
    snapshot.tensors[2].data[1] = NaN;
    expect(() => encodeModel(snapshot, 'out.safetensors')).toThrow(
      `out.safetensors: tensor "${snapshot.tensors[2].name}" holds a non-finite value NaN at index 1`,
    );
  });
});

describe('decodeModel rejects hostile files', () => {
  it('rejects the file truncated at many points', () => {
    for (let cut = 0; cut < good.length; cut += Math.max(1, Math.floor(good.length / 97))) {
      expectRejected(
        good.subarray(0, cut),
        /too short|runs past the end|ends at data byte|past the end|gap|needs more bytes|trailing/,
      );
    }
    expectRejected(good.subarray(0, good.length - 1), /past the end|needs more bytes/);
  });

  it('gives a ModelFileError or a valid load for every seeded random bit flip, never another exception', () => {
    const rng = createRng(2024);
    let rejected = 0;
    for (let trial = 0; trial < 600; trial++) {
      const bytes = good.slice();
      const flips = 1 + rng.int(3);
      for (let f = 0; f < flips; f++) bytes[rng.int(bytes.length)] ^= 1 << rng.int(8);
      try {
        decodeModel(bytes, 'flip');
      } catch (err) {
        if (!(err instanceof ModelFileError)) throw new Error(`trial ${trial}: ${String(err)}`);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(100);
  });

  it('gives a ModelFileError or a valid load for seeded bit flips inside the JSON header', () => {
    const rng = createRng(7);
    const headerEnd = 8 + Number(new DataView(good.buffer).getBigUint64(0, true));
    let rejected = 0;
    for (let trial = 0; trial < 400; trial++) {
      const bytes = good.slice();
      bytes[8 + rng.int(headerEnd - 8)] ^= 1 << rng.int(8);
      try {
        decodeModel(bytes, 'flip');
      } catch (err) {
        if (!(err instanceof ModelFileError)) throw new Error(`trial ${trial}: ${String(err)}`);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(300);
  });

  it('rejects repeated feature names', () => {
    expectRejected(editMetadata(good, 'featureNames', '["a","b","a"]'), /metadata featureNames repeats the name "a"/);
  });

  it('rejects a huge declared header length', () => {
    const bytes = good.slice();
    new DataView(bytes.buffer).setBigUint64(0, 0xffffffffffffn, true);
    expectRejected(bytes, /declared header length 281474976710655 bytes exceeds the limit/);
  });

  it('rejects a huge declared shape with little data', () => {
    expectRejected(
      editHeader(good, (h) => {
        (h['layers.0.W'] as { shape: number[] }).shape = [3e8, 3e8];
      }),
      /tensor "layers.0.W": shape \[300000000, 300000000\] needs more bytes/,
    );
  });

  it('rejects overlapping and gapped offsets', () => {
    const { header, data } = splitFile(good);
    const w = header['layers.0.W'] as { data_offsets: [number, number] };
    const b = header['layers.0.b'] as { data_offsets: [number, number] };
    const overlapped = structuredClone(header);
    (overlapped['layers.0.b'] as { data_offsets: number[] }).data_offsets = [b.data_offsets[0] - 4, b.data_offsets[1] - 4];
    expectRejected(joinFile(overlapped, data), /overlaps/);
    expect(w.data_offsets[0]).toBe(0);
    const gapped = structuredClone(header);
    delete gapped['layers.0.b'];
    expectRejected(joinFile(gapped, data), /gap of 20 bytes before tensor/);
  });

  it('rejects trailing bytes after the last tensor', () => {
    const bytes = new Uint8Array(good.length + 3);
    bytes.set(good);
    expectRejected(bytes, /3 trailing bytes after the last tensor/);
  });

  it('rejects a weight length off by one', () => {
    expectRejected(
      editHeader(good, (h) => {
        const w = h['layers.0.W'] as { data_offsets: [number, number] };
        w.data_offsets[1] -= 1;
      }),
      /tensor "layers.0.W": byte range \[0, 59\) is 59 bytes but F32 shape \[3, 5\] needs 60/,
    );
  });

  it('rejects a layer size that does not match the weights', () => {
    const bytes = editMetadataJson(good, 'architecture', (a) => {
      (a.layers as { units?: number }[])[4].units = 3;
    });
    expectRejected(bytes, /tensor "layers.4.W" has shape \[5, 4\] but the architecture expects \[5, 3\]/);
    const larger = editMetadataJson(good, 'architecture', (a) => {
      (a.layers as { units?: number }[])[4].units = 6;
    });
    expectRejected(larger, /the architecture declares 87 parameters but the file holds only 79 numbers/);
  });

  it('rejects an architecture far larger than the numbers in the file before building it', () => {
    const bytes = editMetadataJson(good, 'architecture', (a) => {
      (a.layers as { units?: number }[])[0].units = 100_000_000;
    });
    expectRejected(bytes, /declares \d+ parameters but the file holds only 79 numbers/);
  });

  it('rejects an unknown layer type', () => {
    const bytes = editMetadataJson(good, 'architecture', (a) => {
      (a.layers as { type: string }[])[2].type = 'Eval';
    });
    expectRejected(bytes, /metadata architecture.layers\[2\].type: Invalid discriminator value/);
  });

  it('rejects extra fields in a layer (nothing may name code to run)', () => {
    const bytes = editMetadataJson(good, 'architecture', (a) => {
      (a.layers as Record<string, unknown>[])[2].module = 'os';
    });
    expectRejected(bytes, /metadata architecture.layers\[2\]: Unrecognized key: "module"/);
  });

  it('rejects a future format version', () => {
    expectRejected(
      editMetadata(good, 'backprop-studio.format', '2'),
      /format version "2" is newer than the version this app reads \(1\)/,
    );
  });

  it('rejects a file without our format key', () => {
    expectRejected(
      editHeader(good, (h) => {
        delete (h.__metadata__ as Record<string, string>)['backprop-studio.format'];
      }),
      /not a Backprop Studio model/,
    );
  });

  it('rejects non-finite numbers in the weights and in the metadata', () => {
    const { header, data } = splitFile(good);
    delete (header.__metadata__ as Record<string, string>).tensor_crc32; // a file without checksums (older, or made elsewhere)
    new DataView(data.buffer).setFloat32(8, Infinity, true);
    expectRejected(joinFile(header, data), /tensor "layers.0.W" holds a non-finite value Infinity at index 2/);
    expectRejected(
      editMetadata(good, 'normalization', '{"kind":"zscore","offset":[1e999,0,0],"scale":[1,1,1]}'),
      /metadata normalization.offset\[0\]: /,
    );
  });

  it('rejects __proto__ and constructor keys in the metadata', () => {
    expectRejected(
      editMetadata(good, 'metrics', '{"__proto__":{"polluted":true},"train":null,"validation":null,"test":null}'),
      /key "__proto__" is not allowed \(at \$\)/,
    );
    expectRejected(
      editMetadata(good, 'architecture', '{"inputSize":3,"layers":[{"type":"Relu","constructor":{}}]}'),
      /key "constructor" is not allowed \(at \$.layers\[0\]\)/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects class names that do not match the output size', () => {
    expectRejected(editMetadata(good, 'classNames', '["a","b"]'), /metadata classNames has 2 entries, expected 3/);
  });

  it('rejects an F64 tensor in a float32 model', () => {
    const f64 = encodeModel(makeSnapshot('float64'));
    expectRejected(editMetadata(f64, 'precision', '"float32"'), /tensor "layers.0.W" is F64 but the model precision is float32/);
  });

  it('accepts the unmodified file (the corpus above is not rejecting everything)', () => {
    expect(decodeModel(good, 'm').architecture).toEqual(CLASSIFIER);
  });
});

describe('the corrupt files that used to load: each refused, or valid on purpose', () => {
  const text = (bytes: Uint8Array) => {
    const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
    return { json: new TextDecoder().decode(bytes.subarray(8, 8 + n)), data: bytes.slice(8 + n) };
  };

  it('refuses a flipped data byte: the tensor checksum names the damaged tensor', () => {
    const { header, data } = splitFile(good);
    data[9] ^= 0x01;
    expectRejected(
      joinFile(header, data),
      /^bad\.safetensors: tensor "layers\.0\.W" is damaged: its bytes \(from file byte \d+\) have checksum [0-9a-f]{8}, the file recorded [0-9a-f]{8}$/,
    );
  });

  it('refuses a duplicate tensor key and a duplicate metadata key (JSON.parse would keep the last silently)', () => {
    const { json, data } = text(good);
    const tensor = /"layers\.0\.W":(\{[^}]*\})/.exec(json)?.[0] as string;
    expectRejected(
      joinFile(json.replace(tensor, `${tensor},${tensor}`), data),
      /key "layers\.0\.W" appears more than once \(at \$\)/,
    );
    const withMeta = json.replace('"__metadata__":{', '"__metadata__":{"datasetName":"x",');
    expectRejected(joinFile(withMeta, data), /key "datasetName" appears more than once \(at \$\.__metadata__\)/);
  });

  it('refuses a header that starts with a byte-order mark', () => {
    const { json, data } = text(good);
    expectRejected(joinFile(`\uFEFF${json}`, data), /header does not start with "\{" \(at byte 8\)/);
  });

  it('accepts trailing spaces in the header (the format pads the header with spaces on purpose) and a huge finite weight', () => {
    const { json, data } = text(good);
    expect(decodeModel(joinFile(`${json}        `, data), 'padded.safetensors').tensors.length).toBeGreaterThan(0);
    const { header, data: raw } = splitFile(good);
    delete (header.__metadata__ as Record<string, string>).tensor_crc32;
    new DataView(raw.buffer).setFloat32(8, 3.4e38, true);
    expect(decodeModel(joinFile(header, raw), 'huge.safetensors').tensors[0].data[2]).toBeCloseTo(3.4e38, -33);
  });

  it('loads a file written before checksums existed (no tensor_crc32 entry), and refuses a checksum entry that misses a tensor', () => {
    const old = editHeader(good, (h) => {
      delete (h.__metadata__ as Record<string, string>).tensor_crc32;
    });
    expect(decodeModel(old, 'old.safetensors').tensors.map((t) => t.name)).toEqual(
      decodeModel(good, 'm.safetensors').tensors.map((t) => t.name),
    );
    expectRejected(
      editMetadata(good, 'tensor_crc32', '{}'),
      /__metadata__\.tensor_crc32 has no 8-hex-digit checksum for tensor "layers\.0\.W"/,
    );
  });
});
