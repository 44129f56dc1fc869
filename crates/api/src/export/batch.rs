//! Many articles at once: a selection, or every article of a status or section, each to its
//! own file in one folder, with progress. One article that cannot go (a picture without
//! credit) is reported and the others are written.

use newsdesk_model::text;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use newsdesk_model::{ArticleFilter, ExportFailure, ExportProgress, ExportReport};

use super::{ExportFormat, file_name_for};
use crate::{ApiError, App};

impl App {
    /// Exports the articles `ids` into `folder` (made when missing), one file each named by
    /// date and title ("2018-12-13-zweites-digitalisierungskabinett.pdf"; "-2", "-3" added
    /// when two would share a name). Existing files are replaced only with `replace`.
    /// `progress` hears after each article; once `stop` is set the export ends before the next
    /// one (`cancelled` in the report; every file written is whole).
    pub fn export_articles(
        &self,
        ids: &[i64],
        format: ExportFormat,
        folder: &Path,
        replace: bool,
        mut progress: impl FnMut(&ExportProgress),
        stop: &AtomicBool,
    ) -> Result<ExportReport, ApiError> {
        if ids.is_empty() {
            return Err(ApiError::Invalid(text!(
                "no article was chosen to export",
                "Es wurde kein Artikel zum Exportieren gewählt."
            )));
        }
        std::fs::create_dir_all(folder).map_err(|e| {
            ApiError::io(
                text!(
                    "cannot make the export folder",
                    "Der Exportordner lässt sich nicht anlegen"
                ),
                folder,
                e,
            )
        })?;
        let mut report = ExportReport {
            format: format.name().to_owned(),
            ..ExportReport::default()
        };
        let mut taken: Vec<String> = Vec::new();
        for (done, &id) in ids.iter().enumerate() {
            if stop.load(Ordering::Relaxed) {
                report.cancelled = true;
                break;
            }
            let (title, result) = match self.store.article(id) {
                Ok(article) => {
                    let name = unique(file_name_for(&article, format), &taken);
                    taken.push(name.clone());
                    let result = self.export_article(id, format, &folder.join(&name), replace);
                    (article.content.title, result)
                }
                Err(e) => (String::new(), Err(e.into())),
            };
            match result {
                Ok(file) => report.written.push(file),
                Err(e) => report
                    .failed
                    .push(ExportFailure::worded(id, title.clone(), &e)),
            }
            progress(&ExportProgress {
                done: done + 1,
                total: ids.len(),
                title,
            });
        }
        Ok(report)
    }

    /// Exports every article `filter` selects (never those in the trash), as
    /// [`App::export_articles`]. Refused when it selects none.
    pub fn export_selection(
        &self,
        filter: &ArticleFilter,
        format: ExportFormat,
        folder: &Path,
        replace: bool,
        progress: impl FnMut(&ExportProgress),
        stop: &AtomicBool,
    ) -> Result<ExportReport, ApiError> {
        let filter = ArticleFilter {
            trashed: Some(false),
            limit: None,
            offset: None,
            ..filter.clone()
        };
        let ids: Vec<i64> = self.store.list(&filter)?.iter().map(|a| a.id).collect();
        if ids.is_empty() {
            return Err(ApiError::Invalid(text!(
                "no article matches: nothing was exported",
                "Kein Artikel passt: Nichts wurde exportiert."
            )));
        }
        self.export_articles(&ids, format, folder, replace, progress, stop)
    }
}

/// `name`, or `name-2`, `name-3` … when taken.
fn unique(name: String, taken: &[String]) -> String {
    if !taken.contains(&name) {
        return name;
    }
    let (stem, extension) = name.rsplit_once('.').unwrap_or((&name, ""));
    (2..)
        .map(|n| format!("{stem}-{n}.{extension}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(name)
}
