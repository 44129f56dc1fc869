import { afterEach, describe, expect, it } from 'vitest';
import { coreText, errorText } from './core';
import { setLocale } from './i18n.svelte';

afterEach(() => setLocale('de'));

describe('coreText', () => {
  it('picks the sentence of the UI’s language and falls back to the core’s English', () => {
    const translations = { de: 'Artikel 7 gibt es nicht.' };
    setLocale('de');
    expect(coreText('article 7 does not exist', translations)).toBe('Artikel 7 gibt es nicht.');
    expect(coreText('article 7 does not exist', undefined), 'no German sent: the English').toBe('article 7 does not exist');
    expect(coreText('article 7 does not exist', null)).toBe('article 7 does not exist');
    setLocale('en');
    expect(coreText('article 7 does not exist', translations)).toBe('article 7 does not exist');
    expect(errorText({ message: 'disk full', translations: { de: 'Datenträger voll' } })).toBe('disk full');
  });
});
