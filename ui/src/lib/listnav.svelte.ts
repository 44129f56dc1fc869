// Keyboard movement in a list of rows: j/k or arrow keys move, Home/End jump, Enter opens.

const moves: Record<string, (index: number, length: number) => number> = {
  j: (i, n) => Math.min(n - 1, i + 1),
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  k: (i) => Math.max(0, i - 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/** The row to select after `key`, or null when the key does not move (or the list is empty). */
export function nextIndex(current: number, key: string, length: number): number | null {
  const move = moves[key];
  if (!move || length === 0) return null;
  return current < 0 ? (key === 'End' ? length - 1 : 0) : move(current, length);
}

/** True when typing in `target` must not be taken as a shortcut. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

type Options = {
  /** The element holding the rows. */
  container: () => HTMLElement | undefined;
  count: () => number;
  open: (index: number) => void;
  /** Called when a key moved the selection onto the last row (a paged list loads more). */
  atEnd?: () => void;
};

/** Selection state plus the window keydown handler for one list. */
export class ListNav {
  selected = $state(-1);
  #options: Options;

  constructor(options: Options) {
    this.#options = options;
  }

  /** Moves focus to row `index` (its first link), so the browser scrolls it into view. */
  focus(index: number): void {
    this.selected = index;
    const links = this.#options.container()?.querySelectorAll<HTMLElement>('[data-article-id] a');
    links?.[index]?.focus();
  }

  onkeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (isEditable(event.target) || event.target instanceof HTMLButtonElement) return;
    const count = this.#options.count();
    const next = nextIndex(this.selected, event.key, count);
    if (next !== null) {
      event.preventDefault();
      this.focus(next);
      if (next === count - 1) this.#options.atEnd?.();
    } else if (event.key === 'Enter' && this.selected >= 0) {
      event.preventDefault();
      this.#options.open(this.selected);
    }
  };
}
