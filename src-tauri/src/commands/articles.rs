//! Articles: the list, one article, writing, the workflow status, the trash.

use newsdesk_model::{
    Article, ArticleContent, ArticleFilter, ArticleSummary, OpenedArticle, ReadinessProblem,
    RelatedArticle, Status,
};
use tauri::State;

use super::{Library, on_library};
use crate::error::CommandResult;

/// The article list, filtered by status, section, type, tag, date, or the trash.
#[tauri::command]
pub async fn list_articles(
    library: State<'_, Library>,
    filter: ArticleFilter,
) -> CommandResult<Vec<ArticleSummary>> {
    crate::trace::mark("list_articles asked");
    let list = on_library(library, move |app| app.list_articles(&filter)).await;
    crate::trace::mark("list_articles answered");
    list
}

/// One whole article.
#[tauri::command]
pub async fn get_article(library: State<'_, Library>, id: i64) -> CommandResult<Article> {
    on_library(library, move |app| app.get_article(id)).await
}

/// The article with its preview, as the editor opens it (one round trip).
#[tauri::command]
pub async fn open_article(library: State<'_, Library>, id: i64) -> CommandResult<OpenedArticle> {
    on_library(library, move |app| app.open_article(id)).await
}

/// A new draft.
#[tauri::command]
pub async fn create_article(
    library: State<'_, Library>,
    content: ArticleContent,
) -> CommandResult<Article> {
    on_library(library, move |app| app.create_article(&content)).await
}

/// Saves the editor's content as the next revision; refused with code `conflict` when the
/// article is no longer at `expected_revision`.
#[tauri::command]
pub async fn save_article(
    library: State<'_, Library>,
    id: i64,
    content: ArticleContent,
    expected_revision: Option<i64>,
) -> CommandResult<Article> {
    on_library(library, move |app| {
        app.save_article(id, &content, expected_revision)
    })
    .await
}

/// A new draft with the content of article `id`.
#[tauri::command]
pub async fn duplicate_article(library: State<'_, Library>, id: i64) -> CommandResult<Article> {
    on_library(library, move |app| app.duplicate_article(id)).await
}

/// Draft or ready; "ready" is refused while something blocking is missing.
#[tauri::command]
pub async fn set_status(
    library: State<'_, Library>,
    id: i64,
    status: Status,
) -> CommandResult<Article> {
    on_library(library, move |app| app.set_status(id, status)).await
}

/// Moves article `id` to the trash.
#[tauri::command]
pub async fn trash_article(library: State<'_, Library>, id: i64) -> CommandResult<Article> {
    on_library(library, move |app| app.trash_article(id)).await
}

/// Brings article `id` back from the trash.
#[tauri::command]
pub async fn untrash_article(library: State<'_, Library>, id: i64) -> CommandResult<Article> {
    on_library(library, move |app| app.untrash_article(id)).await
}

/// Deletes the trash for good; returns how many articles went.
#[tauri::command]
pub async fn empty_trash(library: State<'_, Library>) -> CommandResult<usize> {
    on_library(library, |app| app.empty_trash()).await
}

/// Articles for "Weitere Meldungen", most related first.
#[tauri::command]
pub async fn related_articles(
    library: State<'_, Library>,
    id: i64,
    k: u32,
) -> CommandResult<Vec<RelatedArticle>> {
    let k = usize::try_from(k).unwrap_or(usize::MAX);
    on_library(library, move |app| app.related_articles(id, k)).await
}

/// Sets the articles shown under "Weitere Meldungen", in order.
#[tauri::command]
pub async fn set_related(
    library: State<'_, Library>,
    id: i64,
    related: Vec<i64>,
) -> CommandResult<Article> {
    on_library(library, move |app| app.set_related(id, &related)).await
}

/// The tag vocabulary, most used first.
#[tauri::command]
pub async fn tag_names(library: State<'_, Library>) -> CommandResult<Vec<String>> {
    on_library(library, |app| app.tag_names()).await
}

/// What the content in the editor still needs before it is ready (live, unsaved), including
/// what the image library knows about its pictures (a license that ended).
#[tauri::command]
pub async fn check_content(
    library: State<'_, Library>,
    content: ArticleContent,
) -> CommandResult<Vec<ReadinessProblem>> {
    on_library(library, move |app| app.check_content(&content)).await
}

/// Adds a correction notice to article `id` (newest first); it goes out with the next publish.
#[tauri::command]
pub async fn correct_article(
    library: State<'_, Library>,
    id: i64,
    note: String,
) -> CommandResult<Article> {
    on_library(library, move |app| app.correct_article(id, &note)).await
}

/// The embargo that holds article `id` now (its own or a picture's, the later), if one does.
#[tauri::command]
pub async fn embargo_of(
    library: State<'_, Library>,
    id: i64,
) -> CommandResult<Option<newsdesk_model::Embargo>> {
    on_library(library, move |app| app.embargo_of(id)).await
}
