/** The IPC sender check compares file paths: our page is accepted wherever the app is installed, nothing else is. */
import { format, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filePathOfUrl, isRendererPage } from '../../../src/main/desktop/sender-check';

/** The frame URL of a page loaded with Electron's loadFile: url.format of the path, canonicalised as Chromium does. */
const loadFileUrl = (filePath: string) => new URL(format({ protocol: 'file', slashes: true, pathname: filePath })).href;

const POSIX = [
  ['a % sign', '/home/ana/50% off/app/out/renderer/index.html'],
  ['a % before hex digits', '/home/ana/100%ok/app/out/renderer/index.html'],
  ['a # sign', '/home/ana/C# and F#/app/out/renderer/index.html'],
  ['spaces', '/Applications/Backprop Studio.app/Contents/Resources/app/out/renderer/index.html'],
  ['non-ASCII letters', '/home/zoë/文档/Études/app/out/renderer/index.html'],
  ['all of them', '/tmp/Backprop 50% #1 Stüdio/out/renderer/index.html'],
] as const;

describe('isRendererPage on Linux and macOS', () => {
  it.each(POSIX)('accepts our page under a folder with %s, as loadFile names it and as pathToFileURL does', (_what, index) => {
    expect(isRendererPage(loadFileUrl(index), index, 'linux')).toBe(true);
    expect(isRendererPage(pathToFileURL(index).href, index, 'darwin')).toBe(true);
  });

  it('ignores a fragment or query, which do not change the file', () => {
    const index = '/opt/app/out/renderer/index.html';
    expect(isRendererPage(`${loadFileUrl(index)}#/runs`, index, 'linux')).toBe(true);
  });

  it.each([
    ['another page beside it', 'file:///opt/app/out/renderer/other.html'],
    ['the same page in another folder', 'file:///opt/evil/out/renderer/index.html'],
    ['a prefix trick', 'file:///opt/app/out/renderer/index.html.evil'],
    ['a web page', 'https://example.com/opt/app/out/renderer/index.html'],
    ['a dev server', 'http://localhost:5173/'],
    ['a remote host', 'file://server/opt/app/out/renderer/index.html'],
    ['an encoded slash', 'file:///opt/app%2Fout/renderer/index.html'],
    ['about:blank', 'about:blank'],
    ['no URL at all', ''],
  ])('refuses %s', (_what, url) => {
    expect(isRendererPage(url, '/opt/app/out/renderer/index.html', 'linux')).toBe(false);
  });

  it('is case-sensitive where the file system is', () => {
    expect(isRendererPage('file:///opt/APP/out/renderer/index.html', '/opt/app/out/renderer/index.html', 'linux')).toBe(false);
  });
});

describe('isRendererPage on Windows', () => {
  const index = 'c:\\Users\\Zoë\\50% off\\C#\\app\\out\\renderer\\index.html';

  it('accepts the page with the drive letter in another case, backslashes turned to slashes, % and # kept', () => {
    expect(isRendererPage('file:///C:/Users/Zo%C3%AB/50%%20off/C%23/app/out/renderer/index.html', index, 'win32')).toBe(true);
    expect(isRendererPage(loadFileUrl(index), index, 'win32')).toBe(true);
  });

  it('reads a UNC share (file://server/share/…) and refuses another drive', () => {
    expect(filePathOfUrl('file://nas/apps/Backprop/index.html', 'win32')).toBe('\\\\nas\\apps\\Backprop\\index.html');
    expect(isRendererPage('file:///D:/Users/Zo%C3%AB/50%%20off/C%23/app/out/renderer/index.html', index, 'win32')).toBe(false);
  });
});

describe('filePathOfUrl', () => {
  it('decodes escapes and keeps a lone % (where fileURLToPath alone throws "URI malformed")', () => {
    expect(filePathOfUrl('file:///tmp/50%/a%20b/%C3%BC', 'linux')).toBe('/tmp/50%/a b/ü');
  });

  it('is null for what is not a file URL', () => {
    expect(filePathOfUrl('not a url', 'linux')).toBeNull();
    expect(filePathOfUrl('https://example.com/', 'linux')).toBeNull();
  });
});
