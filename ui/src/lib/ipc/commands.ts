// The only module that talks to the Rust shell. Every command is typed with the generated
// bindings, and every rejection reaches the caller as a `UserError` ({ code, message }).
import { Channel, convertFileSrc, invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type {
  Article,
  ArticleContent,
  ArticleFilter,
  ArticleStats,
  ArticleSummary,
  ConflictChoice,
  DuplicateGroup,
  Image,
  ImageFilter,
  ImageImportProgress,
  ImageImportReport,
  ExportProgress,
  ExportReport,
  ExportTarget,
  ExportedFile,
  ImageMetadata,
  ImagePatch,
  ImportReport,
  LibraryInfo,
  NewPortal,
  OutboxJob,
  OutboxSummary,
  Portal,
  PortalCheck,
  Publication,
  PublishConflict,
  PullReport,
  ReadinessProblem,
  RelatedArticle,
  Revision,
  RevisionDiff,
  RevisionSummary,
  SearchHit,
  Status,
  SuggestionVerdict,
  TagSuggestion,
  UserError,
} from './bindings';
import { t } from '../i18n/i18n.svelte';
import { toUserError } from './errors';

export { isUserError, toUserError } from './errors';

/** True inside the Tauri window (or under mockIPC); false in a plain browser tab. */
function inShell(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  if (!inShell()) throw { code: 'internal', message: t('error.noShell') } satisfies UserError;
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toUserError(reason);
  }
}

export const noFilter: ArticleFilter = {
  status: null,
  section: null,
  tag: null,
  since: null,
  until: null,
};

export function libraryInfo(): Promise<LibraryInfo> {
  return call('library_info');
}

export function listArticles(filter: Partial<ArticleFilter> = {}): Promise<ArticleSummary[]> {
  return call('list_articles', { filter: { ...noFilter, ...filter } });
}

export function getArticle(id: number): Promise<Article> {
  return call('get_article', { id });
}

/** Sanitised HTML from the Rust core: the one value the UI may put into `{@html}`. */
export function renderMarkdown(markdown: string): Promise<string> {
  return call('render_markdown', { markdown });
}

export function searchArticles(query: string, limit = 50): Promise<SearchHit[]> {
  return call('search_articles', { query, limit });
}

export function articleHistory(id: number): Promise<RevisionSummary[]> {
  return call('article_history', { id });
}

export function loadDemoArticles(): Promise<ImportReport> {
  return call('load_demo_articles');
}

export function createArticle(content: ArticleContent): Promise<Article> {
  return call('create_article', { content });
}

/** Saves as the next revision; rejects with code `conflict` when the article moved on. */
export function saveArticle(id: number, content: ArticleContent, expectedRevision: number | null): Promise<Article> {
  return call('save_article', { id, content, expectedRevision });
}

export function duplicateArticle(id: number): Promise<Article> {
  return call('duplicate_article', { id });
}

export function setStatus(id: number, status: Status): Promise<Article> {
  return call('set_status', { id, status });
}

export function trashArticle(id: number): Promise<Article> {
  return call('trash_article', { id });
}

export function untrashArticle(id: number): Promise<Article> {
  return call('untrash_article', { id });
}

export function emptyTrash(): Promise<number> {
  return call('empty_trash');
}

export function relatedArticles(id: number, k = 5): Promise<RelatedArticle[]> {
  return call('related_articles', { id, k });
}

/** Sets the articles shown under "Weitere Meldungen", in order. */
export function setRelated(id: number, related: number[]): Promise<Article> {
  return call('set_related', { id, related });
}

export function tagNames(): Promise<string[]> {
  return call('tag_names');
}

/** What the unsaved content still needs before it is ready. */
export function checkContent(content: ArticleContent): Promise<ReadinessProblem[]> {
  return call('check_content', { content });
}

export function contentStats(content: ArticleContent): Promise<ArticleStats> {
  return call('content_stats', { content });
}

/** Clean Markdown for HTML pasted from Word or a web page (converted by the Rust core). */
export function pasteHtml(html: string): Promise<string> {
  return call('paste_html', { html });
}

export function articleRevision(id: number, revision: number): Promise<Revision> {
  return call('article_revision', { id, revision });
}

export function diffRevisions(id: number, from: number, to: number): Promise<RevisionDiff> {
  return call('diff_revisions', { id, from, to });
}

export function restoreRevision(id: number, revision: number): Promise<Article> {
  return call('restore_revision', { id, revision });
}

// The image library.

/** Imports picture files and folders; `onProgress` hears after each file. */
export function importImages(
  paths: string[],
  onProgress: (progress: ImageImportProgress) => void = () => {},
): Promise<ImageImportReport> {
  const progress = new Channel<ImageImportProgress>();
  progress.onmessage = onProgress;
  return call('import_images', { paths, progress });
}

export function listImages(filter: ImageFilter = {}): Promise<Image[]> {
  return call('list_images', { filter });
}

export function getImage(id: number): Promise<Image> {
  return call('get_image', { id });
}

/** What the picture's file said when it was imported. */
export function imageFileMetadata(id: number): Promise<ImageMetadata> {
  return call('image_file_metadata', { id });
}

/** Sets credits, license and expiry on one picture or a selection (all or none). */
export function patchImages(ids: number[], patch: ImagePatch): Promise<Image[]> {
  return call('patch_images', { ids, patch });
}

export function tagImages(ids: number[], add: string[], remove: string[]): Promise<Image[]> {
  return call('tag_images', { ids, add, remove });
}

