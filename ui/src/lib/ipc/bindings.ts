// generated — do not edit. Source: crates/model (Rust), by ts-rs.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p newsdesk-model bindings

export type Status = "draft" | "ready" | "scheduled" | "published" | "updated" | "withdrawn";

export type ImageRef = { file: string, caption: string, credit: string, alt: string, };

export type Link = { title: string, url: string, 
/**
 * Free text; the samples use `document`. Empty means a plain web link.
 */
kind: string, };

export type Correction = { 
/**
 * When the correction was written.
 */
at: string, 
/**
 * What was corrected, as readers read it.
 */
note: string, };

export type Embargo = { 
/**
 * Until when nothing of the article leaves the newsroom.
 */
until: string, 
/**
 * The picture whose embargo this is; `None`: the article's own.
 */
picture: EmbargoedPicture | null, };

export type EmbargoedPicture = { id: number, 
/**
 * The file name it was imported from.
 */
file: string, };

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
 * The last part of the post's public address ("landtag-beraet-haushalt"); empty: the
 * portal makes one from the title.
 */
slug: string, 
/**
 * The meta description search engines and link previews show.
 */
description: string, 
/**
 * The picture a shared link shows (the `file` of one of `images`); empty: the lead picture.
 */
social_image: string, 
/**
 * Sperrfrist: before this time nothing of the article leaves the newsroom (no publish, no
 * export meant for others).
 */
embargo: string | null, 
/**
 * The corrections of a published article, newest first.
 */
corrections: Array<Correction>, 
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
 * When the article was moved to the trash; `null` while it is not there.
 */
trashed_at: string | null, 
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
 * The last part of the post's public address ("landtag-beraet-haushalt"); empty: the
 * portal makes one from the title.
 */
slug: string, 
/**
 * The meta description search engines and link previews show.
 */
description: string, 
/**
 * The picture a shared link shows (the `file` of one of `images`); empty: the lead picture.
 */
social_image: string, 
/**
 * Sperrfrist: before this time nothing of the article leaves the newsroom (no publish, no
 * export meant for others).
 */
embargo: string | null, 
/**
 * The corrections of a published article, newest first.
 */
corrections: Array<Correction>, 
/**
 * Front-matter keys Newsdesk does not know, kept so that a round trip loses nothing.
 */
extra: Record<string, unknown>, };

export type OpenedArticle = { article: Article, preview: string, };

export type ArticleSummary = { id: number, kicker: string, title: string, type: string, section: string, date: string | null, author: string, teaser: string, tags: Array<string>, status: Status, created_at: string, updated_at: string, trashed_at: string | null, 
/**
 * The article's own embargo (Sperrfrist), also when it has passed.
 */
embargo: string | null, };

export type ArticleFilter = { status: Status | null, section: string | null, 
/**
 * Matches a tag case-insensitively.
 */
tag: string | null, 
/**
 * Meldung, Bericht, … (case-insensitive).
 */
type?: string, 
/**
 * Only articles in the trash (otherwise the trash is left out).
 */
trashed?: boolean, 
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
score: number, 
/**
 * The article holds only some of the query's words (or of a lone compound's parts):
 * such hits follow every article holding them all.
 */
partial: boolean, };

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
line: number | null, message: string, 
/**
 * The same words in other languages, by language ("de"); absent when there is none.
 */
translations?: { [key in string]: string }, };

export type ImportSkipped = { file: string, reason: string, 
/**
 * The same words in other languages, by language ("de"); absent when there is none.
 */
translations?: { [key in string]: string }, };

export type ImportReport = { imported: Array<ImportedArticle>, failed: Array<ImportFailure>, skipped: Array<ImportSkipped>, 
/**
 * True when the import was cancelled: the files after the last whole batch were not read.
 */
cancelled: boolean, };

export type StatusCount = { status: Status, count: number, };

export type LibraryInfo = { path: string, schema_version: number, 
/**
 * Articles outside the trash.
 */
articles: number, 
/**
 * Articles in the trash.
 */
trashed: number, by_status: Array<StatusCount>, sections: Array<string>, 
/**
 * Set when the library is open for reading only (a full disk, a file that may not be
 * written): why, as the error a save would meet. Absent while it can be written.
 */
read_only?: UserError, 
/**
 * What each part of the library takes on disk; only when asked for (`db info`): it
 * reads every page of the file.
 */
sizes?: LibrarySizes, };

