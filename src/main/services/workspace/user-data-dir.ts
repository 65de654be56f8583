/** The OS-appropriate user-data folder for the web host, the same one Electron's app.getPath('userData') names. */
import os from 'node:os';
import path from 'node:path';

/** Electron names the folder after package.json's "name". */
export const APP_FOLDER = 'backprop-studio';

/**
 * Windows: %APPDATA%\backprop-studio · macOS: ~/Library/Application Support/backprop-studio ·
 * Linux: $XDG_CONFIG_HOME/backprop-studio or ~/.config/backprop-studio.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER);
}
