//! The article and its parts, shared by the store, the interchange format, the application API,
//! the CLI and (as generated TypeScript) the UI.
//!
//! Field names follow the interchange format (`kicker, title, type, section, date, author,
//! teaser, tags, images, links`, then `body`), so `--json` output and front matter agree.
//! Empty strings stand for "not given": the format has no difference between the two.
//!
//! Besides the types, the pure rules every layer applies the same way: [`limits`], the
//! pictures' [`credit_line`] and its label, text [`fold`]ing, content addresses (`sha256:…`), rendition sizes,
//! the [`slug`] of a title and the [`fnv1a`] fingerprint.

mod about;
mod article;
pub mod backups;
pub mod bindings;
mod content_address;
pub mod credit_line;
pub mod diagnostics;
pub mod embargo;
mod error;
mod export;
mod fingerprint;
pub mod fold;
mod images;
pub mod limits;
mod maintenance;
pub mod overview;
mod portals;
mod renditions;
mod revisions;
mod search;
pub mod settings;
mod slug;
mod status;
mod tags;
mod text;
mod writing;

pub use about::About;
pub use article::{
    Article, ArticleContent, ArticleFilter, ArticleSummary, Correction, ImageRef, Link,
    OpenedArticle,
};
pub use backups::{Backup, BackupRound, LibraryProblem};
pub use content_address::{CONTENT_ADDRESS_PREFIX, content_address, content_hash};
pub use credit_line::{CREDIT_LABEL, CreditFields, CreditPreview, credit_label};
pub use diagnostics::LogTail;
pub use embargo::{Embargo, EmbargoedPicture, embargo_notice};
pub use error::{ErrorCode, UserError};
pub use export::{
    ExportFailure, ExportProgress, ExportReport, ExportTarget, ExportedFile, TemplateFile,
    TemplatesInfo,
};
pub use fingerprint::fnv1a;
pub use images::{
    DuplicateGroup, Image, ImageFilter, ImageImportProgress, ImageImportReport, ImageMetadata,
    ImagePatch, ImageUse, ImportedImage, LicenseKind,
};
pub use maintenance::{
    BootSnapshot, ImportFailure, ImportReport, ImportSkipped, ImportedArticle, LibraryInfo,
    LibrarySizes, Preparation, PreparationTask, StatusCount,
};
pub use overview::{ExpiringPicture, NamedCount, Overview, SourceMonth, WeekCount};
pub use portals::{
    ConflictChoice, ConflictField, JobAction, JobState, NewPortal, OutboxEvent, OutboxJob,
    OutboxRunReport, OutboxSummary, PlannedImage, Portal, PortalCheck, PortalKind, Publication,
    PublicationState, PublishConflict, PublishPreview, PullReport,
};
pub use renditions::{PREVIEW_EDGE, THUMBNAIL_EDGE};
pub use revisions::{DiffKind, DiffSegment, FieldDiff, Revision, RevisionDiff, RevisionSummary};
pub use search::SearchHit;
pub use settings::{CreditPreset, Setting};
pub use slug::{MAX_SLUG_LEN, slug, slug_problem};
pub use status::{ParseStatusError, Status};
pub use tags::{
    EvalAtK, EvalReport, SuggestionReason, SuggestionSource, SuggestionVerdict, TagSuggestion,
};
pub use text::{GERMAN, Localized, Text};
pub use writing::{ArticleStats, LongSentence, ProblemCode, ReadinessProblem, RelatedArticle};
