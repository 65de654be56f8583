/** The MNIST idx pair import's state: the images file waiting for its labels file, the import in flight, and its error. */
import { describeError } from './describe-error';
import type { ApiClient } from '../../../shared/api';
import type { FileRef } from '../../../shared/api/app';
import type { DatasetSummary } from '../../../shared/datasets';

/** Names of idx images files: anything with "idx3" in it (train-images-idx3-ubyte[.gz], x.idx3, …). */
const IDX_IMAGES = /idx3/i;

/** Whether a file name looks like an MNIST-format idx images file (detected by name only; CSV stays the default). */
export function isIdxImagesName(name: string): boolean {
  return IDX_IMAGES.test(name);
}

export class IdxImport {
  /** The images file chosen first; set while the labels file is awaited. */
  images = $state<FileRef | null>(null);
  busy = $state(false);
  /** The last import's error message (mismatched counts, corrupt header, …), or null. */
  error = $state<string | null>(null);

  constructor(private readonly api: ApiClient) {}

  /** Remember `images` and wait for the labels file (the panel prompts for it). */
  start(images: FileRef): void {
    this.images = images;
    this.error = null;
  }

  /** Pick the images file through files.open (native dialog or the browser's picker), then wait for the labels. */
  async chooseImages(): Promise<void> {
    await this.guard(async () => {
      const file = await this.api.call('files.open', { purpose: 'dataset' });
      if (file) this.start(file);
    });
  }

  /** Pick the labels file and import the pair; returns the dataset, or null (cancelled, or `error` set). */
  async chooseLabels(): Promise<DatasetSummary | null> {
    const images = this.images;
    if (!images) return null;
    let summary: DatasetSummary | null = null;
    await this.guard(async () => {
      const labels = await this.api.call('files.open', { purpose: 'dataset' });
      if (!labels) return;
      this.busy = true;
      summary = await this.api.call('datasets.importIdx', { imagesFileId: images.fileId, labelsFileId: labels.fileId });
      this.images = null;
    });
    return summary;
  }

  cancel(): void {
    this.images = null;
    this.error = null;
  }

  private async guard(action: () => Promise<void>): Promise<void> {
    this.error = null;
    try {
      await action();
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.busy = false;
    }
  }
}
