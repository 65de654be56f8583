/** Builds a gzip bomb on the fly: one small gzip member of `"1,2\n"` lines, repeated (gzip readers join members), ~1 KB per MiB. */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Write a .csv.gz at `path` that decompresses to `mebibytes` MiB of "1,2" rows (262,144 rows a MiB); returns its size on disk. */
export function writeGzipBomb(path: string, mebibytes: number): number {
  const member = gzipSync(Buffer.from('1,2\n'.repeat(1 << 18)), { level: 9 });
  const file = Buffer.concat(Array.from({ length: mebibytes }, () => member));
  writeFileSync(path, file);
  return file.length;
}
