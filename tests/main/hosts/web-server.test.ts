import { existsSync, symlinkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { homedir, networkInterfaces, tmpdir } from 'node:os';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createAppServices, type AppServices } from '../../../src/main/services/app';
import { createHandlers } from '../../../src/main/hosts/handlers';
import { webHostHandlers } from '../../../src/main/hosts/web-host-handlers';
import { MAX_CONCURRENT_UPLOADS, MAX_MESSAGE_BYTES, MAX_UPLOAD_BYTES, WS_PATH, startWebServer, type WebServer } from '../../../src/main/hosts/web-server';
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { call, closed, connect, rawRequest, sendRaw, tokenProtocols, type Reply } from './web-client';
import { METHOD_NAMES } from '../../../src/shared/names';
import { hasHostPath } from '../../../src/shared/host-paths';
import { writeGzipBomb } from '../services/datasets/gzip-bomb';

const TOKEN = 'test-token-0123456789abcdef';
const REPO = path.resolve(import.meta.dirname, '../../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'web-host-test-'));
/** The served folder, and a secret beside it that traversal must never reach. */
const rendererDir = path.join(scratch, 'renderer');
let services: AppServices;
let server: WebServer;
let port: number;

beforeAll(async () => {
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(rendererDir, 'assets/app.js'), 'console.log(1)');
  writeFileSync(path.join(scratch, 'secret.txt'), 'TOP SECRET');
  symlinkSync(path.join(scratch, 'secret.txt'), path.join(rendererDir, 'assets', 'link.js'));
  symlinkSync(scratch, path.join(rendererDir, 'outside'));
  services = createAppServices({ bundleDir: path.join(REPO, 'out/main'), resourcesDir: path.join(REPO, 'resources'), userDataDir: path.join(scratch, 'userData') });
  const handlers = createHandlers(services, 'web', '0.0.0-test', webHostHandlers);
  server = await startWebServer({ handlers, files: services.files, rendererDir, token: TOKEN, port: 0 });
  port = server.port;
});

afterAll(async () => {
  await server.close();
  await services.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

const wsUrl = () => `ws://127.0.0.1:${port}${WS_PATH}`;
const auth = { authorization: `Bearer ${TOKEN}` };

async function open(headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = await connect(wsUrl(), headers, tokenProtocols(TOKEN));
  if ('refused' in ws) throw new Error(`connection refused with ${ws.refused}`);
  return ws;
}

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
    const fixed = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(port)).replace('TOKEN', TOKEN)]));
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
    expect(await sendRaw(ws, '{"id":3,"method":"run.$typed","args":{"$typed":"Foo","base64":""}}')).toMatchObject({ id: 3, ok: false });
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
    const bad = await call(ws, 'workspace.save', { architecture: null, training: null, split: null, datasetId: null, settings: { x: { nested: 1 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const editor = { architecture: null, training: null, split: null, datasetId: null, settings: { theme: 'dark' } };
    expect(await call(ws, 'workspace.save', editor)).toMatchObject({ ok: true });
    await services.workspace.flush();
    const saved = JSON.parse(readFileSync(path.join(scratch, 'userData', 'workspace.json'), 'utf8')) as { editor: unknown };
    expect(saved.editor).toEqual({ architecture: null, training: null, split: null, dataset: null, settings: { theme: 'dark' } });
    ws.close();
  });
});

/** The uploaded file of an upload's reply envelope ({ ok: true, result: FileRef }). */
const fileOf = (body: string): { fileId: string } => (JSON.parse(body) as { result: { fileId: string } }).result;

/** Upload folders of this process (one sub-folder per upload under backprop-uploads-<pid>-*). */
function uploadFolders(): string[] {
  const roots = readdirSync(tmpdir()).filter((d) => d.startsWith(`backprop-uploads-${process.pid}-`));
  return roots.flatMap((r) => readdirSync(path.join(tmpdir(), r)).map((f) => path.join(tmpdir(), r, f)));
}

