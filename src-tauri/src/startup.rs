//! What `run` checks before it opens a window, with the reasons said in words.

use newsdesk_api::{ApiError, App};
use newsdesk_model::{Localized, Text, UserError, text};

/// How to start Newsdesk on a machine without a screen.
pub const HEADLESS_HINT: &str = "Run it under xvfb-run: dbus-run-session -- xvfb-run -a make run";

/// GTK panics with a backtrace when there is no display; say it in words instead.
pub fn check_display() -> Result<(), String> {
    if !cfg!(target_os = "linux") {
        return Ok(());
    }
    let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") {
        Ok(())
    } else {
        Err(format!(
            "Newsdesk needs a graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set). \
             {HEADLESS_HINT}"
        ))
    }
}

/// Opens the library at its default place ($NEWSDESK_DB or the user's data directory); a new,
/// empty library gets the demo articles so a newcomer sees the portal's articles at once.
pub fn open_library() -> Result<App, UserError> {
    let in_words = |context: Text, error: ApiError| {
        UserError::worded(
            error.code(),
            &Text {
                en: format!("{}: {error}", context.en),
                de: format!("{}: {}", context.de, error.german()),
            },
        )
    };
    let path = App::default_library_path().map_err(|error| {
        in_words(
            text!(
                "Newsdesk cannot find a place for its library",
                "Newsdesk findet keinen Ort für seine Bibliothek"
            ),
            error,
        )
    })?;
    let library = App::open(&path).map_err(|error| {
        in_words(
            text!(
                "Newsdesk cannot open the library {}",
                "Newsdesk kann die Bibliothek {} nicht öffnen",
                path.display()
            ),
            error,
        )
    })?;
    if library.was_created() {
        match library.load_demo_articles() {
            Ok(report) => {
                for failure in &report.failed {
                    eprintln!(
                        "Newsdesk: demo article {} was not loaded: {}",
                        failure.file, failure.message
                    );
                }
            }
            // A library without demo articles is still a working library.
            Err(error) => eprintln!("Newsdesk: the demo articles were not loaded: {error}"),
        }
    }
    Ok(library)
}
