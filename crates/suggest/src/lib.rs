//! Tag suggestions for articles and pictures, German first (English too), offline and fast.
//!
//! Four kinds of evidence meet in one score per tag ([`Suggester::suggest`]):
//! - **the text itself** ([`text`]): key terms and phrases weighed by field (headline,
//!   kicker, teaser and captions count more than the body), mentions (compound parts too:
//!   "Verwaltungsdigitalisierung" mentions Digitalisierung), position and spread, and how
//!   specific each word is — rare in the language (the lexicon) and in the library; people
//!   ("Hartmut Schubert") and places and public bodies from the shipped gazetteer
//!   ("Thüringer" → Thüringen). German capitalises every noun, so capitals only tell nouns
//!   from other words, never names from nouns.
//! - **the vocabulary** ([`TagModel`]): tags the library already uses, found in the text by
//!   their analysed words, in the vocabulary's spelling; near-duplicates are one tag
//!   ([`tag_key`]: "Digitalisierungs-Kabinett" = "Digitalisierungskabinett").
//! - **the archive**: which key terms go with each tag in articles tagged before (how likely
//!   the tag is among the articles with each of the text's strongest terms), and which tags
//!   go together.
//! - **the section** proposes itself; editors' accepted and rejected suggestions weigh in.
//!
//! [`eval`] scores suggestions against gold keyphrases the way keyphrase papers do;
//! [`evaluate_keyphrase_set`] does it offline on a keyphrase data set in a folder.

mod document;
pub mod eval;
mod from_article;
mod gazetteer;
mod keyphrase_set;
mod keys;
mod model;
mod scored;
mod specificity;
mod suggester;
pub mod text;
mod text_score;

pub use document::{Document, Field};
pub use gazetteer::{Entity, EntityKind, Gazetteer};
pub use keyphrase_set::{KeyphraseSetError, evaluate_keyphrase_set, per_document_ms};
pub use keys::{phrase_key, tag_key};
pub use model::{MODEL_FORMAT, TagModel, model_version};
pub use newsdesk_analysis::Language;
pub use suggester::{Request, Suggester};
