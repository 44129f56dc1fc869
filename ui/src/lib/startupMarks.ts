// Marks for the start-up benchmark (tests/benches/startup.rs reads them with
// performance.getEntriesByType('mark') and performance.timeOrigin): when the script ran, when
// the shell was mounted, when the first frame holding list rows was painted and when the core
// first answered. Marks cost nothing the user sees; they are made once per page.

const LIST_ROW = '.article-list .article-title';
const MAX_FRAMES = 600; // ~10 s: an empty library never shows a row

/** Marks `newsdesk:<name>` now. */
export function mark(name: string): void {
  performance.mark(`newsdesk:${name}`);
}

/**
 * Marks `newsdesk:list-painted` after the first frame in which the list shows a row: a
 * requestAnimationFrame callback runs just before its frame is painted, a task queued from
 * it runs after.
 */
export function markListPainted(): void {
  let frames = 0;
  const check = () => {
    if (document.querySelector(LIST_ROW)) {
      setTimeout(() => mark('list-painted'), 0);
    } else if (++frames < MAX_FRAMES) {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
}

/** Marks `newsdesk:first-answer` the first time the core answered the library's counts. */
export function markFirstAnswer(): void {
  if (performance.getEntriesByName('newsdesk:first-answer', 'mark').length === 0) mark('first-answer');
}
