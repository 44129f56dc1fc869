//! Bringing pictures into the library: files and folders, read and analysed in parallel
//! (hash, metadata, thumbnail, preview, perceptual hash), stored once by hash. A file that
//! cannot be read is reported with the reason and the rest goes on.

use newsdesk_model::{Localized, text};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use newsdesk_model::limits::human_bytes;
use newsdesk_model::{ImageImportProgress, ImageImportReport, ImportFailure, ImportedImage};
use newsdesk_model::{PREVIEW_EDGE, THUMBNAIL_EDGE};
use newsdesk_store::NewImage;

use super::media_limits;
use crate::import::read::read_bounded;
use crate::import::walk;
use crate::{ApiError, App};

/// The file names an image import picks from a folder.
pub(crate) fn is_picture(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|e| matches!(e.as_str(), "jpg" | "jpeg" | "png" | "webp" | "tif" | "tiff"))
}

/// How many files are analysed at once: one per core (decoding is the work).
fn workers() -> usize {
    std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8)
}

fn read_picture(path: &Path) -> Result<Vec<u8>, String> {
    let max = media_limits().max_file_bytes;
    read_bounded(path, max, |size| {
        format!(
            "the file is {}, more than the {} Newsdesk imports as one picture",
            human_bytes(size),
            human_bytes(max)
        )
    })
}

/// A picture read and analysed, ready to be stored.
pub(crate) struct Analysed {
    path: PathBuf,
    new: NewImage,
}

