// generated — do not edit. Source: crates/model (Rust), by ts-rs.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p newsdesk-model bindings

export type Status = "draft" | "ready" | "scheduled" | "published" | "updated" | "withdrawn";

export type ImageRef = { file: string, caption: string, credit: string, alt: string, };

export type Link = { title: string, url: string, 
/**
 * Free text; the samples use `document`. Empty means a plain web link.
 */
kind: string, };

export type ArticleContent = { 
/**
 * Dachzeile: a place or topic above the title ("Thüringen").
 */
kicker: string, title: string, 
/**
 * Meldung, Bericht, Interview, …
 */
type: string, 
/**
 * Bereich: "Politik".
 */
section: string, date: string | null, 
/**
 * Author initials ("ba").
 */
author: string, teaser: string, 
/**
 * Stichwörter, in the order the editor gave them.
 */
tags: Array<string>, images: Array<ImageRef>, links: Array<Link>, 
/**
 * Markdown.
 */
body: string, 
/**
 * Front-matter keys Newsdesk does not know, kept so that a round trip loses nothing.
 */
extra: Record<string, unknown>, };

export type Article = { id: number, status: Status, 
/**
 * Ids of related articles ("Weitere Meldungen"), in order.
 */
related: Array<number>, 
/**
 * Number of the revision that holds the current state (1 for a new article).
 */
revision: number, created_at: string, updated_at: string, 
/**
 * Dachzeile: a place or topic above the title ("Thüringen").
 */
kicker: string, title: string, 
/**
 * Meldung, Bericht, Interview, …
 */
type: string, 
/**
 * Bereich: "Politik".
 */
section: string, date: string | null, 
/**
 * Author initials ("ba").
 */
author: string, teaser: string, 
/**
 * Stichwörter, in the order the editor gave them.
 */
tags: Array<string>, images: Array<ImageRef>, links: Array<Link>, 
/**
 * Markdown.
 */
body: string, 
/**
 * Front-matter keys Newsdesk does not know, kept so that a round trip loses nothing.
 */
extra: Record<string, unknown>, };

export type ArticleSummary = { id: number, kicker: string, title: string, type: string, section: string, date: string | null, author: string, teaser: string, tags: Array<string>, status: Status, created_at: string, updated_at: string, };

export type ArticleFilter = { status: Status | null, section: string | null, 
/**
 * Matches a tag case-insensitively.
 */
tag: string | null, 
/**
 * First publication date to include.
 */
since: string | null, 
/**
 * Last publication date to include.
 */
until: string | null, 
/**
 * At most this many rows (newest first); all when absent.
 */
limit?: number, 
/**
 * Rows to skip, for paging.
 */
offset?: number, };

export type SearchHit = { id: number, kicker: string, title: string, status: Status, date: string | null, 
/**
 * A short excerpt around the match; the match itself is wrapped in `[` … `]`.
 */
snippet: string, 
/**
 * Higher is better.
 */
score: number, };

export type RevisionSummary = { article_id: number, revision: number, saved_at: string, status: Status, title: string, 
/**
 * Words in the body at that revision.
 */
words: number, 
/**
 * Why this revision exists: "import", "save", "restore of 3", …
 */
note: string, };

export type Revision = { content: ArticleContent, article_id: number, revision: number, saved_at: string, status: Status, title: string, 
/**
 * Words in the body at that revision.
 */
words: number, 
/**
 * Why this revision exists: "import", "save", "restore of 3", …
 */
note: string, };

export type ImportedArticle = { id: number, file: string, title: string, };

export type ImportFailure = { file: string, 
/**
 * 1-based line in the file, where the problem has one.
 */
line: number | null, message: string, };

export type ImportSkipped = { file: string, reason: string, };

export type ImportReport = { imported: Array<ImportedArticle>, failed: Array<ImportFailure>, skipped: Array<ImportSkipped>, };

export type StatusCount = { status: Status, count: number, };

export type LibraryInfo = { path: string, schema_version: number, articles: number, by_status: Array<StatusCount>, sections: Array<string>, };

export type ErrorCode = "not_found" | "invalid_input" | "conflict" | "newer_library" | "storage" | "internal";

export type UserError = { code: ErrorCode, message: string, };
