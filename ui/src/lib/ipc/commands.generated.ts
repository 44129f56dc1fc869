// GENERATED — do not edit. Made from the #[tauri::command] functions in
// src-tauri/src/commands/ by src-tauri/codegen/typescript.rs (run by build.rs).
// Regenerate: UPDATE_BINDINGS=1 cargo test --workspace --features newsdesk-app/custom-protocol --test ipc generated
import type { Channel } from '@tauri-apps/api/core';
import type {
  About,
  Article,
  ArticleContent,
  ArticleFilter,
  ArticleStats,
  ArticleSummary,
  Backup,
  BackupRound,
  ConflictChoice,
  CreditFields,
  CreditPreview,
  DuplicateGroup,
  Embargo,
  ExportProgress,
  ExportReport,
  ExportTarget,
  ExportedFile,
  Image,
  ImageFilter,
  ImageImportProgress,
  ImageImportReport,
  ImageMetadata,
  ImagePatch,
  ImageUse,
  ImportReport,
  ImportedArticle,
  LibraryInfo,
  LibraryProblem,
  LogTail,
  NewPortal,
  OpenedArticle,
  OutboxJob,
  OutboxSummary,
  Overview,
  Portal,
  PortalCheck,
  Preparation,
  Publication,
  PublishConflict,
  PullReport,
  ReadinessProblem,
  RelatedArticle,
  RevisionDiff,
  RevisionSummary,
  SearchHit,
  Setting,
  Status,
  SuggestionVerdict,
  TagSuggestion,
  TemplatesInfo,
} from './bindings';
import { call, channel } from './call';

