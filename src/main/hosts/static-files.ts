/** Serves the built renderer (out/renderer) to the browser, never anything outside that folder. */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** Answer GET for `urlPath` from `root`; 404 for anything missing or outside root, including through a symlink. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    res.writeHead(404).end('not found'); // malformed percent-encoding names no file
    return;
  }
  const file = path.resolve(root, '.' + relative);
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(404).end('not found');
    return;
  }
  try {
    // A symlink inside the folder may point anywhere: the real path must still be inside the real root.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + path.sep)) throw new Error('outside the renderer folder');
    const body = await readFile(realFile);
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}
