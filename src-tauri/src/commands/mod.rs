//! The commands the UI invokes, one file per domain. Each one hands its inputs to the
//! application API on the blocking pool (SQLite must never block the window's thread) and
//! maps the error; there is no business logic here.
//!
//! Adding a command: write it in its domain's file here and grant it in
//! `capabilities/main.json`. `build.rs` makes the rest from its signature: the handler list
//! (`handler!`, [`NAMES`]) and the UI's typed wrapper in
//! `ui/src/lib/ipc/commands.generated.ts` (DEVELOPMENT.md, "Adding a command").

pub mod about;
pub mod articles;
pub mod diagnostics;
pub mod export;
pub mod images;
pub mod maintenance;
pub mod portals;
pub mod preview;
pub mod revisions;
pub mod search;
pub mod settings;
pub mod tags;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

use newsdesk_api::{ApiError, App};
use newsdesk_model::UserError;
use tauri::State;

use crate::error::{CommandResult, task_failed};

// `NAMES` and `handler!`, made by build.rs from the commands in this folder.
include!(concat!(env!("OUT_DIR"), "/commands.rs"));

/// The library as the commands see it; managed as Tauri state. When it could not be opened
/// at start, the window still opens and every command answers with why (a desktop launch
/// shows no stderr), until a backup restored from the window opens it
/// ([`maintenance::restore_unopened`]).
pub struct Library {
    state: Mutex<Result<Arc<App>, UserError>>,
    /// Rung when a library that had failed opens; the background threads wait for it.
    opened: Condvar,
    path: PathBuf,
}

impl Library {
    pub fn open(app: App) -> Self {
        let path = app.library_path().to_path_buf();
        Library {
            state: Mutex::new(Ok(Arc::new(app))),
            opened: Condvar::new(),
            path,
        }
    }

    /// The library at `path` did not open, because of `problem`.
    pub fn failed(problem: UserError, path: PathBuf) -> Self {
        Library {
            state: Mutex::new(Err(problem)),
            opened: Condvar::new(),
            path,
        }
    }

    fn state(&self) -> MutexGuard<'_, Result<Arc<App>, UserError>> {
        // A panic while the lock was held changed nothing in the state (it is set whole).
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The open library, if it opened.
    pub fn app(&self) -> Option<Arc<App>> {
        self.state().as_ref().ok().cloned()
    }

    /// The open library, or why it did not open.
    fn current(&self) -> Result<Arc<App>, UserError> {
        self.state().clone()
    }

    /// The library file, whether it opened or not.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The open library; waits until a library that had failed opens.
    pub fn wait_open(&self) -> Arc<App> {
        let mut state = self.state();
        loop {
            if let Ok(app) = state.as_ref() {
                return Arc::clone(app);
            }
            state = self
                .opened
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// The library, restored, opened after all.
    pub(crate) fn now_open(&self, app: App) {
        *self.state() = Ok(Arc::new(app));
        self.opened.notify_all();
    }
}

/// Runs one call of the application API on the blocking pool and maps its error for the UI.
pub(crate) async fn on_library<T, F>(library: State<'_, Library>, call: F) -> CommandResult<T>
where
    T: Send + 'static,
    F: FnOnce(&App) -> Result<T, ApiError> + Send + 'static,
{
    let app = library.current()?;
    tauri::async_runtime::spawn_blocking(move || call(&app))
        .await
        .map_err(task_failed)?
        .map_err(Into::into)
}
