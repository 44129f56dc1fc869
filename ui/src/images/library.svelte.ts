// The image library page's state: its list with selection, and its filter. Module state, so
// that the panel in the inspector column and the grid share it, and leaving the page and
// coming back keeps the filter.
import { ImageBrowser } from './browser.svelte';
import { noLibraryFilter, type LibraryFilter } from './filters';

export const libraryBrowser = new ImageBrowser({ multiple: true });

let filter = $state<LibraryFilter>({ ...noLibraryFilter });

export function libraryFilter(): LibraryFilter {
  return filter;
}

export function setLibraryFilter(next: LibraryFilter): void {
  filter = next;
}

/** Forgets the list, the selection and the filter (tests, a new window). */
export function resetImageLibrary(): void {
  filter = { ...noLibraryFilter };
  libraryBrowser.reset();
}