/** Every command: what the UI passes (camelCase, as Tauri takes it) and what it answers. */
export type Commands = {
  about: { args: Record<string, never>; answer: About };
  list_articles: { args: { filter: ArticleFilter }; answer: ArticleSummary[] };
  get_article: { args: { id: number }; answer: Article };
  open_article: { args: { id: number }; answer: OpenedArticle };
  create_article: { args: { content: ArticleContent }; answer: Article };
  save_article: { args: { id: number; content: ArticleContent; expectedRevision: number | null }; answer: Article };
  duplicate_article: { args: { id: number }; answer: Article };
  set_status: { args: { id: number; status: Status }; answer: Article };
  trash_article: { args: { id: number }; answer: Article };
  untrash_article: { args: { id: number }; answer: Article };
  empty_trash: { args: Record<string, never>; answer: number };
  related_articles: { args: { id: number; k: number }; answer: RelatedArticle[] };
  set_related: { args: { id: number; related: number[] }; answer: Article };
  tag_names: { args: Record<string, never>; answer: string[] };
  check_content: { args: { content: ArticleContent }; answer: ReadinessProblem[] };
  correct_article: { args: { id: number; note: string }; answer: Article };
  embargo_of: { args: { id: number }; answer: Embargo | null };
  recent_log: { args: { lines: number }; answer: LogTail };
  log_window_error: { args: { message: string }; answer: void };
  test_fault: { args: Record<string, never>; answer: void };
  export_target: { args: { id: number; format: string }; answer: ExportTarget };
  export_article: { args: { id: number; format: string; path: string; replace: boolean }; answer: ExportedFile };
  cancel_export: { args: Record<string, never>; answer: void };
  export_selection: { args: { filter: ArticleFilter; format: string; folder: string; progress: Channel<ExportProgress> }; answer: ExportReport };
  templates_info: { args: Record<string, never>; answer: TemplatesInfo };
  copy_templates_out: { args: Record<string, never>; answer: string[] };
  import_images: { args: { paths: string[]; progress: Channel<ImageImportProgress> }; answer: ImageImportReport };
  cancel_image_import: { args: Record<string, never>; answer: void };
  list_images: { args: { filter: ImageFilter }; answer: Image[] };
  image_file_metadata: { args: { id: number }; answer: ImageMetadata };
  patch_images: { args: { ids: number[]; patch: ImagePatch }; answer: Image[] };
  tag_images: { args: { ids: number[]; add: string[]; remove: string[] }; answer: Image[] };
  image_duplicates: { args: Record<string, never>; answer: DuplicateGroup[] };
  credit_values: { args: Record<string, never>; answer: string[] };
  credit_lines: { args: { fields: CreditFields[] }; answer: string[] };
  credit_report: { args: { from: string; to: string }; answer: ImageUse[] };
  save_credit_report: { args: { from: string; to: string; path: string }; answer: number };
  credit_format_preview: { args: { format: string }; answer: CreditPreview[] };
  export_image: { args: { id: number; path: string }; answer: void };
  set_image_embargo: { args: { id: number; until: string | null }; answer: Image };
  preparation: { args: Record<string, never>; answer: Preparation };
  library_info: { args: Record<string, never>; answer: LibraryInfo };
  overview: { args: Record<string, never>; answer: Overview };
  load_demo_articles: { args: Record<string, never>; answer: ImportReport };
  import_articles: { args: { paths: string[]; progress: Channel<ImportedArticle> }; answer: ImportReport };
  cancel_import: { args: Record<string, never>; answer: void };
  check_library: { args: Record<string, never>; answer: string[] };
  backups: { args: Record<string, never>; answer: Backup[] };
  backup_now: { args: Record<string, never>; answer: BackupRound };
  restore_backup: { args: { path: string }; answer: string };
  library_problem: { args: Record<string, never>; answer: LibraryProblem | null };
  restore_unopened: { args: { path: string }; answer: string };
  list_portals: { args: Record<string, never>; answer: Portal[] };
  add_portal: { args: { portal: NewPortal; secret: string }; answer: Portal };
  remove_portal: { args: { name: string }; answer: void };
  test_portal: { args: { name: string }; answer: PortalCheck };
  pull_portal: { args: { name: string }; answer: PullReport };
  publish_article: { args: { id: number; portal: string; schedule: string | null }; answer: OutboxJob };
  withdraw_article: { args: { id: number; portal: string }; answer: OutboxJob };
  outbox_jobs: { args: { pendingOnly: boolean }; answer: OutboxJob[] };
  outbox_summary: { args: Record<string, never>; answer: OutboxSummary };
  publish_conflict: { args: { job: number }; answer: PublishConflict };
  resolve_conflict: { args: { job: number; choice: ConflictChoice }; answer: OutboxJob };
  retry_job: { args: { job: number }; answer: OutboxJob };
  cancel_job: { args: { job: number }; answer: OutboxJob };
  publications: { args: { id: number }; answer: Publication[] };
  render_markdown: { args: { markdown: string }; answer: string };
  content_stats: { args: { content: ArticleContent }; answer: ArticleStats };
  paste_html: { args: { html: string }; answer: string };
  article_history: { args: { id: number }; answer: RevisionSummary[] };
  diff_revisions: { args: { id: number; from: number; to: number }; answer: RevisionDiff };
  restore_revision: { args: { id: number; revision: number }; answer: Article };
  search_articles: { args: { query: string; limit: number }; answer: SearchHit[] };
  settings: { args: Record<string, never>; answer: Setting[] };
  set_setting: { args: { key: string; value: string }; answer: Setting };
  suggest_tags: { args: { content: ArticleContent; id: number | null; k: number }; answer: TagSuggestion[] };
  suggest_image_tags: { args: { id: number; k: number }; answer: TagSuggestion[] };
  decide_tags: { args: { articleId: number | null; imageId: number | null; tags: string[]; verdict: SuggestionVerdict }; answer: void };
};

export type CommandName = keyof Commands;
export type CommandArgs<C extends CommandName> = Commands[C]['args'];
export type CommandAnswer<C extends CommandName> = Commands[C]['answer'];

// about (src-tauri/src/commands/about.rs)

/** The version, Newsdesk's license and the notices of everything it is built with. */
export function about(): Promise<About> {
  return call('about', {});
}

// articles (src-tauri/src/commands/articles.rs)

/** The article list, filtered by status, section, type, tag, date, or the trash. */
export function listArticles(filter: ArticleFilter): Promise<ArticleSummary[]> {
  return call('list_articles', { filter });
}

/** One whole article. */
export function getArticle(id: number): Promise<Article> {
  return call('get_article', { id });
}

/** The article with its preview, as the editor opens it (one round trip). */
export function openArticle(id: number): Promise<OpenedArticle> {
  return call('open_article', { id });
}

/** A new draft. */
export function createArticle(content: ArticleContent): Promise<Article> {
  return call('create_article', { content });
}

/**
 * Saves the editor's content as the next revision; refused with code `conflict` when the
 * article is no longer at `expected_revision`.
 */
export function saveArticle(id: number, content: ArticleContent, expectedRevision: number | null): Promise<Article> {
  return call('save_article', { id, content, expectedRevision });
}

