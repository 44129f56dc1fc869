//! The article as the portal shows it, one level below its file formats: what an export or
//! a post is made from ([`ExportArticle`], read from the library by the application API), the
//! portal's parts of it ([`Anatomy`]: "Kicker: Title", date, teaser, pictures with
//! "Bildquelle: …", body, links, tags) and its IPTC ninjs 2.1 form ([`ninjs`]).
//!
//! `newsdesk-export` (HTML, PDF, bundle) and `newsdesk-publish` (the portals) both build on
//! it; it holds no typesetting and no templates, so publishing does not compile Typst.
//!
//! ```
//! use newsdesk_anatomy::{Anatomy, ExportArticle};
//! # let article = ExportArticle {
//! #     id: 1, revision: 1, created_at: Default::default(), updated_at: Default::default(),
//! #     content: Default::default(), pictures: Vec::new(),
//! # };
//! let anatomy = Anatomy::of(&article);
//! assert_eq!(anatomy.language, "de");
//! ```

mod anatomy;
mod ninjs;

pub use anatomy::{Anatomy, Figure, Link, correction_notice, portal_date, safe_url};
pub use ninjs::{NINJS_SCHEMA_URI, news_item, ninjs};

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
