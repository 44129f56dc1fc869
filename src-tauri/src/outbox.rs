//! The outbox in the background of the window: a thread sends what is due (and retries while
//! offline) and tells the window after each job (event `outbox`). The work itself is the
//! core's [`newsdesk_api::OutboxWorker`].

use std::sync::atomic::AtomicBool;

use newsdesk_model::OutboxEvent;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::commands::Library;

/// The window's event after each settled job.
pub const EVENT: &str = "outbox";

/// Starts the outbox's thread for the library (one that failed to open: once a restore from
/// the window has opened it).
pub fn start<R: Runtime>(handle: &AppHandle<R>) {
    let handle = handle.clone();
    let started = std::thread::Builder::new()
        .name("outbox".into())
        .spawn(move || {
            let app = handle.state::<Library>().wait_open();
            // Runs as long as the app: the process ending ends it (a job cut off mid-send is
            // sent again at the next start; nothing is lost or doubled).
            let stop = AtomicBool::new(false);
            newsdesk_api::OutboxWorker::run(&app, &stop, |job, summary| {
                let _ = handle.emit(
                    EVENT,
                    OutboxEvent {
                        job: job.clone(),
                        summary,
                    },
                );
            });
        });
    if let Err(e) = started {
        eprintln!("Newsdesk could not start its outbox ({e}); `newsdesk outbox run` sends it");
    }
}
