import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_FILE, WorkspaceService } from '../../../../src/main/services/workspace/service';
import { readWorkspaceFile } from '../../../../src/main/services/workspace/workspace-file';
import { MAX_HISTORY_RUNS } from '../../../../src/shared/workspace';
import { bundleChild, runAndKill } from './kill-child';
import { EDITOR, bigHistory } from './fixtures';

const KILLS = 20;
const scratch = mkdtempSync(path.join(tmpdir(), 'kill-autosave-'));
const child = path.join(scratch, 'child.cjs');
const userData = path.join(scratch, 'userData');

beforeAll(() => bundleChild(path.join(import.meta.dirname, 'autosave-child.ts'), child));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('workspace autosave under SIGKILL', () => {
  it(`leaves a loadable workspace after each of ${KILLS} kills in the middle of autosaving`, async () => {
    const seed = new WorkspaceService({ userDataDir: userData, runs: bigHistory() });
    await seed.load();
    const s0 = performance.now();
    await seed.save({ ...EDITOR, settings: { edit: -1 } });
    await seed.dispose(); // the workspace of a previous launch: every kill must leave it or a newer one
    // Kill moments are drawn from 0 to 4 save durations (measured here, so they scale with the machine's load).
    const saveMs = Math.max(10, performance.now() - s0);
    const edits: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      await runAndKill(child, [userData], Math.random() * 4 * saveMs);
      const file = path.join(userData, WORKSPACE_FILE);
      const read = await readWorkspaceFile(file);
      expect(read.kind, `kill ${k}: ${read.kind === 'moved-aside' ? read.problem : ''}`).toBe('loaded');
      if (read.kind !== 'loaded') return;
      // the seed's 40 runs, or the history capped at MAX_HISTORY_RUNS once a child added its own 40
      expect([40, MAX_HISTORY_RUNS]).toContain(read.workspace.runs.length);
      expect(read.workspace.runs.at(-1)?.curves.loss).toHaveLength(2000);
      edits.push(Number(read.workspace.editor.settings.edit));
      expect(statSync(file).size).toBeGreaterThan(100_000);
    }
    const leftovers = readdirSync(userData).filter((f) => f !== WORKSPACE_FILE);
    expect(
      edits.some((e) => e >= 0),
      'no kill came after a completed autosave',
    ).toBe(true);
    console.log(
      `one save ${saveMs.toFixed(0)} ms; edits on disk after each kill: ${edits.join(' ')}; temp files left by kills mid-write: ${leftovers.length}`,
    );
    expect(readdirSync(userData).some((f) => f.includes('.corrupt-'))).toBe(false);
  }, 600_000);
});
