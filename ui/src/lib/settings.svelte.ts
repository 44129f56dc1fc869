// The library's settings as the window holds them: every key with its default until the
// library answers, then the library's values. A change goes to the library first; the window
// takes the value the core stored (trimmed, normalised), or the change is refused in words.
import { settingDefaults, type SettingKey } from './ipc/bindings';
import { setSetting, settings as librarySettings } from './ipc/commands';

export type { SettingKey } from './ipc/bindings';

let values = $state<Record<SettingKey, string>>({ ...settingDefaults });
let loaded = $state(false);

function isKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefaults, key);
}

/** The value in force (the default until the library has answered). */
export function setting(key: SettingKey): string {
  return values[key];
}

/** True once the library's values are in. */
export function settingsLoaded(): boolean {
  return loaded;
}

/** Reads every setting from the library. */
export async function loadSettings(): Promise<void> {
  const next = { ...settingDefaults } as Record<SettingKey, string>;
  for (const { key, value } of await librarySettings()) if (isKey(key)) next[key] = value;
  values = next;
  loaded = true;
}

/** Stores `value` in the library and takes the value stored; rejects with the reason. */
export async function changeSetting(key: SettingKey, value: string): Promise<string> {
  const stored = await setSetting(key, value);
  values = { ...values, [key]: stored.value };
  return stored.value;
}

/** Back to the defaults (tests). */
export function resetSettings(): void {
  values = { ...settingDefaults };
  loaded = false;
}
