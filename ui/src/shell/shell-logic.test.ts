import { describe, expect, it } from 'vitest';
import { homeRoute, type Route } from '../lib/router/route';
import { shortenPath } from '../lib/library.svelte';
import { shortcutFor } from './shortcuts';

function key(key: string, extra: Partial<KeyboardEvent> = {}, target: EventTarget | null = document.body) {
  return { key, code: '', ctrlKey: false, metaKey: false, altKey: false, target, ...extra };
}

describe('shortcutFor', () => {
  const article: Route = { name: 'article', id: 1 };
  it('maps the window shortcuts', () => {
    expect(shortcutFor(key('/'), homeRoute)).toBe('focus-search');
    expect(shortcutFor(key('k', { ctrlKey: true }), homeRoute)).toBe('focus-search');
    expect(shortcutFor(key('b', { ctrlKey: true }), homeRoute)).toBe('toggle-nav');
    expect(shortcutFor(key('b', { ctrlKey: true, altKey: true }), homeRoute)).toBe('toggle-inspector');
    expect(shortcutFor(key('Escape'), article)).toBe('back');
    expect(shortcutFor(key('Escape'), { name: 'search', query: 'x' })).toBe('back');
  });

  it('leaves typing alone', () => {
    const input = document.createElement('input');
    expect(shortcutFor(key('/', {}, input), homeRoute)).toBeNull();
    expect(shortcutFor(key('Escape', {}, input), article)).toBeNull();
    expect(shortcutFor(key('k', { ctrlKey: true }, input), homeRoute)).toBe('focus-search');
    expect(shortcutFor(key('Escape'), homeRoute)).toBeNull();
    expect(shortcutFor(key('j'), homeRoute)).toBeNull();
  });
});

describe('shortenPath', () => {
  it('keeps the end of a long path and replaces the home folder', () => {
    expect(shortenPath('/home/ba/.local/share/newsdesk/library.sqlite')).toBe('…/newsdesk/library.sqlite');
    expect(shortenPath('/home/ba/library.sqlite')).toBe('~/library.sqlite');
    expect(shortenPath('/srv/library.sqlite')).toBe('/srv/library.sqlite');
    expect(shortenPath('C:\\Users\\ba\\AppData\\Roaming\\newsdesk\\library.sqlite')).toBe('…\\newsdesk\\library.sqlite');
  });
});
