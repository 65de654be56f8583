/**
 * The methods whose work depends on where the page runs: opening a file, handing the page's bytes to the main
 * process, saving a model. The desktop host sends them over IPC like every other method (the main process shows
 * the dialogs); the browser host picks, uploads and downloads files itself. Both clients route them through a Host.
 */
import type { ApiClient, Args, Result } from '../../../shared/api';
import { pickAndUpload, uploadFile, download } from './web-files';

export const PAGE_HOST_METHODS = ['files.open', 'files.upload', 'models.save'] as const;
export type PageHostMethod = (typeof PAGE_HOST_METHODS)[number];

export type Host = { [M in PageHostMethod]: (args: Args<M>) => Promise<Result<M>> };

export const isPageHostMethod = (method: string): method is PageHostMethod =>
  (PAGE_HOST_METHODS as readonly string[]).includes(method);

/** The desktop: the main process implements them (dialogs, IPC upload), reached like any other method. */
export function desktopHost(call: ApiClient['call']): Host {
  return {
    'files.open': (args) => call('files.open', args),
    'files.upload': (args) => call('files.upload', args),
    'models.save': (args) => call('models.save', args),
  };
}

/** The browser: its own file picker and HTTP upload; Save downloads the model file's bytes (models.encode). */
export function browserHost(call: ApiClient['call']): Host {
  return {
    'files.open': (args) => pickAndUpload(args.purpose),
    'files.upload': (args) => uploadFile(args.name, args.bytes),
    'models.save': async (args) => {
      const file = await call('models.encode', { modelId: args.modelId });
      download(file.name, file.bytes);
      return { saved: true, name: file.name };
    },
  };
}
