// The window's preferences as the library keeps them (`settings`): the library is where
// settings live, so the CLI, a backup and the next start see the same values. The webview's
// own storage only keeps the last language and theme for the first frame before the library
// answers.
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { locale, setLocale, type Locale } from './i18n/i18n.svelte';
import { isLocale } from './i18n/messages';
import { changeSetting, loadSettings, setting } from './settings.svelte';

const THEME_KEY = 'newsdesk.theme';
/** The zoom steps Ctrl + and Ctrl − go through, in percent. */
export const ZOOM_STEPS = [50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200] as const;

/** Loads the library's settings and takes its language when it differs from the window's. */
export async function applyLibrarySettings(): Promise<void> {
  await loadSettings();
  const language = setting('language');
  if (isLocale(language) && language !== locale()) setLocale(language);
}

/** Switches the window's language at once and keeps the choice in the library. */
export async function chooseLanguage(next: Locale): Promise<void> {
  setLocale(next);
  await changeSetting('language', next);
}

/** The colours in force: `system` follows the desktop as far as WebKit hears of it. */
export function resolvedTheme(theme: string, prefersDark: boolean): 'light' | 'dark' {
  if (theme === 'light' || theme === 'dark') return theme;
  return prefersDark ? 'dark' : 'light';
}

/** Puts the theme on the page (`data-theme`), following the desktop while it is `system`.
 * Returns the function that stops following. */
export function applyTheme(theme: string): () => void {
  const query = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  const apply = () => {
    document.documentElement.dataset.theme = resolvedTheme(theme, query?.matches ?? false);
  };
  apply();
  try {
    globalThis.localStorage?.setItem(THEME_KEY, theme);
  } catch {
    // the first frame of the next start may show the other colours; the library still has it
  }
  query?.addEventListener?.('change', apply);
  return () => query?.removeEventListener?.('change', apply);
}

/** The theme of the last start, for the first frame (main.ts). */
export function lastTheme(): string {
  try {
    return globalThis.localStorage?.getItem(THEME_KEY) ?? 'system';
  } catch {
    return 'system';
  }
}

/** The body editor's font size, as the CSS custom property the editor reads. */
export function applyEditorFontSize(pixels: string): void {
  document.documentElement.style.setProperty('--editor-font-size', `${Number(pixels) || 16}px`);
}

/** Zooms the whole window (the webview's own zoom: text, pictures and layout alike). */
export async function applyZoom(percent: string): Promise<void> {
  const factor = (Number(percent) || 100) / 100;
  try {
    await getCurrentWebview().setZoom(factor);
  } catch {
    // outside the Tauri window (tests, a plain browser) there is no webview to zoom
  }
}

/** The next zoom step in `direction` (+1 larger, −1 smaller, 0 back to 100 %). */
export function nextZoom(current: string, direction: 1 | -1 | 0): number {
  if (direction === 0) return 100;
  const now = Number(current) || 100;
  if (direction > 0) return ZOOM_STEPS.find((step) => step > now) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((step) => step < now) ?? ZOOM_STEPS[0]!;
}

/** Ctrl + / Ctrl − / Ctrl 0: the zoom the key asks for is applied and kept in the library. */
export async function zoomBy(direction: 1 | -1 | 0): Promise<void> {
  const next = nextZoom(setting('zoom'), direction);
  if (String(next) !== setting('zoom')) await changeSetting('zoom', String(next));
}
