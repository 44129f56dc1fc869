//! The preview: Markdown rendered and sanitised by the core, never by the webview.

use tauri::State;

use super::{Library, on_library};
use crate::error::CommandResult;

/// Sanitised HTML for a Markdown body.
#[tauri::command]
pub async fn render_markdown(
    library: State<'_, Library>,
    markdown: String,
) -> CommandResult<String> {
    on_library(library, move |app| Ok(app.render_markdown(&markdown))).await
}
