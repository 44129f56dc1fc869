//! The bundle: one ZIP with the article as Markdown (`article.md`, its pictures named under
//! `images/` so that importing the unpacked folder brings them along), HTML (`article.html`),
//! ninjs (`article.json`), the pictures as files with their credits embedded (`images/…`) and
//! `credits.csv`.

use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use crate::{Anatomy, ExportArticle, ExportError, Templates};

/// The article as a ZIP bundle.
pub fn bundle(article: &ExportArticle, templates: &Templates) -> Result<Vec<u8>, ExportError> {
    let mut content = article.content.clone();
    for (image, picture) in content.images.iter_mut().zip(&article.pictures) {
        if let Some(file) = &picture.file {
            image.file = format!("images/{}", file.name);
        }
    }
    let markdown = newsdesk_interchange::write(&content);
    let anatomy = Anatomy::of(article);
    let page = crate::html::page(article, &anatomy, templates)?;
    let json = serde_json::to_vec_pretty(&newsdesk_anatomy::news_item(article, &anatomy))
        .map_err(|e| ExportError::Bundle(format!("article.json: {e}")))?;
    let credits = crate::credits::table(article, &anatomy)?;

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let text = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .unix_permissions(0o644);
    // Pictures are compressed already: stored as they are.
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .unix_permissions(0o644);
    let bad = |name: &str, e: &dyn std::fmt::Display| ExportError::Bundle(format!("{name}: {e}"));
    let mut add = |name: &str, bytes: &[u8], options: SimpleFileOptions| {
        zip.start_file(name, options).map_err(|e| bad(name, &e))?;
        zip.write_all(bytes).map_err(|e| bad(name, &e))
    };
    add("article.md", markdown.as_bytes(), text)?;
    add("article.html", page.as_bytes(), text)?;
    add("article.json", &json, text)?;
    add("credits.csv", &credits, text)?;
    for picture in &article.pictures {
        let Some(file) = &picture.file else { continue };
        let Some(original) = &file.original else {
            return Err(ExportError::Bundle(format!(
                "the original of {} was not given",
                file.name
            )));
        };
        add(&format!("images/{}", file.name), original, stored)?;
    }
    let cursor = zip.finish().map_err(|e| bad("bundle", &e))?;
    Ok(cursor.into_inner())
}
