/** The desktop's dialog handlers, with a recording dialog: the idx labels picker reopens the images' folder; a cancel opens nothing. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDesktopHandlers } from '../../../src/main/hosts/desktop-dialogs';
import { FileRegistry } from '../../../src/main/services/files';
import { FILTERS } from '../../../src/main/hosts/dialog-options';
import type { DesktopDialog, DesktopWindow, OpenDialogOptions } from '../../../src/main/desktop/electron-api';

const scratch = mkdtempSync(path.join(tmpdir(), 'desktop-dialogs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function recordingDialog(answers: (string | null)[]) {
  const asked: OpenDialogOptions[] = [];
  const dialog: DesktopDialog = {
    showOpenDialog: async (...args: [DesktopWindow, OpenDialogOptions] | [OpenDialogOptions]) => {
      asked.push(args.length === 2 ? args[1] : args[0]);
      const answer = answers.shift() ?? null;
      return { canceled: answer === null, filePaths: answer === null ? [] : [answer] };
    },
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
  };
  return { dialog, asked };
}

describe('desktop dialogs: files.open', () => {
  it('opens the labels picker in the folder the images came from, with the dataset filters', async () => {
    const folder = path.join(scratch, 'MNIST raw');
    const images = path.join(folder, 'train-images-idx3-ubyte');
    const labels = path.join(folder, 'train-labels-idx1-ubyte');
    mkdirSync(folder);
    writeFileSync(images, 'x');
    writeFileSync(labels, 'y');
    const { dialog, asked } = recordingDialog([images, labels]);
    const handlers = createDesktopHandlers({ dialog, window: () => null, files: new FileRegistry() });

    expect(await handlers['files.open']({ purpose: 'dataset' })).toMatchObject({ name: 'train-images-idx3-ubyte', size: 1 });
    expect(await handlers['files.open']({ purpose: 'dataset' })).toMatchObject({ name: 'train-labels-idx1-ubyte' });
    expect(asked[0].defaultPath).toBeUndefined();
    expect(asked[1].defaultPath).toBe(folder);
    expect(asked[1].filters).toEqual(FILTERS.dataset);
  });

  it('returns null on cancel and remembers no folder', async () => {
    const { dialog, asked } = recordingDialog([null, null]);
    const handlers = createDesktopHandlers({ dialog, window: () => null, files: new FileRegistry() });
    expect(await handlers['files.open']({ purpose: 'model' })).toBeNull();
    await handlers['files.open']({ purpose: 'model' });
    expect(asked[1].defaultPath).toBeUndefined();
    expect(asked[1].filters).toEqual(FILTERS.model);
  });
});
