//! Where Newsdesk keeps its things on the user's machine: one name, `newsdesk`, in each of the
//! four XDG base folders — the only place that decides it, for the app and the CLI alike.
//!
//! | folder | where (defaults) | what |
//! |---|---|---|
//! | data | `$XDG_DATA_HOME/newsdesk` (`~/.local/share/newsdesk`) | `library.sqlite` with its pictures and search index beside it; `webview/`, the window's web storage |
//! | config | `$XDG_CONFIG_HOME/newsdesk` (`~/.config/newsdesk`) | the window's size and place |
//! | cache | `$XDG_CACHE_HOME/newsdesk` (`~/.cache/newsdesk`) | what can be made again |
//! | state | `$XDG_STATE_HOME/newsdesk` (`~/.local/state/newsdesk`) | logs (`logs/`) |
//!
//! A variable counts when it holds an absolute path (the XDG Base Directory rule); otherwise
//! the default under `$HOME` applies. `NEWSDESK_DB` or `--db` still put the library anywhere.
//!
//! The library never moved: `directories::ProjectDirs::from("de", "Newsdesk", "newsdesk")`,
//! which chose it before, gives the same `~/.local/share/newsdesk` on Linux (a test holds the
//! two together). What had another name were the window's own folders, which Tauri names after
//! the app's identifier (`de.newsdesk.app`); [`Places::move_window_folders`] moves them once.

use newsdesk_model::{Text, text};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::ApiError;

/// The one name of Newsdesk's folders.
pub const NAME: &str = "newsdesk";

/// The file name of the library inside the data folder.
pub const LIBRARY_FILE: &str = "library.sqlite";

/// The user's Newsdesk folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    data: PathBuf,
    config: PathBuf,
    cache: PathBuf,
    state: PathBuf,
}

impl Places {
    /// The folders of the user running this process (`XDG_*_HOME`, `HOME`).
    pub fn of_user() -> Result<Places, ApiError> {
        Places::from_env(|name| std::env::var_os(name), std::env::home_dir())
            .ok_or(ApiError::NoDataDir)
    }

    /// The folders an environment gives: `var` reads a variable, `home` is the home folder to
    /// fall back on when `HOME` is not set. `None` when neither names an absolute folder.
    pub fn from_env(
        var: impl Fn(&str) -> Option<OsString>,
        home: Option<PathBuf>,
    ) -> Option<Places> {
        let absolute =
            |value: Option<OsString>| value.map(PathBuf::from).filter(|path| path.is_absolute());
        let home = absolute(var("HOME")).or_else(|| home.filter(|path| path.is_absolute()));
        let base = |variable: &str, default: &str| {
            absolute(var(variable))
                .or_else(|| home.as_ref().map(|home| home.join(default)))
                .map(|base| base.join(NAME))
        };
        Some(Places {
            data: base("XDG_DATA_HOME", ".local/share")?,
            config: base("XDG_CONFIG_HOME", ".config")?,
            cache: base("XDG_CACHE_HOME", ".cache")?,
            state: base("XDG_STATE_HOME", ".local/state")?,
        })
    }

    /// The library and what belongs to it (`~/.local/share/newsdesk`).
    pub fn data_dir(&self) -> &Path {
        &self.data
    }

    /// Settings of this machine that are not the library's (`~/.config/newsdesk`).
    pub fn config_dir(&self) -> &Path {
        &self.config
    }

    /// What can be made again (`~/.cache/newsdesk`).
    pub fn cache_dir(&self) -> &Path {
        &self.cache
    }

    /// What happened: logs (`~/.local/state/newsdesk`).
    pub fn state_dir(&self) -> &Path {
        &self.state
    }

    /// The library the app and the CLI open unless told otherwise.
    pub fn library(&self) -> PathBuf {
        self.data.join(LIBRARY_FILE)
    }

    /// The window's web storage (WebKit's local storage and its cache).
    pub fn webview_dir(&self) -> PathBuf {
        self.data.join("webview")
    }

    /// Where logs are written.
    pub fn log_dir(&self) -> PathBuf {
        self.state.join("logs")
    }

