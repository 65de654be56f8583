/**
 * The built preload stays small: it imports only the zod-free names (src/shared/names.ts), so no schema code
 * reaches the sandboxed bundle. Reads out/preload/index.cjs (skipped before `npx electron-vite build`).
 */
import { existsSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../src/shared/names';

const PRELOAD = join(import.meta.dirname, '../../out/preload/index.cjs');
const MAX_BYTES = 20 * 1024;

describe.skipIf(!existsSync(PRELOAD))('the built preload', () => {
  it(`is at most ${MAX_BYTES} bytes and carries no zod`, () => {
    const bytes = statSync(PRELOAD).size;
    console.log(`out/preload/index.cjs: ${bytes} bytes`);
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(readFileSync(PRELOAD, 'utf8')).not.toMatch(/ZodError|\$ZodType/);
  });

  it('names every method of the API', () => {
    const text = readFileSync(PRELOAD, 'utf8');
    for (const name of METHOD_NAMES) expect(text).toContain(`"${name}"`);
  });
});
