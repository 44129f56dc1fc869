//! Exports under embargo (Sperrfrist): the formats meant for others (the HTML page, ninjs, the
//! bundle) are refused naming the time; the internal ones (the print PDF, Markdown) are made
//! and say "SPERRFRIST bis …" on them.

use newsdesk_model::{Article, Embargo, embargo_notice};

use super::ExportFormat;
use crate::error::Leaving;
use crate::{ApiError, App};

impl App {
    /// The embargo that holds `article` for an export in `format`: refused for the formats
    /// meant for others, handed on (for the notice) for the internal ones.
    pub(super) fn embargo_for(
        &self,
        article: &Article,
        format: ExportFormat,
    ) -> Result<Option<Embargo>, ApiError> {
        let Some(embargo) = self.embargo_of(article.id)? else {
            return Ok(None);
        };
        let what = match format {
            ExportFormat::Markdown | ExportFormat::Pdf => return Ok(Some(embargo)),
            ExportFormat::Html => Leaving::ExportedHtml,
            ExportFormat::Ninjs => Leaving::ExportedNinjs,
            ExportFormat::Bundle => Leaving::ExportedBundle,
        };
        Err(ApiError::Embargoed {
            id: article.id,
            what,
            embargo,
        })
    }
}

/// The Markdown file with the embargo's notice as its first front-matter line (a YAML
/// comment: a reader sees it, the format reads past it).
pub(super) fn with_notice(markdown: String, embargo: Option<&Embargo>) -> String {
    match (embargo, markdown.strip_prefix("---\n")) {
        (Some(embargo), Some(rest)) => {
            format!("---\n# {}\n{rest}", embargo_notice(embargo.until))
        }
        _ => markdown,
    }
}
