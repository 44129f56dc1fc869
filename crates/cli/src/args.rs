//! The command line, as clap parses it. Names here are a contract: add, never rename.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use newsdesk_model::Status;

#[derive(Parser)]
#[command(
    name = "newsdesk",
    version,
    about = "Newsdesk from the command line: the newsroom's library, scriptable"
)]
pub struct Cli {
    /// The library file [default: the app's library in the user's data folder]
    #[arg(long, global = true, env = "NEWSDESK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Import, list, show, export articles; their history
    #[command(subcommand)]
    Article(ArticleCommand),
    /// Full-text search over kicker, title, teaser, body and tags
    Search(SearchArgs),
    /// Check, back up and restore the whole library
    #[command(subcommand)]
    Db(DbCommand),
    /// The image library: import pictures, their credits, keywords, look-alikes, reports
    #[command(subcommand)]
    Image(Box<crate::args_image::ImageCommand>),
    /// Tag suggestions: suggest, accept, reject, evaluate
    #[command(subcommand)]
    Tags(crate::args_tags::TagsCommand),
    /// Export articles as HTML, PDF (print version), Markdown, IPTC ninjs or a ZIP bundle
    Export(crate::args_export::ExportArgs),
    /// The portals articles are published to
    #[command(subcommand)]
    Portal(crate::args_publish::PortalCommand),
    /// Publish an article on a portal (or update it there), now or at a set time
    Publish(crate::args_publish::PublishArgs),
    /// Take an article off a portal
    Withdraw(crate::args_publish::WithdrawArgs),
    /// What waits to be sent to the portals, and sending it
    #[command(subcommand)]
    Outbox(crate::args_publish::OutboxCommand),
    /// The library's settings (language, theme, backups, …): list, get, set
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// The newsroom's shared desk: its members (invite, revoke)
    #[command(subcommand)]
    Desk(crate::args_shared_desk::DeskCommand),
}

#[derive(Subcommand)]
pub enum SettingsCommand {
    /// Every setting with its value and default
    List {
        #[arg(long)]
        json: bool,
    },
    /// One setting's value
    Get {
        key: String,
        #[arg(long)]
        json: bool,
    },
    /// Change a setting (an unknown key or a value it does not take is refused)
    Set { key: String, value: String },
}

impl Command {
    /// True for the commands that may start a new library: they store articles (or a setting). Every other
    /// command needs an existing one.
    pub fn creates_library(&self) -> bool {
        match self {
            Command::Article(command) => matches!(
                command,
                ArticleCommand::Import { .. }
                    | ArticleCommand::Demo { .. }
                    | ArticleCommand::New(_)
            ),
            Command::Image(command) => {
                matches!(
                    command.as_ref(),
                    crate::args_image::ImageCommand::Import { .. }
                )
            }
            Command::Portal(command) => {
                matches!(command, crate::args_publish::PortalCommand::Add { .. })
            }
            Command::Settings(command) => matches!(command, SettingsCommand::Set { .. }),
            Command::Search(_)
            | Command::Db(_)
            | Command::Tags(_)
            | Command::Export(_)
            | Command::Publish(_)
            | Command::Withdraw(_)
            | Command::Outbox(_)
            | Command::Desk(_) => false,
        }
    }
}