/** Tag suggestions for the editor's draft (saved or not); `id` hides what was rejected for it. */
export function suggestTags(content: ArticleContent, id: number | null, k = 8): Promise<TagSuggestion[]> {
  return call('suggest_tags', { content, id, k });
}

/** Keyword suggestions for a library picture. */
export function suggestImageTags(id: number, k = 8): Promise<TagSuggestion[]> {
  return call('suggest_image_tags', { id, k });
}

/** Remembers accepted/rejected suggestions (a picture's accepted keywords are added). */
export function decideTags(
  owner: { articleId?: number; imageId?: number },
  tags: string[],
  verdict: SuggestionVerdict,
): Promise<void> {
  return call('decide_tags', {
    articleId: owner.articleId ?? null,
    imageId: owner.imageId ?? null,
    tags,
    verdict,
  });
}

export function imageDuplicates(): Promise<DuplicateGroup[]> {
  return call('image_duplicates');
}

/** Credits used before, most used first (presets, completion). */
export function creditValues(): Promise<string[]> {
  return call('credit_values');
}

/** Writes the picture with its credits embedded to `path` (from the save dialog). */
export function exportImage(id: number, path: string): Promise<void> {
  return call('export_image', { id, path });
}

/**
 * The address of a library picture for `<img src>`, served by the Rust core: `picture` is
 * its id or an article's `sha256:…` name. (`ndimage://localhost/…` on Linux and macOS,
 * `http://ndimage.localhost/…` on Windows: Tauri's `convertFileSrc` knows which.)
 */
export function imageUrl(picture: number | string, size: 'thumb' | 'preview' | 'original' = 'thumb'): string {
  return `${convertFileSrc('', 'ndimage')}${String(picture)}/${size}`;
}

/**
 * True when an article's picture is one of the library's (`sha256:…`). The core leaves an
 * empty `file` out of the JSON, so it may be missing here although the type says string.
 */
export function isLibraryPicture(file: string | null | undefined): file is string {
  return typeof file === 'string' && file.startsWith('sha256:');
}

/** An export format's name: what `newsdesk export --format` takes. */
export type ExportFormatName = 'html' | 'pdf' | 'md' | 'ninjs' | 'bundle';

/** The file name to offer for an article's export, and the desk's export folder if set. */
export function exportTarget(id: number, format: ExportFormatName): Promise<ExportTarget> {
  return call('export_target', { id, format });
}

/** Writes one article to `path` (the save dialog asked about replacing it). */
export function exportArticle(id: number, format: ExportFormatName, path: string, replace: boolean): Promise<ExportedFile> {
  return call('export_article', { id, format, path, replace });
}

/** Writes every article `filter` selects into `folder`, one file each. */
export function exportSelection(
  filter: ArticleFilter,
  format: ExportFormatName,
  folder: string,
  onProgress: (progress: ExportProgress) => void = () => {},
): Promise<ExportReport> {
  const progress = new Channel<ExportProgress>();
  progress.onmessage = onProgress;
  return call('export_selection', { filter, format, folder, progress });
}

// Publishing: portals, the outbox that sends (and retries while offline), conflicts.

export function listPortals(): Promise<Portal[]> {
  return call('list_portals');
}

/** Adds a portal; `secret` goes to the system's keyring, never into the library. */
export function addPortal(portal: NewPortal, secret: string): Promise<Portal> {
  return call('add_portal', { portal, secret });
}

/** Removes a portal (and its secret from the keyring when no other portal uses it). */
export function removePortal(name: string): Promise<void> {
  return call('remove_portal', { name });
}

/** Logs in to the portal and says which site and user answered. */
export function testPortal(name: string): Promise<PortalCheck> {
  return call('test_portal', { name });
}

/** Brings the portal's tags, sections and published articles into the library. */
export function pullPortal(name: string): Promise<PullReport> {
  return call('pull_portal', { name });
}

/**
 * Queues article `id` for `portal`: now, or at `schedule` (RFC 3339 with offset). Rejects with
 * `invalid_input` listing what is missing while the article is not ready.
 */
export function publishArticle(id: number, portal: string, schedule: string | null = null): Promise<OutboxJob> {
  return call('publish_article', { id, portal, schedule });
}

/** Queues taking article `id` off `portal` (it stays there, unpublished). */
export function withdrawArticle(id: number, portal: string): Promise<OutboxJob> {
  return call('withdraw_article', { id, portal });
}

/** The outbox's jobs, newest first; with `pendingOnly` only those still to be sent. */
export function outboxJobs(pendingOnly = false): Promise<OutboxJob[]> {
  return call('outbox_jobs', { pendingOnly });
}

export function outboxSummary(): Promise<OutboxSummary> {
  return call('outbox_summary');
}

/** The three versions of every field that differs, for a job in conflict. */
export function publishConflict(job: number): Promise<PublishConflict> {
  return call('publish_conflict', { job });
}

export function resolveConflict(job: number, choice: ConflictChoice): Promise<OutboxJob> {
  return call('resolve_conflict', { job, choice });
}

/** Sends a failed job again. */
export function retryJob(job: number): Promise<OutboxJob> {
  return call('retry_job', { job });
}

/** Drops a job that waits, failed or is in conflict (kept in the history as not sent). */
export function cancelJob(job: number): Promise<OutboxJob> {
  return call('cancel_job', { job });
}

/** Where article `id` is published, one entry per portal. */
export function publications(id: number): Promise<Publication[]> {
  return call('publications', { id });
}

/** Sections the portals offer and the library uses, for completion. */
export function sectionNames(): Promise<string[]> {
  return call('section_names');
}
