import type { ArticleSummary } from '../lib/ipc/bindings';

let selected = $state<ArticleSummary | null>(null);

/** The list row the inspector describes while no article is open. */
export function selectedSummary(): ArticleSummary | null {
  return selected;
}

export function selectSummary(summary: ArticleSummary | null): void {
  selected = summary;
}
