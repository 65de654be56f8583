import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFirstPaint, rememberFirstPaint } from '../../../src/renderer/src/lib/first-paint';

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('first paint', () => {
  it('gives back the language and theme the last page showed', () => {
    rememberFirstPaint({ language: 'zh', theme: 'dark' });
    expect(readFirstPaint()).toEqual({ language: 'zh', theme: 'dark' });
  });

  it('is empty before anything was kept, and for a copy that is not JSON or holds other types', () => {
    expect(readFirstPaint()).toEqual({});
    localStorage.setItem('backprop-studio.first-paint', '{not json');
    expect(readFirstPaint()).toEqual({});
    localStorage.setItem('backprop-studio.first-paint', JSON.stringify({ language: 3, theme: null }));
    expect(readFirstPaint()).toEqual({});
  });

  it('keeps working when storage refuses a write', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    expect(() => rememberFirstPaint({ language: 'en', theme: 'light' })).not.toThrow();
    expect(readFirstPaint()).toEqual({});
  });
});
