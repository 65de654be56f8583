/** Decodes the base64 text of the generated kernels module into bytes, without Node's Buffer. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/** Standard base64 (with or without '=' padding) → bytes. Throws on any character outside the alphabet. */
export function decodeBase64(text: string): Uint8Array {
  const body = text.replace(/=+$/, '');
  if (body.length % 4 === 1) throw new Error(`decodeBase64: length ${text.length} is not a valid base64 length`);
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let nbits = 0;
  let o = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const value = code < 128 ? VALUES[code] : -1;
    if (value < 0) throw new Error(`decodeBase64: invalid character ${JSON.stringify(body[i])} at index ${i}`);
    bits = (bits << 6) | value;
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      out[o++] = (bits >> nbits) & 0xff;
    }
  }
  return out;
}
