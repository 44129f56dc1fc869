// The article being written: its content as the editor has it, and saving it.
//
// - Autosave: every edit schedules a save AUTOSAVE_MS after the last keystroke; saves never
//   block typing and run one at a time (an edit during a save is saved right after it).
// - Every save names the revision it was made on; when the article was saved elsewhere
//   meanwhile (the CLI, a second window) the core refuses with `conflict` and the editor
//   chooses: reload theirs, or keep mine as a new revision (theirs stays in the history).
import type { Article, ArticleContent, UserError } from '../lib/ipc/bindings';
import { getArticle, openArticle, saveArticle, toUserError } from '../lib/ipc/commands';
import { refreshLibrary } from '../lib/library.svelte';
import { markOpenStep } from '../lib/openMarks';
import { takePrefetched } from '../lib/prefetch';

/** At most this long after the last keystroke the text is saved. */
export const AUTOSAVE_MS = 700;

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

type Draft = {
  id: number | null;
  /** The article as last loaded or saved. */
  article: Article | null;
  /** What the editor shows, possibly not yet saved. */
  content: ArticleContent | null;
  saveState: SaveState;
  error: UserError | null;
  /** Bumped when the content was replaced from outside the editor (load, reload, restore). */
  generation: number;
  /** The adopted article's body rendered by the core, when it came with it (an open). */
  preview: string | null;
};

const state = $state<Draft>({ id: null, article: null, content: null, saveState: 'saved', error: null, generation: 0, preview: null });
let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<void> | null = null;
let editsSinceSave = 0;

export function draft(): Readonly<Draft> {
  return state;
}

function contentOf(article: Article): ArticleContent {
  const { kicker, title, type, section, date, author, teaser, tags, images, links, body, slug, description, social_image, embargo, corrections, extra } = article;
  return $state.snapshot({ kicker, title, type, section, date, author, teaser, tags, images, links, body, slug, description, social_image, embargo, corrections, extra }) as ArticleContent;
}

function cancelTimer() {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

/** Takes `article` as the editor's content (after a load, a reload, a restore), with its
 * body's preview when the core rendered it along. */
export function adopt(article: Article, preview: string | null = null): void {
  cancelTimer();
  editsSinceSave = 0;
  Object.assign(state, {
    id: article.id,
    article,
    content: contentOf(article),
    saveState: 'saved',
    error: null,
    generation: state.generation + 1,
    preview,
  });
}

/** Loads article `id` into the editor; pending edits of the previous article are saved first.
 * Coming back to the article being edited keeps edits made while it loads. */
export async function openDraft(id: number): Promise<void> {
  if (state.id !== id) {
    await flush();
    cancelTimer();
    Object.assign(state, { id, article: null, content: null, saveState: 'saved', error: null });
  }
  const edits = editsSinceSave;
  markOpenStep(id, 'asked');
  const { article, preview } = await (takePrefetched(id) ?? openArticle(id));
  markOpenStep(id, 'answered');
  if (state.id !== id) return;
  if (state.content === null || (editsSinceSave === edits && state.saveState === 'saved')) adopt(article, preview);
}

/** Forgets the draft (a new window, a test). */
export function resetDraft(): void {
  cancelTimer();
  editsSinceSave = 0;
  Object.assign(state, { id: null, article: null, content: null, saveState: 'saved', error: null });
}

/** Applies an edit and schedules the autosave. */
export function edit(patch: Partial<ArticleContent>): void {
  if (!state.content) return;
  state.content = { ...state.content, ...patch };
  editsSinceSave += 1;
  if (state.saveState !== 'conflict') state.saveState = 'dirty';
  cancelTimer();
  if (state.saveState !== 'conflict') timer = setTimeout(() => void saveNow(), AUTOSAVE_MS);
}

async function save(force: boolean): Promise<void> {
  const { id, article, content } = state;
  if (id === null || !article || !content) return;
  const edits = editsSinceSave;
  state.saveState = 'saving';
  try {
    const saved = await saveArticle(id, $state.snapshot(content) as ArticleContent, force ? null : article.revision);
    if (state.id !== id) return;
    state.article = saved;
    state.error = null;
    if (editsSinceSave === edits) state.saveState = 'saved';
    else {
      state.saveState = 'dirty';
      timer = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    }
    void refreshLibrary(true);
  } catch (reason) {
    if (state.id !== id) return;
    const error = toUserError(reason);
    state.error = error;
    state.saveState = error.code === 'conflict' ? 'conflict' : 'error';
  }
}

/** Saves now (Ctrl+S, leaving the article): waits for a save in flight, then saves if needed. */
export async function saveNow(): Promise<void> {
  cancelTimer();
  while (inFlight) await inFlight;
  if (state.saveState !== 'dirty' && state.saveState !== 'error') return;
  inFlight = save(false).finally(() => {
    inFlight = null;
  });
  await inFlight;
}

/** Saves what is pending, if anything; for leaving the article or closing the window. */
export async function flush(): Promise<void> {
  if (state.saveState === 'dirty') await saveNow();
  else while (inFlight) await inFlight;
}

/** The article's related articles changed (they are not part of the content's revisions). */
export function takeRelated(article: Article): void {
  if (state.article && state.id === article.id) state.article = { ...state.article, related: article.related };
}

/** Conflict: drop my unsaved edits and take the version saved elsewhere. */
export async function reloadTheirs(): Promise<void> {
  if (state.id === null) return;
  adopt(await getArticle(state.id));
}

/** Conflict: save my version as a new revision on top of theirs (theirs stays in the history). */
export async function keepMine(): Promise<void> {
  cancelTimer();
  while (inFlight) await inFlight;
  inFlight = save(true).finally(() => {
    inFlight = null;
  });
  await inFlight;
}
