//! The library on disk: one SQLite file holding articles, tags, revisions and the search index.
//!
//! ```no_run
//! # fn main() -> Result<(), newsdesk_store::StoreError> {
//! let store = newsdesk_store::Store::open(std::path::Path::new("library.sqlite"))?;
//! let hits = store.search("digitalisierung", 20)?;
//! # Ok(()) }
//! ```
//!
//! - Opened in WAL mode with `synchronous=FULL`: a save that returned is on disk, whatever
//!   happens to the process afterwards. One writer connection, one reader connection.
//! - Schema changes are append-only [`migrations`]; `PRAGMA user_version` records the schema,
//!   and a file from a newer Newsdesk is refused instead of damaged.
//! - Every save writes a revision (the whole article as saved); history and restore read them.
//! - Search ranks every hit by relevance (BM25 over title, kicker, tags, teaser, captions and
//!   body, weighted) blended with the article's date, over German-analysed terms (case,
//!   umlauts and their transliterations, stems, compound parts), in a tantivy index beside
//!   the file (`<library>.search/`, the `newsdesk-search` crate) that is rebuilt from the
//!   library whenever it is missing, damaged or stale. The store keeps the queue of articles
//!   to index in the library and hands them to the index after each commit.
//! - The modules mirror the application API's domains: `articles/` (with revisions, trash,
//!   search), `images/`, `tags/`, `publishing/`, `maintenance/`; around the core of
//!   `store.rs`, `connection.rs`, `migrations.rs`, `error.rs`, `disk.rs`, `codec.rs`.
//! - Time is passed in (`now`) so callers decide the clock.

// The core: the open library, its file, schema and errors.
mod codec;
mod connection;
mod disk;
mod error;
pub mod migrations;
mod packed;
mod read_only;
mod settings;
mod space;
mod store;
mod whole_file;

// One folder per domain, as the application API has them.
mod articles;
mod images;
mod maintenance;
mod overview;
mod publishing;
mod tags;

pub use connection::APPLICATION_ID;
pub use disk::ReadOnlyCause;
pub use error::StoreError;
pub use images::image::NewImage;
pub use maintenance::leftovers::{Leftover, LeftoverCleanup};
pub use maintenance::restore::restore_unopened;
pub use newsdesk_search::SearchQuery;
pub use publishing::outbox::{ClaimedJob, JobOutcome};
pub use publishing::publications::{PortalMedia, PublicationRecord, PublishedPost};
pub use store::Store;
pub use tags::model_queue::TagChanges;
pub use tags::usage::{LearnableArticle, SuggestionOwner, TagUse, TagVerdictCount};
pub use whole_file::{Content, Existing, write_whole};
