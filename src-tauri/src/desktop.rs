//! The official Tauri plugins the desktop window uses; only [`crate::run`] adds them, so the
//! IPC tests on the mock runtime stay free of D-Bus, dialogs and the window manager.
//!
//! - single-instance, keyed by the library file: a second start on the same library focuses
//!   the running window (two windows on one library would only compete for its lock); a start
//!   on another library (`NEWSDESK_DB`) opens its own window.
//! - window-state: the window opens where and as large as it was closed.
//! - dialog: native open/save dialogs (image import, exports).
//! - opener: links in an article open in the user's browser, never in the app window.

use std::path::Path;
use tauri::{Manager, Runtime};

/// `builder` with the desktop plugins, single-instance keyed by `library`.
pub fn with_desktop_plugins<R: Runtime>(
    builder: tauri::Builder<R>,
    library: &Path,
) -> tauri::Builder<R> {
    let instance = tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(library))
        .callback(|app, _argv, _cwd| focus_main_window(app))
        .build();
    let traced = |builder: tauri::Builder<R>, name| {
        if crate::trace::enabled() {
            builder.plugin(crate::trace::marker(name))
        } else {
            builder
        }
    };
    let builder = traced(builder, "trace-before-single-instance").plugin(instance);
    let builder = traced(builder, "trace-after-single-instance")
        .plugin(tauri_plugin_window_state::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init());
    traced(builder, "trace-after-all-plugins")
}

/// A D-Bus name for "Newsdesk on this library": the app's identifier and a hash of the
/// library's canonical path (stable across builds: FNV-1a, not std's randomised hasher).
pub fn instance_id(library: &Path) -> String {
    let canonical = library
        .canonicalize()
        .unwrap_or_else(|_| library.to_path_buf());
    let hash = canonical
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    format!("de.newsdesk.app.library_{hash:016x}")
}

fn focus_main_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        // Each step may fail on a window manager that refuses it; the others still help.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::instance_id;
    use std::path::Path;

    #[test]
    fn one_library_one_instance_name_and_a_valid_dbus_name() {
        let a = instance_id(Path::new("/nonexistent/a/library.sqlite"));
        let b = instance_id(Path::new("/nonexistent/b/library.sqlite"));
        assert_ne!(a, b, "two libraries must get two windows");
        assert_eq!(
            a,
            instance_id(Path::new("/nonexistent/a/library.sqlite")),
            "the same library must map to the same name, or a second start opens a 2nd window"
        );
        // D-Bus: elements of [A-Za-z0-9_], none starting with a digit.
        assert!(a.split('.').all(|element| {
            element
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !element.starts_with(|c: char| c.is_ascii_digit())
        }));
    }
}