/** A new draft with the content of article `id`. */
export function duplicateArticle(id: number): Promise<Article> {
  return call('duplicate_article', { id });
}

/** Draft or ready; "ready" is refused while something blocking is missing. */
export function setStatus(id: number, status: Status): Promise<Article> {
  return call('set_status', { id, status });
}

/** Moves article `id` to the trash. */
export function trashArticle(id: number): Promise<Article> {
  return call('trash_article', { id });
}

/** Brings article `id` back from the trash. */
export function untrashArticle(id: number): Promise<Article> {
  return call('untrash_article', { id });
}

/** Deletes the trash for good; returns how many articles went. */
export function emptyTrash(): Promise<number> {
  return call('empty_trash', {});
}

/** Articles for "Weitere Meldungen", most related first. */
export function relatedArticles(id: number, k: number): Promise<RelatedArticle[]> {
  return call('related_articles', { id, k });
}

/** Sets the articles shown under "Weitere Meldungen", in order. */
export function setRelated(id: number, related: number[]): Promise<Article> {
  return call('set_related', { id, related });
}

/** The tag vocabulary, most used first. */
export function tagNames(): Promise<string[]> {
  return call('tag_names', {});
}

/**
 * What the content in the editor still needs before it is ready (live, unsaved), including
 * what the image library knows about its pictures (a license that ended).
 */
export function checkContent(content: ArticleContent): Promise<ReadinessProblem[]> {
  return call('check_content', { content });
}

/** Adds a correction notice to article `id` (newest first); it goes out with the next publish. */
export function correctArticle(id: number, note: string): Promise<Article> {
  return call('correct_article', { id, note });
}

/** The embargo that holds article `id` now (its own or a picture's, the later), if one does. */
export function embargoOf(id: number): Promise<Embargo | null> {
  return call('embargo_of', { id });
}

// diagnostics (src-tauri/src/commands/diagnostics.rs)

/** The last `lines` lines of the log (at most 2000). */
export function recentLog(lines: number): Promise<LogTail> {
  return call('recent_log', { lines });
}

/** An error the window met (a failed script, an unanswered promise), into the log. */
export function logWindowError(message: string): Promise<void> {
  return call('log_window_error', { message });
}

/**
 * Panics on a thread of its own, as a bug would: the log gets the backtrace and the window
 * hears of it (the Diagnose view's "test the error report"). Nothing is written to the
 * library.
 */
export function testFault(): Promise<void> {
  return call('test_fault', {});
}

// export (src-tauri/src/commands/export.rs)

/** The file name to offer for article `id` in `format`, and the desk's export folder if any. */
export function exportTarget(id: number, format: string): Promise<ExportTarget> {
  return call('export_target', { id, format });
}

/** Writes article `id` in `format` to `path` (the native save dialog asked about replacing). */
export function exportArticle(id: number, format: string, path: string, replace: boolean): Promise<ExportedFile> {
  return call('export_article', { id, format, path, replace });
}

/** Stops the running batch export before its next article (every file written is whole). */
export function cancelExport(): Promise<void> {
  return call('cancel_export', {});
}

/** Writes every article `filter` selects (the list as the editor filtered it) into `folder`. */
export function exportSelection(filter: ArticleFilter, format: string, folder: string, onProgress: (message: ExportProgress) => void): Promise<ExportReport> {
  return call('export_selection', { filter, format, folder, progress: channel(onProgress) });
}

/** The templates folder and which templates in it are the newsroom's own. */
export function templatesInfo(): Promise<TemplatesInfo> {
  return call('templates_info', {});
}

/**
 * Copies the built-in templates into the templates folder for editing (files already there
 * are kept); answers the files written.
 */
export function copyTemplatesOut(): Promise<string[]> {
  return call('copy_templates_out', {});
}

// images (src-tauri/src/commands/images.rs)

/**
 * Imports picture files and folders (paths from the file dialog or a drop), telling
 * `progress` after each file.
 */
export function importImages(paths: string[], onProgress: (message: ImageImportProgress) => void): Promise<ImageImportReport> {
  return call('import_images', { paths, progress: channel(onProgress) });
}

/** Stops the running picture import: the files being read are stored whole, no other begins. */
export function cancelImageImport(): Promise<void> {
  return call('cancel_image_import', {});
}

/** The pictures `filter` selects, newest import first. */
export function listImages(filter: ImageFilter): Promise<Image[]> {
  return call('list_images', { filter });
}

