//! Importing Markdown files (the interchange format) into the library.

use std::path::{Path, PathBuf};

use newsdesk_model::{ArticleContent, ImportFailure, ImportReport, ImportedArticle, Status};

use crate::{ApiError, App, demo};

/// Articles stored per transaction: each file is whole or absent, and ids are reported only
/// after their batch is committed (and so survive a crash).
const BATCH: usize = 200;

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// The Markdown files under the given files and folders, each folder's in name order.
fn collect(paths: &[PathBuf], report: &mut ImportReport) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            match std::fs::read_dir(&path) {
                Ok(entries) => {
                    let mut children: Vec<PathBuf> =
                        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                    children.sort();
                    for child in children.into_iter().rev() {
                        if child.is_dir() || is_markdown(&child) {
                            stack.push(child);
                        }
                    }
                }
                Err(e) => report.failed.push(ImportFailure {
                    file: path.display().to_string(),
                    line: None,
                    message: format!("the folder cannot be read: {e}"),
                }),
            }
        } else if path.exists() {
            files.push(path);
        } else {
            report.failed.push(ImportFailure {
                file: path.display().to_string(),
                line: None,
                message: "no such file or folder".into(),
            });
        }
    }
    files
}

fn parse(file: &str, text: &str) -> Result<ArticleContent, ImportFailure> {
    newsdesk_interchange::parse(text).map_err(|e| ImportFailure {
        file: file.to_string(),
        line: e.line,
        message: e.message,
    })
}

impl App {
    /// Imports the given Markdown files and folders (recursively).
    ///
    /// A broken file is reported with its line and skipped; the others are stored.
    pub fn import_paths(&self, paths: &[PathBuf]) -> Result<ImportReport, ApiError> {
        self.import_paths_with(paths, |_| {})
    }

    /// As [`App::import_paths`], calling `committed` for each article once it is safely stored.
    pub fn import_paths_with(
        &self,
        paths: &[PathBuf],
        mut committed: impl FnMut(&ImportedArticle),
    ) -> Result<ImportReport, ApiError> {
        let mut report = ImportReport::default();
        let files = collect(paths, &mut report);
        for chunk in files.chunks(BATCH) {
            let mut parsed = Vec::with_capacity(chunk.len());
            for path in chunk {
                let name = path.display().to_string();
                match std::fs::read(path) {
                    Err(e) => report.failed.push(ImportFailure {
                        file: name,
                        line: None,
                        message: format!("the file cannot be read: {e}"),
                    }),
                    Ok(bytes) => match String::from_utf8(bytes) {
                        Err(_) => report.failed.push(ImportFailure {
                            file: name,
                            line: None,
                            message: "the file is not UTF-8 text".into(),
                        }),
                        Ok(text) => match parse(&name, &text) {
                            Ok(content) => parsed.push((name, content)),
                            Err(failure) => report.failed.push(failure),
                        },
                    },
                }
            }
            self.store_batch(parsed, &mut report, &mut committed)?;
        }
        Ok(report)
    }

    /// Imports articles given as (name, text) pairs, e.g. pasted or shipped with the app.
    pub fn import_texts(&self, texts: &[(&str, &str)]) -> Result<ImportReport, ApiError> {
        let mut report = ImportReport::default();
        let mut parsed = Vec::new();
        for (name, text) in texts {
            match parse(name, text) {
                Ok(content) => parsed.push((name.to_string(), content)),
                Err(failure) => report.failed.push(failure),
            }
        }
        self.store_batch(parsed, &mut report, &mut |_| {})?;
        Ok(report)
    }

    /// Imports the portal's sample articles that ship with Newsdesk.
    pub fn load_demo_articles(&self) -> Result<ImportReport, ApiError> {
        self.import_texts(&demo::ARTICLES)
    }

    fn store_batch(
        &self,
        parsed: Vec<(String, ArticleContent)>,
        report: &mut ImportReport,
        committed: &mut dyn FnMut(&ImportedArticle),
    ) -> Result<(), ApiError> {
        if parsed.is_empty() {
            return Ok(());
        }
        let (files, contents): (Vec<String>, Vec<ArticleContent>) = parsed.into_iter().unzip();
        let results =
            self.store
                .insert_articles(&contents, Status::Draft, "import", self.clock.now())?;
        for ((file, content), result) in files.into_iter().zip(contents).zip(results) {
            match result {
                Ok(id) => {
                    let imported = ImportedArticle {
                        id,
                        file,
                        title: content.title,
                    };
                    committed(&imported);
                    report.imported.push(imported);
                }
                Err(e) => report.failed.push(ImportFailure {
                    file,
                    line: None,
                    message: e.to_string(),
                }),
            }
        }
        Ok(())
    }
}
