// A readiness problem in the UI's language, from its stable code (never from the English text).
import type { ReadinessProblem } from '../lib/ipc/bindings';
import { t } from '../lib/i18n/i18n.svelte';
import type { TextKey } from '../lib/i18n/messages';

const fieldKeys: Partial<Record<string, TextKey>> = {
  kicker: 'field.kicker',
  title: 'field.title',
  type: 'field.type',
  section: 'field.section',
  date: 'field.date',
  author: 'field.author',
  teaser: 'field.teaser',
  tags: 'field.tags',
  images: 'field.images',
  links: 'field.links',
  body: 'field.body',
};

/** A field's name in the UI's language ("kicker" → "Dachzeile"). */
export function fieldName(field: string): string {
  const key = fieldKeys[field];
  return key ? t(key) : field;
}

/** A picture by its file name, or "Bild 2" when it has none (the core sends the number). */
function picture(detail: string): string {
  return /^\d+$/.test(detail) ? t('problem.picture', { n: detail }) : detail;
}

export function problemText(p: ReadinessProblem): string {
  switch (p.code) {
    case 'missing':
      return t('problem.missing', { field: fieldName(p.field) });
    case 'no_credit':
      return t('problem.no_credit', { picture: picture(p.detail) });
    case 'no_alt':
      return t('problem.no_alt', { picture: picture(p.detail) });
    case 'vague_link':
      return t('problem.vague_link', { text: p.detail });
    case 'skipped_heading':
      return t('problem.skipped_heading', { levels: p.detail });
    case 'body_h1':
      return t('problem.body_h1', { text: p.detail });
    case 'too_long':
      return t('problem.too_long', { count: p.detail });
    default:
      return p.problem;
  }
}
