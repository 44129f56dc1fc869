//! `newsdesk tags …`: tag suggestions, the editor's verdicts on them, and their evaluation.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum TagsCommand {
    /// Suggest tags for an article (or a Markdown file, or a picture), best first
    Suggest {
        /// The article
        #[arg(required_unless_present_any = ["file", "image"])]
        id: Option<i64>,
        /// An article in the interchange format, not in the library
        #[arg(long, conflicts_with_all = ["id", "image"], value_name = "ARTICLE.md")]
        file: Option<PathBuf>,
        /// Keywords for this library picture instead
        #[arg(long, conflicts_with = "id", value_name = "IMAGE_ID")]
        image: Option<i64>,
        /// How many suggestions
        #[arg(short, default_value_t = 10)]
        k: usize,
        /// As JSON: [{tag, score, reason, source, reasons}]
        #[arg(long)]
        json: bool,
    },
    /// Accept suggested tags: they join the article's tags (or the picture's keywords)
    Accept {
        id: i64,
        #[arg(required = true, value_name = "TAG")]
        tags: Vec<String>,
        /// ID is a library picture
        #[arg(long)]
        image: bool,
    },
    /// Reject suggested tags: they are not suggested for this article (or picture) again
    Reject {
        id: i64,
        #[arg(required = true, value_name = "TAG")]
        tags: Vec<String>,
        /// ID is a library picture
        #[arg(long)]
        image: bool,
    },
    /// Precision, recall and F1 of the suggestions against gold keyphrases
    Eval {
        /// A keyphrase set: DIR/docsutf8/NAME.txt and DIR/keys/NAME.key
        #[arg(required_unless_present = "library")]
        dir: Option<PathBuf>,
        /// Leave-one-out over the library's own tagged articles instead
        #[arg(long, conflicts_with = "dir")]
        library: bool,
        /// Cut-offs
        #[arg(short, value_delimiter = ',', default_value = "5,10")]
        k: Vec<usize>,
        /// Score another extractor's ranked phrases (PREDICTIONS/NAME.txt, one a line)
        #[arg(long, requires = "dir", value_name = "PREDICTIONS")]
        predictions: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

impl TagsCommand {
    /// Evaluating a keyphrase set needs no library.
    pub fn needs_library(&self) -> bool {
        !matches!(self, TagsCommand::Eval { library: false, .. })
    }
}
