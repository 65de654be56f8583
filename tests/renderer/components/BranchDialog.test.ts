/** The branch dialog in jsdom: the checkpoint it will use (said plainly when it is not the epoch asked), edits, start. */
import { describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/svelte';
import BranchDialog from '../../../src/renderer/src/components/BranchDialog.svelte';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import { applyLanguage } from '../../../src/renderer/src/i18n/i18n.svelte';
import { FakeApi, runSummary } from '../fake-api';

async function setup() {
  const api = new FakeApi({
    'runs.checkpoints': () => [1, 2, 4],
    'runs.branch': (args) => runSummary({ id: 'run-2', name: 'run-2', parent: { runId: args.id, epoch: 2, iteration: 20 } }),
    'runs.curves': ({ id }) => ({ runId: id, loss: [], iterationsPerPoint: 1, epochs: [] }),
  });
  const studio = new Studio(api);
  studio.runs = [runSummary({ id: 'run-1', name: 'parent', status: 'done' })];
  render(BranchDialog, { branching: studio.branching });
  await studio.branching.open('run-1', 3);
  return { api, studio };
}

describe('BranchDialog', () => {
  it('says that the nearest kept checkpoint before the epoch will be used, and starts the branch with the edits', async () => {
    applyLanguage('en');
    const { api, studio } = await setup();
    const status = await screen.findByTestId('branch-checkpoint');
    expect(status.textContent).toContain('No checkpoint was kept after epoch 3');
    expect(status.textContent).toContain('after epoch 2');
    const lr = screen.getByTestId('branch-learning-rate');
    await fireEvent.input(lr, { target: { value: '0.001' } });
    await fireEvent.change(lr);
    await fireEvent.click(screen.getByRole('button', { name: 'Start branch' }));
    await vi.waitFor(() => expect(studio.overlay).toEqual(['run-1'])); // the branch is drawn over its parent
    expect(studio.activeRunId).toBe('run-2');
    const [args] = api.called('runs.branch') as { id: string; epoch: number; config: { learningRate: number } }[];
    expect([args.id, args.epoch, args.config.learningRate]).toEqual(['run-1', 3, 0.001]);
    await vi.waitFor(() => expect(screen.queryByTestId('branch-dialog')).toBeNull());
  });

  it('words it in 中文 and cannot start without a checkpoint at or before the epoch', async () => {
    applyLanguage('zh');
    const { studio } = await setup();
    const epoch = screen.getByTestId('branch-epoch');
    studio.branching.kept = [4];
    await fireEvent.input(epoch, { target: { value: '2' } });
    await fireEvent.change(epoch);
    expect((await screen.findByTestId('branch-checkpoint')).textContent).toContain('第 2 轮及之前没有保留任何检查点');
    expect((screen.getByRole('button', { name: '开始分支' }) as HTMLButtonElement).disabled).toBe(true);
    applyLanguage('en');
  });
});
