/** Tests the ONNX message encoders' field numbers on small messages. */
import { describe, expect, it } from 'vitest';
import {
  encodeAttribute,
  encodeNode,
  encodeTensor,
  encodeValueInfo,
} from '../../../../../src/main/services/models/onnx/messages';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('ONNX message encoders', () => {
  it('TensorProto: dims (1), data_type FLOAT (2), name (8), raw_data (9)', () => {
    expect(hex(encodeTensor({ name: 'w', dims: [2], data: new Float32Array([1, 0]) }))).toBe(
      '0802' + '1001' + '420177' + '4a08' + '0000803f00000000',
    );
  });

  it('AttributeProto: int axis = -1 with type INT (20 = 2)', () => {
    expect(hex(encodeAttribute({ name: 'axis', kind: 'int', value: -1 }))).toBe(
      '0a0461786973' + '18ffffffffffffffffff01' + 'a00102',
    );
  });

  it('NodeProto: inputs (1), outputs (2), name (3), op_type (4)', () => {
    expect(hex(encodeNode({ opType: 'Relu', inputs: ['x'], outputs: ['y'], name: 'n' }))).toBe(
      '0a0178' + '120179' + '1a016e' + '220452656c75',
    );
  });

  it('ValueInfoProto: a symbolic and a fixed dimension', () => {
    const bytes = encodeValueInfo({ name: 'f', dims: ['N', 3] });
    expect(hex(bytes)).toBe('0a0166' + '120f' + '0a0d' + '0801' + '1209' + '0a03' + '12014e' + '0a02' + '0803');
  });
});
