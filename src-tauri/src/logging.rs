//! The window's log: structured events (`tracing`) in `newsdesk.log` in the state folder's
//! `logs/` ([`newsdesk_api::Places::log_dir`]), rotated at [`MAX_LOG_BYTES`] with
//! [`KEPT_LOG_FILES`] older files kept. The level is the library's setting `log_level` and
//! changes at once. What is logged are events with ids, counts, paths and error sentences —
//! never an article's text, a picture's bytes or a password (a test greps the log for them).
//!
//! A panic anywhere is logged with its backtrace and told to the window (event [`FAULT_EVENT`]),
//! which says in the editor's language what happened and what to do.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use file_rotate::compression::Compression;
use file_rotate::suffix::AppendCount;
use file_rotate::{ContentLimit, FileRotate};
use newsdesk_model::LogTail;
use tauri::{AppHandle, Emitter, Runtime};
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::prelude::*;
use tracing_subscriber::{Registry, reload};

/// The log file's name in the log folder.
pub const LOG_FILE: &str = "newsdesk.log";
/// A log file is rotated when it reaches this size.
pub const MAX_LOG_BYTES: usize = 2 * 1024 * 1024;
/// How many rotated files are kept beside the current one.
pub const KEPT_LOG_FILES: usize = 4;
/// The window's event after a panic (a [`Fault`]).
pub const FAULT_EVENT: &str = "fault";

static LEVEL: OnceLock<reload::Handle<LevelFilter, Registry>> = OnceLock::new();
static LOG_PATH: OnceLock<PathBuf> = OnceLock::new();
static NOTIFY: OnceLock<Box<dyn Fn(Fault) + Send + Sync>> = OnceLock::new();

/// What the window hears of a panic: where it happened and where the log is. The sentence is
/// the window's own, in its language.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Fault {
    /// The thread that panicked ("outbox", "backups", a command's worker, …).
    pub thread: String,
    /// The panic's own message, for support.
    pub message: String,
    /// The log file holding the backtrace.
    pub log: String,
}

/// Starts logging into `dir` and installs the panic hook. Without a writable folder the app
/// runs without a log file (said on stderr) rather than not at all.
pub fn start(dir: &Path) {
    let path = dir.join(LOG_FILE);
    if let Err(error) = std::fs::create_dir_all(dir) {
        eprintln!(
            "Newsdesk keeps no log: cannot make {}: {error}",
            dir.display()
        );
    } else {
        let file = FileRotate::new(
            &path,
            AppendCount::new(KEPT_LOG_FILES),
            ContentLimit::Bytes(MAX_LOG_BYTES),
            Compression::None,
            None,
        );
        let (level, handle) = reload::Layer::new(LevelFilter::INFO);
        let layer = tracing_subscriber::fmt::layer()
            .with_writer(Mutex::new(file))
            .with_ansi(false)
            .with_thread_names(true);
        if tracing_subscriber::registry()
            .with(level)
            .with(layer)
            .try_init()
            .is_ok()
        {
            let _ = LEVEL.set(handle);
            let _ = LOG_PATH.set(path.clone());
        }
    }
    install_panic_hook(path);
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "Newsdesk starts");
}

/// Tells the window of panics from now on.
pub fn notify_window<R: Runtime>(handle: &AppHandle<R>) {
    let handle = handle.clone();
    let _ = NOTIFY.set(Box::new(move |fault| {
        let _ = handle.emit(FAULT_EVENT, fault);
    }));
}

/// Sets the level (`error`, `warn`, `info`, `debug`); anything else leaves it as it is.
pub fn set_level(level: &str) {
    let filter = match level {
        "error" => LevelFilter::ERROR,
        "warn" => LevelFilter::WARN,
        "info" => LevelFilter::INFO,
        "debug" => LevelFilter::DEBUG,
        _ => return,
    };
    if let Some(handle) = LEVEL.get() {
        let _ = handle.modify(|current| *current = filter);
    }
}

/// The last `lines` lines of the log (from the newest rotated file too when the current one
/// is short), for the Diagnose view.
pub fn tail(lines: usize) -> LogTail {
    let Some(path) = LOG_PATH.get() else {
        return LogTail {
            path: String::new(),
            lines: Vec::new(),
        };
    };
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    let mut text = read(path);
    if text.lines().count() < lines {
        let older = path.with_file_name(format!("{LOG_FILE}.1"));
        text = read(&older) + &text;
    }
    let all: Vec<&str> = text.lines().collect();
    LogTail {
        path: path.to_string_lossy().into_owned(),
        lines: all[all.len().saturating_sub(lines)..]
            .iter()
            .map(|l| l.to_string())
            .collect(),
    }
}

fn install_panic_hook(log: PathBuf) {
    std::panic::set_hook(Box::new(move |info| {
        let thread = std::thread::current()
            .name()
            .unwrap_or("a worker")
            .to_string();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string());
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let backtrace = std::backtrace::Backtrace::force_capture();
        tracing::error!(%thread, %place, %message, %backtrace, "panic");
        eprintln!("Newsdesk: panic in {thread} at {place}: {message}");
        if let Some(notify) = NOTIFY.get() {
            notify(Fault {
                thread,
                message,
                log: log.to_string_lossy().into_owned(),
            });
        }
    }));
}
