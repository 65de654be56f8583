/** The quit guard: before-quit is held until dispose has finished, dispose runs once, and a failed dispose still quits. */
import { describe, expect, it } from 'vitest';
import { holdQuitUntilDisposed } from '../../../src/main/desktop/quit-guard';
import { FakeApp } from './fake-electron';

describe('holdQuitUntilDisposed', () => {
  it('holds the first quit until dispose resolves, then quits once', async () => {
    const app = new FakeApp();
    let finish: () => void = () => undefined;
    let disposals = 0;
    const guard = holdQuitUntilDisposed(app, () => {
      disposals += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    app.quit();
    app.quit();
    expect(app.exits).toBe(0);
    expect(guard.state()).toBe('disposing');
    finish();
    await app.exited;
    expect(disposals).toBe(1);
    expect(app.exits).toBe(1);
    expect(guard.state()).toBe('disposed');
  });

  it('logs a failed dispose and quits anyway', async () => {
    const app = new FakeApp();
    const logged: unknown[] = [];
    holdQuitUntilDisposed(
      app,
      () => Promise.reject(new Error('disk full')),
      (_message, error) => logged.push(error),
    );
    app.quit();
    await app.exited;
    expect(logged).toEqual([new Error('disk full')]);
    expect(app.exits).toBe(1);
  });
});