    /// Moves the window's folders from the name Tauri gave them (`old_name`, the app's
    /// identifier, in the data and config folders) to their places here, once: the web storage
    /// becomes [`Places::webview_dir`], the window's size and place go into the config folder.
    /// Nothing is moved onto something that exists, nothing is deleted but a folder left empty.
    /// Returns what was moved, as (from, to).
    pub fn move_window_folders(&self, old_name: &str) -> Result<Vec<(PathBuf, PathBuf)>, ApiError> {
        let mut moved = Vec::new();
        let (Some(data_base), Some(config_base)) = (self.data.parent(), self.config.parent())
        else {
            return Ok(moved);
        };
        if old_name.is_empty() || old_name == NAME || old_name.contains('/') {
            return Ok(moved);
        }
        let old_data = data_base.join(old_name);
        let webview = self.webview_dir();
        if old_data.is_dir() && !exists(&webview) {
            move_path(&old_data, &webview)?;
            moved.push((old_data, webview));
        }
        let old_config = config_base.join(old_name);
        if old_config.is_dir() {
            for name in WINDOW_CONFIG_FILES {
                let (from, to) = (old_config.join(name), self.config.join(name));
                if from.is_file() && !exists(&to) {
                    move_path(&from, &to)?;
                    moved.push((from, to));
                }
            }
            // Only when empty: anything else in it is not ours to throw away.
            let _ = std::fs::remove_dir(&old_config);
        }
        Ok(moved)
    }
}

/// What the window keeps in its config folder (tauri-plugin-window-state's file).
const WINDOW_CONFIG_FILES: [&str; 1] = [".window-state.json"];

/// True when something (even a dangling link) is at `path`.
fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// Renames `from` to `to`, making `to`'s parent first (both lie in the user's own folders, so
/// a rename suffices; across file systems it is refused in words and nothing moves).
fn move_path(from: &Path, to: &Path) -> Result<(), ApiError> {
    let io = |context: Text, path: &Path| {
        let path = path.to_path_buf();
        move |source| ApiError::Io {
            context,
            path,
            source,
        }
    };
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(io(
            text!(
                "cannot create the folder",
                "Der Ordner lässt sich nicht anlegen"
            ),
            parent,
        ))?;
    }
    std::fs::rename(from, to).map_err(io(
        text!(
            "cannot move the window's folder",
            "Der Ordner des Fensters lässt sich nicht verschieben"
        ),
        from,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let map: HashMap<String, OsString> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn defaults_under_home_carry_one_name() {
        let places = Places::from_env(env(&[("HOME", "/home/ba")]), None).expect("a home");
        assert_eq!(
            places.data_dir(),
            Path::new("/home/ba/.local/share/newsdesk")
        );
        assert_eq!(places.config_dir(), Path::new("/home/ba/.config/newsdesk"));
        assert_eq!(places.cache_dir(), Path::new("/home/ba/.cache/newsdesk"));
        assert_eq!(
            places.state_dir(),
            Path::new("/home/ba/.local/state/newsdesk")
        );
        assert_eq!(
            places.library(),
            Path::new("/home/ba/.local/share/newsdesk/library.sqlite")
        );
    }

    #[test]
    fn xdg_variables_win_when_absolute_and_are_ignored_when_relative() {
        let places = Places::from_env(
            env(&[
                ("HOME", "/home/ba"),
                ("XDG_DATA_HOME", "/srv/data"),
                ("XDG_CONFIG_HOME", "relative/config"),
                ("XDG_CACHE_HOME", ""),
                ("XDG_STATE_HOME", "/var/state"),
            ]),
            None,
        )
        .expect("a home");
        assert_eq!(places.data_dir(), Path::new("/srv/data/newsdesk"));
        assert_eq!(places.config_dir(), Path::new("/home/ba/.config/newsdesk"));
        assert_eq!(places.cache_dir(), Path::new("/home/ba/.cache/newsdesk"));
        assert_eq!(places.state_dir(), Path::new("/var/state/newsdesk"));
    }

    #[test]
    fn without_home_the_fallback_or_nothing() {
        let fallback = Places::from_env(env(&[]), Some(PathBuf::from("/root")));
        assert_eq!(
            fallback.map(|p| p.config_dir().to_path_buf()),
            Some(PathBuf::from("/root/.config/newsdesk"))
        );
        assert_eq!(Places::from_env(env(&[]), None), None);
        assert_eq!(
            Places::from_env(env(&[("HOME", "not/absolute")]), None),
            None
        );
    }
}
