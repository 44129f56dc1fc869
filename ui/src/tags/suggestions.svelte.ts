// Tag suggestions as the editor writes: asked of the core once typing pauses, newest answer
// wins; accepted and rejected ones go back to the core, which remembers them.
import type { ArticleContent, SuggestionReason, TagSuggestion } from '../lib/ipc/bindings';
import { decideTags, suggestTags } from '../lib/ipc/commands';
import { showError } from '../lib/errors.svelte';
import { t } from '../lib/i18n/i18n.svelte';

export const SUGGEST_DELAY_MS = 600;
/** How many suggestions the editor is offered at a time (an article's tags, a picture's keywords). */
export const SUGGESTIONS_SHOWN = 8;

const state = $state<{ list: TagSuggestion[] }>({ list: [] });
let timer: ReturnType<typeof setTimeout> | null = null;
let asked = 0;
let forArticle: number | null = null;

export function tagSuggestions(): Readonly<typeof state> {
  return state;
}

/** Asks for suggestions for the draft once typing pauses. */
export function watchForSuggestions(content: ArticleContent, id: number | null): void {
  if (timer !== null) clearTimeout(timer);
  if (id !== forArticle) {
    // Another article: the last one's suggestions must not linger.
    forArticle = id;
    state.list = [];
  }
  timer = setTimeout(() => {
    const mine = ++asked;
    suggestTags(content, id, SUGGESTIONS_SHOWN).then((list) => {
      if (mine === asked) state.list = list;
    }, showError);
  }, SUGGEST_DELAY_MS);
}

/** Forgets the suggestions and any pending question (tests; a window that starts anew). */
export function resetTagSuggestions(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  forArticle = null;
  asked += 1; // an answer still on its way is dropped
  state.list = [];
}

/** Drops a suggestion from the list at once (the next answer will not have it either). */
function drop(tag: string): void {
  state.list = state.list.filter((s) => s.tag !== tag);
}

/** The editor took the tag (the draft adds it); the core learns that. */
export function accepted(id: number | null, tag: string): void {
  drop(tag);
  if (id !== null) decideTags(id, null, [tag], 'accepted').catch(showError);
}

/** The editor does not want the tag for this article: it is not suggested again. */
export function rejected(id: number | null, tag: string): void {
  drop(tag);
  if (id !== null) decideTags(id, null, [tag], 'rejected').catch(showError);
}

/** One reason in the UI's language. */
export function reasonText(reason: SuggestionReason): string {
  switch (reason.kind) {
    case 'mentions':
      return t('suggest.reason.mentions', { count: reason.count });
    case 'in-vocabulary':
      return t('suggest.reason.in-vocabulary', { uses: reason.uses });
    case 'learned-from':
      return t('suggest.reason.learned-from', { articles: reason.articles });
    case 'goes-with':
      return t('suggest.reason.goes-with', { tag: reason.tag });
    case 'accepted':
      return t('suggest.reason.accepted', { count: reason.count });
    case 'in-headline':
      return t('suggest.reason.in-headline');
    case 'in-kicker':
      return t('suggest.reason.in-kicker');
    case 'in-teaser':
      return t('suggest.reason.in-teaser');
    case 'in-caption':
      return t('suggest.reason.in-caption');
    case 'person':
      return t('suggest.reason.person');
    case 'place':
      return t('suggest.reason.place');
    case 'organisation':
      return t('suggest.reason.organisation');
    case 'section':
      return t('suggest.reason.section');
  }
}
