//! Tag suggestions beside the editor's tag field and the picture's keywords, and the
//! editor's verdicts on them.

use newsdesk_model::{ArticleContent, SuggestionVerdict, TagSuggestion};
use tauri::State;

use super::{Library, on_library};
use crate::error::CommandResult;

/// Suggestions for the editor's draft as it is now (saved or not), best first; `id` names
/// the article so that tags rejected for it stay hidden.
#[tauri::command]
pub async fn suggest_tags(
    library: State<'_, Library>,
    content: ArticleContent,
    id: Option<i64>,
    k: u32,
) -> CommandResult<Vec<TagSuggestion>> {
    let k = usize::try_from(k).unwrap_or(usize::MAX);
    on_library(library, move |app| app.suggest_tags_for(&content, id, k)).await
}

/// Keyword suggestions for library picture `id`.
#[tauri::command]
pub async fn suggest_image_tags(
    library: State<'_, Library>,
    id: i64,
    k: u32,
) -> CommandResult<Vec<TagSuggestion>> {
    let k = usize::try_from(k).unwrap_or(usize::MAX);
    on_library(library, move |app| app.suggest_image_tags(id, k)).await
}

/// Remembers the editor's verdict on suggested tags for an article (the draft itself takes
/// an accepted tag) or accepts/rejects keywords for a picture (accepted ones are added).
#[tauri::command]
pub async fn decide_tags(
    library: State<'_, Library>,
    article_id: Option<i64>,
    image_id: Option<i64>,
    tags: Vec<String>,
    verdict: SuggestionVerdict,
) -> CommandResult<()> {
    on_library(library, move |app| {
        app.decide_tags(article_id, image_id, &tags, verdict)
    })
    .await
}
