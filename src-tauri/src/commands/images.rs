//! The image library: import with progress, lists and filters, credits for one picture or a
//! selection, keywords, look-alikes, presets. The pixels reach the window through the
//! `ndimage:` protocol (see [`crate::image_protocol`]), not through IPC.

use newsdesk_model::{
    CreditFields, CreditPreview, DuplicateGroup, Image, ImageFilter, ImageImportProgress,
    ImageImportReport, ImageMetadata, ImagePatch, ImageUse,
};
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::State;
use tauri::ipc::Channel;

use super::{Library, on_library};
use crate::error::CommandResult;

/// Set by `cancel_image_import`; the running picture import begins no further file.
static STOP_IMAGE_IMPORT: AtomicBool = AtomicBool::new(false);

/// Imports picture files and folders (paths from the file dialog or a drop), telling
/// `progress` after each file.
#[tauri::command]
pub async fn import_images(
    library: State<'_, Library>,
    paths: Vec<String>,
    progress: Channel<ImageImportProgress>,
) -> CommandResult<ImageImportReport> {
    let paths: Vec<std::path::PathBuf> = paths.into_iter().map(Into::into).collect();
    STOP_IMAGE_IMPORT.store(false, Ordering::Relaxed);
    on_library(library, move |app| {
        app.import_images_until(
            &paths,
            |p| {
                // A window that went away only stops hearing about progress.
                let _ = progress.send(p.clone());
            },
            &STOP_IMAGE_IMPORT,
        )
    })
    .await
}

/// Stops the running picture import: the files being read are stored whole, no other begins.
#[tauri::command]
pub async fn cancel_image_import() -> CommandResult<()> {
    STOP_IMAGE_IMPORT.store(true, Ordering::Relaxed);
    Ok(())
}

/// The pictures `filter` selects, newest import first.
#[tauri::command]
pub async fn list_images(
    library: State<'_, Library>,
    filter: ImageFilter,
) -> CommandResult<Vec<Image>> {
    on_library(library, move |app| app.images(&filter)).await
}

/// What the picture's file said at import, beside what the library says now.
#[tauri::command]
pub async fn image_file_metadata(
    library: State<'_, Library>,
    id: i64,
) -> CommandResult<ImageMetadata> {
    on_library(library, move |app| app.image_file_metadata(id)).await
}

/// Sets credits, license and expiry on one picture or a selection (all or none).
#[tauri::command]
pub async fn patch_images(
    library: State<'_, Library>,
    ids: Vec<i64>,
    patch: ImagePatch,
) -> CommandResult<Vec<Image>> {
    on_library(library, move |app| app.patch_images(&ids, &patch)).await
}

/// Adds and removes keywords on a selection.
#[tauri::command]
pub async fn tag_images(
    library: State<'_, Library>,
    ids: Vec<i64>,
    add: Vec<String>,
    remove: Vec<String>,
) -> CommandResult<Vec<Image>> {
    on_library(library, move |app| app.tag_images(&ids, &add, &remove)).await
}

/// Pictures that show the same photo.
#[tauri::command]
pub async fn image_duplicates(library: State<'_, Library>) -> CommandResult<Vec<DuplicateGroup>> {
    on_library(library, |app| app.image_duplicates()).await
}

/// Credits used before, most used first: presets and completion.
#[tauri::command]
pub async fn credit_values(library: State<'_, Library>) -> CommandResult<Vec<String>> {
    on_library(library, |app| app.credit_values()).await
}

/// The credit line each of `fields` gives under the library's format, in order: the
/// preview while credits are being edited.
#[tauri::command]
pub async fn credit_lines(
    library: State<'_, Library>,
    fields: Vec<CreditFields>,
) -> CommandResult<Vec<String>> {
    on_library(library, move |app| app.credit_lines(&fields)).await
}

/// Every use of a library picture in an article dated `from`..=`to` (YYYY-MM-DD).
#[tauri::command]
pub async fn credit_report(
    library: State<'_, Library>,
    from: String,
    to: String,
) -> CommandResult<Vec<ImageUse>> {
    let (from, to) = (day(&from)?, day(&to)?);
    on_library(library, move |app| app.credit_report(from, to)).await
}

/// The credit report for `from`..=`to` as CSV, written where the editor chose (save dialog).
#[tauri::command]
pub async fn save_credit_report(
    library: State<'_, Library>,
    from: String,
    to: String,
    path: String,
) -> CommandResult<usize> {
    let (from, to) = (day(&from)?, day(&to)?);
    on_library(library, move |app| {
        app.save_credit_report(from, to, std::path::Path::new(&path))
    })
    .await
}

/// A calendar day as the window's date fields give it, or why not, in words.
fn day(text: &str) -> Result<chrono::NaiveDate, newsdesk_model::UserError> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        newsdesk_model::UserError::worded(
            newsdesk_model::ErrorCode::InvalidInput,
            &newsdesk_model::text!(
                "{text:?} is not a day (YYYY-MM-DD)",
                "{text:?} ist kein Tag (JJJJ-MM-TT)"
            ),
        )
    })
}

/// The lines a credit format would give the library's first pictures, before it is saved.
#[tauri::command]
pub async fn credit_format_preview(
    library: State<'_, Library>,
    format: String,
) -> CommandResult<Vec<CreditPreview>> {
    on_library(library, move |app| app.credit_format_preview(&format)).await
}

/// The picture with its credits embedded, written where the editor chose (save dialog).
#[tauri::command]
pub async fn export_image(library: State<'_, Library>, id: i64, path: String) -> CommandResult<()> {
    on_library(library, move |app| {
        app.export_image(id, std::path::Path::new(&path), true)
    })
    .await
}

/// Sets (an RFC 3339 time) or clears (`null`) the embargo of picture `id`: every article
/// showing it is held until then.
#[tauri::command]
pub async fn set_image_embargo(
    library: State<'_, Library>,
    id: i64,
    until: Option<String>,
) -> CommandResult<Image> {
    on_library(library, move |app| {
        let until = until
            .as_deref()
            .map(newsdesk_api::parse_schedule)
            .transpose()?;
        app.set_image_embargo(id, until)
    })
    .await
}
