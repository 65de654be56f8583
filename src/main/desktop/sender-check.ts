/**
 * Is a frame's URL our renderer page? Compares file paths, not URL strings: loadFile builds the URL with
 * url.format, which leaves `%` unescaped (a folder named `50%` gives `file:///…/50%/…`), while pathToFileURL
 * escapes it, so comparing strings refused every call from an app installed under such a folder.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A `%` not followed by two hex digits, as Chromium keeps it in a path (fileURLToPath would throw "URI malformed"). */
const LONE_PERCENT = /%(?![0-9A-Fa-f]{2})/g;

/**
 * The local path a file: URL names, on `platform` (win32: drive letters, backslashes, UNC hosts); null for
 * anything that is not a well-formed file: URL. Query and fragment are ignored: they do not change the file.
 */
export function filePathOfUrl(frameUrl: string, platform: NodeJS.Platform = process.platform): string | null {
  let url: URL;
  try {
    url = new URL(frameUrl.replace(LONE_PERCENT, '%25'));
  } catch {
    return null;
  }
  if (url.protocol !== 'file:') return null;
  try {
    return fileURLToPath(url, { windows: platform === 'win32' });
  } catch {
    return null; // e.g. an encoded "/" (%2F), which no real file name contains
  }
}

/**
 * True when `frameUrl` shows the file `rendererIndex`. On Windows the comparison ignores case (its file
 * systems do, and Chromium upper-cases the drive letter); elsewhere it is exact after normalisation.
 */
export function isRendererPage(frameUrl: string, rendererIndex: string, platform: NodeJS.Platform = process.platform): boolean {
  const framePath = filePathOfUrl(frameUrl, platform);
  if (framePath === null) return false;
  if (platform === 'win32')
    return path.win32.resolve(framePath).toLowerCase() === path.win32.resolve(rendererIndex).toLowerCase();
  return path.posix.resolve(framePath) === path.posix.resolve(rendererIndex);
}
