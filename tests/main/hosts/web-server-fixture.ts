/** The web host under test, shared by the web-server test files: a real server on a free loopback port over real services. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { WebSocket } from 'ws';
import { createAppServices, type AppServices } from '../../../src/main/services/app';
import { createHandlers } from '../../../src/main/hosts/handlers';
import { webHostHandlers } from '../../../src/main/hosts/web-host-handlers';
import { WS_PATH, startWebServer, type WebServer } from '../../../src/main/hosts/web-server';
import { connect, tokenProtocols } from './web-client';

export const TOKEN = 'test-token-0123456789abcdef';
export const REPO = path.resolve(import.meta.dirname, '../../..');
export let scratch = '';
/** The served folder, and a secret beside it that traversal must never reach. */
export let rendererDir = '';
export let services: AppServices;
export let server: WebServer;
export let port: number;

/**
 * Start the server before the file's tests and close it after them (call once at the top of a test file).
 * `bundleIn` may lay out another bundle folder (e.g. a failing worker beside the real ones) in the scratch folder.
 */
export function useTestWebServer(bundleIn?: (scratch: string) => string): void {
  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'web-host-test-'));
    rendererDir = path.join(scratch, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(rendererDir, 'assets/app.js'), 'console.log(1)');
    writeFileSync(path.join(scratch, 'secret.txt'), 'TOP SECRET');
    symlinkSync(path.join(scratch, 'secret.txt'), path.join(rendererDir, 'assets', 'link.js'));
    symlinkSync(scratch, path.join(rendererDir, 'outside'));
    services = createAppServices({
      bundleDir: bundleIn?.(scratch) ?? path.join(REPO, 'out/main'),
      resourcesDir: path.join(REPO, 'resources'),
      userDataDir: path.join(scratch, 'userData'),
    });
    const handlers = createHandlers(services, 'web', '0.0.0-test', webHostHandlers);
    server = await startWebServer({ handlers, files: services.files, rendererDir, token: TOKEN, port: 0 });
    port = server.port;
  });

  afterAll(async () => {
    await server.close();
    await services.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });
}

export const wsUrl = (): string => `ws://127.0.0.1:${port}${WS_PATH}`;
export const auth = { authorization: `Bearer ${TOKEN}` };

/** An authenticated WebSocket to the API (throws when refused). */
export async function open(headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = await connect(wsUrl(), headers, tokenProtocols(TOKEN));
  if ('refused' in ws) throw new Error(`connection refused with ${ws.refused}`);
  return ws;
}
