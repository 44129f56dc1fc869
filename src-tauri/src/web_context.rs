//! What WebKitGTK's web context must know of the library's settings:
//!
//! - Spell-checking: WebKit checks text fields and the body once its context is told to, in
//!   the languages of `spelling_languages` (de, en or de,en), with the Hunspell dictionaries
//!   through Enchant (the package depends on `hunspell-de-de` and `hunspell-en-us`).
//! - The window's language (`language`): WebKit formats date and time inputs after the
//!   context's preferred languages, not after the page's `lang` — so a German window shows
//!   13.12.2018, not 12/13/2018.
//!
//! Both apply at start and again when the setting changes ([`change`]).

use std::sync::OnceLock;

use tauri::{Runtime, WebviewWindow};

/// Applies a changed setting (key, value) to the main window.
type Follower = Box<dyn Fn(&str, &str) + Send + Sync>;

/// The main window's follower, set once the window exists.
static CHANGE: OnceLock<Follower> = OnceLock::new();

/// The dictionaries a `spelling_languages` value asks for: `de` is German as written in
/// Germany, `en` US English (the dictionaries Debian ships for them).
pub fn dictionaries(setting: &str) -> Vec<&'static str> {
    setting
        .split(',')
        .filter_map(|language| match language.trim() {
            "de" => Some("de_DE"),
            "en" => Some("en_US"),
            _ => None,
        })
        .collect()
}

/// The preferred languages for a window `language`: dates as in Germany, or as in Britain
/// (day before month, as the English window's own dates are written).
pub fn preferred(language: &str) -> Vec<&'static str> {
    match language {
        "en" => vec!["en-GB", "en"],
        _ => vec!["de-DE", "de"],
    }
}

/// Tells the main `window`'s context the library's spelling and window languages, and follows
/// their changes from now on.
pub fn follow<R: Runtime>(window: WebviewWindow<R>, spelling: &str, language: &str) {
    apply(&window, "spelling_languages", spelling);
    apply(&window, "language", language);
    let _ = CHANGE.set(Box::new(move |key, value| apply(&window, key, value)));
}

/// A setting changed: the main window follows it from now on.
pub fn change(key: &str, value: &str) {
    if let Some(change) = CHANGE.get() {
        change(key, value);
    }
}

fn apply<R: Runtime>(window: &WebviewWindow<R>, key: &str, value: &str) {
    let (key, value) = (key.to_string(), value.to_string());
    let outcome = window.with_webview(move |webview| {
        #[cfg(target_os = "linux")]
        {
            use webkit2gtk::{WebContextExt, WebViewExt};
            let Some(context) = webview.inner().context() else {
                return;
            };
            match key.as_str() {
                "spelling_languages" => {
                    let languages = dictionaries(&value);
                    context.set_spell_checking_enabled(!languages.is_empty());
                    context.set_spell_checking_languages(&languages);
                }
                "language" => context.set_preferred_languages(&preferred(&value)),
                _ => {}
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = (webview, key, value);
    });
    if let Err(error) = outcome {
        tracing::warn!(%error, "the web context did not take the settings");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_setting_names_its_dictionaries() {
        assert_eq!(dictionaries("de"), ["de_DE"]);
        assert_eq!(dictionaries("de,en"), ["de_DE", "en_US"]);
        assert!(dictionaries("").is_empty(), "no language: no checking");
        assert_eq!(preferred("de")[0], "de-DE");
        assert_eq!(
            preferred("en")[0],
            "en-GB",
            "day before month in English too"
        );
    }
}
