//! An article as a file an editor hands on: the self-contained HTML page and the PDF print
//! version (both in the portal's anatomy, from [`anatomy`]), Markdown (the interchange format),
//! IPTC ninjs 2.1 JSON, and a ZIP bundle of all of them with the pictures and a credits list.
//!
//! Pure: the caller (the application API) reads the article and its pictures from the
//! library and gives them here as an [`ExportArticle`]; this crate returns bytes. Templates are
//! read from a folder the newsroom may change ([`Templates`]), with the built-in ones from
//! `assets/export/` as the fallback.

mod anatomy;
mod bundle;
mod credits;
mod error;
mod format;
mod html;
mod ninjs;
mod pdf;
mod sandbox;
mod templates;
mod typst_markup;

pub use anatomy::{Anatomy, Figure, portal_date};
pub use bundle::bundle;
pub use credits::credits_csv;
pub use error::ExportError;
pub use format::{Format, UnknownFormat};
pub use html::{escape_html, html};
pub use ninjs::{NINJS_SCHEMA_URI, ninjs};
pub use pdf::pdf;
pub use sandbox::{serve_template_child_if_asked, use_template_runner};
pub use templates::{TEMPLATE_FILES, Templates};

use chrono::{DateTime, Utc};
use newsdesk_model::ArticleContent;

/// An article with everything its exports show, read from the library by the caller.
#[derive(Debug, Clone)]
pub struct ExportArticle {
    /// The article's number in the library (part of the ninjs `uri`).
    pub id: i64,
    /// Its revision (ninjs `version`).
    pub revision: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub content: ArticleContent,
    /// One per entry of `content.images`, in that order.
    pub pictures: Vec<Picture>,
}

/// A picture of the article with the credits the library keeps for it.
#[derive(Debug, Clone, Default)]
pub struct Picture {
    /// The article's caption for it.
    pub caption: String,
    /// The credit line the portal shows after "Bildquelle:".
    pub credit: String,
    pub alt: String,
    /// Photographer (IPTC By-line), when the library knows it.
    pub creator: Option<String>,
    /// Copyright holder (IPTC Copyright Notice), when known.
    pub copyright: Option<String>,
    /// Usage terms (IPTC Rights Usage Terms), when known.
    pub usage_terms: Option<String>,
    /// The picture's file, when it is in the library; `None` for a picture the article only
    /// describes (caption and credit without a file).
    pub file: Option<PictureFile>,
}

/// The files of a library picture.
#[derive(Debug, Clone, Default)]
pub struct PictureFile {
    /// Its name in the bundle (unique within the article: "IMG_1234.jpg").
    pub name: String,
    /// SHA-256 of the original, hex.
    pub hash: String,
    /// The original's media type ("image/jpeg").
    pub media_type: String,
    pub width: u32,
    pub height: u32,
    /// A JPEG for showing it (HTML, PDF): the library's preview rendition.
    pub display: Vec<u8>,
    /// The original with its credits embedded (IPTC, XMP): only the bundle needs it.
    pub original: Option<Vec<u8>>,
}
