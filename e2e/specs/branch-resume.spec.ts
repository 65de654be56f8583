/**
 * Rewind and branch, and resume (issue 15 points 4–5): train a short run, click epoch 3 of its loss curve, branch with
 * another learning rate; the branch sits under its parent in the runs tree and its curve starts at the checkpoint's
 * epoch. After a reload the tree is back. Then a long run is killed with the host (SIGKILL): after a restart it is
 * "interrupted", and Resume continues it from its last checkpoint. In English and 中文 (the fixture's page fails on any
 * console problem).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { startWebHost, type RunningWebHost } from '../support/web-host';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { RunTree } from '../pages/run-tree';
import { BranchDialog } from '../pages/branch-dialog';
import { MESSAGES, say } from '../pages/messages';

for (const language of ['en', 'zh'] as const) {
  const m = MESSAGES[language];
  test(`branch a run from an epoch, find the tree after a reload, resume a run the host lost (${language})`, async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'web', 'kills and restarts the web host');
    test.slow(); // three trainings, a reload, a kill and a restart
    let host: RunningWebHost = await startWebHost();
    try {
      await page.goto(host.url);
      const topBar = new TopBar(page, language);
      const training = new TrainingPanel(page, language);
      const tree = new RunTree(page, language);
      const dialog = new BranchDialog(page, language);
      await expect(page.getByTestId('dataset-name')).toHaveText(/spiral/i); // the app (and its top bar) laid out
      await topBar.chooseLanguage(language);

      await training.setEpochs(4);
      await topBar.train();
      await expect(tree.status('run-1')).toHaveText(m['status.done']);

      await expect(page.getByTestId('epoch-loss-chart')).toHaveAttribute('data-x-max', '4'); // drawn to the end
      await dialog.openFromChart('epoch-loss-chart', 3);
      // Epochs this short outrun the disk: the workspace writes only the newest waiting checkpoint (epoch 3's, the last
      // one, always), so when its write queue is busy at the start (an autosave) the earlier ones may all be missing.
      await expect(dialog.checkpoint).toHaveAttribute('data-epoch', /^[1-3]$/);
      const used = Number(await dialog.checkpoint.getAttribute('data-epoch'));
      await expect(dialog.checkpoint).toHaveText(
        used === 3
          ? say(m, 'branch.checkpointSame', { epoch: 3 })
          : say(m, 'branch.checkpointNearest', { asked: 3, epoch: used }),
      );
      await dialog.setLearningRate('0.002');
      await dialog.start();
      await expect(dialog.root).toBeHidden();
      await expect(tree.status('run-2')).toHaveText(m['status.done']);
      await expect(tree.row('run-2')).toHaveAttribute('aria-level', '2');
      await expect(tree.origin('run-2')).toHaveText(say(m, 'branch.of', { name: 'run-1', epoch: used }));
      // The branch (the active run) is drawn from the parent's point at its checkpoint's epoch, over its parent.
      await expect(page.getByTestId('epoch-loss-chart')).toHaveAttribute('data-first-x', String(used));
      await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-series', '2');

      await page.reload();
      await expect(tree.rows).toHaveCount(2);
      await expect(tree.row('run-2')).toHaveAttribute('aria-level', '2');
      await expect(tree.row('run-1')).toHaveAttribute('aria-level', '1');
      await expect(page.getByTestId('epoch-loss-chart')).toHaveAttribute('data-first-x', String(used));

      await training.setEpochs(20000);
      await topBar.train();
      await expect(tree.status('run-3')).toHaveText(m['status.running']);
      // Killed once it has a checkpoint and the workspace has recorded it as running.
      const checkpoints = path.join(host.userData, 'runs', 'run-3');
      await expect
        .poll(() => existsSync(checkpoints) && readdirSync(checkpoints).some((f) => /^epoch-\d+\.safetensors$/.test(f)))
        .toBe(true);
      // …and once the autosave holds its first epochs (it runs up to 3 s behind: the curves between are not kept).
      const workspace = path.join(host.userData, 'workspace.json');
      const savedEpochs = (): number => {
        if (!existsSync(workspace)) return 0;
        const saved = JSON.parse(readFileSync(workspace, 'utf8')) as {
          runs: { summary: { id: string }; curves: { epochs: unknown[] } }[];
        };
        return saved.runs.find((r) => r.summary.id === 'run-3')?.curves.epochs.length ?? 0;
      };
      await expect.poll(savedEpochs).toBeGreaterThan(0);
      await page.goto('about:blank');
      host.process.kill('SIGKILL');
      await host.stop();
      host = await startWebHost({ userData: host.userData });
      await page.goto(host.url);

      await expect(tree.status('run-3')).toHaveText(m['status.interrupted']);
      await expect(tree.row('run-2')).toHaveAttribute('aria-level', '2');
      await tree.resume('run-3');
      await expect(tree.status('run-3')).toHaveText(m['status.running']);
      await expect(tree.rows).toHaveCount(3); // resumed under its own id, its curves from epoch 1 kept
      await expect(page.getByTestId('epoch-loss-chart')).toHaveAttribute('data-first-x', '1');
      await topBar.stop();
      await expect(tree.status('run-3')).toHaveText(m['status.stopped']);
    } finally {
      await host.stop();
    }
  });
}
