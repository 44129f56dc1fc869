//! The settings a newsroom or an editor changes, each with its default and its rule. They are
//! kept in the library (table `settings`), so they travel with backups and the CLI
//! (`newsdesk settings list|get|set`) sees what the window sees. Only the keys listed in
//! [`SETTINGS`] are settings; the library's own bookkeeping in the same table (the search
//! index's id) is not one and cannot be set.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::credit_line::{DEFAULT_CREDIT_FORMAT, check_format};

mod lists;
pub use lists::{CreditPreset, MAX_CREDIT_PRESETS, MAX_SAVED_SEARCHES};

/// One setting as the window and `settings list --json` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Setting {
    pub key: String,
    /// The value in force: the one set, else the default.
    pub value: String,
    pub default: String,
    /// What it is for, in a sentence.
    pub about: String,
}

/// A setting's key, default, meaning and rule.
pub struct SettingSpec {
    pub key: &'static str,
    pub default: &'static str,
    pub about: &'static str,
    /// The value as stored (trimmed, normalised), or why it is refused, in words.
    pub check: fn(&str) -> Result<String, String>,
}

/// Every setting, in the order the window and `settings list` show them.
pub const SETTINGS: &[SettingSpec] = &[
    SettingSpec {
        key: "language",
        default: "de",
        about: "The window's language: de (Deutsch) or en (English).",
        check: |v| one_of(v, &["de", "en"]),
    },
    SettingSpec {
        key: "theme",
        default: "system",
        about: "The window's colours: system, light or dark.",
        check: |v| one_of(v, &["system", "light", "dark"]),
    },
    SettingSpec {
        key: "start_view",
        default: "library",
        about: "The view the window starts on: library (the article list) or overview.",
        check: |v| one_of(v, &["library", "overview"]),
    },
    SettingSpec {
        key: "editor_font_size",
        default: "16",
        about: "The body editor's font size in pixels (10 to 32).",
        check: |v| number_in(v, 10, 32),
    },
    SettingSpec {
        key: "zoom",
        default: "100",
        about: "The whole window's zoom in percent (50 to 200; Ctrl +, Ctrl −, Ctrl 0).",
        check: |v| number_in(v, 50, 200),
    },
    SettingSpec {
        key: "teaser_max_chars",
        default: "300",
        about: "How long a teaser may be before the readiness check warns (80 to 2000 characters).",
        check: |v| number_in(v, 80, 2000),
    },
    SettingSpec {
        key: "default_author",
        default: "",
        about: "The author a new article starts with (empty: none).",
        check: |v| short_text(v, 200),
    },
    SettingSpec {
        key: "default_section",
        default: "",
        about: "The section a new article starts with (empty: none).",
        check: |v| short_text(v, 200),
    },
    SettingSpec {
        key: "credit_format",
        default: DEFAULT_CREDIT_FORMAT,
        about: "How a picture's credit line is made from its fields ({credit|creator|source}).",
        check: |v| {
            let v = v.trim();
            check_format(v).map(|()| v.to_string())
        },
    },
    SettingSpec {
        key: "credit_presets",
        default: "[]",
        about: "The photo desk's own credit presets, as JSON: [{\"credit\": …, \"source\": …, \"license\": …}].",
        check: lists::credit_presets,
    },
    SettingSpec {
        key: "saved_searches",
        default: "[]",
        about: "The saved searches shown in the navigation, newest first, as a JSON list.",
        check: lists::saved_searches,
    },
    SettingSpec {
        key: "backup_folder",
        default: "",
        about: "Where automatic backups are written (empty: a folder beside the library).",
        check: |v| {
            let v = v.trim();
            if v.is_empty() || v.starts_with('/') {
                Ok(v.to_string())
            } else {
                Err(format!(
                    "the backup folder must be a full path (starting with /), not {v:?}"
                ))
            }
        },
    },
    SettingSpec {
        key: "backup_schedule",
        default: "daily",
        about: "How often the library is backed up automatically: off, daily or weekly.",
        check: |v| one_of(v, &["off", "daily", "weekly"]),
    },
    SettingSpec {
        key: "backup_keep",
        default: "7",
        about: "How many automatic backups are kept (1 to 365); older ones are removed.",
        check: |v| number_in(v, 1, 365),
    },
    SettingSpec {
        key: "spelling_languages",
        default: "de",
        about: "The languages the text fields are spell-checked in: de, en or de,en.",
        check: spelling_languages,
    },
    SettingSpec {
        key: "log_level",
        default: "info",
        about: "How much the log file keeps: error, warn, info or debug.",
        check: |v| one_of(v, &["error", "warn", "info", "debug"]),
    },
];

