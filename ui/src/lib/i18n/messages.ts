import { de } from './de';

/** A message that depends on a count; chosen with `Intl.PluralRules`. */
export type Plural = { readonly one: string; readonly other: string };

type Shape<V> = V extends string ? string : Plural;

/** The full message set: every language has exactly the keys of `de`, with the same shapes. */
export type Messages = { readonly [K in keyof typeof de]: Shape<(typeof de)[K]> };
export type MessageKey = keyof typeof de;
/** Keys whose message takes a count (`tn`). */
export type PluralKey = {
  [K in MessageKey]: (typeof de)[K] extends string ? never : K;
}[MessageKey];
/** Keys whose message is plain text (`t`). */
export type TextKey = Exclude<MessageKey, PluralKey>;

export type Params = Readonly<Record<string, string | number>>;

export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

// The German set is the reference; this line fails to compile if its shape ever drifts.
export const deMessages: Messages = de;
