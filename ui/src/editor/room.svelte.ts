// Room to write: whether the article's fields are unfolded above the body, whether the preview
// stands beside it, and focus mode (only the text on screen). The first two are kept across
// sessions in the webview's storage (they are the window's state, not the library's); focus
// mode lasts until Esc, the button or leaving the article.
const STORAGE_KEY = 'newsdesk.editor.room';

type Room = { fieldsOpen: boolean; preview: boolean; focus: boolean };
const defaults: Room = { fieldsOpen: false, preview: true, focus: false };

function load(): Room {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (typeof saved !== 'object' || saved === null) return { ...defaults };
    const { fieldsOpen, preview } = saved as Partial<Room>;
    return {
      fieldsOpen: typeof fieldsOpen === 'boolean' ? fieldsOpen : defaults.fieldsOpen,
      preview: typeof preview === 'boolean' ? preview : defaults.preview,
      focus: false,
    };
  } catch {
    return { ...defaults };
  }
}

const room = $state<Room>(load());

function save(): void {
  try {
    const { fieldsOpen, preview } = room;
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ fieldsOpen, preview }));
  } catch {
    // not remembered; the next start folds the fields again
  }
}

/** Re-reads what was kept (defaults when nothing was) and leaves focus mode: each time the
 * editor opens, so that it follows the storage (and a test's cleared storage). */
export function restoreRoom(): void {
  Object.assign(room, load());
}

export function fieldsOpen(): boolean {
  return room.fieldsOpen;
}

export function setFieldsOpen(open: boolean): void {
  room.fieldsOpen = open;
  save();
}

export function previewShown(): boolean {
  return room.preview;
}

export function togglePreview(): void {
  room.preview = !room.preview;
  save();
}

/** True while focus mode hides all but the text (the shell hides its columns and status bar). */
export function focusMode(): boolean {
  return room.focus;
}

export function setFocusMode(on: boolean): void {
  room.focus = on;
}