export type LibrarySizes = { 
/**
 * The articles' rows (their text; bodies compressed), their tags, pictures, links and
 * related articles, with the tables' indexes.
 */
articles: number, 
/**
 * Past revisions (the newest is the article itself).
 */
revisions: number, 
/**
 * The image library's records (metadata, keywords), not the files.
 */
images: number, 
/**
 * The tag vocabulary and the editors' verdicts on suggestions.
 */
tags: number, 
/**
 * Portals, publications and the outbox.
 */
publishing: number, 
/**
 * Settings, the search index's queue and SQLite's own tables.
 */
other: number, 
/**
 * Pages of the file that are free (left by deletions, reused by later writes).
 */
free: number, 
/**
 * The SQLite file (all of the above).
 */
file: number, 
/**
 * The write-ahead log and its index beside the file (`-wal`, `-shm`).
 */
wal: number, 
/**
 * The search index folder beside the library (`.search/`).
 */
search_index: number, 
/**
 * The pictures' folder beside the library (`.media/`): the originals and renditions.
 */
media: number, 
/**
 * Of `media`: the renditions (thumbnails, previews), made again when missing.
 */
renditions: number, 
/**
 * Everything: file, log, search index and pictures.
 */
total: number, };

export type Preparation = { task: PreparationTask, done: number, total: number, };

export type PreparationTask = "search_index" | "tag_model" | "ready";

export type BootSnapshot = { info: LibraryInfo, 
/**
 * The first page of all articles outside the trash, newest first.
 */
articles: Array<ArticleSummary>, 
/**
 * The page size it was read with (the list's own).
 */
page_size: number, 
/**
 * The view the window starts on (the setting `start_view`: library or overview).
 */
start_view: string, };

export type ErrorCode = "not_found" | "invalid_input" | "conflict" | "newer_library" | "unreachable" | "storage" | "disk_full" | "internal";

export type UserError = { code: ErrorCode, 
/**
 * The English sentence (what the CLI prints).
 */
message: string, 
/**
 * The same sentence in other languages, by language ("de"); absent when there is none.
 * The window shows the one of its language, else `message`.
 */
translations?: { [key in string]: string }, };

export type DiffKind = "equal" | "delete" | "insert";

export type DiffSegment = { kind: DiffKind, text: string, };

export type FieldDiff = { 
/**
 * The front-matter name (`title`, `teaser`, `body`, `tags`, …).
 */
field: string, segments: Array<DiffSegment>, };

export type RevisionDiff = { article_id: number, from: number, to: number, fields: Array<FieldDiff>, };

export type ProblemCode = "missing" | "no_credit" | "no_alt" | "too_long" | "vague_link" | "body_h1" | "skipped_heading" | "not_in_library" | "license_expired";

export type ReadinessProblem = { 
/**
 * The field at fault: `kicker`, `teaser`, `images[1].credit`, `body`, …
 */
field: string, 
/**
 * What is wrong, as a sentence (English; the UI words it from `code`).
 */
problem: string, 
/**
 * What kind of problem it is: the UI words it and the exports' guard branches on it.
 */
code: ProblemCode, 
/**
 * What the problem is about, for the UI's wording (a link's text, heading levels, …).
 */
detail: string, 
/**
 * True when it keeps the article from being set "ready".
 */
blocking: boolean, };

export type LongSentence = { text: string, words: number, };

export type ArticleStats = { words: number, characters: number, 
/**
 * At 200 words a minute, rounded up; 0 for an empty text.
 */
reading_minutes: number, 
/**
 * Sentences of more than [`ArticleStats::LONG_SENTENCE`] words.
 */
long_sentences: Array<LongSentence>, 
/**
 * Flesch reading ease in Amstad's adaptation for German (0 hard – 100 easy); `null`
 * when there is no sentence to measure.
 */
readability: number | null, title_characters: number, teaser_characters: number, 
/**
 * The teaser's limit in characters (the portal's default: 300).
 */
teaser_limit: number, };

