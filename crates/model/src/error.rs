use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The closed set of error kinds the UI branches on (it never matches message text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The article, revision or file asked for does not exist.
    NotFound,
    /// The input was refused (bad front matter, unknown status, empty title, …).
    InvalidInput,
    /// The article was saved elsewhere since the editor loaded it: reload, or keep theirs.
    Conflict,
    /// The library file was written by a newer Newsdesk.
    NewerLibrary,
    /// A portal could not be reached, or answered with its own trouble (offline, 5xx): the
    /// outbox tries again by itself.
    Unreachable,
    /// The library file or the disk failed.
    Storage,
    /// The disk has no space left: nothing new could be saved (what was saved is intact);
    /// the library may be open for reading only until space is freed.
    DiskFull,
    /// Something else; the message says what.
    Internal,
}

/// An error as it crosses to the UI or the CLI: a code to branch on and a sentence to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UserError {
    pub code: ErrorCode,
    /// The English sentence (what the CLI prints).
    pub message: String,
    /// The same sentence in other languages, by language ("de"); absent when there is none.
    /// The window shows the one of its language, else `message`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[ts(optional, as = "Option<BTreeMap<String, String>>")]
    pub translations: BTreeMap<String, String>,
}

impl UserError {
    /// An error with its English sentence only.
    pub fn english(code: ErrorCode, message: impl Into<String>) -> Self {
        UserError {
            code,
            message: message.into(),
            translations: BTreeMap::new(),
        }
    }

    /// An error said in both languages.
    pub fn worded(code: ErrorCode, text: &crate::Text) -> Self {
        UserError {
            code,
            message: text.en.clone(),
            translations: BTreeMap::from([(crate::GERMAN.to_string(), text.de.clone())]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_pinned_because_the_ui_reads_it() {
        let err = UserError {
            code: ErrorCode::NotFound,
            message: "Artikel 7 gibt es nicht.".into(),
            translations: BTreeMap::new(),
        };
        let json = serde_json::to_string(&err).expect("plain struct serialises");
        assert_eq!(
            json, r#"{"code":"not_found","message":"Artikel 7 gibt es nicht."}"#,
            "the UI's ipc module parses exactly this shape"
        );
    }

    #[test]
    fn a_full_disk_has_its_own_code() {
        let err = UserError {
            code: ErrorCode::DiskFull,
            message: "disk full".into(),
            translations: BTreeMap::new(),
        };
        let json = serde_json::to_string(&err).expect("plain struct serialises");
        assert_eq!(
            json, r#"{"code":"disk_full","message":"disk full"}"#,
            "the UI words this code (error.code.disk_full)"
        );
    }

    #[test]
    fn translations_travel_beside_the_english_sentence() {
        let err = UserError::worded(
            ErrorCode::NotFound,
            &crate::text!("article 7 does not exist", "Artikel 7 gibt es nicht"),
        );
        let json = serde_json::to_string(&err).expect("plain struct serialises");
        assert_eq!(
            json,
            r#"{"code":"not_found","message":"article 7 does not exist","translations":{"de":"Artikel 7 gibt es nicht"}}"#,
            "the window picks translations[locale] and falls back to message"
        );
        let back: UserError = serde_json::from_str(r#"{"code":"not_found","message":"x"}"#)
            .expect("an error without translations still reads");
        assert!(back.translations.is_empty());
    }
}
