//! The Diagnose view: the end of the log, the window's own errors into it, and a deliberate
//! fault to see that a failure reaches the log and the window in words.

use newsdesk_model::LogTail;

use crate::error::CommandResult;

/// The longest message from the window the log keeps.
const MAX_WINDOW_MESSAGE_CHARS: usize = 2000;

/// The last `lines` lines of the log (at most 2000).
#[tauri::command]
pub async fn recent_log(lines: u32) -> CommandResult<LogTail> {
    let lines = usize::try_from(lines.min(2000)).unwrap_or(2000);
    tauri::async_runtime::spawn_blocking(move || crate::logging::tail(lines))
        .await
        .map_err(crate::error::task_failed)
}

/// An error the window met (a failed script, an unanswered promise), into the log.
#[tauri::command]
pub async fn log_window_error(message: String) -> CommandResult<()> {
    let message: String = message.chars().take(MAX_WINDOW_MESSAGE_CHARS).collect();
    tracing::error!(target: "newsdesk::window", %message, "error in the window");
    Ok(())
}

/// Panics on a thread of its own, as a bug would: the log gets the backtrace and the window
/// hears of it (the Diagnose view's "test the error report"). Nothing is written to the
/// library.
#[tauri::command]
pub async fn test_fault() -> CommandResult<()> {
    let thread = std::thread::Builder::new()
        .name("fault-test".into())
        .spawn(|| panic!("a test of the error report, asked for in the Diagnose view"))
        .map_err(|e| {
            newsdesk_model::UserError::worded(
                newsdesk_model::ErrorCode::Internal,
                &newsdesk_model::text!(
                    "cannot start the test: {e}",
                    "Der Test lässt sich nicht starten: {e}"
                ),
            )
        })?;
    let _ = thread.join();
    Ok(())
}