#[derive(Subcommand)]
pub enum ArticleCommand {
    /// Import Markdown files or folders of them; prints the new ids
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print the import report as JSON
        #[arg(long)]
        json: bool,
    },
    /// List articles, newest first
    List(ListArgs),
    /// Show one article
    Show {
        id: i64,
        /// As JSON
        #[arg(long, conflicts_with = "md")]
        json: bool,
        /// As Markdown with front matter (the interchange format)
        #[arg(long)]
        md: bool,
    },
    /// Write an article to a file
    Export {
        id: i64,
        /// File format: md, html, pdf, ninjs or bundle
        #[arg(long, default_value = "md")]
        format: String,
        /// Target file
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Replace the target file if it exists
        #[arg(long)]
        force: bool,
    },
    /// List the revisions of an article, newest first
    History {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Make an old revision current again (kept as a new revision)
    Restore {
        id: i64,
        #[arg(long, value_name = "N")]
        revision: i64,
        #[arg(long)]
        json: bool,
    },
    /// Load the portal's demo articles that ship with Newsdesk
    Demo {
        #[arg(long)]
        json: bool,
    },
    /// Write a new draft; prints its id
    New(NewArgs),
    /// Replace an article's content with a Markdown file (a new revision)
    Update {
        id: i64,
        /// Markdown with front matter (the interchange format)
        file: PathBuf,
        /// Refuse (exit 3) unless the article is still at revision N: nothing is overwritten
        #[arg(long, value_name = "N")]
        expect_revision: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Set the workflow status; "ready" is refused with what is missing
    Status {
        id: i64,
        #[arg(value_parser = ["draft", "ready"])]
        status: String,
        #[arg(long)]
        json: bool,
    },
    /// What keeps an article from being ready, and accessibility hints (empty when ready)
    Check {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Word-level differences between two revisions
    Diff {
        id: i64,
        #[arg(long, value_name = "N")]
        from: i64,
        #[arg(long, value_name = "M")]
        to: i64,
        #[arg(long)]
        json: bool,
    },
    /// Words, characters, reading time, long sentences, readability
    Stats {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Articles that could stand under "Weitere Meldungen"
    Related {
        id: i64,
        #[arg(short = 'k', default_value_t = 5)]
        k: usize,
        #[arg(long)]
        json: bool,
    },
    /// Set the articles shown under "Weitere Meldungen" (none: clear them)
    Relate {
        id: i64,
        #[arg(value_name = "OTHER")]
        related: Vec<i64>,
    },
    /// A new draft with the same content
    Duplicate {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Set or clear the embargo (Sperrfrist): before it, nothing of the article leaves
    Embargo(crate::args_desk::EmbargoArgs),
    /// Add a correction notice; it goes out with the next publish
    Correct {
        id: i64,
        /// What was corrected, as readers read it
        #[arg(long, value_name = "S")]
        note: String,
        #[arg(long)]
        json: bool,
    },
    /// Set the post's address part, meta description or social-card picture ("" empties)
    Set {
        id: i64,
        /// The last part of the public address (lower-case letters, digits, hyphens)
        #[arg(long, value_name = "S", required_unless_present_any = ["description", "social_image"])]
        slug: Option<String>,
        /// The meta description search engines and link previews show
        #[arg(long, value_name = "S")]
        description: Option<String>,
        /// The picture a shared link shows: the file of one of the article's pictures
        #[arg(long, value_name = "FILE")]
        social_image: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Move an article to the trash (nothing is deleted)
    Trash { id: i64 },
    /// Take an article out of the trash
    Untrash { id: i64 },
    /// Delete the articles in the trash for good
    EmptyTrash,
}

impl ArticleCommand {
    /// The subcommand's name, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            ArticleCommand::Import { .. } => "import",
            ArticleCommand::List(_) => "list",
            ArticleCommand::Show { .. } => "show",
            ArticleCommand::Export { .. } => "export",
            ArticleCommand::History { .. } => "history",
            ArticleCommand::Restore { .. } => "restore",
            ArticleCommand::Demo { .. } => "demo",
            ArticleCommand::New(_) => "new",
            ArticleCommand::Update { .. } => "update",
            ArticleCommand::Status { .. } => "status",
            ArticleCommand::Check { .. } => "check",
            ArticleCommand::Diff { .. } => "diff",
            ArticleCommand::Stats { .. } => "stats",
            ArticleCommand::Related { .. } => "related",
            ArticleCommand::Relate { .. } => "relate",
            ArticleCommand::Duplicate { .. } => "duplicate",
            ArticleCommand::Embargo(_) => "embargo",
            ArticleCommand::Correct { .. } => "correct",
            ArticleCommand::Set { .. } => "set",
            ArticleCommand::Trash { .. } => "trash",
            ArticleCommand::Untrash { .. } => "untrash",
            ArticleCommand::EmptyTrash => "empty-trash",
        }
    }
}

#[derive(Args)]
pub struct NewArgs {
    #[arg(long)]
    pub title: String,
    #[arg(long)]
    pub kicker: Option<String>,
    #[arg(long)]
    pub section: Option<String>,
    #[arg(long = "type")]
    pub kind: Option<String>,
    #[arg(long)]
    pub author: Option<String>,
    #[arg(long)]
    pub teaser: Option<String>,
    /// The body, a Markdown file
    #[arg(long, value_name = "F")]
    pub body_file: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ListArgs {
    /// draft, ready, scheduled, published, updated or withdrawn
    #[arg(long)]
    pub status: Option<Status>,
    #[arg(long)]
    pub section: Option<String>,
    #[arg(long)]
    pub tag: Option<String>,
    /// Meldung, Bericht, …
    #[arg(long = "type")]
    pub kind: Option<String>,
    /// List the trash instead
    #[arg(long)]
    pub trashed: bool,
    /// Only articles dated on or after (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<chrono::NaiveDate>,
    /// Only articles dated on or before (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<chrono::NaiveDate>,
    #[arg(long)]
    pub limit: Option<u32>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct SearchArgs {
    /// Words (all must match, also inside compounds) and "quoted phrases"
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum DbCommand {
    /// Check the library for damage (SQLite integrity and the search index); remove the
    /// temporary files killed picture imports left in its pictures folder
    Check {
        #[arg(long)]
        json: bool,
    },
    /// Copy the whole library to a new file, while it may be in use
    Backup { file: PathBuf },
    /// Replace the whole library with a backup (checked first); a library that does not open
    /// any more is kept beside it as `<name>.damaged-<time>.sqlite`
    Restore { file: PathBuf },
    /// Show where the library is and what it holds
    Info {
        #[arg(long)]
        json: bool,
    },
    /// Give the space of deleted and replaced data back to the disk (SQLite's VACUUM): for a
    /// library written by an older Newsdesk, or after emptying a large trash. Needs about the
    /// library's size free, and no other program writing it meanwhile
    Compact {
        #[arg(long)]
        json: bool,
    },
}
