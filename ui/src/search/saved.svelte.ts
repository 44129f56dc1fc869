// An editor's saved searches, kept in this window's local storage, newest first.
const KEY = 'newsdesk.savedSearches';

function load(): string[] {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((q): q is string => typeof q === 'string') : [];
  } catch {
    return []; // unreadable storage: no saved searches rather than an error
  }
}

let saved = $state<string[]>(load());

function store() {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(saved));
  } catch {
    // storage full or unavailable: the searches stay for this session
  }
}

export function savedSearches(): readonly string[] {
  return saved;
}

export function saveSearch(query: string): void {
  const q = query.trim();
  if (!q) return;
  saved = [q, ...saved.filter((s) => s !== q)].slice(0, 20);
  store();
}

export function forgetSearch(query: string): void {
  saved = saved.filter((s) => s !== query);
  store();
}

/** Reads the stored list again (a test, another window). */
export function reloadSavedSearches(): void {
  saved = load();
}
