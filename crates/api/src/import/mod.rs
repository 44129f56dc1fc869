//! Importing Markdown files (the interchange format) into the library.

pub(crate) mod read;
pub(crate) mod walk;

use std::path::PathBuf;

use newsdesk_model::{ArticleContent, ImportFailure, ImportReport, ImportedArticle, Status};

use crate::{ApiError, App, demo};

/// Articles stored per transaction: each file is whole or absent, and ids are reported only
/// after their batch is committed (and so survive a crash). A batch takes about a fifth of a
/// second; between two, another writer (the app autosaving) gets its turn, and a cancel
/// stops the import.
const BATCH: usize = 1000;

/// Reads and parses one article file: its name as reported, and its content.
fn read_and_parse(path: &std::path::Path) -> Result<(String, ArticleContent), ImportFailure> {
    let name = path.display().to_string();
    let text = read::read_article_file(path)
        .map_err(|message| ImportFailure::english(name.clone(), None, message))?;
    let content = parse(&name, &text)?;
    Ok((name, content))
}

fn parse(file: &str, text: &str) -> Result<ArticleContent, ImportFailure> {
    newsdesk_interchange::parse(text).map_err(|e| ImportFailure::english(file, e.line, e.message))
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
        committed: impl FnMut(&ImportedArticle),
    ) -> Result<ImportReport, ApiError> {
        self.import_paths_until(paths, committed, &std::sync::atomic::AtomicBool::new(false))
    }

    /// As [`App::import_paths_with`], stopping between two batches once `stop` is set: what
    /// was stored stays whole (each batch is one transaction), the rest is not read, and the
    /// report says it was cancelled.
    pub fn import_paths_until(
        &self,
        paths: &[PathBuf],
        mut committed: impl FnMut(&ImportedArticle),
        stop: &std::sync::atomic::AtomicBool,
    ) -> Result<ImportReport, ApiError> {
        let mut report = ImportReport::default();
        let files = walk::collect(
            paths,
            walk::is_markdown,
            walk::WalkReport {
                failed: &mut report.failed,
                skipped: &mut report.skipped,
            },
        );
        // Files are read and parsed on a thread of their own while the batch before is
        // stored; the search index is written once, at the end, for all of them.
        std::thread::scope(|scope| -> Result<(), ApiError> {
            let (send, batches) = std::sync::mpsc::sync_channel(1);
            let files = &files;
            scope.spawn(move || {
                for chunk in files.chunks(BATCH) {
                    let parsed: Vec<_> = chunk.iter().map(|path| read_and_parse(path)).collect();
                    if send.send((chunk, parsed)).is_err() {
                        return; // cancelled, or the import failed
                    }
                }
            });
            for (n, (chunk, parsed)) in batches.iter().enumerate() {
                if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    report.cancelled = true;
                    break;
                }
                if n > 0 {
                    self.store.yield_to_writers();
                }
                let mut contents = Vec::with_capacity(parsed.len());
                for (path, result) in chunk.iter().zip(parsed) {
                    match result {
                        Ok((name, mut content)) => {
                            self.bring_pictures(path, &mut content, &mut report.failed);
                            contents.push((name, content));
                        }
                        Err(failure) => report.failed.push(failure),
                    }
                }
                self.store_batch(contents, &mut report, &mut committed, false)?;
            }
            Ok(())
        })?;
        // What was stored is found when the import returns (a cancelled one too). Should the
        // index fail (a full disk), the articles are stored and stay queued for it.
        let _ = self.store.index_queued();
        Ok(report)
    }

    /// Replaces article `id`'s content with the article file at `path` (a new revision);
    /// with `expected_revision`, refuses as a conflict when the article moved on meanwhile.
    pub fn update_from_file(
        &self,
        id: i64,
        path: &std::path::Path,
        expected_revision: Option<i64>,
    ) -> Result<newsdesk_model::Article, ApiError> {
        let content = self.read_article_content(path)?;
        self.save_article(id, &content, expected_revision)
    }

    /// An article file in the interchange format, read and parsed (not stored).
    pub fn read_article_content(
        &self,
        path: &std::path::Path,
    ) -> Result<newsdesk_model::ArticleContent, ApiError> {
        let name = path.display().to_string();
        let text = self.read_text_file(path)?;
        parse(&name, &text).map_err(|f| ApiError::Format {
            file: f.file,
            line: f.line,
            message: f.message,
        })
    }

    /// The text of a file an editor names (a body, an article), read with the import's
    /// limits: at most 16 MiB, a regular file, UTF-8.
    pub fn read_text_file(&self, path: &std::path::Path) -> Result<String, ApiError> {
        read::read_article_file(path).map_err(|message| ApiError::Format {
            file: path.display().to_string(),
            line: None,
            message,
        })
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
        self.store_batch(parsed, &mut report, &mut |_| {}, true)?;
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
        index: bool,
    ) -> Result<(), ApiError> {
        if parsed.is_empty() {
            return Ok(());
        }
        let (files, contents): (Vec<String>, Vec<ArticleContent>) = parsed.into_iter().unzip();
        let results = self.store.insert_articles_indexed(
            &contents,
            Status::Draft,
            "import",
            self.clock.now(),
            index,
        )?;
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
                Err(e) => report.failed.push(ImportFailure::worded(file, None, &e)),
            }
        }
        Ok(())
    }
}
