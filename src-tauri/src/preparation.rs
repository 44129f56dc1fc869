//! Getting the library ready in the background after it opened (and after an import): the
//! search index rebuilt when opening found it missing or stale, the tag model read or learned
//! ([`newsdesk_api::App::prepare`]); the window hears how far it has come (event
//! `preparation`, at most every [`EVERY`]) and asks for it when it starts (command
//! `preparation`).

use std::time::{Duration, Instant};

use newsdesk_model::PreparationTask;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::commands::Library;

/// The window's event with a [`newsdesk_model::Preparation`].
pub const EVENT: &str = "preparation";
/// How often the window hears of the progress at most.
const EVERY: Duration = Duration::from_millis(250);

/// Starts the preparation for the library (one that failed to open: once it opened).
pub fn start<R: Runtime>(handle: &AppHandle<R>) {
    let handle = handle.clone();
    let started = std::thread::Builder::new()
        .name("preparation".into())
        .spawn(move || {
            let app = handle.state::<Library>().wait_open();
            let mut told = Instant::now() - EVERY;
            let result = app.prepare(&mut |step| {
                if step.task == PreparationTask::Ready || told.elapsed() >= EVERY {
                    told = Instant::now();
                    let _ = handle.emit(EVENT, step);
                }
            });
            match result {
                Ok(()) => tracing::info!("library ready: search index and tag model"),
                Err(error) => tracing::warn!(%error, "preparing the library failed; the first search or suggestion does it"),
            }
        });
    if let Err(e) = started {
        tracing::error!(error = %e, "could not start the preparation; the first search and suggestion do it");
    }
}
