/** Helpers of the web-host abuse tests: raw HTTP requests with chosen headers, WebSocket connections and calls. */
import { request } from 'node:http';
import { WebSocket } from 'ws';
import { decodeWire, encodeWire } from '../../../src/shared/wire';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Send a request with exactly this path (no URL normalisation, so "/../" reaches the server) and these headers. */
export function rawRequest(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The subprotocols that carry a token, as the page sends them. */
export const tokenProtocols = (token: string): string[] => ['backprop.v1', `backprop.token.${token}`];

/** Open a WebSocket; resolves with the socket once open, or with the HTTP status of a refused upgrade. */
export function connect(
  url: string,
  headers: Record<string, string> = {},
  protocols: string[] = [],
): Promise<WebSocket | { refused: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      res.resume();
    });
    ws.once('error', (error) => reject(error));
  });
}

export interface Reply {
  id: unknown;
  ok: boolean;
  result?: unknown;
  error?: { message: string; code: string };
}

/** Send raw text (or bytes) and resolve with the next reply. */
export function sendRaw(ws: WebSocket, data: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onClose = (code: number) => reject(new Error(`socket closed with ${code} before a reply`));
    const onMessage = (raw: Buffer) => {
      const message = decodeWire(raw.toString('utf8')) as Reply & { event?: string };
      if (message.event !== undefined) return; // pushed events are not replies
      ws.off('message', onMessage);
      ws.off('close', onClose);
      resolve(message);
    };
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(data);
  });
}

let nextId = 1;
export const call = (ws: WebSocket, method: string, args: unknown): Promise<Reply> =>
  sendRaw(ws, encodeWire({ id: nextId++, method, args }));

/** Resolve with the close code of the socket. */
export const closed = (ws: WebSocket): Promise<number> => new Promise((resolve) => ws.once('close', (code) => resolve(code)));
