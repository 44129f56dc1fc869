import { render, screen } from '@testing-library/svelte';
import { userEvent } from '@testing-library/user-event';
import App from '../App.svelte';
import { setLocale } from '../lib/i18n/i18n.svelte';
import { resetDraft } from '../editor/draft.svelte';
import { followLocation } from '../lib/router/router.svelte';
import { dismissError } from '../lib/errors.svelte';
import { restoreLayout } from '../shell/layout.svelte';
import { resetImageLibrary } from '../images/library.svelte';
import { resetImport } from '../images/importer.svelte';
import { resetSettings } from '../lib/settings.svelte';
import { resetTagSuggestions } from '../tags/suggestions.svelte';
import { fakeBackend } from './backend';
import { resetExport } from '../export/exporting.svelte';
import { resetOutbox } from '../publish/outbox.svelte';

/** Renders the whole app at `hash` against a fake backend, in German; `beforeStart` runs
 * after the stores are reset (a test's own webview storage). */
export function renderApp(hash = '#/articles', options: Parameters<typeof fakeBackend>[0] = {}, beforeStart?: () => void) {
  window.location.hash = hash;
  followLocation(); // the router is a module: forget the previous test's page
  // Test files share modules (isolate: false), so reset every store a test may have changed.
  localStorage.clear();
  resetSettings();
  resetTagSuggestions();
  resetImageLibrary();
  resetImport();
  setLocale('de');
  restoreLayout();
  dismissError();
  resetDraft();
  resetExport();
  resetOutbox();
  beforeStart?.();
  const backend = fakeBackend(options);
  const user = userEvent.setup();
  const view = render(App);
  return { ...view, backend, user };
}

/** Unfolds the editor's fields below the title (they start folded, behind "Weitere Felder"). */
export async function unfoldFields(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'Weitere Felder', expanded: false }));
}
