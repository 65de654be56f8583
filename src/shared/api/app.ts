/** API methods of the app itself and of files (open dialogs / uploads). */
import { z } from 'zod';
import { method, noArgs } from './define';

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'web';
  platform: string;
  kernels: string;
  cores: number;
}

export interface FileRef {
  fileId: string;
  name: string;
  size: number;
}

export const MAX_IPC_UPLOAD_BYTES = 512 * 1024 * 1024;

export const appMethods = {
  'app.info': method<AppInfo>()(noArgs),
  /** Host-specific: the desktop shows an open dialog; the browser client picks and uploads a file itself. */
  'files.open': method<FileRef | null>()(z.object({ purpose: z.enum(['dataset', 'model']) }).strict()),
  /** Bytes the page already holds (drag-and-drop); the browser client sends them over HTTP instead. */
  'files.upload': method<FileRef>()(
    z
      .object({
        name: z.string().min(1).max(255),
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IPC_UPLOAD_BYTES, 'file too large for IPC'),
      })
      .strict(),
  ),
};
