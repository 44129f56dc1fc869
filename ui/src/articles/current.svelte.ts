import type { Article, RevisionSummary } from '../lib/ipc/bindings';
import { articleHistory, getArticle, renderMarkdown } from '../lib/ipc/commands';
import { showError } from '../shell/errors.svelte';

type Current = {
  id: number | null;
  article: Article | null;
  /** Sanitised HTML of the body, from the Rust core. */
  html: string;
  history: RevisionSummary[];
  loading: boolean;
};

const state = $state<Current>({ id: null, article: null, html: '', history: [], loading: false });
let request = 0;

/** The open article, shared by the middle column and the inspector. */
export function current(): Readonly<Current> {
  return state;
}

/** Loads article `id` with its rendered body and history. A later call wins over an earlier one. */
export async function openArticle(id: number): Promise<void> {
  const mine = ++request;
  Object.assign(state, { id, article: null, html: '', history: [], loading: true });
  try {
    const article = await getArticle(id);
    const [html, history] = await Promise.all([
      renderMarkdown(article.body),
      articleHistory(id).catch((reason: unknown) => {
        showError(reason); // the article is still worth showing without its history
        return [];
      }),
    ]);
    if (mine === request) Object.assign(state, { article, html, history });
  } catch (reason) {
    if (mine === request) showError(reason);
  } finally {
    if (mine === request) state.loading = false;
  }
}
