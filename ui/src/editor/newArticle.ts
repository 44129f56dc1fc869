// A new article, from a button or Alt+N: a draft with a working title and the library's
// default author and section, opened in the editor with the title selected for typing.
import { createArticle } from '../lib/ipc/commands';
import { t } from '../lib/i18n/i18n.svelte';
import { navigate } from '../lib/router/router.svelte';
import { showError } from '../lib/errors.svelte';
import { refreshLibrary } from '../lib/library.svelte';
import { setting } from '../lib/settings.svelte';

let titleWanted: number | null = null;

/** True once for the new article `id`: the editor then selects its title. */
export function takeTitleFocus(id: number): boolean {
  if (titleWanted !== id) return false;
  titleWanted = null;
  return true;
}

export async function newArticle(): Promise<void> {
  try {
    const article = await createArticle({
      kicker: '',
      title: t('editor.newTitle'),
      type: 'Meldung',
      section: setting('default_section'),
      date: new Date().toISOString().slice(0, 10),
      author: setting('default_author'),
      teaser: '',
      tags: [],
      images: [],
      links: [],
      body: '',
      slug: '',
      description: '',
      social_image: '',
      embargo: null,
      corrections: [],
      extra: {},
    });
    void refreshLibrary(true);
    // Once the editor shows it, the working title is selected: typing replaces it.
    titleWanted = article.id;
    navigate({ name: 'article', id: article.id });
  } catch (reason) {
    showError(reason);
  }
}