/** What the picture's file said at import, beside what the library says now. */
export function imageFileMetadata(id: number): Promise<ImageMetadata> {
  return call('image_file_metadata', { id });
}

/** Sets credits, license and expiry on one picture or a selection (all or none). */
export function patchImages(ids: number[], patch: ImagePatch): Promise<Image[]> {
  return call('patch_images', { ids, patch });
}

/** Adds and removes keywords on a selection. */
export function tagImages(ids: number[], add: string[], remove: string[]): Promise<Image[]> {
  return call('tag_images', { ids, add, remove });
}

/** Pictures that show the same photo. */
export function imageDuplicates(): Promise<DuplicateGroup[]> {
  return call('image_duplicates', {});
}

/** Credits used before, most used first: presets and completion. */
export function creditValues(): Promise<string[]> {
  return call('credit_values', {});
}

/**
 * The credit line each of `fields` gives under the library's format, in order: the
 * preview while credits are being edited.
 */
export function creditLines(fields: CreditFields[]): Promise<string[]> {
  return call('credit_lines', { fields });
}

/** Every use of a library picture in an article dated `from`..=`to` (YYYY-MM-DD). */
export function creditReport(from: string, to: string): Promise<ImageUse[]> {
  return call('credit_report', { from, to });
}

/** The credit report for `from`..=`to` as CSV, written where the editor chose (save dialog). */
export function saveCreditReport(from: string, to: string, path: string): Promise<number> {
  return call('save_credit_report', { from, to, path });
}

/** The lines a credit format would give the library's first pictures, before it is saved. */
export function creditFormatPreview(format: string): Promise<CreditPreview[]> {
  return call('credit_format_preview', { format });
}

/** The picture with its credits embedded, written where the editor chose (save dialog). */
export function exportImage(id: number, path: string): Promise<void> {
  return call('export_image', { id, path });
}

/**
 * Sets (an RFC 3339 time) or clears (`null`) the embargo of picture `id`: every article
 * showing it is held until then.
 */
export function setImageEmbargo(id: number, until: string | null): Promise<Image> {
  return call('set_image_embargo', { id, until });
}

// maintenance (src-tauri/src/commands/maintenance.rs)

/**
 * Path, schema version, article counts by status and the sections in use.
 * How far the background work after opening the library has come (the search index
 * rebuilt, the tag model learned); the event `preparation` tells each step after.
 */
export function preparation(): Promise<Preparation> {
  return call('preparation', {});
}

export function libraryInfo(): Promise<LibraryInfo> {
  return call('library_info', {});
}

/** The newsroom overview: articles per week, tags, picture sources, licenses ending, outbox. */
export function overview(): Promise<Overview> {
  return call('overview', {});
}

/** Imports the demo articles shipped in `assets/demo-articles`. */
export function loadDemoArticles(): Promise<ImportReport> {
  return call('load_demo_articles', {});
}

/**
 * Imports Markdown files and folders (chosen in the dialog or dropped on the window);
 * `progress` hears of each article as its batch is committed.
 */
export function importArticles(paths: string[], onProgress: (message: ImportedArticle) => void): Promise<ImportReport> {
  return call('import_articles', { paths, progress: channel(onProgress) });
}

/** Stops the running article import after the batch it is storing (nothing half-written). */
export function cancelImport(): Promise<void> {
  return call('cancel_import', {});
}

/**
 * What SQLite's integrity check, the search index check and reading every article back
 * found; empty when the library is sound.
 */
export function checkLibrary(): Promise<string[]> {
  return call('check_library', {});
}

/** The backups in the backup folder, newest first. */
export function backups(): Promise<Backup[]> {
  return call('backups', {});
}

/** Backs the library and its pictures up now, keeping as many as the settings say. */
export function backupNow(): Promise<BackupRound> {
  return call('backup_now', {});
}

/**
 * Replaces the library with a backup, checked first; answers where the safety copy of the
 * replaced library is.
 */
export function restoreBackup(path: string): Promise<string> {
  return call('restore_backup', { path });
}

/**
 * Why the library did not open at start, with the backups beside it to restore from; `None`
 * when it is open (the window then shows the library, not the recovery page).
 */
export function libraryProblem(): Promise<LibraryProblem | null> {
  return call('library_problem', {});
}

/**
 * Restores the backup at `path` as the library that did not open, then opens it: the window
 * goes on with the restored library (the outbox and the automatic backups start). Answers
 * where the file that did not open was kept.
 */
