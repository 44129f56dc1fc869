import type { Status } from '../ipc/bindings';
import { en } from './en';
import { formatDate, formatDateTime, formatTime, interpolate, intlTag } from './format';
import {
  deMessages,
  isLocale,
  type Locale,
  type Messages,
  type Params,
  type PluralKey,
  type TextKey,
} from './messages';

export type { Locale } from './messages';
export { locales } from './messages';

export const STORAGE_KEY = 'newsdesk.locale';
const catalogs: Record<Locale, Messages> = { de: deMessages, en };

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'de';
  } catch {
    return 'de'; // storage can be unavailable; German is the default
  }
}

let current = $state<Locale>(storedLocale());

/** The current language; reading it inside a component or effect makes that reactive. */
export function locale(): Locale {
  return current;
}

export function setLocale(next: Locale): void {
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // not persisted, but the switch still applies to this session
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** Re-reads the persisted choice (used at start-up and by tests). */
export function loadLocale(): Locale {
  current = storedLocale();
  return current;
}

export function t(key: TextKey, params?: Params): string {
  return interpolate(catalogs[current][key] as string, params);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** A message that depends on `count`; `{count}` is available as a placeholder. */
export function tn(key: PluralKey, count: number, params?: Params): string {
  const plural = catalogs[current][key] as { one: string; other: string };
  let rules = pluralRules.get(current);
  if (!rules) {
    rules = new Intl.PluralRules(intlTag(current));
    pluralRules.set(current, rules);
  }
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return interpolate(plural[form], { ...params, count });
}

export function statusName(status: Status): string {
  return t(`status.${status}`);
}

export function statusPlural(status: Status): string {
  return t(`statusPlural.${status}`);
}

export function date(value: string | null | undefined): string {
  return formatDate(value, current);
}

export function dateTime(value: string | null | undefined): string {
  return formatDateTime(value, current);
}

export function time(value: string | null | undefined): string {
  return formatTime(value, current);
}
