// What the core says about the text being written — readiness problems, counts and
// readability — recomputed (debounced) as it changes; read by the inspector and, for the long
// sentences, by the editor that marks them.
import type { ArticleContent, ArticleStats, ReadinessProblem } from '../lib/ipc/bindings';
import { checkContent, contentStats } from '../lib/ipc/commands';
import { showError } from '../lib/errors.svelte';

export const INSIGHT_DELAY_MS = 250;

const state = $state<{ problems: ReadinessProblem[]; stats: ArticleStats | null }>({ problems: [], stats: null });
let timer: ReturnType<typeof setTimeout> | null = null;
let asked = 0;

export function insight(): Readonly<typeof state> {
  return state;
}

/** Asks the core about `content` once typing pauses. */
export function watchContent(content: ArticleContent): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => {
    const mine = ++asked;
    Promise.all([checkContent(content), contentStats(content)]).then(([problems, stats]) => {
      if (mine === asked) Object.assign(state, { problems, stats });
    }, showError);
  }, INSIGHT_DELAY_MS);
}
