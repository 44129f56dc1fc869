//! With `NEWSDESK_TRACE_STARTUP=1`, the app says on stderr how long after its start each step
//! of the start-up happened (library open, window built, page loaded, first IPC calls): the
//! start-up benchmark's total, taken apart.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Option<Instant>> = OnceLock::new();

/// Starts the clock (once, first thing in `run`).
pub fn begin() {
    START.get_or_init(|| {
        std::env::var_os("NEWSDESK_TRACE_STARTUP")
            .is_some_and(|v| !v.is_empty() && v != "0")
            .then(Instant::now)
    });
}

/// Says that `what` happened now, when tracing.
pub fn mark(what: &str) {
    if let Some(Some(start)) = START.get() {
        eprintln!(
            "newsdesk start-up: {:>7.1} ms  {what}",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}

/// True when start-up tracing is on.
pub fn enabled() -> bool {
    matches!(START.get(), Some(Some(_)))
}

/// A plugin that only marks when the plugins before it are set up (plugins are set up in the
/// order they are added); added only while tracing.
pub fn marker<R: tauri::Runtime>(name: &'static str) -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new(name)
        .setup(move |_, _| {
            mark(name);
            Ok(())
        })
        .build()
}
