//! The history of an article: its revisions, word-level differences, restore.

use newsdesk_model::{Article, RevisionDiff, RevisionSummary};
use tauri::State;

use super::{Library, on_library};
use crate::error::CommandResult;

/// The revisions of one article, newest first.
#[tauri::command]
pub async fn article_history(
    library: State<'_, Library>,
    id: i64,
) -> CommandResult<Vec<RevisionSummary>> {
    on_library(library, move |app| app.article_history(id)).await
}

/// What changed from revision `from` to `to`, word by word.
#[tauri::command]
pub async fn diff_revisions(
    library: State<'_, Library>,
    id: i64,
    from: i64,
    to: i64,
) -> CommandResult<RevisionDiff> {
    on_library(library, move |app| app.diff_revisions(id, from, to)).await
}

/// Makes an old revision current again, as a new revision.
#[tauri::command]
pub async fn restore_revision(
    library: State<'_, Library>,
    id: i64,
    revision: i64,
) -> CommandResult<Article> {
    on_library(library, move |app| app.restore_revision(id, revision)).await
}
