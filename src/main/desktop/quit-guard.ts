/**
 * Quitting disposes the services exactly once, however the quit began: File → Quit and Cmd+Q call
 * app.quit() (Electron then emits before-quit, but not window-all-closed), and the last window closing
 * calls it too. before-quit is held (preventDefault) until dispose has finished; then the app quits for real.
 */
import type { DesktopApp } from './electron-api';

export type QuitState = 'running' | 'disposing' | 'disposed';

export interface QuitGuard {
  state(): QuitState;
  /** Resolves once dispose has finished (or failed: the failure is logged, the quit goes on). */
  readonly disposed: Promise<void>;
}

export function holdQuitUntilDisposed(
  app: DesktopApp,
  dispose: () => Promise<void>,
  log: (message: string, error: unknown) => void = console.error,
): QuitGuard {
  let state: QuitState = 'running';
  let markDisposed: () => void = () => undefined;
  const disposed = new Promise<void>((resolve) => (markDisposed = resolve));
  app.on('before-quit', (event) => {
    if (state === 'disposed') return; // the second app.quit(), ours: let it through
    event.preventDefault();
    if (state === 'disposing') return; // a second Cmd+Q while disposing: the quit is already coming
    state = 'disposing';
    void dispose()
      .catch((error: unknown) => log('Backprop Studio: disposing the services failed', error))
      .finally(() => {
        state = 'disposed';
        markDisposed();
        app.quit();
      });
  });
  return { state: () => state, disposed };
}
