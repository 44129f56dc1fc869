import { render } from '@testing-library/svelte';
import { userEvent } from '@testing-library/user-event';
import App from '../App.svelte';
import { setLocale } from '../lib/i18n/i18n.svelte';
import { resetDraft } from '../editor/draft.svelte';
import { reloadSavedSearches } from '../search/saved.svelte';
import { followLocation } from '../lib/router/router.svelte';
import { dismissError } from '../lib/errors.svelte';
import { restoreLayout } from '../shell/layout.svelte';
import { resetImageLibrary } from '../images/library.svelte';
import { resetImport } from '../images/importer.svelte';
import { reloadCreditPresets } from '../images/presets.svelte';
import { fakeBackend } from './backend';
import { resetExport } from '../export/exporting.svelte';
import { resetOutbox } from '../publish/outbox.svelte';

/** Renders the whole app at `hash` against a fake backend, in German. */
export function renderApp(hash = '#/articles', options: Parameters<typeof fakeBackend>[0] = {}) {
  window.location.hash = hash;
  followLocation(); // the router is a module: forget the previous test's page
  // Test files share modules (isolate: false), so reset every store a test may have changed.
  localStorage.clear();
  reloadSavedSearches();
  reloadCreditPresets();
  resetImageLibrary();
  resetImport();
  setLocale('de');
  restoreLayout();
  dismissError();
  resetDraft();
  resetExport();
  resetOutbox();
  const backend = fakeBackend(options);
  const user = userEvent.setup();
  const view = render(App);
  return { ...view, backend, user };
}