/// Runs `work` over `items` on [`workers`] threads; `done` gets each result in the order
/// they finish, on the calling thread.
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    stop: &AtomicBool,
    work: impl Fn(&T) -> R + Sync,
    mut done: impl FnMut(R),
) {
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers().min(items.len().max(1)) {
            let send = send.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || {
                // Once stopped, no new item is begun; those begun are finished and handed on.
                while !stop.load(Ordering::Relaxed)
                    && let Some(item) = items.get(next.fetch_add(1, Ordering::Relaxed))
                {
                    if send.send(work(item)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(send);
        for result in receive {
            done(result);
        }
    });
}

impl App {
    /// Imports the picture files and folders (recursively) in `paths`.
    pub fn import_images(&self, paths: &[PathBuf]) -> Result<ImageImportReport, ApiError> {
        self.import_images_with(paths, |_| {})
    }

    /// As [`App::import_images`], telling `progress` after each file.
    pub fn import_images_with(
        &self,
        paths: &[PathBuf],
        progress: impl FnMut(&ImageImportProgress),
    ) -> Result<ImageImportReport, ApiError> {
        self.import_images_until(paths, progress, &AtomicBool::new(false))
    }

    /// As [`App::import_images_with`], stopping once `stop` is set: no file is begun after
    /// that, each one begun is stored whole (`cancelled` in the report says it stopped early).
    pub fn import_images_until(
        &self,
        paths: &[PathBuf],
        mut progress: impl FnMut(&ImageImportProgress),
        stop: &AtomicBool,
    ) -> Result<ImageImportReport, ApiError> {
        let mut report = ImageImportReport::default();
        let files = walk::collect(
            paths,
            is_picture,
            walk::WalkReport {
                failed: &mut report.failed,
                skipped: &mut report.skipped,
            },
        );
        let total = files.len();
        let fatal: Mutex<Option<ApiError>> = Mutex::new(None);
        let mut done = 0;
        in_parallel(
            &files,
            stop,
            |path| self.analyse_and_keep(path),
            |result| {
                done += 1;
                let file = match &result {
                    Ok(analysed) => analysed.path.display().to_string(),
                    Err(failure) => failure.file.clone(),
                };
                match result.map(|analysed| self.store_picture(analysed)) {
                    Ok(Ok(imported)) => report.imported.push(imported),
                    Ok(Err(error)) => {
                        let mut fatal = fatal.lock().unwrap_or_else(|p| p.into_inner());
                        fatal.get_or_insert(error);
                    }
                    Err(failure) => report.failed.push(failure),
                }
                progress(&ImageImportProgress { done, total, file });
            },
        );
        if let Some(error) = fatal.into_inner().unwrap_or_else(|p| p.into_inner()) {
            return Err(error);
        }
        report.cancelled = done < total;
        Ok(report)
    }

    /// Reads and analyses one file and writes its original and renditions into the media
    /// folder (before any row names them). A failure is worded for the photo editor.
    pub(crate) fn analyse_and_keep(&self, path: &Path) -> Result<Analysed, ImportFailure> {
        let file = path.display().to_string();
        let fail = |why: &dyn Localized| ImportFailure::worded(file.clone(), None, why);
        let bytes =
            read_picture(path).map_err(|why| ImportFailure::english(file.clone(), None, why))?;
        let inspected =
            newsdesk_media::inspect(&bytes, path, &media_limits()).map_err(|e| fail(&e))?;
        let keep = |target: Result<PathBuf, newsdesk_store::StoreError>, data: &[u8]| {
            target
                .and_then(|target| self.store.put_media_file(&target, data))
                .map_err(|e| fail(&e))
        };
        keep(
            self.store
                .original_path(&inspected.sha256, inspected.format),
            &bytes,
        )?;
        keep(
            self.store.rendition_path(&inspected.sha256, THUMBNAIL_EDGE),
            &inspected.renditions.thumbnail,
        )?;
        keep(
            self.store.rendition_path(&inspected.sha256, PREVIEW_EDGE),
            &inspected.renditions.preview,
        )?;
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        Ok(Analysed {
            path: path.to_path_buf(),
            new: NewImage {
                hash: inspected.sha256,
                file,
                format: inspected.format.to_string(),
                width: inspected.width,
                height: inspected.height,
                bytes: bytes.len() as u64,
                phash: inspected.phash,
                metadata: inspected.metadata,
            },
        })
    }

    pub(crate) fn store_picture(&self, analysed: Analysed) -> Result<ImportedImage, ApiError> {
        let (image, new) = self.store.insert_image(&analysed.new, self.clock.now())?;
        Ok(ImportedImage {
            image,
            path: analysed.path.display().to_string(),
            new,
        })
    }
}

/// One thumbnail made by [`thumbnails`]: from which file, to which file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thumbnail {
    pub from: PathBuf,
    pub to: PathBuf,
}

/// JPEG thumbnails (long edge `edge` px, orientation applied) of `files` into `out_dir`, in
/// parallel, named after each file (`foto.png` → `foto.jpg`). No library is needed.
pub fn thumbnails(
    files: &[PathBuf],
    edge: u32,
    out_dir: &Path,
) -> Result<(Vec<Thumbnail>, Vec<ImportFailure>), ApiError> {
    if !(16..=8192).contains(&edge) {
        return Err(ApiError::Invalid(text!(
            "a thumbnail's long edge of {edge} px is outside 16 to 8192 px",
            "Eine lange Kante von {edge} px für Vorschaubilder liegt außerhalb von 16 bis 8192 px."
        )));
    }
    std::fs::create_dir_all(out_dir).map_err(|e| {
        ApiError::io(
            text!(
                "cannot make the folder",
                "Der Ordner lässt sich nicht anlegen"
            ),
            out_dir,
            e,
        )
    })?;
    // One name per input: `a/foto.jpg` and `b/foto.png` become foto.jpg and foto-2.jpg.
    let mut taken = std::collections::HashSet::new();
    let jobs: Vec<(PathBuf, PathBuf)> = files
        .iter()
        .map(|path| {
            let stem = path.file_stem().map_or_else(
                || "thumbnail".to_string(),
                |s| s.to_string_lossy().into_owned(),
            );
            let mut name = format!("{stem}.jpg");
            let mut n = 1;
            while !taken.insert(name.clone()) {
                n += 1;
                name = format!("{stem}-{n}.jpg");
            }
            (path.clone(), out_dir.join(name))
        })
        .collect();
    let mut made = Vec::new();
    let mut failed = Vec::new();
    in_parallel(
        &jobs,
        &AtomicBool::new(false),
        |(path, to)| -> Result<Thumbnail, ImportFailure> {
            let file = path.display().to_string();
            let fail = |why: &dyn Localized| ImportFailure::worded(file.clone(), None, why);
            let bytes = read_picture(path)
                .map_err(|why| ImportFailure::english(file.clone(), None, why))?;
            let jpeg = newsdesk_media::thumbnail(&bytes, path, edge, &media_limits())
                .map_err(|e| fail(&e))?;
            crate::export::write_new_file(to, &jpeg, true).map_err(|e| fail(&e))?;
            Ok(Thumbnail {
                from: path.clone(),
                to: to.clone(),
            })
        },
        |result| match result {
            Ok(thumbnail) => made.push(thumbnail),
            Err(failure) => failed.push(failure),
        },
    );
    Ok((made, failed))
}
