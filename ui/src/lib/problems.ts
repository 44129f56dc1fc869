// A readiness problem in the UI's language, from its stable code (never from the English text).
import type { ReadinessProblem } from './ipc/bindings';
import { date, t } from './i18n/i18n.svelte';
import type { TextKey } from './i18n/messages';

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

/** `file|YYYY-MM-DD` from the core: the picture's file and the last day of its license. */
function licenseExpired(detail: string): string {
  const bar = detail.lastIndexOf('|');
  const file = bar < 0 ? detail : detail.slice(0, bar);
  const end = bar < 0 ? '' : detail.slice(bar + 1);
  return t('problem.license_expired', { file: picture(file), date: date(end) || end });
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
    case 'license_expired':
      return licenseExpired(p.detail);
    case 'not_in_library':
      return t('problem.not_in_library', { picture: picture(p.detail) });
    default:
      return p.problem;
  }
}
