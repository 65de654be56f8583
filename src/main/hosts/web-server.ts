/**
 * The browser host: plain Node (no electron anywhere below it), HTTP + WebSocket on 127.0.0.1 only.
 * Serves the built renderer and the same API as the desktop app; every request and connection must
 * pass the gate (loopback Host/Origin and the per-launch token).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeWire, decodeWire } from '../../shared/wire';
import type { EventPayloads } from '../../shared/api';
import type { EventName } from '../../shared/names';
import { dispatch, type Handlers } from './dispatch';
import { AppError, toWireError } from '../../shared/errors';
import { replyTo } from '../../shared/reply';
import { createGate, WS_PROTOCOL } from './web-auth';
import { serveStatic } from './static-files';
import { contentSecurityPolicyHeader } from './content-security-policy';
import { DEFAULT_CONNECTION_LIMITS, guardConnections, type ConnectionLimits } from './connection-guard';
import { UploadTooLargeError, type FileRegistry } from '../services/files';

export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
/** Uploads streaming to disk at once; one more is refused with 503 until one finishes. */
export const MAX_CONCURRENT_UPLOADS = 2;
export const WS_PATH = '/api/ws';
export const UPLOAD_PATH = '/api/upload';

export interface WebServerOptions {
  handlers: Handlers;
  files: FileRegistry;
  rendererDir: string;
  token: string;
  port?: number;
  /** Connection caps and idle timeout (default DEFAULT_CONNECTION_LIMITS). */
  connectionLimits?: Partial<ConnectionLimits>;
}

export interface WebServer {
  url: string;
  port: number;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  /** Open connections: with the token (trusted) and without. */
  connections(): { trusted: number; untrusted: number };
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The page's policy as a header (frame-ancestors only works there); connect-src names this port's WebSocket only. */
const contentSecurityPolicy = (port: number) => contentSecurityPolicyHeader([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);

/** The numeric id of a call message, or null when the text is not a JSON object with one (read without decoding its arguments). */
function callIdOf(text: string): number | null {
  try {
    const message: unknown = JSON.parse(text);
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
    const id = (message as { id?: unknown }).id;
    return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
  } catch {
    return null;
  }
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let port = options.port ?? 0;
  const gate = createGate(options.token, () => port);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Select the app's protocol, never the entry that carries the token.
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  let activeUploads = 0;

  /** POST /api/upload?name=…: the body streams to disk (capped, a few at a time), never into memory whole. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const refuse = (status: number, error: AppError) => {
      res
        .writeHead(status, { 'Content-Type': 'application/json', Connection: 'close' })
        .end(JSON.stringify({ ok: false, error: toWireError(error) }));
      req.destroy();
    };
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > MAX_UPLOAD_BYTES) return refuse(413, new UploadTooLargeError(MAX_UPLOAD_BYTES));
    if (activeUploads >= MAX_CONCURRENT_UPLOADS) {
      res.setHeader('Retry-After', '5');
      const message = `${MAX_CONCURRENT_UPLOADS} uploads are already under way; try again when one has finished`;
      return refuse(503, new AppError('upload-busy', message, { concurrent: MAX_CONCURRENT_UPLOADS }));
    }
    activeUploads++;
    try {
      const reply = await replyTo(async () => {
        const file = await options.files.registerStream(name, req, MAX_UPLOAD_BYTES);
        return { fileId: file.fileId, name: file.name, size: file.size };
      });
      const status = reply.ok ? 200 : reply.error.code === 'upload-too-large' ? 413 : 400;
      if (!res.headersSent)
        res
          .writeHead(status, { 'Content-Type': 'application/json', ...(reply.ok ? {} : { Connection: 'close' }) })
          .end(JSON.stringify(reply));
      if (!reply.ok) req.destroy();
    } finally {
      activeUploads--;
    }
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(port));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // The built page is public code: it is served to any loopback request; everything under /api/ needs the token.
    const refusal = gate.refuse(req, url.pathname.startsWith('/api/'));
    if (refusal) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end(`403 forbidden: ${refusal}`);
      return;
    }
    if (url.pathname.startsWith('/api/')) guard.trust(req.socket);
    if (req.method === 'POST' && url.pathname === UPLOAD_PATH) {
      await handleUpload(req, res, url.searchParams.get('name') ?? 'upload');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end('method not allowed');
      return;
    }
    await serveStatic(options.rendererDir, url.pathname, res);
  }

  function handleSocket(socket: WebSocket): void {
    // ws reports a protocol violation (e.g. a message over maxPayload) as an 'error' event after closing the
    // connection with the matching code (1009); without a listener that event would crash the whole host.
    socket.on('error', () => undefined);
    socket.on('message', (data, isBinary) => {
      void (async () => {
        // A message without an id the client can match is not answered: the connection closes with the reason,
        // which rejects every call the client has pending (an id-less error reply would leave one hanging forever).
        if (isBinary) return socket.close(1003, 'binary messages are not accepted');
        const text = data.toString();
        const id = callIdOf(text);
        if (id === null) return socket.close(1007, 'a message must be a JSON object with a numeric id');
        const reply = await replyTo(() => {
          const { method, args } = decodeWire(text) as { method?: unknown; args?: unknown };
          return dispatch(options.handlers, method, args);
        });
        socket.send(encodeWire({ id, ...reply }));
      })();
    });
  }

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(toWireError(error).message);
    });
  });
  const guard = guardConnections(server, { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits });
  server.on('upgrade', (req, socket, head) => {
    const refusal = gate.refuse(req, true);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (refusal || path !== WS_PATH) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\n403 forbidden: ${refusal ?? 'bad path'}`);
      return;
    }
    guard.trust(socket as Socket);
    wss.handleUpgrade(req, socket, head, (ws) => handleSocket(ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    connections: () => guard.counts(),
    emit(event, payload) {
      const text = encodeWire({ event, payload });
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
