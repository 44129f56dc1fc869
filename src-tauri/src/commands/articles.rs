//! Articles: the list, one article, its revisions.

use newsdesk_model::{Article, ArticleFilter, ArticleSummary, RevisionSummary};
use tauri::State;

use super::{Library, on_library};
use crate::error::CommandResult;

/// The article list, filtered by status, section, tag and date.
#[tauri::command]
pub async fn list_articles(
    library: State<'_, Library>,
    filter: ArticleFilter,
) -> CommandResult<Vec<ArticleSummary>> {
    on_library(library, move |app| app.list_articles(&filter)).await
}

/// One whole article.
#[tauri::command]
pub async fn get_article(library: State<'_, Library>, id: i64) -> CommandResult<Article> {
    on_library(library, move |app| app.get_article(id)).await
}

/// The revisions of one article, as the history lists them.
#[tauri::command]
pub async fn article_history(
    library: State<'_, Library>,
    id: i64,
) -> CommandResult<Vec<RevisionSummary>> {
    on_library(library, move |app| app.article_history(id)).await
}
