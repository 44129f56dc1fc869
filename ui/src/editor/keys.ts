// The editor's own keys (the window-wide ones are in shell/shortcuts.ts): Ctrl+S saves now,
// Alt+P shows or hides the preview, Alt+M folds or unfolds the fields, Alt+F enters or leaves
// focus mode. `code` is read too, so a layout that types another letter with Alt still works.

export type EditorKey = 'save' | 'preview' | 'fields' | 'focus';

type Key = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

const withAlt: Record<string, EditorKey> = { p: 'preview', m: 'fields', f: 'focus' };

export function editorKeyFor(event: Key): EditorKey | null {
  const command = event.ctrlKey || event.metaKey;
  const letter = event.key.toLowerCase();
  if (command && !event.altKey && letter === 's') return 'save';
  if (!event.altKey || command || event.shiftKey) return null;
  const fromCode = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase();
  return withAlt[letter] ?? (fromCode ? withAlt[fromCode] : undefined) ?? null;
}
