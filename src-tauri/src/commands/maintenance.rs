//! The library as a whole: what is in it, and the demo articles for a first start.

use newsdesk_model::{ImportReport, LibraryInfo};
use tauri::State;

use super::{Library, on_library};
use crate::error::CommandResult;

/// Path, schema version, article counts by status and the sections in use.
#[tauri::command]
pub async fn library_info(library: State<'_, Library>) -> CommandResult<LibraryInfo> {
    crate::trace::mark("library_info asked");
    let info = on_library(library, |app| app.library_info()).await;
    crate::trace::mark("library_info answered");
    info
}

/// Imports the demo articles shipped in `assets/demo-articles`.
#[tauri::command]
pub async fn load_demo_articles(library: State<'_, Library>) -> CommandResult<ImportReport> {
    on_library(library, |app| app.load_demo_articles()).await
}
