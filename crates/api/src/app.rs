use std::path::{Path, PathBuf};
use std::sync::Arc;

use newsdesk_store::Store;

use crate::{ApiError, Clock, SystemClock};

/// An open library and everything a user can do with it.
///
/// `App` is `Send + Sync`: the desktop shell keeps one in its state and calls it from worker
/// threads; the store serialises writes itself.
pub struct App {
    pub(crate) store: Store,
    pub(crate) clock: Arc<dyn Clock>,
    /// Tag suggestions: the suggester and its model of the library, built when first asked.
    pub(crate) tags: crate::tags::TagState,
    /// Portal secrets, the outbox's retry timing, the bell that wakes its runner.
    pub(crate) publishing: crate::publish::Publishing,
    /// How far the background work after opening has come ([`App::prepare`]).
    pub(crate) preparation: std::sync::Mutex<newsdesk_model::Preparation>,
}

impl App {
    /// Opens (creating and migrating as needed) the library at `path`.
    pub fn open(path: &Path) -> Result<App, ApiError> {
        App::open_with_clock(path, Arc::new(SystemClock))
    }

    /// As [`App::open`], with the clock that stamps saves and revisions.
    pub fn open_with_clock(path: &Path, clock: Arc<dyn Clock>) -> Result<App, ApiError> {
        Ok(App {
            store: Store::open(path)?,
            clock,
            tags: Default::default(),
            publishing: Default::default(),
            preparation: std::sync::Mutex::new(newsdesk_model::Preparation::READY),
        })
    }

    /// Opens an existing library at `path`; refuses, creating nothing, when there is none.
    pub fn open_existing(path: &Path) -> Result<App, ApiError> {
        Ok(App {
            store: Store::open_existing(path)?,
            clock: Arc::new(SystemClock),
            tags: Default::default(),
            publishing: Default::default(),
            preparation: std::sync::Mutex::new(newsdesk_model::Preparation::READY),
        })
    }

    /// The library the app and the CLI use unless told otherwise: `$NEWSDESK_DB`, else
    /// `library.sqlite` in the user's data folder (`~/.local/share/newsdesk`, see
    /// [`crate::places`]).
    pub fn default_library_path() -> Result<PathBuf, ApiError> {
        if let Some(path) = std::env::var_os("NEWSDESK_DB").filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(path));
        }
        Ok(crate::places::Places::of_user()?.library())
    }

    /// True when opening created the library: the shell then offers the demo articles.
    pub fn was_created(&self) -> bool {
        self.store.was_created()
    }

    pub fn library_path(&self) -> &Path {
        self.store.path()
    }

    /// Markdown to sanitised HTML, as the preview and the exports show it.
    pub fn render_markdown(&self, markdown: &str) -> String {
        newsdesk_markdown::to_safe_html(markdown)
    }
}
