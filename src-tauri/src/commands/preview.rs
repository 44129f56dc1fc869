//! The preview and the editor's helpers: Markdown rendered and sanitised by the core (never
//! by the webview), counts and readability, pasted HTML made Markdown.

use newsdesk_model::{ArticleContent, ArticleStats};
use tauri::State;

use super::{Library, on_library};
use crate::error::CommandResult;

/// Sanitised HTML for a Markdown body: the one value the UI may put into `{@html}`.
#[tauri::command]
pub async fn render_markdown(
    library: State<'_, Library>,
    markdown: String,
) -> CommandResult<String> {
    on_library(library, move |app| Ok(app.render_markdown(&markdown))).await
}

/// Words, characters, reading time, long sentences and readability of the editor's content,
/// with the library's teaser length.
#[tauri::command]
pub async fn content_stats(
    library: State<'_, Library>,
    content: ArticleContent,
) -> CommandResult<ArticleStats> {
    on_library(library, move |app| app.content_stats(&content)).await
}

/// Clean Markdown for HTML pasted from Word or a web page.
#[tauri::command]
pub async fn paste_html(html: String) -> CommandResult<String> {
    Ok(newsdesk_api::html_to_markdown(&html))
}
