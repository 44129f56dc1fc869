//! Full-text search over the library.

use newsdesk_model::SearchHit;
use tauri::State;

use super::{Library, on_library};
use crate::error::CommandResult;

/// The best `limit` matches for `query`, best first, each with a snippet.
#[tauri::command]
pub async fn search_articles(
    library: State<'_, Library>,
    query: String,
    limit: u32,
) -> CommandResult<Vec<SearchHit>> {
    // u32 from JSON always fits a usize on the platforms Newsdesk builds for.
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    on_library(library, move |app| app.search(&query, limit)).await
}
