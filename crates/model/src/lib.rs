//! The article and its parts, shared by the store, the interchange format, the application API,
//! the CLI and (as generated TypeScript) the UI.
//!
//! Field names follow the interchange format (`kicker, title, type, section, date, author,
//! teaser, tags, images, links`, then `body`), so `--json` output and front matter agree.
//! Empty strings stand for "not given": the format has no difference between the two.

mod article;
pub mod bindings;
mod error;
mod export;
mod images;
pub mod limits;
mod maintenance;
mod portals;
mod revisions;
mod search;
mod status;
mod tags;
mod writing;

pub use article::{Article, ArticleContent, ArticleFilter, ArticleSummary, ImageRef, Link};
pub use error::{ErrorCode, UserError};
pub use export::{ExportFailure, ExportProgress, ExportReport, ExportTarget, ExportedFile};
pub use images::{
    DuplicateGroup, Image, ImageFilter, ImageImportProgress, ImageImportReport, ImageMetadata,
    ImagePatch, ImageUse, ImportedImage, LicenseKind,
};
pub use maintenance::{
    BootSnapshot, ImportFailure, ImportReport, ImportSkipped, ImportedArticle, LibraryInfo,
    StatusCount,
};
pub use portals::{
    ConflictChoice, ConflictField, JobAction, JobState, NewPortal, OutboxEvent, OutboxJob,
    OutboxRunReport, OutboxSummary, PlannedImage, Portal, PortalCheck, PortalKind, Publication,
    PublicationState, PublishConflict, PublishPreview, PullReport,
};
pub use revisions::{DiffKind, DiffSegment, FieldDiff, Revision, RevisionDiff, RevisionSummary};
pub use search::SearchHit;
pub use status::{ParseStatusError, Status};
pub use tags::{
    EvalAtK, EvalReport, SuggestionReason, SuggestionSource, SuggestionVerdict, TagSuggestion,
};
pub use writing::{ArticleStats, LongSentence, ReadinessProblem, RelatedArticle};
