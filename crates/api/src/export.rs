//! Writing an article out as a file.

use std::io::Write;
use std::path::Path;
use std::str::FromStr;

use crate::{ApiError, App};

/// The file formats an article can be exported to. More come with the export issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Markdown with YAML front matter: the interchange format.
    Markdown,
}

impl FromStr for ExportFormat {
    type Err = ApiError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(ExportFormat::Markdown),
            other => Err(ApiError::Invalid(format!(
                "unknown export format '{other}' (available: md)"
            ))),
        }
    }
}

impl App {
    /// The article in the interchange format (Markdown with YAML front matter).
    pub fn export_markdown(&self, id: i64) -> Result<String, ApiError> {
        let article = self.store.article(id)?;
        Ok(newsdesk_interchange::write(&article.content))
    }

    /// Writes the article to `target` in `format`. The file appears whole or not at all;
    /// an existing file is replaced only with `replace`.
    pub fn export_article(
        &self,
        id: i64,
        format: ExportFormat,
        target: &Path,
        replace: bool,
    ) -> Result<(), ApiError> {
        if !replace && target.exists() {
            return Err(exists_already(target));
        }
        // No picture leaves without its credit, nor after its license ended.
        let article = self.store.article(id)?;
        let guarded: Vec<newsdesk_model::ReadinessProblem> = self
            .check_content(&article.content)?
            .into_iter()
            .filter(|p| {
                p.blocking
                    && matches!(
                        p.code.as_str(),
                        "no_credit" | "license_expired" | "not_in_library"
                    )
            })
            .collect();
        if !guarded.is_empty() {
            return Err(ApiError::PictureNotCleared {
                id,
                problems: guarded,
            });
        }
        let text = match format {
            ExportFormat::Markdown => {
                // The pictures go beside the file, credits inside, so the round trip keeps them.
                let mut content = self.store.article(id)?.content;
                self.export_pictures(&mut content, target, replace)?;
                newsdesk_interchange::write(&content)
            }
        };
        write_new_file(target, text.as_bytes(), replace)
    }
}

fn exists_already(target: &Path) -> ApiError {
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
