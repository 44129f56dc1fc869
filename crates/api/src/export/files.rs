//! Writing export files: whole or not at all, never over a file unasked, named by date and title.

use newsdesk_model::text;
use std::path::Path;

use newsdesk_model::Article;
use newsdesk_store::{Content, Existing, write_whole};

use crate::ApiError;
use newsdesk_export::Format as ExportFormat;

pub(crate) fn exists_already(target: &Path) -> ApiError {
    ApiError::Invalid(text!(
        "{} exists already: choose another name, or replace it (--force)",
        "{} gibt es schon: einen anderen Namen wählen oder die Datei ersetzen (--force).",
        target.display()
    ))
}

/// Writes `bytes` to `target` whole or not at all ([`newsdesk_store::write_whole`]); an
/// existing file only with `replace` (checked in the same step as the rename: no race).
pub(crate) fn write_new_file(target: &Path, bytes: &[u8], replace: bool) -> Result<(), ApiError> {
    if target.file_name().is_none() {
        return Err(ApiError::Invalid(text!(
            "{} is not a file name",
            "{} ist kein Dateiname.",
            target.display()
        )));
    }
    let existing = if replace {
        Existing::Replace
    } else {
        Existing::Keep
    };
    match write_whole(target, Content::Bytes(bytes), existing) {
        Ok(()) => Ok(()),
        Err(e) if !replace && e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(exists_already(target))
        }
        Err(e) => Err(ApiError::io(
            text!("cannot write", "Die Datei lässt sich nicht schreiben"),
            target,
            e,
        )),
    }
}

/// "2018-12-13-zweites-digitalisierungskabinett.pdf": the date (when given), the title's
/// [`newsdesk_model::slug`] (umlauts as ae/oe/ue, ß as ss) of whole words in fewer than 80
/// characters, and the format's extension; "artikel-ID" for an article without a usable title.
pub(crate) fn file_name_for(article: &Article, format: ExportFormat) -> String {
    let mut name = newsdesk_model::slug(&article.content.title, 79);
    if name.is_empty() {
        name = format!("artikel-{}", article.id);
    }
    if let Some(date) = article.content.date {
        name = format!("{date}-{name}");
    }
    format!("{name}.{}", format.extension())
}
