import type { SearchHit } from '../lib/ipc/bindings';
import { searchArticles } from '../lib/ipc/commands';
import { showError } from '../lib/errors.svelte';

type Results = { query: string; hits: SearchHit[]; loading: boolean };

const results = $state<Results>({ query: '', hits: [], loading: false });
let request = 0;

export const SEARCH_LIMIT = 50;
/** Typing pauses this long before the search runs. */
export const SEARCH_DELAY_MS = 150;

/** The hits of the last search that answered; shared by the search box and the results. */
export function searchResults(): Readonly<Results> {
  return results;
}

/** Runs a search; answers that arrive after a newer search started are dropped. */
export async function runSearch(query: string): Promise<void> {
  const mine = ++request;
  const trimmed = query.trim();
  if (trimmed === '') {
    Object.assign(results, { query: '', hits: [], loading: false });
    return;
  }
  results.loading = true;
  try {
    const hits = await searchArticles(trimmed, SEARCH_LIMIT);
    if (mine === request) Object.assign(results, { query: trimmed, hits });
  } catch (reason) {
    if (mine === request) showError(reason);
  } finally {
    if (mine === request) results.loading = false;
  }
}
