// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatRoute, homeRoute, parseHash, type Route } from './route';

describe('parseHash', () => {
  it('reads the pages of the window', () => {
    expect(parseHash('#/articles')).toEqual({ name: 'articles', status: null, section: null });
    expect(parseHash('#/articles?status=draft')).toEqual({ name: 'articles', status: 'draft', section: null });
    expect(parseHash('#/articles?status=published&section=Politik')).toEqual({
      name: 'articles',
      status: 'published',
      section: 'Politik',
    });
    expect(parseHash('#/articles/42')).toEqual({ name: 'article', id: 42 });
    expect(parseHash('#/search?q=Th%C3%BCringen')).toEqual({ name: 'search', query: 'Thüringen' });
    expect(parseHash('#/search?q=E-Government+Gesetz')).toEqual({ name: 'search', query: 'E-Government Gesetz' });
    expect(parseHash('#/images')).toEqual({ name: 'images' });
    expect(parseHash('#/outbox/')).toEqual({ name: 'outbox', job: null });
    expect(parseHash('#/outbox?job=12')).toEqual({ name: 'outbox', job: 12 });
    expect(parseHash('#/outbox?job=x')).toEqual({ name: 'outbox', job: null });
    expect(parseHash('#/portals')).toEqual({ name: 'portals' });
  });

  it('falls back to the article list for anything it does not know', () => {
    for (const hash of ['', '#', '#/', '#/nope', '#/articles/abc', '#/articles/0', '#/articles/-3', '#/articles/1.5', '#/articles/4/edit', '#/images/x', '#/portals/x', '#/outbox/3', '#/articles/99999999999999999999']) {
      expect(parseHash(hash), hash).toEqual(homeRoute);
    }
  });

  it('ignores an unknown status instead of passing it on', () => {
    expect(parseHash('#/articles?status=deleted')).toEqual({ name: 'articles', status: null, section: null });
    expect(parseHash('#/articles?status=__proto__')).toEqual({ name: 'articles', status: null, section: null });
  });

  it('survives malformed escapes', () => {
    expect(parseHash('#/articles/%E0%A4%A')).toEqual(homeRoute);
    expect(parseHash('#/search?q=%')).toEqual({ name: 'search', query: '%' });
  });
});

describe('formatRoute', () => {
  const routes: Route[] = [
    homeRoute,
    { name: 'articles', status: 'scheduled', section: null },
    { name: 'articles', status: null, section: 'Politik & Verwaltung' },
    { name: 'article', id: 7 },
    { name: 'search', query: 'Mädchen für alles? [1] & #2' },
    { name: 'search', query: '' },
    { name: 'images' },
    { name: 'outbox', job: null },
    { name: 'outbox', job: 7 },
    { name: 'portals' },
  ];

  it('round-trips through parseHash', () => {
    for (const route of routes) expect(parseHash(formatRoute(route))).toEqual(route);
  });

  it('writes the documented hashes', () => {
    expect(formatRoute({ name: 'articles', status: 'draft', section: null })).toBe('#/articles?status=draft');
    expect(formatRoute({ name: 'article', id: 42 })).toBe('#/articles/42');
    expect(formatRoute(homeRoute)).toBe('#/articles');
    expect(formatRoute({ name: 'outbox', job: 12 })).toBe('#/outbox?job=12');
    expect(formatRoute({ name: 'portals' })).toBe('#/portals');
  });
});
