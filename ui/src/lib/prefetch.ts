// An article asked for ahead of opening it: the list asks on the click and opens the editor
// when the answer is there, so that the editor is painted once, whole; the editor takes the
// answer instead of asking again (editor/draft.svelte.ts).
import type { OpenedArticle } from './ipc/bindings';
import { openArticle } from './ipc/commands';

/** A prefetched answer older than this is asked for again: the article may have changed. */
const PREFETCH_FRESH_MS = 2000;

let prefetched: { id: number; at: number; answer: Promise<OpenedArticle> } | null = null;

/** Asks the core for article `id` with its preview, ahead of the editor. */
export function prefetchArticle(id: number): Promise<OpenedArticle> {
  const answer = openArticle(id);
  prefetched = { id, at: performance.now(), answer };
  return answer;
}

/** The prefetched answer for `id` if there is a fresh one (taken: asked for once). */
export function takePrefetched(id: number): Promise<OpenedArticle> | null {
  const taken = prefetched;
  prefetched = null;
  return taken && taken.id === id && performance.now() - taken.at < PREFETCH_FRESH_MS ? taken.answer : null;
}
