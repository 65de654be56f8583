/** Browser-mode file handling: the page picks a file itself and uploads it to the web host over HTTP. */
import type { FileRef } from '../../../shared/api/app';
import { unwrapReply, type Reply } from '../../../shared/reply';
import { AppError } from '../../../shared/errors';
import { authorizationHeader } from './web-token';

const ACCEPT = { dataset: '.csv,.gz,.tsv,.txt,.idx,.idx1-ubyte,.idx3-ubyte', model: '.safetensors' };

/** Upload bytes to the web host (POST /api/upload, streamed to disk there); the token travels in the Authorization header. */
export async function uploadFile(name: string, bytes: Blob | Uint8Array): Promise<FileRef> {
  const body = bytes instanceof Blob ? bytes : new Blob([bytes.slice()]);
  const response = await fetch(`/api/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body,
    headers: authorizationHeader(),
  });
  const text = await response.text();
  let reply: Reply<FileRef>;
  try {
    reply = JSON.parse(text) as Reply<FileRef>;
  } catch {
    throw new AppError('failed', `upload of ${name} failed: ${text}`, { file: name });
  }
  return unwrapReply(reply);
}

/** Show the browser's file picker and upload the chosen file; null when the user cancels. */
export function pickAndUpload(purpose: 'dataset' | 'model'): Promise<FileRef | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[purpose];
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0];
        if (!file) return resolve(null);
        uploadFile(file.name, file).then(resolve, reject);
      },
      { once: true },
    );
    input.click();
  });
}

/** Hand bytes to the browser as a download named `name`. */
export function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes.slice()]));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
