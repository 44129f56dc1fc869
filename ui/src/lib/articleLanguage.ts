// The language an article is written in: its front matter's `lang` (or `language`) when it has
// one — kept by the core among the keys it does not know (`extra`) — else the window's
// language. The preview's `lang` (hyphenation) and the body's spell-check follow it.
import type { ArticleContent } from './ipc/bindings';
import { locale } from './i18n/i18n.svelte';

/** A BCP 47 tag as front matter writes it: "de", "en", "de-CH", "de-DE-1996". */
const TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

export function articleLanguage(content: Pick<ArticleContent, 'extra'>): string {
  for (const key of ['lang', 'language']) {
    const value = content.extra?.[key];
    if (typeof value === 'string' && TAG.test(value.trim())) return value.trim();
  }
  return locale();
}