/// The setting named `key`, or why there is none, in words.
pub fn spec(key: &str) -> Result<&'static SettingSpec, String> {
    SETTINGS.iter().find(|s| s.key == key).ok_or_else(|| {
        let known: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
        format!(
            "there is no setting {key:?}; the settings are {}",
            known.join(", ")
        )
    })
}

/// `value` checked for the setting `key`: what is stored, or why it is refused, in words.
pub fn check_setting(key: &str, value: &str) -> Result<String, String> {
    let spec = spec(key)?;
    (spec.check)(value).map_err(|why| format!("{key}: {why}"))
}

fn one_of(value: &str, allowed: &[&str]) -> Result<String, String> {
    let value = value.trim().to_lowercase();
    if allowed.contains(&value.as_str()) {
        Ok(value)
    } else {
        Err(format!("{value:?} is not one of {}", allowed.join(", ")))
    }
}

fn number_in(value: &str, low: u32, high: u32) -> Result<String, String> {
    match value.trim().parse::<u32>() {
        Ok(n) if (low..=high).contains(&n) => Ok(n.to_string()),
        _ => Err(format!(
            "{:?} is not a whole number from {low} to {high}",
            value.trim()
        )),
    }
}

fn short_text(value: &str, max_chars: usize) -> Result<String, String> {
    let value = value.trim();
    if value.chars().count() > max_chars || value.chars().any(char::is_control) {
        Err(format!(
            "the text must be one line of at most {max_chars} characters"
        ))
    } else {
        Ok(value.to_string())
    }
}

fn spelling_languages(value: &str) -> Result<String, String> {
    let mut languages: Vec<String> = Vec::new();
    for part in value.split(',') {
        let language = one_of(part, &["de", "en"])?;
        if !languages.contains(&language) {
            languages.push(language);
        }
    }
    Ok(languages.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_passes_its_own_rule() {
        for spec in SETTINGS {
            assert_eq!(
                (spec.check)(spec.default).as_deref(),
                Ok(spec.default),
                "{}: the default must be a value the setting accepts, as stored",
                spec.key
            );
        }
    }

    #[test]
    fn values_are_normalised_or_refused_in_words() {
        assert_eq!(check_setting("language", " EN ").as_deref(), Ok("en"));
        let refused = check_setting("language", "xx").err().unwrap_or_default();
        assert!(
            refused.contains("language") && refused.contains("de, en"),
            "{refused}"
        );
        assert_eq!(check_setting("zoom", "125").as_deref(), Ok("125"));
        assert!(check_setting("zoom", "500").is_err(), "beyond the range");
        assert!(check_setting("zoom", "1.5").is_err(), "not a whole number");
        assert_eq!(
            check_setting("spelling_languages", "de, en,de").as_deref(),
            Ok("de,en")
        );
        assert!(check_setting("credit_format", "{nope}").is_err());
        assert!(check_setting("backup_folder", "relative/path").is_err());
        let unknown = check_setting("search_index_id", "x")
            .err()
            .unwrap_or_default();
        assert!(
            unknown.contains("there is no setting"),
            "the library's bookkeeping is no setting: {unknown}"
        );
    }
}
