import { describe, expect, it } from 'vitest';
import { findDuplicateKey } from '../../../../src/main/services/models/json-duplicates';

describe('findDuplicateKey', () => {
  it.each([
    ['{"a":1,"a":2}', { key: 'a', path: '$' }],
    ['{"x":{"b":1,"c":[{"d":1,"d":2}]}}', { key: 'd', path: '$.x.c[]' }],
    ['{"__metadata__":{"k":"1","k":"2"},"w":{}}', { key: 'k', path: '$.__metadata__' }],
    ['{"a\\u0062":1,"ab":2}', { key: 'ab', path: '$' }],
  ])('finds the repeated key in %s', (text, expected) => {
    expect(findDuplicateKey(text)).toEqual(expected);
  });

  it.each([
    '{"a":1,"b":{"a":2}}',
    '[{"a":1},{"a":2}]',
    '{"a":"{\\"a\\":1,\\"a\\":2}"}',
    '{"a":["a","a"]}',
    '"a"',
    '{}',
    ' { "a" : 1 , "b" : [ 1 , { "a" : 2 } ] } ',
  ])('accepts %s (the same key in different objects, or inside strings and arrays)', (text) =>
    expect(findDuplicateKey(text)).toBeNull(),
  );
});
