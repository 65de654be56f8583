/** Finds a repeated key in any object of a JSON text (JSON.parse silently keeps the last one; a file must not say two things). */

/** The first repeated key as `{ key, path }` (path like `$.a.b`), or null. `text` must already be valid JSON. */
export function findDuplicateKey(text: string): { key: string; path: string } | null {
  /** One entry per open object or array: its keys so far (objects) and the path that leads to it. */
  const stack: { keys: Set<string> | null; path: string; lastKey: string }[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return { key, path: top.path };
        top.keys.add(key);
        top.lastKey = key;
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const parent = stack.at(-1);
      const path = parent === undefined ? '$' : parent.keys ? `${parent.path}.${parent.lastKey}` : `${parent.path}[]`;
      stack.push({ keys: c === '{' ? new Set() : null, path, lastKey: '' });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      expectKey = stack.at(-1)?.keys !== null && stack.length > 0;
    }
  }
  return null;
}
