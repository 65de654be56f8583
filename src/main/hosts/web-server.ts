/**
 * The browser host: plain Node (no electron anywhere below it), HTTP + WebSocket on 127.0.0.1 only.
 * Serves the built renderer and the same API as the desktop app; every request and connection must
 * pass the gate (loopback Host/Origin and the per-launch token).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeWire, decodeWire } from '../../shared/wire';
import type { EventPayloads } from '../../shared/api';
import type { EventName } from '../../shared/names';
import { dispatch, type Handlers } from './dispatch';
import { AppError, toWireError } from '../../shared/errors';
import { replyTo } from '../../shared/reply';
import { createGate, TOKEN_COOKIE } from './web-auth';
import { serveStatic } from './static-files';
import type { FileRegistry } from '../services/files';

export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
export const WS_PATH = '/api/ws';
export const UPLOAD_PATH = '/api/upload';

export interface WebServerOptions {
  handlers: Handlers;
  files: FileRegistry;
  rendererDir: string;
  token: string;
  port?: number;
}

export interface WebServer {
  url: string;
  port: number;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error(`upload larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let port = options.port ?? 0;
  const gate = createGate(options.token, () => port);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const refusal = gate.refuse(req);
    if (refusal) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end(`403 forbidden: ${refusal}`);
      return;
    }
    if (gate.hasQueryToken(req)) {
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === UPLOAD_PATH) {
      const reply = await replyTo(async () => {
        const name = url.searchParams.get('name') ?? 'upload';
        const bytes = await readBody(req, MAX_UPLOAD_BYTES);
        const file = await options.files.registerBytes(name, bytes);
        return { fileId: file.fileId, name: file.name, size: file.size };
      });
      res.writeHead(reply.ok ? 200 : 400, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply));
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
        let id: number | null = null;
        const reply = await replyTo(() => {
          if (isBinary) throw new AppError('invalid-arguments', 'binary messages are not accepted', { issue: 'binary message' });
          const message = decodeWire(data.toString());
          if (typeof message !== 'object' || message === null) throw new AppError('invalid-arguments', 'a message must be an object', { issue: 'not an object' });
          const { id: callId, method, args } = message as { id?: unknown; method?: unknown; args?: unknown };
          id = typeof callId === 'number' ? callId : null;
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
  server.on('upgrade', (req, socket, head) => {
    const refusal = gate.refuse(req);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (refusal || path !== WS_PATH) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\n403 forbidden: ${refusal ?? 'bad path'}`);
      return;
    }
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
