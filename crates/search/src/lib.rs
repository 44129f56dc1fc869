//! The search engine: a tantivy index of the articles beside the library
//! (`<library>.search/`), over the German analysis of `newsdesk-analysis`.
//!
//! It knows nothing of SQL: the store reads the articles and hands them over
//! ([`IndexedArticle`], through an [`IndexUpdate`]), keeps the queue of articles still to be
//! indexed and decides when to rebuild (the [`Stamp`] of the index's last commit says which
//! analysis and which library it was made for); this crate answers the questions.
//!
//! ```no_run
//! # fn main() -> Result<(), newsdesk_search::SearchError> {
//! use newsdesk_search::{SearchQuery, TextIndex};
//! let index = TextIndex::open_or_create(std::path::Path::new("library.search"))?;
//! if let Some(query) = SearchQuery::parse("digitalisierung").prepare() {
//!     let found = index.find(&query, 20_000, 20)?;
//!     for hit in found.hits {
//!         println!("article {} scored {}", hit.id, hit.score);
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! - [`TextIndex`]: the index (open, write, rebuild, ask); ranking is BM25 over weighted
//!   fields blended with the article's date, top-k by block-max WAND.
//! - [`SearchQuery`]: what an editor types, analysed like the text; [`PreparedQuery::snippet`]
//!   cuts an excerpt around the match.
//! - [`TextIndex::related`]: candidates for "Weitere Meldungen".
//! - Folding is `newsdesk_model::fold`, the same the library's filters use.

mod error;
mod find;
mod query;
mod related;
mod snippet;
mod text_index;

pub use error::{SearchError, is_storage_full};
pub use find::{Found, PreparedQuery};
pub use query::SearchQuery;
pub use text_index::{INDEX_VERSION, IndexUpdate, IndexedArticle, Scored, Stamp, TextIndex};
