// Marks for the open-article benchmark (tests/benches/open_article.rs reads the measures with
// performance.getEntriesByName('newsdesk:open-article')): from the click on a list row to the
// end of the first frame that shows the article's fields, its body and its preview. Marks cost
// nothing the user sees; only the last MAX_MEASURES are kept.

const START = 'newsdesk:open-start';
const MEASURE = 'newsdesk:open-article';
const MAX_MEASURES = 500;

let opening: number | null = null;

/** The user asked for article `id` (a click or Enter in the list). */
export function markOpenStart(id: number): void {
  opening = id;
  performance.clearMarks(START);
  performance.mark(START);
}

/** A step of opening article `id` (`newsdesk:open-<step>`), for reading where the time goes. */
export function markOpenStep(id: number, step: string): void {
  if (opening === id) performance.mark(`newsdesk:open-${step}`);
}

/**
 * Article `id` is in the DOM with everything the editor shows: measures from the start mark
 * to the end of the frame that paints it (a requestAnimationFrame callback runs just before
 * its frame is painted, a task queued from it runs after). Only the first call per open counts.
 */
export function markOpenPainted(id: number): void {
  if (opening !== id) return;
  opening = null;
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (performance.getEntriesByName(MEASURE, 'measure').length >= MAX_MEASURES) performance.clearMeasures(MEASURE);
      performance.measure(MEASURE, START);
    }, 0),
  );
}
