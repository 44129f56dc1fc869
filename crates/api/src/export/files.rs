//! Writing export files: whole or not at all, never over a file unasked, named by date and title.

use std::io::Write;
use std::path::Path;

use newsdesk_model::Article;

use super::ExportFormat;
use crate::ApiError;

pub(crate) fn exists_already(target: &Path) -> ApiError {
    ApiError::Invalid(format!(
        "{} exists already: choose another name, or replace it (--force)",
        target.display()
    ))
}

/// Writes `bytes` to `target` whole or not at all; an existing file only with `replace`.
pub(crate) fn write_new_file(target: &Path, bytes: &[u8], replace: bool) -> Result<(), ApiError> {
    if !replace && target.exists() {
        return Err(exists_already(target));
    }
    write_atomically(target, bytes)
}

/// Writes to a temporary file beside `target`, syncs it and renames it into place.
fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .ok_or_else(|| ApiError::Invalid(format!("{} is not a file name", target.display())))?;
    let temp = dir.join(format!(".{}.part", name.to_string_lossy()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, target)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        ApiError::io("cannot write", target, e)
    })
}

/// "2018-12-13-zweites-digitalisierungskabinett.pdf": the date (when given), the title in
/// lower-case ASCII (umlauts as ae/oe/ue, ß as ss), at most 80 characters, and the format's
/// extension; "artikel-ID" for an article without a usable title.
pub(crate) fn file_name_for(article: &Article, format: ExportFormat) -> String {
    let mut slug = String::new();
    for c in article.content.title.chars().flat_map(char::to_lowercase) {
        let piece: &str = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c);
                continue;
            }
            _ => "-",
        };
        slug.push_str(piece);
    }
    let mut words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let mut length = 0;
    words.retain(|w| {
        length += w.len() + 1;
        length <= 80
    });
    let mut name = words.join("-");
    if name.is_empty() {
        name = format!("artikel-{}", article.id);
    }
    if let Some(date) = article.content.date {
        name = format!("{date}-{name}");
    }
    format!("{name}.{}", format.extension())
}