export type ImageMetadata = { 
/**
 * Photographer: IIM 2:80 By-line, XMP dc:creator, EXIF Artist.
 */
creator: string | null, 
/**
 * Credit line as the provider wants it: IIM 2:110 Credit, XMP photoshop:Credit.
 */
credit: string | null, 
/**
 * IIM 2:116 Copyright Notice, XMP dc:rights, EXIF Copyright.
 */
copyright: string | null, 
/**
 * Original owner or agency: IIM 2:115 Source, XMP photoshop:Source.
 */
source: string | null, 
/**
 * IIM 2:120 Caption/Abstract, XMP dc:description, EXIF ImageDescription.
 */
caption: string | null, 
/**
 * IIM 2:105 Headline, XMP photoshop:Headline.
 */
headline: string | null, 
/**
 * IIM 2:25 Keywords, XMP dc:subject.
 */
keywords: Array<string>, 
/**
 * When the picture was taken, ISO 8601 as precise as the file says ("2018-12-13",
 * "2018-12-13T10:15:00+01:00"): IIM 2:55/2:60, XMP photoshop:DateCreated, EXIF
 * DateTimeOriginal.
 */
date_created: string | null, 
/**
 * IIM 2:90 City, XMP photoshop:City.
 */
city: string | null, 
/**
 * IIM 2:101 Country, XMP photoshop:Country.
 */
country: string | null, 
/**
 * XMP xmpRights:UsageTerms.
 */
usage_terms: string | null, 
/**
 * XMP xmpRights:WebStatement: a URL about the rights.
 */
web_statement: string | null, 
/**
 * XMP plus:Licensor/plus:LicensorURL.
 */
licensor_url: string | null, 
/**
 * Alternative text for screen readers: XMP Iptc4xmpCore:AltTextAccessibility.
 */
alt_text: string | null, };

export type CreditFields = { credit: string | null, creator: string | null, source: string | null, copyright: string | null, };

export type Setting = { key: string, 
/**
 * The value in force: the one set, else the default.
 */
value: string, default: string, 
/**
 * What it is for, in a sentence.
 */
about: string, };

export type CreditPreset = { credit: string, source?: string, license?: LicenseKind, };

export type CreditPreview = { 
/**
 * The picture's file name, or an example's name when the library has no pictures.
 */
file: string, fields: CreditFields, line: string, };

export type Backup = { 
/**
 * The backup's library file, a full path (what `db restore` and the window restore from).
 */
path: string, 
/**
 * When it was made (read from its name, which Newsdesk gives it).
 */
made_at: string, 
/**
 * The size of its library file in bytes (its pictures not counted).
 */
bytes: number, };

export type BackupRound = { 
/**
 * The backup made, if one was due.
 */
made: Backup | null, 
/**
 * Older backups removed to keep the number the settings ask for.
 */
removed: Array<string>, };

export type LibraryProblem = { 
/**
 * The library file that did not open.
 */
path: string, 
/**
 * Why it did not open.
 */
problem: UserError, 
/**
 * The backups in `backups/` beside it, newest first (a restore can also take any file).
 */
backups: Array<Backup>, };

export type LogTail = { 
/**
 * The log file (empty when the app keeps no log).
 */
path: string, 
/**
 * Its last lines, oldest first.
 */
lines: Array<string>, };

export type WeekCount = { 
/**
 * The Monday the week starts on (YYYY-MM-DD).
 */
week: string, status: Status, count: number, };

export type NamedCount = { name: string, count: number, };

export type SourceMonth = { 
/**
 * YYYY-MM.
 */
month: string, 
/**
 * The picture's credit, else its source, else its photographer; empty when none.
 */
source: string, uses: number, };

export type ExpiringPicture = { image_id: number, file: string, 
/**
 * YYYY-MM-DD.
 */
expires: string, credit: string, license: LicenseKind | null, };

