/** Runs → Import PyTorch run…: pick train.py's model.safetensors, losses.csv and epochs.csv, and add the run they describe. */
import type { ApiClient } from '../../../shared/api';
import type { Studio } from './studio.svelte';

export type ImportStep = 'model' | 'losses' | 'epochs';

export class RunImport {
  /** The file being asked for (the button's hint says which), null when idle. */
  step = $state<ImportStep | null>(null);
  /** The name of the run imported last. */
  done = $state<string | null>(null);

  constructor(private readonly api: ApiClient) {}

  /** Ask for the three files in turn (a cancelled pick ends quietly), import them, and show the new run. */
  async run(studio: Studio): Promise<void> {
    this.done = null;
    const picked: string[] = [];
    try {
      for (const step of ['model', 'losses', 'epochs'] as const) {
        this.step = step;
        const file = await this.api.call('files.open', { purpose: step === 'model' ? 'model' : 'dataset' });
        if (!file) return;
        picked.push(file.fileId);
      }
      this.step = null;
      await studio.attempt(async () => {
        const [modelFileId, lossesFileId, epochsFileId] = picked;
        const summary = await this.api.call('runs.importPytorch', { modelFileId, lossesFileId, epochsFileId });
        this.done = summary.name;
        await studio.selectRun(summary.id);
      });
    } finally {
      this.step = null;
    }
  }
}
