import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeModel } from '../../../../src/main/services/models/modelCodec';
import { readModelFile, saveModelFile } from '../../../../src/main/services/models/modelFile';
import { killSaveVersions } from './kill-save-versions';

const KILLS = 100;
const scratch = mkdtempSync(path.join(tmpdir(), 'kill-save-'));
const child = path.join(scratch, 'child.cjs');
const modelPath = path.join(scratch, 'model.safetensors');
const [versionA, versionB] = killSaveVersions();
const bytesA = Buffer.from(encodeModel(versionA));
const bytesB = Buffer.from(encodeModel(versionB));

beforeAll(() => {
  // One bundle, so each of the 100 children starts in ~50 ms (tsx would spend ~0.5 s per start).
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'kill-save-child.ts')],
    outfile: child, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error',
  });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Start the saving child, kill it with SIGKILL `delayMs` after it is ready; resolves once it is dead. */
function saveAndKill(delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, modelPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.once('data', () => setTimeout(() => proc.kill('SIGKILL'), delayMs));
    proc.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
  });
}

describe('model save under SIGKILL', () => {
  it(`leaves the complete old or the complete new version after each of ${KILLS} kills at random moments`, async () => {
    await saveModelFile(modelPath, versionA);
    const seen = { a: 0, b: 0, strayTemps: 0 };
    for (let k = 0; k < KILLS; k++) {
      await saveAndKill(Math.random() * 30);
      const onDisk = readFileSync(modelPath);
      const loaded = await readModelFile(modelPath);
      const isA = onDisk.equals(bytesA);
      expect(isA || onDisk.equals(bytesB), `kill ${k}: the file is neither version (${onDisk.length} bytes)`).toBe(true);
      expect(loaded.precision).toBe(isA ? 'float32' : 'float64');
      expect(Buffer.from(encodeModel(loaded)).equals(isA ? bytesA : bytesB), `kill ${k}: the loaded model differs`).toBe(true);
      if (isA) seen.a += 1;
      else seen.b += 1;
      seen.strayTemps += readdirSync(scratch).filter((f) => f.startsWith('model.safetensors.') && f !== 'model.safetensors.bak').length;
    }
    console.log(`after ${KILLS} kills: old/new version A ${seen.a}×, B ${seen.b}×; temp files left by kills mid-write: ${seen.strayTemps}`);
    expect(seen.a).toBeGreaterThan(0);
    expect(seen.b).toBeGreaterThan(0);
    const bak = await readModelFile(`${modelPath}.bak`);
    expect([versionA.precision, versionB.precision]).toContain(bak.precision);
  }, 300_000); // ~25 s on an idle 2-core machine; node start-up alone is 10× slower when the machine is saturated
});