export type Overview = { 
/**
 * Articles in the library (outside the trash).
 */
articles: number, 
/**
 * The Mondays of the last [`OVERVIEW_WEEKS`] weeks, oldest first (YYYY-MM-DD): the
 * chart's axis, weeks without articles included.
 */
week_starts: Array<string>, 
/**
 * Articles dated in each of those weeks, by status (weeks without articles left out).
 */
weeks: Array<WeekCount>, 
/**
 * The most used tags of the last [`OVERVIEW_TAG_DAYS`] days, most used first.
 */
tags: Array<NamedCount>, 
/**
 * Uses of library pictures in articles of the last [`OVERVIEW_MONTHS`] months, by source.
 */
sources: Array<SourceMonth>, 
/**
 * Pictures whose license ends within [`OVERVIEW_EXPIRY_DAYS`] days, soonest first.
 */
expiring: Array<ExpiringPicture>, 
/**
 * How many more than `expiring` lists.
 */
expiring_more: number, outbox: OutboxSummary, };

export type LicenseKind = "own" | "agency" | "handout" | "cc0" | "cc-by" | "cc-by-sa" | "cc-by-nd" | "cc-by-nc" | "cc-by-nc-sa" | "cc-by-nc-nd";

export type Image = { id: number, 
/**
 * The file name it was imported from ("IMG_1234.jpg").
 */
file: string, width: number, height: number, 
/**
 * SHA-256 of the original file, hex: the same file is stored once.
 */
hash: string, 
/**
 * `jpeg`, `png`, `webp` or `tiff`.
 */
format: string, 
/**
 * Size of the original file in bytes.
 */
bytes: number, license: LicenseKind | null, 
/**
 * Last day the picture may be used.
 */
expires: string | null, 
/**
 * The portal's credit line for this picture ("Thüringer Staatskanzlei"), built from its
 * fields by the library's credit format; empty when the picture has no credit at all.
 */
credit_line: string, imported_at: string, updated_at: string, 
/**
 * Sperrfrist: before this time no article showing the picture leaves the newsroom.
 */
embargo: string | null, 
/**
 * Photographer: IIM 2:80 By-line, XMP dc:creator, EXIF Artist.
 */
creator: string | null, 
/**
 * Credit line as the provider wants it: IIM 2:110 Credit, XMP photoshop:Credit.
 */
credit: string | null, 
/**
 * IIM 2:116 Copyright Notice, XMP dc:rights, EXIF Copyright.
 */
copyright: string | null, 
/**
 * Original owner or agency: IIM 2:115 Source, XMP photoshop:Source.
 */
source: string | null, 
/**
 * IIM 2:120 Caption/Abstract, XMP dc:description, EXIF ImageDescription.
 */
caption: string | null, 
/**
 * IIM 2:105 Headline, XMP photoshop:Headline.
 */
headline: string | null, 
/**
 * IIM 2:25 Keywords, XMP dc:subject.
 */
keywords: Array<string>, 
/**
 * When the picture was taken, ISO 8601 as precise as the file says ("2018-12-13",
 * "2018-12-13T10:15:00+01:00"): IIM 2:55/2:60, XMP photoshop:DateCreated, EXIF
 * DateTimeOriginal.
 */
date_created: string | null, 
/**
 * IIM 2:90 City, XMP photoshop:City.
 */
city: string | null, 
/**
 * IIM 2:101 Country, XMP photoshop:Country.
 */
country: string | null, 
/**
 * XMP xmpRights:UsageTerms.
 */
usage_terms: string | null, 
/**
 * XMP xmpRights:WebStatement: a URL about the rights.
 */
web_statement: string | null, 
/**
 * XMP plus:Licensor/plus:LicensorURL.
 */
licensor_url: string | null, 
/**
 * Alternative text for screen readers: XMP Iptc4xmpCore:AltTextAccessibility.
 */
alt_text: string | null, };

export type ImageFilter = { 
/**
 * Only pictures without any credit (no credit, creator, source or copyright).
 */
missing_credit?: boolean, 
/**
 * Only pictures whose license ends within this many days from today (not yet ended).
 */
expiring_within?: number, 
/**
 * Only pictures whose license has ended.
 */
expired?: boolean, 
/**
 * Matches a keyword case-insensitively.
 */
tag?: string, 
/**
 * Words in caption, headline, credit, creator, source or file name.
 */
text?: string, limit?: number, offset?: number, };

export type ImagePatch = { creator?: string, credit?: string, copyright?: string, source?: string, caption?: string, headline?: string, date_created?: string, city?: string, country?: string, usage_terms?: string, web_statement?: string, licensor_url?: string, alt_text?: string, 
/**
 * A license kind (`own`, `agency`, `cc-by`, …); an empty text clears it.
 */
license?: string, 
/**
 * `YYYY-MM-DD`; an empty text clears it.
 */
expires?: string, };

