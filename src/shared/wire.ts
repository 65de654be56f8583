/**
 * The JSON wire format of the web host: structured-clone-like JSON in which typed arrays survive
 * (Electron IPC clones them natively; a WebSocket carries text, so they travel as tagged base64).
 */
import { decodeBase64 } from '../core/kernels/wasm/base64';

type TypedArrayName = 'Float32Array' | 'Float64Array' | 'Int32Array' | 'Uint8Array';
const CONSTRUCTORS = { Float32Array, Float64Array, Int32Array, Uint8Array } as const;
const TAG = '$typed';

interface TaggedArray {
  [TAG]: TypedArrayName;
  base64: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Core's strict decoder (also the wasm kernels'); a malformed payload is a SyntaxError like malformed JSON. */
function fromBase64(text: string): Uint8Array {
  try {
    return decodeBase64(text);
  } catch (error) {
    throw new SyntaxError((error as Error).message);
  }
}

function isTagged(value: unknown): value is TaggedArray {
  return typeof value === 'object' && value !== null && TAG in value && 'base64' in value;
}

/** Encode a message to JSON text, typed arrays included. */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, _key, v: unknown) {
    for (const name of Object.keys(CONSTRUCTORS) as TypedArrayName[]) {
      if (v instanceof CONSTRUCTORS[name]) {
        const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        return { [TAG]: name, base64: toBase64(bytes) } satisfies TaggedArray;
      }
    }
    return v;
  });
}

/** Decode JSON text made by encodeWire; throws SyntaxError on malformed text. */
export function decodeWire(text: string): unknown {
  return JSON.parse(text, (key, v: unknown) => {
    if (key === '__proto__') return undefined;
    if (!isTagged(v)) return v;
    const Ctor = CONSTRUCTORS[v[TAG]];
    if (!Ctor) throw new SyntaxError(`unknown typed array tag ${String(v[TAG])}`);
    const bytes = fromBase64(v.base64);
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    if (copy.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw new SyntaxError(`bad ${v[TAG]} length`);
    return new Ctor(copy.buffer, 0, copy.byteLength / Ctor.BYTES_PER_ELEMENT);
  });
}
