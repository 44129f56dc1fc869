// The window's preferences as the library keeps them (`settings`): the library is where
// settings live, so the CLI, a backup and the next start see the same values. The webview's
// own storage only keeps the last language for the first frame before the library answers.
import { setSetting, settings } from './ipc/commands';
import { locale, setLocale, type Locale } from './i18n/i18n.svelte';
import { isLocale } from './i18n/messages';

/** Takes the library's language when it differs from the one the window started with. */
export async function applyLibrarySettings(): Promise<void> {
  const language = (await settings()).find((s) => s.key === 'language')?.value;
  if (isLocale(language) && language !== locale()) setLocale(language);
}

/** Switches the window's language at once and keeps the choice in the library. */
export async function chooseLanguage(next: Locale): Promise<void> {
  setLocale(next);
  await setSetting('language', next);
}