export type ImportedImage = { 
/**
 * The path it was read from.
 */
path: string, 
/**
 * False when the same file was already in the library (stored once, by its hash).
 */
new: boolean, id: number, 
/**
 * The file name it was imported from ("IMG_1234.jpg").
 */
file: string, width: number, height: number, 
/**
 * SHA-256 of the original file, hex: the same file is stored once.
 */
hash: string, 
/**
 * `jpeg`, `png`, `webp` or `tiff`.
 */
format: string, 
/**
 * Size of the original file in bytes.
 */
bytes: number, license: LicenseKind | null, 
/**
 * Last day the picture may be used.
 */
expires: string | null, 
/**
 * The portal's credit line for this picture ("Thüringer Staatskanzlei"), built from its
 * fields by the library's credit format; empty when the picture has no credit at all.
 */
credit_line: string, imported_at: string, updated_at: string, 
/**
 * Sperrfrist: before this time no article showing the picture leaves the newsroom.
 */
embargo: string | null, 
/**
 * Photographer: IIM 2:80 By-line, XMP dc:creator, EXIF Artist.
 */
creator: string | null, 
/**
 * Credit line as the provider wants it: IIM 2:110 Credit, XMP photoshop:Credit.
 */
credit: string | null, 
/**
 * IIM 2:116 Copyright Notice, XMP dc:rights, EXIF Copyright.
 */
copyright: string | null, 
/**
 * Original owner or agency: IIM 2:115 Source, XMP photoshop:Source.
 */
source: string | null, 
/**
 * IIM 2:120 Caption/Abstract, XMP dc:description, EXIF ImageDescription.
 */
caption: string | null, 
/**
 * IIM 2:105 Headline, XMP photoshop:Headline.
 */
headline: string | null, 
/**
 * IIM 2:25 Keywords, XMP dc:subject.
 */
keywords: Array<string>, 
/**
 * When the picture was taken, ISO 8601 as precise as the file says ("2018-12-13",
 * "2018-12-13T10:15:00+01:00"): IIM 2:55/2:60, XMP photoshop:DateCreated, EXIF
 * DateTimeOriginal.
 */
date_created: string | null, 
/**
 * IIM 2:90 City, XMP photoshop:City.
 */
city: string | null, 
/**
 * IIM 2:101 Country, XMP photoshop:Country.
 */
country: string | null, 
/**
 * XMP xmpRights:UsageTerms.
 */
usage_terms: string | null, 
/**
 * XMP xmpRights:WebStatement: a URL about the rights.
 */
web_statement: string | null, 
/**
 * XMP plus:Licensor/plus:LicensorURL.
 */
licensor_url: string | null, 
/**
 * Alternative text for screen readers: XMP Iptc4xmpCore:AltTextAccessibility.
 */
alt_text: string | null, };

export type ImageImportReport = { imported: Array<ImportedImage>, failed: Array<ImportFailure>, skipped: Array<ImportSkipped>, 
/**
 * True when the import was stopped before every file was read (those not begun are
 * neither imported nor refused; each one begun is whole).
 */
cancelled: boolean, };

export type ImageImportProgress = { done: number, total: number, file: string, };

export type DuplicateGroup = { images: Array<Image>, 
/**
 * True when the pictures of the group carry different credit lines.
 */
credits_differ: boolean, };

export type ImageUse = { image_id: number, file: string, credit_line: string, creator: string | null, source: string | null, license: LicenseKind | null, article_id: number, article_title: string, article_date: string | null, article_status: Status, };

export type RelatedArticle = { id: number, kicker: string, title: string, section: string, 
/**
 * Higher is more related.
 */
score: number, };

export type SuggestionSource = "vocabulary" | "archive" | "text" | "person" | "place" | "organisation" | "section";

