// The only module that talks to the Rust shell. Every command is typed with the generated
// bindings, and every rejection reaches the caller as a `UserError` ({ code, message }).
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type {
  Article,
  ArticleFilter,
  ArticleSummary,
  ImportReport,
  LibraryInfo,
  RevisionSummary,
  SearchHit,
  UserError,
} from './bindings';
import { t } from '../i18n/i18n.svelte';
import { toUserError } from './errors';

export { isUserError, toUserError } from './errors';

/** True inside the Tauri window (or under mockIPC); false in a plain browser tab. */
function inShell(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  if (!inShell()) throw { code: 'internal', message: t('error.noShell') } satisfies UserError;
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toUserError(reason);
  }
}

export const noFilter: ArticleFilter = {
  status: null,
  section: null,
  tag: null,
  since: null,
  until: null,
};

export function libraryInfo(): Promise<LibraryInfo> {
  return call('library_info');
}

export function listArticles(filter: Partial<ArticleFilter> = {}): Promise<ArticleSummary[]> {
  return call('list_articles', { filter: { ...noFilter, ...filter } });
}

export function getArticle(id: number): Promise<Article> {
  return call('get_article', { id });
}

/** Sanitised HTML from the Rust core: the one value the UI may put into `{@html}`. */
export function renderMarkdown(markdown: string): Promise<string> {
  return call('render_markdown', { markdown });
}

export function searchArticles(query: string, limit = 50): Promise<SearchHit[]> {
  return call('search_articles', { query, limit });
}

export function articleHistory(id: number): Promise<RevisionSummary[]> {
  return call('article_history', { id });
}

export function loadDemoArticles(): Promise<ImportReport> {
  return call('load_demo_articles');
}
