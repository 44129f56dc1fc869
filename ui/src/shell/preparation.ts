// The status bar's words for the background work after a library opened.
import type { Preparation } from '../lib/ipc/bindings';
import { t } from '../lib/i18n/i18n.svelte';

/** "Suchindex wird aufgebaut … 45 %" while working; null once the library is ready. */
export function preparationWords(state: Preparation): string | null {
  if (state.task === 'ready') return null;
  const percent = state.total > 0 ? Math.min(100, Math.floor((state.done * 100) / state.total)) : 0;
  return t(`statusbar.preparation.${state.task}`, { percent });
}