export type SuggestionReason = { "kind": "in-headline" } | { "kind": "in-kicker" } | { "kind": "in-teaser" } | { "kind": "in-caption" } | { "kind": "mentions", count: number, } | { "kind": "in-vocabulary", uses: number, } | { "kind": "learned-from", articles: number, } | { "kind": "goes-with", tag: string, } | { "kind": "person" } | { "kind": "place" } | { "kind": "organisation" } | { "kind": "section" } | { "kind": "accepted", count: number, };

export type TagSuggestion = { 
/**
 * The tag as it would be written: the vocabulary's spelling where the library has it.
 */
tag: string, 
/**
 * Higher is better; comparable within one list only.
 */
score: number, 
/**
 * A short reason in English words for scripts and the CLI ("in headline; in vocabulary,
 * 37 uses"); the window words [`TagSuggestion::reasons`] in its own language.
 */
reason: string, 
/**
 * Where the suggestion mainly comes from.
 */
source: SuggestionSource, 
/**
 * Every reason, strongest first.
 */
reasons: Array<SuggestionReason>, };

export type SuggestionVerdict = "accepted" | "rejected";

export type EvalAtK = { k: number, precision: number, recall: number, f1: number, };

export type EvalReport = { documents: number, at: Array<EvalAtK>, 
/**
 * Mean time to suggest for one document, in milliseconds (model building excluded).
 */
ms_per_document: number, };

export type ExportedFile = { id: number, title: string, 
/**
 * The file written.
 */
path: string, bytes: number, };

export type ExportFailure = { id: number, title: string, message: string, 
/**
 * The same words in other languages, by language ("de"); absent when there is none.
 */
translations?: { [key in string]: string }, };

export type ExportReport = { 
/**
 * The format's name: `md`, `html`, `pdf`, `ninjs` or `bundle`.
 */
format: string, written: Array<ExportedFile>, failed: Array<ExportFailure>, 
/**
 * True when the export was stopped before every article was written (each file written
 * is whole; the articles after it were not begun).
 */
cancelled: boolean, };

export type ExportProgress = { done: number, total: number, title: string, };

export type ExportTarget = { name: string, folder: string | null, };

export type TemplatesInfo = { folder: string, files: Array<TemplateFile>, };

export type TemplateFile = { 
/**
 * `article.html`, `article.css` or `article.typ`.
 */
name: string, 
/**
 * True when the folder has its own copy (it is used instead of the built-in one).
 */
custom: boolean, };

export type PortalKind = "wordpress" | "ghost" | "ninjs";

export type Portal = { name: string, kind: PortalKind, 
/**
 * The portal's address (`https://portal.example`; for ninjs the endpoint's base).
 */
url: string, 
/**
 * The user name (WordPress); empty where the secret alone identifies (Ghost, ninjs).
 */
user: string, 
/**
 * How long one request may take before it counts as failed and is retried.
 */
timeout_secs: number, created_at: string, 
/**
 * When the portal's tags, sections and articles were last pulled.
 */
pulled_at: string | null, };

export type NewPortal = { name: string, kind: PortalKind, url: string, user: string, 
/**
 * Seconds; the default (30) when absent.
 */
timeout_secs?: number, };

export type PortalCheck = { portal: string, 
/**
 * The site's own name, as the portal gives it.
 */
site: string, 
/**
 * Who Newsdesk is logged in as there (empty when the portal does not say).
 */
user: string, 
/**
 * Where the login was proven: scheme, host and port of the answer
 * (`https://portal.example`). Requests never follow a redirect to another address.
 */
address: string, };

export type PullReport = { portal: string, 
/**
 * Tags the vocabulary did not know yet.
 */
new_tags: Array<string>, 
/**
 * The portal's sections (WordPress categories), all of them.
 */
sections: Array<string>, 
/**
 * Published articles new to the library, now in it (status published).
 */
added: Array<number>, 
/**
 * Published articles the library already knew (published from here or pulled before).
 */
known: number, 
/**
 * What was left out, in words: a limit reached (too many pages of posts, tags past
 * the vocabulary's limit).
 */
notes: Array<string>, };

export type JobAction = "publish" | "update" | "schedule" | "withdraw";

export type JobState = "queued" | "sending" | "retrying" | "done" | "failed" | "conflict" | "cancelled";