export function restoreUnopened(path: string): Promise<string> {
  return call('restore_unopened', { path });
}

// portals (src-tauri/src/commands/portals.rs)

/** The portals set up for publishing. */
export function listPortals(): Promise<Portal[]> {
  return call('list_portals', {});
}

/** Adds a portal; `secret` goes to the system's keyring, never the library. */
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
 * Queues article `id` for `portal` (now, or at `schedule`, RFC 3339 with offset); the outbox
 * sends it. Refused with code `invalid_input`, saying what is missing, while the article is
 * not ready.
 */
export function publishArticle(id: number, portal: string, schedule: string | null): Promise<OutboxJob> {
  return call('publish_article', { id, portal, schedule });
}

/** Queues taking article `id` off `portal` (it stays there, unpublished). */
export function withdrawArticle(id: number, portal: string): Promise<OutboxJob> {
  return call('withdraw_article', { id, portal });
}

/** The outbox's jobs, newest first; with `pending_only` only those still to be sent. */
export function outboxJobs(pendingOnly: boolean): Promise<OutboxJob[]> {
  return call('outbox_jobs', { pendingOnly });
}

/** How many jobs wait, wait for the network, failed or are in conflict. */
export function outboxSummary(): Promise<OutboxSummary> {
  return call('outbox_summary', {});
}

/** The three versions of every field that differs, for a job in conflict. */
export function publishConflict(job: number): Promise<PublishConflict> {
  return call('publish_conflict', { job });
}

/** Settles a conflict: keep mine (send again), take theirs, or discard the job. */
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

/** Where article `id` is published. */
export function publications(id: number): Promise<Publication[]> {
  return call('publications', { id });
}

// preview (src-tauri/src/commands/preview.rs)

/** Sanitised HTML for a Markdown body: the one value the UI may put into `{@html}`. */
export function renderMarkdown(markdown: string): Promise<string> {
  return call('render_markdown', { markdown });
}

/**
 * Words, characters, reading time, long sentences and readability of the editor's content,
 * with the library's teaser length.
 */
export function contentStats(content: ArticleContent): Promise<ArticleStats> {
  return call('content_stats', { content });
}

/** Clean Markdown for HTML pasted from Word or a web page. */
export function pasteHtml(html: string): Promise<string> {
  return call('paste_html', { html });
}

// revisions (src-tauri/src/commands/revisions.rs)

/** The revisions of one article, newest first. */
export function articleHistory(id: number): Promise<RevisionSummary[]> {
  return call('article_history', { id });
}

/** What changed from revision `from` to `to`, word by word. */
export function diffRevisions(id: number, from: number, to: number): Promise<RevisionDiff> {
  return call('diff_revisions', { id, from, to });
}

/** Makes an old revision current again, as a new revision. */
export function restoreRevision(id: number, revision: number): Promise<Article> {
  return call('restore_revision', { id, revision });
}

// search (src-tauri/src/commands/search.rs)

/** The best `limit` matches for `query`, best first, each with a snippet. */
export function searchArticles(query: string, limit: number): Promise<SearchHit[]> {
  return call('search_articles', { query, limit });
}

// settings (src-tauri/src/commands/settings.rs)

/** Every setting with the value in force and its default. */
export function settings(): Promise<Setting[]> {
  return call('settings', {});
}

/** Changes one setting; a value the setting does not take is refused in words. */
export function setSetting(key: string, value: string): Promise<Setting> {
  return call('set_setting', { key, value });
}

// tags (src-tauri/src/commands/tags.rs)

/**
 * Suggestions for the editor's draft as it is now (saved or not), best first; `id` names
 * the article so that tags rejected for it stay hidden.
 */
export function suggestTags(content: ArticleContent, id: number | null, k: number): Promise<TagSuggestion[]> {
  return call('suggest_tags', { content, id, k });
}

/** Keyword suggestions for library picture `id`. */
export function suggestImageTags(id: number, k: number): Promise<TagSuggestion[]> {
  return call('suggest_image_tags', { id, k });
}

/**
 * Remembers the editor's verdict on suggested tags for an article (the draft itself takes
 * an accepted tag) or accepts/rejects keywords for a picture (accepted ones are added).
 */
export function decideTags(articleId: number | null, imageId: number | null, tags: string[], verdict: SuggestionVerdict): Promise<void> {
  return call('decide_tags', { articleId, imageId, tags, verdict });
}
