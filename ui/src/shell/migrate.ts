// Lists the window once kept in the webview's storage move into the library's settings on the
// first start with a library that has settings: the library's entries first, then the ones
// only the webview had. The webview's copy is removed only once the library has stored it.
import { LEGACY_PRESETS_KEY, parsePresets } from '../images/presets.svelte';
import { LEGACY_SEARCHES_KEY, parseSearches } from '../search/saved.svelte';
import { changeSetting, setting, type SettingKey } from '../lib/settings.svelte';

type Move = { legacy: string; key: SettingKey; merge: (library: string, webview: string) => unknown[] };

const moves: Move[] = [
  {
    legacy: LEGACY_SEARCHES_KEY,
    key: 'saved_searches',
    merge: (library, webview) => [...new Set([...parseSearches(library), ...parseSearches(webview)])],
  },
  {
    legacy: LEGACY_PRESETS_KEY,
    key: 'credit_presets',
    merge: (library, webview) => {
      const kept = parsePresets(library);
      const known = new Set(kept.map((p) => p.credit.toLocaleLowerCase('de')));
      return [...kept, ...parsePresets(webview).filter((p) => !known.has(p.credit.toLocaleLowerCase('de')))];
    },
  },
];

/** Moves what the webview still holds into the library (after the settings are loaded). */
export async function moveWebviewLists(): Promise<void> {
  for (const { legacy, key, merge } of moves) {
    let webview: string | null;
    try {
      webview = globalThis.localStorage?.getItem(legacy) ?? null;
    } catch {
      continue; // no storage, nothing to move
    }
    if (webview === null) continue;
    await changeSetting(key, JSON.stringify(merge(setting(key), webview)));
    globalThis.localStorage?.removeItem(legacy);
  }
}
