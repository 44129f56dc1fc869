//! Exports from the window: one article to the file the editor chose in the save dialog, or
//! many into a folder with progress.

use std::path::PathBuf;

use newsdesk_api::{ApiError, ExportFormat};
use newsdesk_model::{ArticleFilter, ExportProgress, ExportReport, ExportTarget, ExportedFile};
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::State;
use tauri::ipc::Channel;

use super::{Library, on_library};
use crate::error::CommandResult;

fn format(name: &str) -> Result<ExportFormat, ApiError> {
    Ok(name.parse()?)
}

/// The file name to offer for article `id` in `format`, and the desk's export folder if any.
#[tauri::command]
pub async fn export_target(
    library: State<'_, Library>,
    id: i64,
    format: String,
) -> CommandResult<ExportTarget> {
    on_library(library, move |app| {
        app.export_target(id, self::format(&format)?)
    })
    .await
}

/// Writes article `id` in `format` to `path` (the native save dialog asked about replacing).
#[tauri::command]
pub async fn export_article(
    library: State<'_, Library>,
    id: i64,
    format: String,
    path: String,
    replace: bool,
) -> CommandResult<ExportedFile> {
    on_library(library, move |app| {
        app.export_article(id, self::format(&format)?, &PathBuf::from(path), replace)
    })
    .await
}

/// Set by `cancel_export`; the running batch export stops before its next article.
static STOP_EXPORT: AtomicBool = AtomicBool::new(false);

/// Stops the running batch export before its next article (every file written is whole).
#[tauri::command]
pub async fn cancel_export() -> CommandResult<()> {
    STOP_EXPORT.store(true, Ordering::Relaxed);
    Ok(())
}

/// Writes every article `filter` selects (the list as the editor filtered it) into `folder`.
#[tauri::command]
pub async fn export_selection(
    library: State<'_, Library>,
    filter: ArticleFilter,
    format: String,
    folder: String,
    progress: Channel<ExportProgress>,
) -> CommandResult<ExportReport> {
    STOP_EXPORT.store(false, Ordering::Relaxed);
    on_library(library, move |app| {
        app.export_selection(
            &filter,
            self::format(&format)?,
            &PathBuf::from(folder),
            false,
            |p| {
                let _ = progress.send(p.clone());
            },
            &STOP_EXPORT,
        )
    })
    .await
}

/// The templates folder and which templates in it are the newsroom's own.
#[tauri::command]
pub async fn templates_info(
    library: State<'_, Library>,
) -> CommandResult<newsdesk_model::TemplatesInfo> {
    on_library(library, |app| Ok(app.templates_info())).await
}

/// Copies the built-in templates into the templates folder for editing (files already there
/// are kept); answers the files written.
#[tauri::command]
pub async fn copy_templates_out(library: State<'_, Library>) -> CommandResult<Vec<String>> {
    on_library(library, |app| {
        Ok(app
            .copy_templates_out()?
            .into_iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect())
    })
    .await
}
