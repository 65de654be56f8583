/** The runs table in jsdom: status with the failure reason, overlay checkboxes, copy config and delete. */
import { describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/svelte';
import RunsTable from '../../../src/renderer/src/panels/RunsTable.svelte';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import { WorkspaceSync } from '../../../src/renderer/src/lib/workspace-sync.svelte';
import { FakeApi, runSummary } from '../fake-api';

function setup() {
  const api = new FakeApi({
    'runs.remove': () => undefined,
    'runs.curves': ({ id }) => ({ runId: id, loss: [], iterationsPerPoint: 1, epochs: [] }),
  });
  const studio = new Studio(api);
  studio.runs = [
    runSummary({
      id: 'run-1',
      name: 'first',
      status: 'done',
      bestValidationAccuracy: 0.925,
      train: { loss: 0.1234, accuracy: 0.9 },
      durationMs: 83_000,
    }),
    runSummary({ id: 'run-2', name: 'second', status: 'failed', failureReason: 'non-finite gradient in dW at epoch 3, batch 2' }),
    runSummary({
      id: 'run-3',
      name: 'third',
      status: 'failed',
      failureReason: 'dataset "ds1" could not be split for the run: the dataset worker exited (code 70) before answering',
      failure: {
        code: 'dataset-prepare',
        message: 'dataset "ds1" could not be split for the run: the dataset worker exited (code 70) before answering',
        params: { dataset: 'ds1', reason: 'the dataset worker exited (code 70) before answering' },
      },
    }),
  ];
  const sync = new WorkspaceSync(studio);
  sync.disk = { runs: { 'run-1': 1536 }, totalBytes: 1536 };
  render(RunsTable, { studio, sync });
  return { api, studio };
}

describe('RunsTable', () => {
  it('shows each run with its numbers and the failure reason', () => {
    setup();
    const [first, second] = screen.getAllByTestId('run-row');
    expect(first.textContent).toContain('92.5 %');
    expect(first.textContent).toContain('0.1234');
    expect(first.textContent).toContain('1:23');
    expect(first.textContent).toContain('1.5 KB'); // its model file on disk
    expect(screen.getByTestId('disk-total').textContent).toContain('1.5 KB');
    expect(second.textContent).toMatch(/failed.*non-finite gradient in dW/);
  });

  it('words a failure that has a code from the catalog', () => {
    setup();
    const third = screen.getAllByTestId('run-row')[2];
    expect(third.textContent).toContain('The dataset ds1 could not be split for the run: the dataset worker exited');
  });

  it('overlays a run when its checkbox is ticked', async () => {
    const { studio } = setup();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Overlay second' }));
    expect(studio.overlay).toEqual(['run-2']);
  });

  it('asks the service to delete a run', async () => {
    const { api } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Delete first' }));
    expect(api.called('runs.remove')).toEqual([{ id: 'run-1' }]);
  });
});

describe('RunsTable as a tree', () => {
  function tree() {
    const api = new FakeApi({
      'runs.continue': ({ id }) => runSummary({ id, name: 'killed', status: 'running' }),
      'runs.curves': ({ id }) => ({ runId: id, loss: [[1, 1]], iterationsPerPoint: 1, epochs: [] }),
      'runs.checkpoints': () => [1, 2],
    });
    const studio = new Studio(api);
    studio.runs = [
      runSummary({ id: 'run-1', name: 'parent', status: 'done', epoch: 3 }),
      runSummary({ id: 'run-2', name: 'killed', status: 'interrupted' }),
      runSummary({ id: 'run-3', name: 'child', status: 'done', parent: { runId: 'run-1', epoch: 2, iteration: 20 } }),
    ];
    render(RunsTable, { studio, sync: new WorkspaceSync(studio) });
    return { api, studio };
  }

  it('shows branches under their parent with aria-level and says where they branched', () => {
    tree();
    expect(screen.getByRole('treegrid')).toBeTruthy();
    const rows = screen.getAllByTestId('run-row');
    expect(rows.map((r) => [r.dataset.runId, r.getAttribute('aria-level')])).toEqual([
      ['run-1', '1'],
      ['run-3', '2'],
      ['run-2', '1'],
    ]);
    expect(rows[1].textContent).toContain('branch of parent at epoch 2');
  });

  it('says "interrupted" and resumes such a run from its last checkpoint', async () => {
    const { api, studio } = tree();
    const killed = screen.getAllByTestId('run-row')[2];
    expect(killed.textContent).toContain('interrupted');
    expect(screen.queryByRole('button', { name: 'Resume parent from its last checkpoint' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Resume killed from its last checkpoint' }));
    expect(api.called('runs.continue')).toEqual([{ id: 'run-2' }]);
    await vi.waitFor(() => expect(studio.activeRunId).toBe('run-2'));
  });

  it("opens the branch editor from a row, at the run's last checkpointed epoch, its settings copied", async () => {
    const { studio } = tree();
    await fireEvent.click(screen.getByRole('button', { name: 'Branch parent from an epoch' }));
    await vi.waitFor(() => expect(studio.branching.kept).toEqual([1, 2]));
    expect(studio.branching.run?.id).toBe('run-1');
    expect(studio.branching.epoch).toBe(3);
    expect(studio.branching.used).toBe(2);
    expect(studio.branching.config).toEqual(studio.runs[0].config);
  });
});
