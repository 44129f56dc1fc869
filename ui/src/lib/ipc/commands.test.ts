import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleFilter } from './bindings';
import { getArticle, listArticles, loadDemoArticles, searchArticles, toUserError } from './commands';

const everything: ArticleFilter = { status: null, section: null, tag: null, since: null, until: null };

afterEach(() => clearMocks());

describe('toUserError', () => {
  it('passes the Rust shell’s own errors through', () => {
    const error = { code: 'not_found', message: 'Den Artikel 42 gibt es nicht.' };
    expect(toUserError(error)).toEqual(error);
    expect(toUserError({ ...error, extra: 1 })).toEqual(error);
  });

  it('keeps the translations the core sent beside its English sentence', () => {
    const error = { code: 'not_found', message: 'article 42 does not exist', translations: { de: 'Artikel 42 gibt es nicht.' } };
    expect(toUserError(error)).toEqual(error);
    expect(toUserError({ ...error, translations: { de: 7 } }), 'a malformed map is dropped').toEqual({ code: 'not_found', message: error.message });
  });

  it('wraps everything else as internal, keeping the text', () => {
    expect(toUserError('Kaputt')).toEqual({ code: 'internal', message: 'Kaputt' });
    expect(toUserError(new Error('boom'))).toEqual({ code: 'internal', message: 'Error: boom' });
    expect(toUserError(undefined)).toEqual({ code: 'internal', message: 'undefined' });
    expect(toUserError(null)).toEqual({ code: 'internal', message: 'null' });
    expect(toUserError({ code: 'teapot', message: 'unbekannt' })).toEqual({ code: 'internal', message: 'unbekannt' });
    expect(toUserError({ code: 'storage' })).toEqual({ code: 'internal', message: '[object Object]' });
  });
});

describe('commands', () => {
  it('send the snake_case command with camelCase arguments', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return cmd === 'list_articles' || cmd === 'search_articles' ? [] : {};
    });
    await listArticles({ ...everything, status: 'draft' });
    await getArticle(42);
    await searchArticles('Thüringen', 5);
    expect(seen).toEqual([
      ['list_articles', { filter: { status: 'draft', section: null, tag: null, since: null, until: null } }],
      ['get_article', { id: 42 }],
      ['search_articles', { query: 'Thüringen', limit: 5 }],
    ]);
  });

  it('reject with a UserError whatever the shell rejected with', async () => {
    mockIPC((cmd) => {
      if (cmd === 'get_article') throw { code: 'not_found', message: 'Den Artikel 9 gibt es nicht.' };
      throw 'plain string';
    });
    await expect(getArticle(9)).rejects.toEqual({ code: 'not_found', message: 'Den Artikel 9 gibt es nicht.' });
    await expect(loadDemoArticles()).rejects.toEqual({ code: 'internal', message: 'plain string' });
  });

  it('reject with a UserError outside Tauri too', async () => {
    clearMocks();
    delete (window as { __TAURI_INTERNALS__?: unknown }).__TAURI_INTERNALS__;
    await expect(listArticles(everything)).rejects.toEqual({
      code: 'internal',
      message: 'Newsdesk läuft hier nicht im App-Fenster: Die Bibliothek ist nur in der Desktop-App erreichbar.',
    });
  });
});
