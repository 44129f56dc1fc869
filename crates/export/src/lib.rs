//! An article as a file an editor hands on: the self-contained HTML page and the PDF print
//! version (both in the portal's anatomy, from [`Anatomy`]), Markdown (the interchange format),
//! IPTC ninjs 2.1 JSON, and a ZIP bundle of all of them with the pictures and a credits list.
//!
//! Pure: the caller (the application API) reads the article and its pictures from the
//! library and gives them here as an [`ExportArticle`]; this crate returns bytes. Templates are
//! read from a folder the newsroom may change ([`Templates`]), with the built-in ones from
//! `assets/export/` as the fallback.

mod bundle;
mod credits;
mod error;
mod format;
mod html;
mod html_render;
mod jobs;
mod pdf;
mod sandbox;
mod templates;
mod typeset;
mod typst_markup;

pub use bundle::bundle;
pub use credits::credits_csv;
pub use error::ExportError;
pub use format::{Format, UnknownFormat};
pub use html::html;
pub use pdf::pdf;
pub use sandbox::{serve_template_child_if_asked, use_template_runner};
pub use templates::{TEMPLATE_FILES, Templates};

// The article an export is made of, its anatomy and its ninjs form live in newsdesk-anatomy
// (publishing needs them without typesetting); re-exported for the callers of this crate.
pub use newsdesk_anatomy::{
    Anatomy, ExportArticle, Figure, NINJS_SCHEMA_URI, Picture, PictureFile, ninjs, portal_date,
};
