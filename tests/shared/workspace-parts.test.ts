import { describe, expect, it } from 'vitest';
import { summarySchema } from '../../src/shared/workspace-parts';
import { summary } from '../main/services/workspace/fixtures';

describe('summarySchema', () => {
  const base = summary('run-2', 'interrupted', 0.5);

  it("keeps an interrupted run, a branch's parent and the split", () => {
    const split = { validation: 0.2, test: 0, normalize: 'none', seed: 1, stratify: true } as const;
    const parsed = summarySchema.parse({ ...base, parent: { runId: 'run-1', epoch: 3, iteration: 30 }, split });
    expect(parsed).toMatchObject({ status: 'interrupted', parent: { runId: 'run-1', epoch: 3, iteration: 30 }, split });
    expect(summarySchema.safeParse(base).success).toBe(true); // saved before branching: neither field
  });

  it('refuses a malformed parent (the workspace file is then moved aside, never half-read)', () => {
    expect(summarySchema.safeParse({ ...base, parent: { runId: 'run-1', epoch: -1, iteration: 0 } }).success).toBe(false);
    expect(summarySchema.safeParse({ ...base, parent: { runId: 'run-1' } }).success).toBe(false);
  });
});
