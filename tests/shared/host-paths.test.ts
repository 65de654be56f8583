import { describe, expect, it } from 'vitest';
import { hasHostPath, withoutHostPaths } from '../../src/shared/host-paths';

describe('withoutHostPaths', () => {
  it.each([
    [
      "ENOENT: no such file or directory, open '/tmp/backprop-uploads-1-x/ab/data.csv'",
      "ENOENT: no such file or directory, open 'data.csv'",
    ],
    ['EISDIR: illegal operation on a directory, read /home/u/folder/', 'EISDIR: illegal operation on a directory, read folder'],
    ['cannot read C:\\Users\\me\\model.safetensors: busy', 'cannot read model.safetensors: busy'],
    ['see file:///work/out/renderer/index.html', 'see index.html'],
    ['(/var/lib/x.json)', '(x.json)'],
  ])('replaces the path in %j by its file name', (text, expected) => {
    expect(withoutHostPaths(text)).toBe(expected);
    expect(hasHostPath(text)).toBe(true);
    expect(hasHostPath(withoutHostPaths(text))).toBe(false);
  });

  it.each([
    'runs.start: invalid config.batchSize: expected number',
    'loss 1/2 of 3/4',
    'ratio 0.5/1',
    'a/b/c relative',
    'train / validation / test',
    'shape [3, 4] expects 2/3',
  ])('leaves %j alone', (text) => expect(withoutHostPaths(text)).toBe(text));
});
