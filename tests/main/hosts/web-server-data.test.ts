/** The web host: uploads, host paths in replies and the abuse cases of the probe (the gate and messages: web-server.test.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { MAX_CONCURRENT_UPLOADS, MAX_UPLOAD_BYTES } from '../../../src/main/hosts/web-server';
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { call, rawRequest, type Reply } from './web-client';
import { METHOD_NAMES } from '../../../src/shared/names';
import { hasHostPath } from '../../../src/shared/host-paths';
import { writeGzipBomb } from '../services/datasets/gzip-bomb';
import { REPO, auth, open, port, scratch, services, useTestWebServer } from './web-server-fixture';

useTestWebServer();

/** The uploaded file of an upload's reply envelope ({ ok: true, result: FileRef }). */
const fileOf = (body: string): { fileId: string } => (JSON.parse(body) as { result: { fileId: string } }).result;

/** Upload folders of this process (one sub-folder per upload under backprop-uploads-<pid>-*). */
function uploadFolders(): string[] {
  const roots = readdirSync(tmpdir()).filter((d) => d.startsWith(`backprop-uploads-${process.pid}-`));
  return roots.flatMap((r) => readdirSync(path.join(tmpdir(), r)).map((f) => path.join(tmpdir(), r, f)));
}

function upload(name: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/upload?name=${encodeURIComponent(name)}`,
        method: 'POST',
        headers: { host: `127.0.0.1:${port}`, ...auth },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('web host: uploads stream to disk, capped, a few at a time, deleted with their dataset', () => {
  it('refuses an upload that declares more than the cap before reading it (413)', async () => {
    const res = await rawRequest(
      port,
      '/api/upload?name=x.csv',
      { ...auth, 'content-length': String(MAX_UPLOAD_BYTES + 1) },
      'POST',
    ).catch(() => ({ status: 413, body: '', headers: {} }));
    expect(res.status).toBe(413);
  });

  it(`refuses a ${MAX_CONCURRENT_UPLOADS + 1}th upload at once with 503, and takes uploads again when they end`, async () => {
    const before = uploadFolders().length;
    const open = Array.from({ length: MAX_CONCURRENT_UPLOADS }, () => {
      const req = request({
        host: '127.0.0.1',
        port,
        path: '/api/upload?name=slow.csv',
        method: 'POST',
        headers: { host: `127.0.0.1:${port}`, ...auth, 'content-length': '1000000' },
      });
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
    const uploaded = await upload(
      'moons.csv',
      'x1,x2,label\n' + Array.from({ length: 40 }, (_, i) => `${i},${i % 7},${i % 2}`).join('\n') + '\n',
    );
    expect(uploaded.status).toBe(200);
    const { fileId } = fileOf(uploaded.body);
    const diskPath = services.files.get(fileId).path;
    const ws = await open();
    const imported = await call(ws, 'datasets.import', {
      fileId,
      options: { header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false },
    });
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
      await record(`${method} wrong ids`, ws, method, {
        id: 'nope',
        fileId: 'nope',
        modelId: 'nope',
        runId: 'nope',
        datasetId: 'nope',
      });
    }
    // Valid journeys that touch files: an upload named "..", a CSV import, a bad model upload, a built-in.
    const dots = fileOf((await upload('..', 'a,b\n1,0\n2,1\n')).body);
    await record('datasets.sniff ..', ws, 'datasets.sniff', { fileId: dots.fileId });
    const csv = fileOf((await upload('iris-like.csv', 'a,b,c\n1,2,x\n3,4,y\n5,6,x\n')).body);
    await record('datasets.import', ws, 'datasets.import', {
      fileId: csv.fileId,
      options: { header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false },
    });
    await record('datasets.import with an unknown label column', ws, 'datasets.import', {
      fileId: dots.fileId,
      options: { header: 'yes', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false, labelColumn: 'zz' },
    });
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
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/upload?name=bomb.csv.gz',
          method: 'POST',
          headers: { host: `127.0.0.1:${port}`, ...auth },
        },
        (r) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(readFileSync(bombPath));
    });
    expect(res.status).toBe(200);
    const ws = await open();
    const { fileId } = fileOf(res.body);
    const reply = await call(ws, 'datasets.import', {
      fileId,
      options: { header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false },
    });
    expect(reply).toMatchObject({ ok: false });
    expect(reply.error?.message).toMatch(/^bomb\.csv\.gz: the dataset has more than 10,000,000 rows, the row limit/);
    expect(await call(ws, 'app.info', {})).toMatchObject({ ok: true });
    ws.close();
  }, 60_000);
});
