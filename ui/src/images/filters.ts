// The library's filters as the user sets them, and the ImageFilter they ask the core for.
import type { ImageQuery } from './browser.svelte';
import { EXPIRING_DAYS } from './expiry';

export type FilterKind = 'all' | 'missing_credit' | 'expiring' | 'expired';

export const filterKinds: readonly FilterKind[] = ['all', 'missing_credit', 'expiring', 'expired'];

export type LibraryFilter = { kind: FilterKind; tag: string; text: string };

export const noLibraryFilter: LibraryFilter = { kind: 'all', tag: '', text: '' };

/** Only what is set goes to the core: `{}` lists every picture. */
export function toQuery(filter: LibraryFilter): ImageQuery {
  const query: ImageQuery = {};
  if (filter.kind === 'missing_credit') query.missing_credit = true;
  else if (filter.kind === 'expiring') query.expiring_within = EXPIRING_DAYS;
  else if (filter.kind === 'expired') query.expired = true;
  const tag = filter.tag.trim();
  if (tag) query.tag = tag;
  const text = filter.text.trim();
  if (text) query.text = text;
  return query;
}
