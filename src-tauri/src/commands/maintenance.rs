//! The library as a whole: what is in it, the demo articles for a first start, importing
//! Markdown, checking it, backing it up and restoring it — the same calls as `newsdesk db …`
//! and `newsdesk article import`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use newsdesk_api::{ApiError, App};
use newsdesk_model::{
    Backup, BackupRound, ImportReport, ImportedArticle, LibraryInfo, LibraryProblem, Overview,
    Preparation,
};
use tauri::State;
use tauri::ipc::Channel;

use super::{Library, on_library};
use crate::error::{CommandResult, task_failed};

/// Path, schema version, article counts by status and the sections in use.
/// How far the background work after opening the library has come (the search index
/// rebuilt, the tag model learned); the event `preparation` tells each step after.
#[tauri::command]
pub async fn preparation(library: State<'_, Library>) -> CommandResult<Preparation> {
    on_library(library, |app| Ok(app.preparation())).await
}

#[tauri::command]
pub async fn library_info(library: State<'_, Library>) -> CommandResult<LibraryInfo> {
    crate::trace::mark("library_info asked");
    let info = on_library(library, |app| app.library_info()).await;
    crate::trace::mark("library_info answered");
    info
}

/// The newsroom overview: articles per week, tags, picture sources, licenses ending, outbox.
#[tauri::command]
pub async fn overview(library: State<'_, Library>) -> CommandResult<Overview> {
    on_library(library, |app| app.overview()).await
}

/// Imports the demo articles shipped in `assets/demo-articles`.
#[tauri::command]
pub async fn load_demo_articles(library: State<'_, Library>) -> CommandResult<ImportReport> {
    on_library(library, |app| app.load_demo_articles()).await
}

/// Set by `cancel_import`; the running import stops before its next batch.
static STOP_IMPORT: AtomicBool = AtomicBool::new(false);

/// Imports Markdown files and folders (chosen in the dialog or dropped on the window);
/// `progress` hears of each article as its batch is committed.
#[tauri::command]
pub async fn import_articles(
    library: State<'_, Library>,
    paths: Vec<String>,
    progress: Channel<ImportedArticle>,
) -> CommandResult<ImportReport> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    STOP_IMPORT.store(false, Ordering::Relaxed);
    on_library(library, move |app| {
        app.import_paths_until(
            &paths,
            |article| {
                // A window that went away only stops hearing about progress.
                let _ = progress.send(article.clone());
            },
            &STOP_IMPORT,
        )
    })
    .await
}

/// Stops the running article import after the batch it is storing (nothing half-written).
#[tauri::command]
pub async fn cancel_import() -> CommandResult<()> {
    STOP_IMPORT.store(true, Ordering::Relaxed);
    Ok(())
}

/// What SQLite's integrity check, the search index check and reading every article back
/// found; empty when the library is sound.
#[tauri::command]
pub async fn check_library(library: State<'_, Library>) -> CommandResult<Vec<String>> {
    on_library(library, |app| app.check_library()).await
}

/// The backups in the backup folder, newest first.
#[tauri::command]
pub async fn backups(library: State<'_, Library>) -> CommandResult<Vec<Backup>> {
    on_library(library, |app| app.backups()).await
}

/// Backs the library and its pictures up now, keeping as many as the settings say.
#[tauri::command]
pub async fn backup_now(library: State<'_, Library>) -> CommandResult<BackupRound> {
    on_library(library, |app| app.backup_now()).await
}

/// Replaces the library with a backup, checked first; answers where the safety copy of the
/// replaced library is.
#[tauri::command]
pub async fn restore_backup(library: State<'_, Library>, path: String) -> CommandResult<String> {
    on_library(library, move |app| {
        app.restore_library(std::path::Path::new(&path))
            .map(|safety| safety.to_string_lossy().into_owned())
    })
    .await
}

/// Why the library did not open at start, with the backups beside it to restore from; `None`
/// when it is open (the window then shows the library, not the recovery page).
#[tauri::command]
pub async fn library_problem(library: State<'_, Library>) -> CommandResult<Option<LibraryProblem>> {
    let problem = match library.current() {
        Ok(_) => return Ok(None),
        Err(problem) => problem,
    };
    let path = library.path().to_path_buf();
    let backups = tauri::async_runtime::spawn_blocking(move || App::backups_beside(&path))
        .await
        .map_err(task_failed)??;
    Ok(Some(LibraryProblem {
        path: library.path().to_string_lossy().into_owned(),
        problem,
        backups,
    }))
}

/// Restores the backup at `path` as the library that did not open, then opens it: the window
/// goes on with the restored library (the outbox and the automatic backups start). Answers
/// where the file that did not open was kept.
#[tauri::command]
pub async fn restore_unopened(library: State<'_, Library>, path: String) -> CommandResult<String> {
    if library.app().is_some() {
        return Err(ApiError::Invalid(newsdesk_model::text!(
            "the library is open: restore a backup from the tools instead",
            "Die Bibliothek ist geöffnet: Eine Sicherung wird in den Werkzeugen \
             wiederhergestellt."
        ))
        .into());
    }
    let target = library.path().to_path_buf();
    let (damaged, app) = tauri::async_runtime::spawn_blocking(move || {
        let damaged = App::restore_unopened(&target, std::path::Path::new(&path))?;
        Ok::<_, ApiError>((damaged, App::open(&target)?))
    })
    .await
    .map_err(task_failed)??;
    tracing::info!(damaged = %damaged.display(), "library restored from a backup in the window");
    library.now_open(app);
    Ok(damaged.to_string_lossy().into_owned())
}
