/** Tests the NumPy export by running it with Debian's python3-numpy and comparing with our engine (skips without numpy). */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNumpy } from '../../../../../src/main/services/models/numpy/export';
import { saveModelFile } from '../../../../../src/main/services/models/model-file';
import { Predictor } from '../../../../../src/main/services/models/predictor';
import { REGRESSOR, makeSnapshot } from '../../../../fixtures/models/snapshot';
import type { ModelSnapshot } from '../../../../../src/shared/model';

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import numpy'], { encoding: 'utf8' });
const numpyMissing =
  probe.status === 0 ? null : `${PYTHON} with numpy is not available (${probe.error?.message ?? probe.stderr.trim()})`;
if (numpyMissing) console.log(`skipping the NumPy export run: ${numpyMissing}`);

const ROWS = [
  [5.1, 3.5, 1.4],
  [-2, 0, 9],
  [0.25, -7, 3],
  [100, 2, -40],
];
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'numpy-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Save the model, the script and a CSV (features shuffled, plus a label column), run the script, parse its JSON lines. */
async function runScript(
  snapshot: ModelSnapshot,
  tag: string,
): Promise<{ row: number; predicted: string; probabilities: number[] }[]> {
  const model = join(dir, `${tag}.safetensors`);
  await saveModelFile(model, snapshot);
  await writeFile(join(dir, `${tag}.py`), exportNumpy(snapshot));
  const [a, b, c] = snapshot.featureNames.map((n) => `"${n.replace(/"/g, '""')}"`);
  await writeFile(join(dir, `${tag}.csv`), `label,${c},${a},${b}\n${ROWS.map((r) => `x,${r[2]},${r[0]},${r[1]}`).join('\n')}\n`);
  const run = spawnSync(PYTHON, [join(dir, `${tag}.py`), model, join(dir, `${tag}.csv`), '--json'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { row: number; predicted: string; probabilities: number[] });
}

describe.skipIf(numpyMissing !== null)('exportNumpy (run with python3 + numpy)', () => {
  for (const precision of ['float32', 'float64'] as const) {
    it(`reproduces our predictions and probabilities (${precision})`, async () => {
      const snapshot = makeSnapshot(precision);
      const ours = new Predictor(snapshot).predictRows(ROWS);
      const theirs = await runScript(snapshot, precision);
      expect(theirs.map((p) => p.predicted)).toEqual(ours.map((p) => p.predicted));
      theirs.forEach((p, i) =>
        p.probabilities.forEach((v, c) =>
          expect(Math.abs(v - ours[i].probabilities[c])).toBeLessThan(precision === 'float64' ? 1e-12 : 1e-6),
        ),
      );
    });
  }

  it('reproduces a regression model', async () => {
    const snapshot = makeSnapshot('float64', REGRESSOR);
    const ours = new Predictor(snapshot).predictRows(ROWS);
    const theirs = await runScript(snapshot, 'regression');
    theirs.forEach((p, i) => expect(Math.abs(Number(p.predicted) - Number(ours[i].predicted))).toBeLessThan(1e-12));
  });
});

describe('exportNumpy header', () => {
  it('describes the model in comments that cannot break out of the comment', () => {
    const snapshot = makeSnapshot('float32');
    snapshot.datasetName = 'evil\nimport os';
    const script = exportNumpy(snapshot);
    expect(script).toContain('# Dataset: evil import os; precision: float32');
    expect(script.split('\n').some((l) => l.startsWith('import os'))).toBe(false);
    expect(script).toContain('def load_model(path):');
  });
});
