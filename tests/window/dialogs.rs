//! The native GTK file dialogs in the real window. WebDriver reaches only the page, so the
//! dialog is answered as a user answers it, through the X server: `xdotool` finds the dialog
//! by its title, gives it the keyboard, types the path (a "/" opens GTK's location field) and
//! presses Return. The import by dialog and the credit report's CSV save are tested this way.

use std::process::Command;
use std::time::Duration;

use newsdesk_e2e::Session;

use crate::editing::{Failed, fail};

/// How long the dialog may take to appear.
const PATIENCE: Duration = Duration::from_secs(20);
/// How often a dialog that stays open is answered again.
const ATTEMPTS: u64 = 3;

fn xdotool(args: &[&str]) -> Result<String, String> {
    let out = Command::new("xdotool")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run xdotool (make deps installs it): {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        Err(format!(
            "xdotool {args:?}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// Which dialog: an open dialog takes a typed path in its location field (Ctrl+L); a save
/// dialog has its name field filled with the suggested name, its stem selected (GTK leaves the
/// extension), so the whole name is selected first.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialog {
    Open,
    Save,
}

/// Waits for the visible dialog titled `title` and answers it with `path`.
pub(crate) async fn answer(
    session: &Session,
    kind: Dialog,
    title: &str,
    path: &str,
) -> Result<(), Failed> {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    let window = loop {
        match xdotool(&["search", "--onlyvisible", "--name", title]) {
            Ok(found) if !found.is_empty() => {
                break found.lines().last().unwrap_or_default().to_string();
            }
            _ if tokio::time::Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Ok(_) | Err(_) => {
                return Err(fail(
                    session,
                    format!("no dialog titled {title:?} appeared within {PATIENCE:?}"),
                ));
            }
        }
    };
    // The dialog draws its widgets a moment after it maps, later on a busy machine: what is
    // typed before is lost. So it is answered, and answered again while it stays open.
    for attempt in 1..=ATTEMPTS {
        tokio::time::sleep(Duration::from_millis(600 * attempt)).await;
        // Open: Ctrl+L opens the location field; save: the name field has the keyboard. In
        // both, Ctrl+A selects what the field holds, so the path replaces it.
        let open_field: &[&str] = match kind {
            Dialog::Open => &["key", "ctrl+l"],
            Dialog::Save => &["sleep", "0"],
        };
        let steps: [&[&str]; 5] = [
            &["windowfocus", "--sync", &window],
            open_field,
            &["key", "ctrl+a"],
            &["type", "--delay", "30", path],
            &["key", "--delay", "300", "Return"],
        ];
        for step in steps {
            xdotool(step).map_err(|e| fail(session, e))?;
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let closed = tokio::time::Instant::now() + Duration::from_secs(3);
        while tokio::time::Instant::now() < closed {
            let open = xdotool(&["search", "--onlyvisible", "--name", title])
                .is_ok_and(|found| found.lines().any(|w| w == window));
            if !open {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    Err(fail(
        session,
        format!("the dialog {title:?} stayed open after {ATTEMPTS} answers with {path}"),
    ))
}
