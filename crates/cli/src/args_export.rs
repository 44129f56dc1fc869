//! `newsdesk export …`: articles as HTML, PDF, Markdown, ninjs or a ZIP bundle.

use std::path::PathBuf;

use clap::Args;
use newsdesk_model::Status;

#[derive(Args)]
#[command(
    after_help = "One article and a file name: -o is the file. Several articles, or --status/--section/--tag: -o is a folder (made when missing), one file per article named by date and title."
)]
pub struct ExportArgs {
    /// The articles to export
    #[arg(value_name = "ID", required_unless_present_any = ["status", "section", "tag"])]
    pub ids: Vec<i64>,
    /// md, html, pdf, ninjs or bundle [default: from the extension of -o]
    #[arg(long)]
    pub format: Option<String>,
    /// Every article with this status instead (draft, ready, scheduled, published)
    #[arg(long, conflicts_with = "ids")]
    pub status: Option<Status>,
    /// Every article of this section instead (with --status: both)
    #[arg(long, conflicts_with = "ids")]
    pub section: Option<String>,
    /// Every article with this tag instead
    #[arg(long, conflicts_with = "ids")]
    pub tag: Option<String>,
    /// The file (one article) or the folder (several)
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: PathBuf,
    /// Replace files that exist
    #[arg(long)]
    pub force: bool,
    /// Print the report as JSON: {format, written: [{id, title, path, bytes}], failed: [{id, title, message}]}
    #[arg(long)]
    pub json: bool,
}