export type OutboxJob = { id: number, article_id: number, 
/**
 * The article's title when the job was listed.
 */
title: string, portal: string, action: JobAction, state: JobState, 
/**
 * Sending attempts so far.
 */
attempts: number, 
/**
 * For a scheduled publication: when the portal shows it.
 */
scheduled_for: string | null, 
/**
 * When the next attempt is due (queued and retrying jobs).
 */
next_attempt_at: string | null, 
/**
 * Why the last attempt failed, in words (retrying, failed, conflict, cancelled).
 */
error: string | null, 
/**
 * `error` in other languages, by language ("de"); absent when there is none.
 */
error_translations?: { [key in string]: string }, 
/**
 * What kind of reason: `network` (the portal could not be reached), `server` (it
 * answered with its own trouble: 5xx, 429), `user` (the editor must change something),
 * `conflict`, `cancelled`.
 */
error_kind: string | null, 
/**
 * The post's id on the portal, once known.
 */
remote_id: string | null, 
/**
 * The post's public address, once known.
 */
remote_url: string | null, created_at: string, updated_at: string, 
/**
 * The embargo (Sperrfrist) of its article or a picture of it that holds the job: not sent
 * before then (a withdrawal is never held). Only while it lasts.
 */
embargo: string | null, };

export type OutboxSummary = { 
/**
 * Queued, sending or retrying.
 */
pending: number, 
/**
 * Retrying because a portal could not be reached (offline).
 */
waiting_for_network: number, failed: number, conflicts: number, };

export type OutboxRunReport = { done: Array<number>, retrying: Array<number>, failed: Array<number>, conflicts: Array<number>, 
/**
 * Jobs still waiting when the run ended (their next attempt not due yet).
 */
pending: number, };

export type OutboxEvent = { job: OutboxJob, summary: OutboxSummary, };

export type PublicationState = "pending" | "published" | "scheduled" | "withdrawn";

export type Publication = { article_id: number, portal: string, remote_id: string | null, remote_url: string | null, 
/**
 * The article's revision that was last sent.
 */
revision: number | null, published_at: string | null, state: PublicationState, };

export type ConflictField = { 
/**
 * `title`, `excerpt`, `content`, `tags`, `section`.
 */
field: string, base: string, local: string, remote: string, };

export type PublishConflict = { job_id: number, article_id: number, portal: string, 
/**
 * False when the post was deleted on the portal.
 */
remote_exists: boolean, 
/**
 * The portal's modification time as recorded at the last publish, and as it is now.
 */
recorded_modified: string | null, remote_modified: string | null, fields: Array<ConflictField>, };

export type ConflictChoice = "keep_mine" | "take_theirs" | "cancel";

export type PlannedImage = { 
/**
 * The file name it is uploaded as.
 */
file: string, bytes: number, 
/**
 * SHA-256 of the bytes sent (credits embedded).
 */
digest: string, 
/**
 * The caption as the portal gets it, credit line included.
 */
caption: string, alt: string, 
/**
 * False when the portal has this very file already (it is not sent again).
 */
upload: boolean, };

export type PublishPreview = { portal: string, kind: PortalKind, action: JobAction, 
/**
 * The post's id on the portal when this would be an update.
 */
remote_id: string | null, 
/**
 * The marker Newsdesk sets on the post (its slug) to find it again.
 */
marker: string, images: Array<PlannedImage>, 
/**
 * The post as the portal's API would receive it (tags and sections by name; pictures
 * by file name until they are uploaded).
 */
payload: unknown, };

export type About = { 
/**
 * The version of this build ("0.1.0").
 */
version: string, 
/**
 * Newsdesk's own license (the repository's LICENSE).
 */
license: string, 
/**
 * THIRD-PARTY-NOTICES: every crate and npm package in this build with its license text.
 */
notices: string, };

/** Every setting's default, by key. */
export const settingDefaults = {
  language: "de",
  theme: "system",
  start_view: "library",
  editor_font_size: "16",
  zoom: "100",
  teaser_max_chars: "300",
  default_author: "",
  default_section: "",
  credit_format: "{credit|creator|source}",
  credit_presets: "[]",
  saved_searches: "[]",
  backup_folder: "",
  backup_schedule: "daily",
  backup_keep: "7",
  spelling_languages: "de",
  log_level: "info",
} as const;

export type SettingKey = keyof typeof settingDefaults;
