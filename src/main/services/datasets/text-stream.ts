/** A file (plain or .gz) as a stream of UTF-8 text chunks: byte counting, size cap, strict decoding and line skipping. */
import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DatasetImportError } from './errors';

/** Counters the stream updates as it goes (read by the parser for progress and line accounting). */
export interface TextStreamState {
  /** Bytes read from the file (compressed bytes for .gz). */
  bytesRead: number;
  /** Decoded bytes (uncompressed). */
  textBytes: number;
  /** Set once any chunk holds a double quote: only then can a field span lines. */
  sawQuote: boolean;
}

export interface TextStreamOptions {
  maxFileBytes: number;
  /** Physical lines to drop before the parser sees the text. */
  skipLines: number;
  newline: '\n' | '\r\n' | '\r';
  /** Read only this many bytes of the file (for sniffing the head). */
  end?: number;
  highWaterMark?: number;
}

export const isGzip = (path: string): boolean => /\.gz$/i.test(path);

/** Open `path` as decoded text (BOM stripped, invalid UTF-8 rejected). The returned stream emits strings. */
export function openTextStream(path: string, options: TextStreamOptions): { stream: Readable; state: TextStreamState } {
  const state: TextStreamState = { bytesRead: 0, textBytes: 0, sawQuote: false };
  const file = createReadStream(path, { highWaterMark: options.highWaterMark ?? 1 << 20, end: options.end });
  file.on('data', (b) => (state.bytesRead += b.length));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let toSkip = options.skipLines;
  const breakChar = options.newline === '\r' ? '\r' : '\n';
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      state.textBytes += chunk.length;
      if (state.textBytes > options.maxFileBytes) {
        done(new DatasetImportError(path, `the file is larger than the ${options.maxFileBytes.toLocaleString('en')}-byte limit`));
        return;
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        done(
          new DatasetImportError(
            path,
            `the file is not valid UTF-8 text (an invalid byte sequence in bytes ${state.textBytes - chunk.length}–${state.textBytes}); save it as UTF-8`,
          ),
        );
        return;
      }
      while (toSkip > 0 && text.length > 0) {
        const at = text.indexOf(breakChar);
        if (at < 0) text = '';
        else {
          text = text.slice(at + 1);
          toSkip--;
        }
      }
      if (!state.sawQuote && text.includes('"')) state.sawQuote = true;
      if (text.length > 0) this.push(text);
      done();
    },
    flush(done) {
      const rest = decoder.decode();
      if (rest.length > 0) this.push(rest);
      done();
    },
  });
  const fail = (e: Error) => decode.destroy(e);
  decode.on('close', () => file.destroy());
  file.on('error', (e) => fail(new DatasetImportError(path, `cannot read the file: ${e.message}`)));
  if (isGzip(path)) {
    const gunzip = createGunzip();
    gunzip.on('error', (e) => fail(new DatasetImportError(path, `the gzip data is corrupt or truncated: ${e.message}`)));
    file.pipe(gunzip).pipe(decode);
  } else file.pipe(decode);
  return { stream: decode, state };
}

/** Read the first `maxChars` characters of decoded text (or all of a shorter file); `complete` tells which. */
export async function readHead(
  path: string,
  maxChars: number,
  maxFileBytes: number,
): Promise<{ text: string; complete: boolean }> {
  const { stream } = openTextStream(path, { maxFileBytes, skipLines: 0, newline: '\n', highWaterMark: 64 * 1024 });
  let text = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    text += chunk;
    if (text.length >= maxChars) {
      stream.destroy();
      return { text, complete: false };
    }
  }
  return { text, complete: true };
}
