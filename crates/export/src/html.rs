//! The self-contained HTML page: the article's [`Anatomy`] through the newsroom's template,
//! pictures embedded as `data:` addresses, no script.

use std::path::Path;

use base64::Engine;

use crate::jobs::PageJob;
use crate::{Anatomy, ExportArticle, ExportError, Templates};

/// The article as one HTML page (UTF-8) made with `templates`' `article.html`.
pub fn html(article: &ExportArticle, templates: &Templates) -> Result<String, ExportError> {
    page(article, &Anatomy::of(article), templates)
}

/// [`html`] of an article whose anatomy is made already.
pub(crate) fn page(
    article: &ExportArticle,
    anatomy: &Anatomy,
    templates: &Templates,
) -> Result<String, ExportError> {
    // One entry per picture, in the article's order: its data: address, or none.
    let images = article
        .pictures
        .iter()
        .map(|picture| {
            picture
                .file
                .as_ref()
                .filter(|f| !f.display.is_empty())
                .map(|file| {
                    let data = base64::engine::general_purpose::STANDARD.encode(&file.display);
                    format!("data:image/jpeg;base64,{data}")
                })
        })
        .collect();
    let job = PageJob {
        folder: templates.folder().map(Path::to_path_buf),
        article: serde_json::to_value(anatomy)
            .map_err(|e| ExportError::template("article.html", e))?,
        images,
        credits: anatomy.credits().into_iter().map(str::to_owned).collect(),
    };
    crate::sandbox::page(job)
}
