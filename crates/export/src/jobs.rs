//! What the template process is asked to make: an HTML page or a print version, as plain
//! data that crosses the process boundary.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The HTML page's template with what it shows: everything minijinja needs, as plain data.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PageJob {
    /// The newsroom's templates folder (includes are read from it, or the built-ins).
    pub folder: Option<PathBuf>,
    /// The article's [`crate::Anatomy`].
    pub article: serde_json::Value,
    /// One per picture: its `data:` address, or none.
    pub images: Vec<Option<String>>,
    pub credits: Vec<String>,
}

/// The print version to typeset: the generated document, the template, the pictures by their
/// place in the article, the newsroom's fonts.
#[derive(Debug, Clone)]
pub(crate) struct PrintJob {
    pub main: String,
    pub template: String,
    pub today: NaiveDate,
    pub pictures: Vec<(usize, Vec<u8>)>,
    pub fonts: Vec<Vec<u8>>,
}
