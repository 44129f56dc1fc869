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
//!   the file (`<library>.search/`) that is rebuilt from the library whenever it is missing,
//!   damaged or stale.
//! - Time is passed in (`now`) so callers decide the clock.

mod articles;
mod backup;

mod codec;
mod connection;
pub mod credit_line;
mod disk;
mod error;
pub mod fold;
mod image_list;
mod images;
mod index;
mod leftovers;
mod list;
mod maintenance;
mod media_files;
pub mod migrations;
mod outbox;
mod portals;
mod publications;
mod related;
mod revisions;
mod search;
mod search_query;
mod snippet;
mod store;
mod tags;
mod text_index;
mod trash;
mod vocabulary;

pub use connection::APPLICATION_ID;
pub use disk::ReadOnlyCause;
pub use error::StoreError;
pub use image_list::LIBRARY_IMAGE_PREFIX;
pub use images::NewImage;
pub use leftovers::{Leftover, LeftoverCleanup};
pub use media_files::{PREVIEW_EDGE, THUMBNAIL_EDGE};
pub use outbox::{ClaimedJob, JobOutcome};
pub use publications::{PortalMedia, PublicationRecord, PublishedPost};
pub use search_query::SearchQuery;
pub use store::Store;
pub use tags::{LearnableArticle, SuggestionOwner, TagUse, TagVerdictCount};
