/** A minimal store-only (uncompressed) ZIP writer, enough to hand a small generated project to the browser as one download. */
import { crc32 } from 'node:zlib';
import type { ProjectFile } from './export';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** 00:00 on 1 Jan 1980 in MS-DOS time: fixed, so the same project gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 1 << 11;

/** Files (names may contain "/" for folders) → one .zip archive, every entry stored (method 0) with its CRC-32. */
export function zipFiles(files: readonly ProjectFile[]): Uint8Array {
  const encoder = new TextEncoder();
  const entries = files.map((f) => ({ name: encoder.encode(f.name), bytes: f.bytes, crc: crc32(f.bytes) >>> 0 }));
  const localSize = entries.reduce((s, e) => s + 30 + e.name.length + e.bytes.length, 0);
  const centralSize = entries.reduce((s, e) => s + 46 + e.name.length, 0);
  if (entries.length > 0xffff || localSize + centralSize > 0xffffffff)
    throw new Error('zipFiles: too many or too large files for a ZIP without ZIP64');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const common = (e: (typeof entries)[number], p: number): void => {
    view.setUint16(p, 20, true); // version needed: 2.0
    view.setUint16(p + 2, UTF8_NAMES, true);
    view.setUint16(p + 4, 0, true); // stored
    view.setUint16(p + 6, 0, true); // time
    view.setUint16(p + 8, DOS_DATE, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, e.bytes.length, true); // compressed size = size (stored)
    view.setUint32(p + 18, e.bytes.length, true);
    view.setUint16(p + 22, e.name.length, true);
    view.setUint16(p + 24, 0, true); // no extra field
  };
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    common(e, at + 4);
    out.set(e.name, at + 30);
    out.set(e.bytes, at + 30 + e.name.length);
    at += 30 + e.name.length + e.bytes.length;
  }
  const centralStart = at;
  entries.forEach((e, i) => {
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, 20, true); // version made by: 2.0, MS-DOS attributes
    common(e, at + 6);
    // comment length, disk number, internal and external attributes: 0 (already zero)
    view.setUint32(at + 42, offsets[i], true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  });
  view.setUint32(at, END_OF_CENTRAL, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
