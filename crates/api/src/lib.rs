//! The application API: one function per user action, shared by the desktop app and the CLI.
//!
//! ```no_run
//! # fn main() -> Result<(), newsdesk_api::ApiError> {
//! let app = newsdesk_api::App::open(&newsdesk_api::App::default_library_path()?)?;
//! let report = app.import_paths(&["articles/".into()])?;
//! for hit in app.search("digitalisierung", 10)? {
//!     println!("{} {}", hit.id, hit.title);
//! }
//! # Ok(()) }
//! ```
//!
//! Shells (src-tauri, crates/cli) only parse input, call one of these methods and present the
//! result or the [`ApiError`] (as a [`newsdesk_model::UserError`] across IPC).

mod app;
mod articles;
mod backups;
mod clock;
mod demo;
pub mod desk;
mod error;
mod export;
mod images;
mod import;
mod maintenance;
pub mod places;
mod preparation;
mod publish;
mod revisions;
mod search;
mod settings;
mod tags;

pub use app::App;
pub use articles::{AddressChanges, article_stats, check_readiness};
pub use clock::{Clock, SystemClock};
pub use error::ApiError;
pub use export::ExportFormat;
pub use images::{PictureKey, Rendition, Thumbnail, credit_report_csv, thumbnails};
pub use newsdesk_export::{UnknownFormat, serve_template_child_if_asked, use_template_runner};
pub use newsdesk_markdown::html_to_markdown;
pub use newsdesk_store::{Leftover, LeftoverCleanup};
pub use places::Places;
pub use publish::{OutboxLock, OutboxWorker, parse_schedule};
pub use revisions::diff_contents;
pub use tags::evaluate_tags_on_dir;
