//! Automatic backups while the window is open: a thread asks the core every few minutes
//! whether a backup is due (`backup_schedule`: off, daily, weekly) and makes it, keeping as many
//! as `backup_keep` says; the window hears of each (event `backup`).

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::commands::Library;

/// The window's event after an automatic backup (a `BackupRound`).
pub const EVENT: &str = "backup";
/// How long after the start the first look is taken: the start-up stays the editor's.
const FIRST_LOOK: Duration = Duration::from_secs(60);
/// How often the schedule is looked at afterwards.
const LOOK_EVERY: Duration = Duration::from_secs(10 * 60);

/// Starts the backup thread for the library (one that failed to open: once a restore from
/// the window has opened it).
pub fn start<R: Runtime>(handle: &AppHandle<R>) {
    let handle = handle.clone();
    let first = std::env::var("NEWSDESK_BACKUP_FIRST_LOOK_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(FIRST_LOOK, Duration::from_secs);
    let started = std::thread::Builder::new()
        .name("backups".into())
        .spawn(move || {
            let app = handle.state::<Library>().wait_open();
            std::thread::sleep(first);
            loop {
                // A backup is written under a temporary name and appears only whole, so the
                // process ending mid-backup leaves no half backup behind.
                match app.run_due_backup() {
                    Ok(round) if round.made.is_some() => {
                        tracing::info!(made = ?round.made.as_ref().map(|b| &b.path), removed = round.removed.len(), "automatic backup");
                        let _ = handle.emit(EVENT, round);
                    }
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "the automatic backup failed"),
                }
                std::thread::sleep(LOOK_EVERY);
            }
        });
    if let Err(e) = started {
        tracing::error!(error = %e, "could not start the automatic backups; `newsdesk db backup` makes one");
    }
}
