//! Articles as Markdown files with YAML front matter — the newsroom's interchange format.
//!
//! ```text
//! ---
//! kicker: Thüringen
//! title: Zweites Digitalisierungskabinett
//! …
//! ---
//! Body in Markdown.
//! ```
//!
//! [`parse`] turns a file's text into an [`ArticleContent`](newsdesk_model::ArticleContent) and
//! refuses broken input with the line and what is wrong ([`FormatError`]); [`write`] turns it
//! back. `parse(write(a)) == a` for every article.

mod emit;
mod error;
mod front_matter;
mod parse;
mod write;
mod yaml;

pub use error::FormatError;
pub use parse::{KNOWN_KEYS, parse};
pub use write::write;
