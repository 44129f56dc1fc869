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

use std::sync::Arc;

use newsdesk_api::{ApiError, App};
use newsdesk_model::UserError;
use tauri::State;

use crate::error::{CommandResult, task_failed};

// `NAMES` and `handler!`, made by build.rs from the commands in this folder.
include!(concat!(env!("OUT_DIR"), "/commands.rs"));

/// The library as the commands see it; managed as Tauri state. When it could not be opened
/// at start, the window still opens and every command answers with why (a desktop launch
/// shows no stderr).
pub struct Library(Result<Arc<App>, UserError>);

impl Library {
    pub fn open(app: App) -> Self {
        Library(Ok(Arc::new(app)))
    }

    pub fn failed(problem: UserError) -> Self {
        Library(Err(problem))
    }

    /// The open library, if it opened.
    pub fn app(&self) -> Option<Arc<App>> {
        self.0.as_ref().ok().cloned()
    }
}

/// Runs one call of the application API on the blocking pool and maps its error for the UI.
pub(crate) async fn on_library<T, F>(library: State<'_, Library>, call: F) -> CommandResult<T>
where
    T: Send + 'static,
    F: FnOnce(&App) -> Result<T, ApiError> + Send + 'static,
{
    let app = match &library.0 {
        Ok(app) => Arc::clone(app),
        Err(problem) => return Err(problem.clone()),
    };
    tauri::async_runtime::spawn_blocking(move || call(&app))
        .await
        .map_err(task_failed)?
        .map_err(Into::into)
}
