//! The library's settings (language, theme, backups, …): kept in the library, so the window,
//! the CLI and a backup see the same values.

use newsdesk_model::Setting;
use tauri::State;

use super::{Library, on_library};
use crate::error::CommandResult;

/// Every setting with the value in force and its default.
#[tauri::command]
pub async fn settings(library: State<'_, Library>) -> CommandResult<Vec<Setting>> {
    on_library(library, |app| app.settings()).await
}

/// Changes one setting; a value the setting does not take is refused in words.
#[tauri::command]
pub async fn set_setting(
    library: State<'_, Library>,
    key: String,
    value: String,
) -> CommandResult<Setting> {
    let stored = on_library(library, move |app| app.set_setting(&key, &value)).await?;
    match stored.key.as_str() {
        "log_level" => crate::logging::set_level(&stored.value),
        "spelling_languages" | "language" => crate::web_context::change(&stored.key, &stored.value),
        _ => {}
    }
    Ok(stored)
}
