//! The article and its parts, shared by the store, the interchange format, the application API,
//! the CLI and (as generated TypeScript) the UI.
//!
//! Field names follow the interchange format (`kicker, title, type, section, date, author,
//! teaser, tags, images, links`, then `body`), so `--json` output and front matter agree.
//! Empty strings stand for "not given": the format has no difference between the two.

mod article;
pub mod bindings;
mod error;
mod library;
pub mod limits;
mod status;

pub use article::{Article, ArticleContent, ArticleSummary, ImageRef, Link};
pub use error::{ErrorCode, UserError};
pub use library::{
    ArticleFilter, ImportFailure, ImportReport, ImportSkipped, ImportedArticle, LibraryInfo,
    Revision, RevisionSummary, SearchHit, StatusCount,
};
pub use status::{ParseStatusError, Status};
