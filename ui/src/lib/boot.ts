// What the core read before the window opened (src-tauri/src/boot.rs): the library's counts and
// the first page of the article list, so that the first frame shows the list instead of waiting
// for IPC. Only a head start: every page still asks the core and takes its fresh answer.
import type { ArticleFilter, ArticleSummary, BootSnapshot, LibraryInfo } from './ipc/bindings';

declare global {
  interface Window {
    __NEWSDESK_BOOT__?: BootSnapshot;
  }
}

let snapshot: BootSnapshot | null | undefined; // undefined: not read yet
let rowsTaken = false;

function read(): BootSnapshot | null {
  if (snapshot === undefined) snapshot = typeof window === 'undefined' ? null : (window.__NEWSDESK_BOOT__ ?? null);
  return snapshot;
}

/** Reads `window.__NEWSDESK_BOOT__` afresh (tests, which share modules). */
export function resetBoot(): void {
  snapshot = undefined;
  rowsTaken = false;
}

/** The library's counts as they were at start, or null. */
export function bootInfo(): LibraryInfo | null {
  return read()?.info ?? null;
}

/**
 * The first page of the list as it was at start — once, and only for the list of all articles
 * (no filter) read with the same page size; null otherwise.
 */
export function takeBootRows(filter: ArticleFilter): ArticleSummary[] | null {
  const snapshot = read();
  if (rowsTaken || !snapshot || filter.limit !== snapshot.page_size || (filter.offset ?? 0) !== 0) return null;
  const unfiltered = !filter.status && !filter.section && !filter.tag && !filter.type && !filter.since && !filter.until && !filter.trashed;
  if (!unfiltered) return null;
  rowsTaken = true;
  return snapshot.articles;
}

/** The view the window starts on, as the settings said at start (`start_view`), or null. */
export function bootStartView(): string | null {
  return read()?.start_view ?? null;
}
