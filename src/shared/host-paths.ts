/**
 * The last line of defence of "no host path reaches the page": every error message that crosses to the renderer has
 * its absolute paths (POSIX `/a/b/c`, Windows `C:\a\b`, `file://` URLs) replaced by their last part, the file name.
 * Services already name files, not paths; this catches what a library or the OS puts in a message (ENOENT …, open '/x/y').
 */

/** An absolute path of two or more parts, or a Windows drive path, not glued to a word before it. */
const ABSOLUTE_PATH = /(?<![\w.~\-/\\:])(?:file:\/\/)?(?:\/[^\s'"`<>|/\\]+(?:\/[^\s'"`<>|/\\]*)+|[A-Za-z]:\\[^\s'"`<>|]*)/g;

const lastPart = (p: string): string => p.split(/[/\\]/).filter(Boolean).at(-1) ?? '';

/** `text` with every absolute path replaced by its file name. */
export function withoutHostPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, (p) => lastPart(p.replace(/^file:\/\//, '')));
}

/** True when `text` names an absolute path (what tests check every reply for). */
export function hasHostPath(text: string): boolean {
  return new RegExp(ABSOLUTE_PATH.source).test(text);
}
