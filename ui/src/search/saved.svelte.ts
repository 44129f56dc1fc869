// An editor's saved searches, newest first: the library's setting `saved_searches`, so they
// travel with the library and its backups. Before settings lived in the library they were in
// the webview's storage under LEGACY_SEARCHES_KEY; lib/migrate.ts moves them once.
import { changeSetting, setting } from '../lib/settings.svelte';

export const LEGACY_SEARCHES_KEY = 'newsdesk.savedSearches';
/** How many the navigation keeps. */
const KEPT = 20;

/** The searches in a stored list; entries that are not searches are left out. */
export function parseSearches(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((q): q is string => typeof q === 'string' && q.trim() !== '') : [];
  } catch {
    return [];
  }
}

export function savedSearches(): readonly string[] {
  return parseSearches(setting('saved_searches'));
}

/** Saves `query` as the newest; rejects when the library refuses. */
export async function saveSearch(query: string): Promise<void> {
  const q = query.trim();
  if (!q) return;
  const next = [q, ...savedSearches().filter((s) => s !== q)].slice(0, KEPT);
  await changeSetting('saved_searches', JSON.stringify(next));
}

export async function forgetSearch(query: string): Promise<void> {
  await changeSetting('saved_searches', JSON.stringify(savedSearches().filter((s) => s !== query)));
}
