import type { Locale, Params } from './messages';

/** BCP 47 tags used with Intl. British English keeps the day-month order of the newsroom. */
const intlTags: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

export function intlTag(locale: Locale): string {
  return intlTags[locale];
}

/** Replaces `{name}` with `params.name`; unknown placeholders stay visible, never vanish. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building an Intl formatter is costly in WebKit (a list of 200 rows built 200 of them);
// each kind is made once per locale and reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(intlTag(locale), options);
    formatters.set(key, found);
  }
  return found;
}

/**
 * Formats a date ("2018-12-13" → "13.12.2018" in German) or the date part of a timestamp.
 * A calendar date is formatted in UTC so that it never shifts a day with the time zone.
 * Returns "" for null or text that is no date, so a bad value never shows "Invalid Date".
 */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const day = calendarDate.exec(value);
  const date = day ? new Date(Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!)) : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return formatter(locale, day ? 'date-utc' : 'date', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(day ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** Formats a timestamp with date and time in the local time zone ("13.12.2018, 14:05"). */
export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  if (calendarDate.test(value)) return formatDate(value, locale);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return formatter(locale, 'date-time', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** Formats the time of a timestamp in the local time zone ("14:32"). */
export function formatTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return formatter(locale, 'time', { hour: '2-digit', minute: '2-digit' }).format(date);
}
