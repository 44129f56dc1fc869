// A paged list of pictures with a selection: the library page and the picker each hold one.
//
// - Pages of PAGE_SIZE come from `list_images` as the grid scrolls near the end; the rows are
//   replaced, never mutated (no deep proxy for 20,000 pictures).
// - The selection is kept by id with the pictures themselves, so the panel can describe and
//   edit pictures that are not in the loaded part of the list (duplicates, an import).
// - Click, Ctrl/Cmd+click (toggle), Shift+click (range from the anchor), keyboard moves with
//   and without Shift, select all loaded, clear.
import type { Image, ImageFilter } from '../lib/ipc/bindings';
import { listImages } from '../lib/ipc/commands';
import { showError } from '../lib/errors.svelte';

/** Pictures per request. */
export const PAGE_SIZE = 240;

export type ImageQuery = Omit<ImageFilter, 'limit' | 'offset'>;

export class ImageBrowser {
  images = $state.raw<Image[]>([]);
  /** The last page came back full: there may be more. */
  more = $state(false);
  loading = $state(false);
  /** The first page has arrived (an empty list then means: nothing matches). */
  loaded = $state(false);
  failed = $state(false);
  /** The selected pictures by id, in the order they were selected. */
  selection = $state.raw<ReadonlyMap<number, Image>>(new Map());
  /** The cell the keyboard is on (index into `images`), -1 for none. */
  cursor = $state(-1);
  /** Grows whenever pictures changed (saved, tagged). */
  version = $state(0);
  /** Grows with every new first page (a new query): the grid starts again at the top. */
  generation = $state(0);

  readonly multiple: boolean;
  readonly pageSize: number;
  #anchor = -1;
  #query: ImageQuery = {};
  #request = 0;

  constructor(options: { multiple?: boolean; pageSize?: number } = {}) {
    this.multiple = options.multiple ?? true;
    this.pageSize = options.pageSize ?? PAGE_SIZE;
  }

  /** The selected pictures, in the order they were selected. */
  get selected(): Image[] {
    return [...this.selection.values()];
  }

  isSelected(id: number): boolean {
    return this.selection.has(id);
  }

  /** Starts over at the first page of `query`; the selection is cleared unless `keepSelection`. */
  load(query: ImageQuery, options: { keepSelection?: boolean } = {}): Promise<void> {
    const mine = ++this.#request;
    this.#query = query;
    this.loading = true;
    this.failed = false;
    this.more = false;
    if (!options.keepSelection) this.#select([], -1);
    this.cursor = -1;
    return listImages({ ...query, limit: this.pageSize, offset: 0 }).then(
      (rows) => {
        if (mine !== this.#request) return;
        this.images = rows;
        this.generation += 1;
        this.more = rows.length === this.pageSize;
        this.loading = false;
        this.loaded = true;
      },
      (reason: unknown) => {
        if (mine !== this.#request) return;
        this.images = [];
        this.failed = true;
        this.loading = false;
        this.loaded = true;
        showError(reason);
      },
    );
  }

  /** The first page again with the same query (after an import), keeping the selection. */
  reload(): Promise<void> {
    return this.load(this.#query, { keepSelection: true });
  }

  /** Appends the next page, unless one is loading or the last one was not full. */
  loadMore(): Promise<void> {
    if (this.loading || !this.more) return Promise.resolve();
    const mine = ++this.#request;
    this.loading = true;
    return listImages({ ...this.#query, limit: this.pageSize, offset: this.images.length }).then(
      (rows) => {
        if (mine !== this.#request) return;
        // Pictures imported since the last page shift the offsets: skip repeats.
        const known = new Set(this.images.map((image) => image.id));
        this.images = [...this.images, ...rows.filter((row) => !known.has(row.id))];
        this.more = rows.length === this.pageSize;
        this.loading = false;
      },
      (reason: unknown) => {
        if (mine !== this.#request) return;
        this.loading = false;
        showError(reason);
      },
    );
  }

  /** A click on cell `index`: select it alone, toggle it (`toggle`), or a range (`range`). */
  click(index: number, modifiers: { toggle?: boolean; range?: boolean } = {}): void {
    const image = this.images[index];
    if (!image) return;
    this.cursor = index;
    if (!this.multiple) return this.#select([image], index);
    if (modifiers.range) {
      const anchor = this.#anchor >= 0 && this.#anchor < this.images.length ? this.#anchor : index;
      const range = this.#range(anchor, index);
      const base = modifiers.toggle ? [...this.selection.values()] : [];
      this.#select([...base, ...range], anchor);
    } else if (modifiers.toggle) {
      const next = new Map(this.selection);
      if (next.has(image.id)) next.delete(image.id);
      else next.set(image.id, image);
      this.selection = next;
      this.#anchor = index;
    } else {
      this.#select([image], index);
    }
  }

  /** The keyboard moved to `index`; with `extend` the selection grows from the anchor. */
  moveTo(index: number, extend = false): void {
    const image = this.images[index];
    if (!image) return;
    this.cursor = index;
    if (extend && this.multiple) {
      const anchor = this.#anchor >= 0 ? this.#anchor : index;
      this.#select(this.#range(anchor, index), anchor);
    } else {
      this.#select([image], index);
    }
  }

  /** Space: adds or removes the cell under the cursor. */
  toggleCursor(): void {
    if (this.cursor >= 0) this.click(this.cursor, { toggle: true });
  }

  /** Ctrl+A: every loaded picture. */
  selectAll(): void {
    if (this.multiple) this.#select(this.images, this.cursor >= 0 ? this.cursor : 0);
  }

  clear(): void {
    this.#select([], -1);
  }

  /** Selects `images` (they need not be loaded: duplicates, an import). */
  selectImages(images: readonly Image[]): void {
    const first = images[0];
    const index = first ? this.images.findIndex((image) => image.id === first.id) : -1;
    this.#select(this.multiple ? images : images.slice(0, 1), index);
    this.cursor = index;
  }

  /** Takes pictures as the core returned them after a change, in the list and the selection. */
  replace(updated: readonly Image[]): void {
    if (updated.length === 0) return;
    const byId = new Map(updated.map((image) => [image.id, image]));
    this.images = this.images.map((image) => byId.get(image.id) ?? image);
    this.selection = new Map([...this.selection].map(([id, image]) => [id, byId.get(id) ?? image]));
    this.version += 1;
  }

  /** Forgets everything (a test, a new library). */
  reset(): void {
    this.#request += 1;
    this.images = [];
    this.more = false;
    this.loading = false;
    this.loaded = false;
    this.failed = false;
    this.cursor = -1;
    this.#query = {};
    this.#select([], -1);
  }

  /** The list query the loaded pictures were asked for. */
  get query(): ImageQuery {
    return this.#query;
  }

  #range(from: number, to: number): Image[] {
    const [low, high] = from <= to ? [from, to] : [to, from];
    return this.images.slice(low, high + 1);
  }

  #select(images: readonly Image[], anchor: number): void {
    this.selection = new Map(images.map((image) => [image.id, image]));
    this.#anchor = anchor;
  }
}