function upload(name: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `/api/upload?name=${encodeURIComponent(name)}`, method: 'POST', headers: { host: `127.0.0.1:${port}`, ...auth } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('web host: uploads stream to disk, capped, a few at a time, deleted with their dataset', () => {
  it('refuses an upload that declares more than the cap before reading it (413)', async () => {
    const res = await rawRequest(port, '/api/upload?name=x.csv', { ...auth, 'content-length': String(MAX_UPLOAD_BYTES + 1) }, 'POST').catch(() => ({ status: 413, body: '', headers: {} }));
    expect(res.status).toBe(413);
  });

  it(`refuses a ${MAX_CONCURRENT_UPLOADS + 1}th upload at once with 503, and takes uploads again when they end`, async () => {
    const before = uploadFolders().length;
    const open = Array.from({ length: MAX_CONCURRENT_UPLOADS }, () => {
      const req = request({ host: '127.0.0.1', port, path: '/api/upload?name=slow.csv', method: 'POST', headers: { host: `127.0.0.1:${port}`, ...auth, 'content-length': '1000000' } });
      req.on('error', () => undefined);
      req.write('a,b\n');
      return req;
    });
    await expect.poll(() => uploadFolders().length).toBe(before + MAX_CONCURRENT_UPLOADS);
    const refused = await upload('third.csv', 'a,b\n1,0\n');
    expect(refused.status).toBe(503);
    expect(refused.body).toMatch(/uploads are already under way/);
    open.forEach((req) => req.destroy());
    // The interrupted uploads are deleted, and the next upload goes through.
    await expect.poll(() => uploadFolders().length).toBe(before);
    await expect.poll(async () => (await upload('next.csv', 'a,b\n1,0\n')).status).toBe(200);
  });

  it('names an imported upload by its file name (never its temporary path) and deletes it when the dataset is removed', async () => {
    const uploaded = await upload('moons.csv', 'x1,x2,label\n' + Array.from({ length: 40 }, (_, i) => `${i},${i % 7},${i % 2}`).join('\n') + '\n');
    expect(uploaded.status).toBe(200);
    const { fileId } = fileOf(uploaded.body);
    const diskPath = services.files.get(fileId).path;
    const ws = await open();
    const imported = await call(ws, 'datasets.import', { fileId, options: { header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false } });
    expect(imported).toMatchObject({ ok: true, result: { source: 'moons.csv', name: 'moons' } });
    expect(JSON.stringify(imported)).not.toContain(tmpdir());
    const id = (imported.result as { id: string }).id;
    expect(existsSync(diskPath)).toBe(true);
    expect(await call(ws, 'datasets.remove', { id })).toMatchObject({ ok: true });
    expect(existsSync(diskPath)).toBe(false);
    ws.close();
  });
});

describe('web host: no path of the host machine in anything the page receives', () => {
  /** Every reply's text, checked for absolute paths and for the folders this host uses. */
  const replies: [string, Reply][] = [];
  const record = async (label: string, ws: WebSocket, method: string, args: unknown): Promise<Reply> => {
    const reply = await call(ws, method, args);
    replies.push([label, reply]);
    return reply;
  };

  it('answers every method, with empty, wrong and valid arguments, without an absolute path', async () => {
    const ws = await open();
    for (const method of METHOD_NAMES) {
      await record(`${method} {}`, ws, method, {});
      await record(`${method} wrong ids`, ws, method, { id: 'nope', fileId: 'nope', modelId: 'nope', runId: 'nope', datasetId: 'nope' });
    }
    // Valid journeys that touch files: an upload named "..", a CSV import, a bad model upload, a built-in.
    const dots = fileOf((await upload('..', 'a,b\n1,0\n2,1\n')).body);
    await record('datasets.sniff ..', ws, 'datasets.sniff', { fileId: dots.fileId });
    const csv = fileOf((await upload('iris-like.csv', 'a,b,c\n1,2,x\n3,4,y\n5,6,x\n')).body);
    await record('datasets.import', ws, 'datasets.import', { fileId: csv.fileId, options: { header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false } });
    await record('datasets.import with an unknown label column', ws, 'datasets.import', { fileId: dots.fileId, options: { header: 'yes', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false, labelColumn: 'zz' } });
    const model = fileOf((await upload('bad.safetensors', 'not a model at all')).body);
    await record('models.open bad', ws, 'models.open', { fileId: model.fileId });
    await rm(services.files.get(model.fileId).path);
    await record('models.open vanished', ws, 'models.open', { fileId: model.fileId });
    await record('datasets.builtin', ws, 'datasets.builtin', { name: 'iris' });
    await record('datasets.list', ws, 'datasets.list', {});
    await record('workspace.load', ws, 'workspace.load', {});
    ws.close();
    const folders = [tmpdir(), scratch, REPO, homedir()];
    for (const [label, reply] of replies) {
      const text = JSON.stringify(reply);
      expect(hasHostPath(text), `${label}: ${text.slice(0, 300)}`).toBe(false);
      for (const folder of folders) expect(text.includes(folder), `${label} names ${folder}`).toBe(false);
    }
    expect(replies.length).toBeGreaterThan(2 * METHOD_NAMES.length);
  });
});

describe('web host: survives the abuse cases of the probe', () => {
  it('refuses a 1 GiB gzip bomb import with an error reply naming the row limit, and keeps serving', async () => {
    const bombPath = path.join(scratch, 'bomb.csv.gz');
    writeGzipBomb(bombPath, 1024);
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/upload?name=bomb.csv.gz', method: 'POST', headers: { host: `127.0.0.1:${port}`, ...auth } }, (r) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString()));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(readFileSync(bombPath));
    });
    expect(res.status).toBe(200);
    const ws = await open();
    const { fileId } = fileOf(res.body);
    const reply = await call(ws, 'datasets.import', { fileId, options: { header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false } });
    expect(reply).toMatchObject({ ok: false });
    expect(reply.error?.message).toMatch(/^bomb\.csv\.gz: the dataset has more than 10,000,000 rows, the row limit/);
    expect(await call(ws, 'app.info', {})).toMatchObject({ ok: true });
    ws.close();
  }, 60_000);
});

