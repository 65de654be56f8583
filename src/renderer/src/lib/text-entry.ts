/** Whether a key press lands in a text field, whose own editing keys (Ctrl+Z undo) must keep working. */

/** True when the key press is typed into a text field, whose own undo (Ctrl+Z) must keep working. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'range', 'submit'].includes(target.type);
}
