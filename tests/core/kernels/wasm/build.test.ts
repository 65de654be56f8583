/** The committed generated module must be exactly what scripts/build-wasm.mjs makes from the committed AssemblyScript. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');

describe('scripts/build-wasm.mjs --check', () => {
  it('finds the committed kernels-wasm.generated.ts identical to a fresh asc build', () => {
    const out = execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/matches a fresh build/);
  }, 240_000); // two asc -O3 builds: ~15 s alone, several times that on a loaded machine
});
