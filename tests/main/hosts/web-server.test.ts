import { readFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../../src/main/hosts/web-server';
import { call, closed, connect, rawRequest, sendRaw, tokenProtocols } from './web-client';
import { TOKEN, auth, open, port, scratch, server, services, useTestWebServer, wsUrl } from './web-server-fixture';

useTestWebServer();

describe('web host: HTTP gate', () => {
  it('serves the public page to loopback without any cookie, with the CSP (frame-ancestors, connect-src of this port) as a header', async () => {
    const res = await rawRequest(port, `/?token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>app</title>');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-frame-options']).toBe('DENY');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port};`);
    expect(csp).not.toMatch(/:\*/);
    expect((await rawRequest(port, '/assets/app.js')).status).toBe(200);
  });

  it.each([
    ['no token', {}],
    ['the token as a cookie (an ambient credential every local port would receive)', { cookie: `backprop_token=${TOKEN}` }],
    ['a wrong bearer token', { authorization: 'Bearer wrong' }],
    ['a bearer token of the right length but wrong', { authorization: `Bearer ${'x'.repeat(TOKEN.length)}` }],
  ])('refuses an API request with %s (403)', async (_what, headers: Record<string, string>) => {
    const res = await rawRequest(port, '/api/upload?name=x.csv', headers, 'POST');
    expect(res.status).toBe(403);
    expect((await rawRequest(port, `/api/upload?name=x.csv&token=${TOKEN}`, {}, 'POST')).status).toBe(403);
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      const res = await rawRequest(port, '/', { ...auth, host });
      expect(res.status, host).toBe(403);
      expect(res.body).toMatch(/foreign Host/);
    }
  });

  it('refuses a foreign Origin even with the right token', async () => {
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port}.evil.example`]) {
      const res = await rawRequest(port, '/', { ...auth, origin });
      expect(res.status, origin).toBe(403);
      expect(res.body).toMatch(/foreign Origin/);
    }
    expect((await rawRequest(port, '/', { ...auth, origin: `http://localhost:${port}` })).status).toBe(200);
  });

  it('refuses an upload without the token', async () => {
    const res = await rawRequest(port, '/api/upload?name=x.csv', {}, 'POST');
    expect(res.status).toBe(403);
  });

  it('listens on 127.0.0.1 only: no other interface accepts a connection', async () => {
    expect(server.url.startsWith(`http://127.0.0.1:${port}/`)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal && a.family === 'IPv4')
      .map((a) => a?.address as string);
    for (const address of [...others, '::1']) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = netConnect({ host: address, port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});

describe('web host: static files never leave the renderer folder', () => {
  it.each([
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/assets/app.js%00.html',
    '/%E0%A4%A',
    '/assets/',
    '/assets/link.js',
    '/outside/secret.txt',
  ])('answers 404 for %s', async (url) => {
    const res = await rawRequest(port, url, auth);
    expect(res.status).toBe(404);
    expect(res.body).not.toMatch(/TOP SECRET|root:/);
  });
});

describe('web host: WebSocket gate and messages', () => {
  it.each([
    ['no token', [], {}],
    ['a wrong token', tokenProtocols('wrong'), {}],
    ['the token in the query instead of the subprotocol', [], {}, `?token=TOKEN`],
    ['the token as a cookie', [], { cookie: `backprop_token=TOKEN` }],
    ['a foreign Host', tokenProtocols(TOKEN), { host: `evil.example:PORT` }],
    ['a foreign Origin', tokenProtocols(TOKEN), { origin: 'http://evil.example' }],
  ])('refuses a connection with %s (403)', async (_what, protocols, headers: Record<string, string>, query = '') => {
    const fixed = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(port)).replace('TOKEN', TOKEN)]),
    );
    const result = await connect(wsUrl() + query.replace('TOKEN', TOKEN), fixed, protocols);
    expect(result).toEqual({ refused: 403 });
  });

  it('accepts the token as a subprotocol and selects the app protocol, never echoing the token', async () => {
    const ws = await open();
    expect(ws.protocol).toBe('backprop.v1');
    ws.close();
  });

  it('refuses a WebSocket on any path but the API path', async () => {
    const result = await connect(`ws://127.0.0.1:${port}/other`, {}, tokenProtocols(TOKEN));
    expect(result).toEqual({ refused: 403 });
  });

  it.each([
    ['malformed JSON', '{"id": 1, "method": ', 1007],
    ['a number', '42', 1007],
    ['null', 'null', 1007],
    ['an object without an id', '{"method":"app.info","args":{}}', 1007],
    ['binary data', Buffer.from([1, 2, 3]), 1003],
  ])('closes the connection with a reason for %s (no reply the client could match)', async (_what, data, expected) => {
    const ws = await open();
    const reason = new Promise<[number, string]>((resolve) => ws.once('close', (code, why) => resolve([code, why.toString()])));
    ws.send(data);
    const [code, why] = await reason;
    expect(code).toBe(expected);
    expect(why).toMatch(/JSON object with a numeric id|binary messages are not accepted/);
  });

  it('answers bad typed arrays, unknown methods and bad arguments with errors that carry the call id, and keeps serving', async () => {
    const ws = await open();
    expect(await sendRaw(ws, '{"id":3,"method":"run.$typed","args":{"$typed":"Foo","base64":""}}')).toMatchObject({
      id: 3,
      ok: false,
    });
    const unknown = await call(ws, 'process.exit', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-method', message: 'unknown method "process.exit"' } });
    expect(await call(ws, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await call(ws, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const badArgs = await call(ws, 'runs.curves', { id: 7 });
    expect(badArgs).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(badArgs.error?.message).toMatch(/^runs\.curves: invalid id: /);
    const info = await call(ws, 'app.info', {});
    expect(info).toMatchObject({ ok: true, result: { host: 'web', version: '0.0.0-test' } });
    ws.close();
  });

  it('closes a socket that sends more than MAX_MESSAGE_BYTES with 1009, and the server keeps serving', async () => {
    const ws = await open();
    const code = closed(ws);
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await code).toBe(1009);
    const next = await open();
    expect(await call(next, 'runs.list', {})).toEqual({ id: expect.any(Number), ok: true, result: [] });
    next.close();
  });

  it('refuses the host-only files.open in the browser with the reason', async () => {
    const ws = await open();
    const reply = await call(ws, 'files.open', { purpose: 'dataset' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'host-unsupported', params: { method: 'files.open' } } });
    expect(reply.error?.message).toMatch(/done by the browser in web mode/);
    ws.close();
  });

  it('serves workspace.load and validates workspace.save like every other method', async () => {
    const ws = await open();
    expect(await call(ws, 'workspace.load', {})).toMatchObject({ ok: true, result: { runs: [], recovery: [] } });
    const bad = await call(ws, 'workspace.save', {
      architecture: null,
      training: null,
      split: null,
      datasetId: null,
      settings: { x: { nested: 1 } },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const editor = { architecture: null, training: null, split: null, datasetId: null, settings: { theme: 'dark' } };
    expect(await call(ws, 'workspace.save', editor)).toMatchObject({ ok: true });
    await services.workspace.flush();
    const saved = JSON.parse(readFileSync(path.join(scratch, 'userData', 'workspace.json'), 'utf8')) as { editor: unknown };
    expect(saved.editor).toEqual({ architecture: null, training: null, split: null, dataset: null, settings: { theme: 'dark' } });
    ws.close();
  });
});
