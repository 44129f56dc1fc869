//! How failures cross to the UI: always a [`UserError`] `{code, message}`, never a panic.
//!
//! Errors of the application API convert with `From` (defined in `newsdesk-api`); this module
//! adds the one failure the shell itself can have: the blocking task that ran the call died.

use newsdesk_model::{ErrorCode, UserError, text};

/// What every command returns to the UI.
pub type CommandResult<T> = Result<T, UserError>;

/// A call on the blocking pool panicked or was cancelled (a bug, not the user's doing).
pub(crate) fn task_failed(error: tauri::Error) -> UserError {
    UserError::worded(
        ErrorCode::Internal,
        &text!(
            "Newsdesk could not finish the task: {error}",
            "Newsdesk konnte die Aufgabe nicht zu Ende führen: {error}"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_task_is_an_internal_error_in_words() {
        let error = task_failed(tauri::Error::FailedToReceiveMessage);
        assert_eq!(
            error.code,
            ErrorCode::Internal,
            "the UI shows internal errors as bugs"
        );
        assert!(
            error
                .message
                .starts_with("Newsdesk could not finish the task"),
            "the message is a sentence for the editor: {}",
            error.message
        );
        assert!(
            error.translations["de"].starts_with("Newsdesk konnte die Aufgabe"),
            "and has its German for the window: {:?}",
            error.translations
        );
    }
}
