//! Exports: what a batch export wrote and what it could not, and how far it is.
//! `--json` field names of `newsdesk export` are these names.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One article written to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportedFile {
    pub id: i64,
    pub title: String,
    /// The file written.
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// One article that was not exported, and why (a picture without credit, a template error…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportFailure {
    pub id: i64,
    pub title: String,
    pub message: String,
    /// The same words in other languages, by language ("de"); absent when there is none.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    #[ts(optional, as = "Option<std::collections::BTreeMap<String, String>>")]
    pub translations: std::collections::BTreeMap<String, String>,
}

impl ExportFailure {
    /// The article `id` that failed, with the reason in English and German.
    pub fn worded(id: i64, title: impl Into<String>, why: &dyn crate::Localized) -> Self {
        ExportFailure {
            id,
            title: title.into(),
            message: why.to_string(),
            translations: why.translations(),
        }
    }
}

/// The result of exporting one or more articles: the others go on when one fails.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportReport {
    /// The format's name: `md`, `html`, `pdf`, `ninjs` or `bundle`.
    pub format: String,
    pub written: Vec<ExportedFile>,
    pub failed: Vec<ExportFailure>,
    /// True when the export was stopped before every article was written (each file written
    /// is whole; the articles after it were not begun).
    #[serde(default)]
    pub cancelled: bool,
}

/// How far a batch export is: `done` of `total` articles, the last one named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportProgress {
    pub done: usize,
    pub total: usize,
    pub title: String,
}

/// Where an export from the window goes: the file name to offer, and the folder the desk set
/// for exports (then the window saves there without a dialog).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportTarget {
    pub name: String,
    pub folder: Option<String>,
}

/// The export templates as the window's tools show them: the folder whose files win over the
/// built-in ones, and for each template whether the newsroom's own copy is in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplatesInfo {
    pub folder: String,
    pub files: Vec<TemplateFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateFile {
    /// `article.html`, `article.css` or `article.typ`.
    pub name: String,
    /// True when the folder has its own copy (it is used instead of the built-in one).
    pub custom: bool,
}
