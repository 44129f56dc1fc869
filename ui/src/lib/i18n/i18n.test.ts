import { afterEach, describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { formatDate, formatDateTime, formatTime, interpolate } from './format';
import { date, loadLocale, locale, setLocale, STORAGE_KEY, statusName, statusPlural, t, tn } from './i18n.svelte';
import type { Messages } from './messages';

// @ts-expect-error a language that lacks keys must not compile
const incomplete: Messages = { 'app.name': 'Newsdesk' };
void incomplete;

function shapeOf(messages: Record<string, unknown>) {
  return Object.entries(messages)
    .map(([key, value]) => `${key}:${typeof value === 'string' ? 'text' : Object.keys(value as object).sort().join('/')}`)
    .sort();
}

afterEach(() => {
  localStorage.clear();
  loadLocale();
});

describe('message catalogues', () => {
  it('German and English have the same keys with the same shapes', () => {
    expect(shapeOf(en)).toEqual(shapeOf(de));
  });

  it('every message in every language has text', () => {
    for (const messages of [de, en] as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(messages)) {
        const texts = typeof value === 'string' ? [value] : Object.values(value as object);
        for (const text of texts) expect(String(text).trim(), key).not.toBe('');
      }
    }
  });
});

describe('t and tn', () => {
  it('speaks German by default and names the statuses as the newsroom does', () => {
    expect(locale()).toBe('de');
    expect(['draft', 'ready', 'scheduled', 'published', 'updated', 'withdrawn'].map((s) => statusName(s as never)))
      .toEqual(['Entwurf', 'Bereit', 'Geplant', 'Veröffentlicht', 'Aktualisiert', 'Zurückgezogen']);
    expect(statusPlural('draft')).toBe('Entwürfe');
  });

  it('fills placeholders and chooses plural forms by count', () => {
    expect(t('credit.label', { credit: 'Thüringer Staatskanzlei' })).toBe('Bildquelle: Thüringer Staatskanzlei');
    expect(tn('inspector.words', 1)).toBe('1 Wort');
    expect(tn('inspector.words', 312)).toBe('312 Wörter');
    setLocale('en');
    expect(tn('statusbar.articles', 1)).toBe('1 article');
    expect(tn('statusbar.articles', 6)).toBe('6 articles');
  });

  it('persists the language switch and reads it back at start-up', () => {
    setLocale('en');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('en');
    expect(t('nav.outbox')).toBe('Outbox');
    expect(document.documentElement.lang).toBe('en');
    localStorage.setItem(STORAGE_KEY, 'de');
    expect(loadLocale()).toBe('de');
    expect(t('nav.outbox')).toBe('Postausgang');
  });

  it('ignores an unknown stored language', () => {
    localStorage.setItem(STORAGE_KEY, 'fr');
    expect(loadLocale()).toBe('de');
  });
});

describe('formatting', () => {
  it('formats calendar dates per locale without shifting the day', () => {
    expect(formatDate('2018-12-13', 'de')).toBe('13.12.2018');
    expect(formatDate('2018-12-13', 'en')).toBe('13/12/2018');
    expect(formatDate('2024-01-01', 'de')).toBe('01.01.2024');
    setLocale('de');
    expect(date('2024-04-23')).toBe('23.04.2024');
  });

  it('formats timestamps with a time and leaves bad values empty', () => {
    expect(formatDateTime('2018-12-14T10:15:00Z', 'de')).toMatch(/^14\.12\.2018, \d{2}:15$/);
    expect(formatDate(null, 'de')).toBe('');
    expect(formatDate('gestern', 'de')).toBe('');
    expect(formatDateTime('2018-13-45T99:00:00Z', 'en')).toBe('');
  });

  it('formats the time of a timestamp alone', () => {
    expect(formatTime('2018-12-14T14:32:00', 'de')).toBe('14:32');
    expect(formatTime('2018-12-14T09:05:00', 'en')).toBe('09:05');
    expect(formatTime(null, 'de')).toBe('');
    expect(formatTime('bald', 'de')).toBe('');
  });

  it('interpolates only known placeholders', () => {
    expect(interpolate('{a} und {b}', { a: 1 })).toBe('1 und {b}');
    expect(interpolate('{constructor}', {})).toBe('{constructor}');
    expect(interpolate('ohne', undefined)).toBe('ohne');
  });
});
