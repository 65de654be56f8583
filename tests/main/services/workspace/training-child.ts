/** Child of the training kill test: the app's services on argv[2]; restores the workspace, finishes a short run, then trains a long one until killed. */
import path from 'node:path';
import { createAppServices } from '../../../../src/main/services/app';
import { QUICK_CONFIG, SPIRAL_MLP } from '../../engine/fixtures';

async function main(): Promise<void> {
  const [userDataDir, bundleDir, resourcesDir] = process.argv.slice(2);
  if (!userDataDir || !bundleDir || !resourcesDir) throw new Error('usage: training-child <user data> <out/main> <resources>');
  const services = createAppServices({ bundleDir, resourcesDir, userDataDir });
  const { workspace, runs, datasets } = services;
  const load = await workspace.load();
  const dataset = load.dataset ?? (await datasets.import({ kind: 'builtin', name: 'spiral', samples: 300, seed: 1 }));
  const split = { validation: 0.2, test: 0, normalize: 'none', seed: 1, stratify: true } as const;
  await workspace.save({
    architecture: SPIRAL_MLP,
    training: QUICK_CONFIG,
    split,
    datasetId: dataset.id,
    settings: { launch: path.basename(userDataDir) },
  });
  const short = runs.start({ datasetId: dataset.id, architecture: SPIRAL_MLP, config: { ...QUICK_CONFIG, epochs: 2 }, split });
  await new Promise<void>((resolve) => {
    runs.onEvent((e) => {
      if (e.type === 'status' && e.runId === short.id && e.status === 'done') resolve();
    });
  });
  runs.start({ datasetId: dataset.id, architecture: SPIRAL_MLP, config: { ...QUICK_CONFIG, epochs: 100_000 }, split });
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
