/** enableRelaxedSimd: Node 20 gets the relaxed-SIMD (FMA) kernels from a flag set at start-up, worker threads included. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface CheckResult {
  before: boolean;
  after: boolean;
  workerKernels: string | null;
}

/** Runs the check script in a fresh Node without V8 flags. */
function runCheck(plainSimd: string): CheckResult {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'tests/main/runtime/relaxed-simd-check.ts'], {
    encoding: 'utf8',
    env: { ...process.env, BACKPROP_PLAIN_SIMD: plainSimd },
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as CheckResult;
}

describe('enableRelaxedSimd', () => {
  it('turns relaxed SIMD on for the process and the worker threads it starts later', () => {
    const result = runCheck('');
    expect(result.after).toBe(true);
    expect(result.workerKernels).toBe('wasm-relaxed-simd');
  });

  it('changes nothing when BACKPROP_PLAIN_SIMD=1 asks for the plain build', () => {
    const result = runCheck('1');
    expect(result.after).toBe(result.before);
    expect(result.workerKernels).toBe(result.before ? 'wasm-relaxed-simd' : 'wasm-simd');
  });
});
