/** The web host under a flood of idle connections (no token needed to open one): the page still gets in and is served. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/services/app';
import { createHandlers } from '../../../src/main/hosts/handlers';
import { webHostHandlers } from '../../../src/main/hosts/web-host-handlers';
import { DEFAULT_CONNECTION_LIMITS } from '../../../src/main/hosts/connection-guard';
import { WS_PATH, startWebServer, type WebServer } from '../../../src/main/hosts/web-server';
import { call, connect, rawRequest, tokenProtocols } from './web-client';

const TOKEN = 'flood-test-token-0123456789';
const REPO = path.resolve(import.meta.dirname, '../../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'web-flood-'));
const IDLE_SOCKETS = 3000;
let services: AppServices;
let server: WebServer;

beforeAll(async () => {
  mkdirSync(path.join(scratch, 'renderer'));
  writeFileSync(path.join(scratch, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
  services = createAppServices({
    bundleDir: path.join(REPO, 'out/main'),
    resourcesDir: path.join(REPO, 'resources'),
    userDataDir: path.join(scratch, 'userData'),
  });
  const handlers = createHandlers(services, 'web', '0.0.0-test', webHostHandlers);
  server = await startWebServer({
    handlers,
    files: services.files,
    rendererDir: path.join(scratch, 'renderer'),
    token: TOKEN,
    port: 0,
    connectionLimits: { untrustedIdleMs: 2000 },
  });
});

afterAll(async () => {
  await server.close();
  await services.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

/** Open a raw TCP connection on loopback that never sends a byte; resolves once connected. */
const idleSocket = (): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = netConnect({ host: '127.0.0.1', port: server.port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });

describe('web host: connection limits', () => {
  it(`serves the page through ${IDLE_SOCKETS} idle connections: only the newest ${DEFAULT_CONNECTION_LIMITS.maxUntrusted} untrusted ones are kept`, async () => {
    const idle: Socket[] = [];
    let closedByServer = 0;
    for (let i = 0; i < IDLE_SOCKETS; i++) {
      const socket = await idleSocket();
      socket.on('error', () => undefined);
      socket.once('close', () => closedByServer++);
      idle.push(socket);
    }
    await expect.poll(() => server.connections().untrusted).toBeLessThanOrEqual(DEFAULT_CONNECTION_LIMITS.maxUntrusted);
    await expect.poll(() => closedByServer).toBeGreaterThanOrEqual(IDLE_SOCKETS - DEFAULT_CONNECTION_LIMITS.maxUntrusted);

    // The legitimate page: its static file, its WebSocket with the token, a call.
    expect((await rawRequest(server.port, '/')).status).toBe(200);
    const ws = await connect(`ws://127.0.0.1:${server.port}${WS_PATH}`, {}, tokenProtocols(TOKEN));
    if ('refused' in ws) throw new Error(`refused ${ws.refused}`);
    expect(await call(ws, 'app.info', {})).toMatchObject({ ok: true, result: { host: 'web' } });
    expect(server.connections().trusted).toBeGreaterThanOrEqual(1);

    // More idle connections later do not push the trusted one out.
    for (let i = 0; i < 200; i++) (await idleSocket()).on('error', () => undefined);
    expect(await call(ws, 'runs.list', {})).toMatchObject({ ok: true, result: [] });
    ws.close();
    idle.forEach((s) => s.destroy());
  });

  it('closes a connection without the token that stays idle', async () => {
    const socket = await idleSocket();
    socket.on('error', () => undefined);
    const closed = new Promise<boolean>((resolve) => socket.once('close', () => resolve(true)));
    expect(await closed).toBe(true);
  });
});
