//! `newsdesk` — the headless twin of the Newsdesk app, over the same application API.
//!
//! Every command prints text for people or, with `--json`, JSON for scripts (field names as
//! in the interchange format plus `id`, `status`, `created_at`, `updated_at`). Exit code 0 on
//! success; otherwise one line on stderr and a non-zero code (3: a conflict, the article
//! changed elsewhere). When the reader of the output
//! goes away (`| head`), a command ends quietly with exit code 0.

mod args;
mod args_desk;
mod args_export;
mod args_image;
mod args_publish;
mod args_shared_desk;
mod args_tags;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

/// Why a command did not finish.
pub enum Failure {
    /// A sentence for stderr, printed once by `main`.
    Message(String),
    /// A save refused because the article changed elsewhere meanwhile (exit code 3).
    Conflict(String),
    /// Whoever read stdout has gone (`| head`): nothing more to say.
    PipeClosed,
}

impl From<newsdesk_api::ApiError> for Failure {
    fn from(err: newsdesk_api::ApiError) -> Self {
        Failure::Message(err.to_string())
    }
}

impl From<std::io::Error> for Failure {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::PipeClosed
        } else {
            Failure::Message(format!("cannot write the output: {err}"))
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    // Thumbnails of files on disk need no library.
    if let Command::Image(command) = &cli.command
        && let args_image::ImageCommand::Thumbnail { files, size, out } = command.as_ref()
    {
        return commands::image::thumbnails(files, *size, out);
    }
    // The shared desk's administration needs its PostgreSQL, not a library.
    if let Command::Desk(command) = cli.command {
        return commands::shared_desk::run(command);
    }
    // Evaluating a keyphrase set needs no library either.
    if let Command::Tags(command) = cli.command {
        if !command.needs_library() {
            return commands::tags::eval_without_library(command);
        }
        return with_library(cli.db, Command::Tags(command));
    }
    with_library(cli.db, cli.command)
}

fn with_library(db: Option<std::path::PathBuf>, command: Command) -> Result<(), Failure> {
    let cli_db = db;
    let path = match cli_db {
        Some(path) => path,
        None => newsdesk_api::App::default_library_path()?,
    };
    // A library that no longer opens can still be replaced by a sound backup.
    if let Command::Db(args::DbCommand::Restore { file }) = &command
        && let Err(problem) = newsdesk_api::App::open_existing(&path)
    {
        return commands::db::restore_unopened(&path, file, &problem);
    }
    // Commands that only read never create a library: a mistyped path is said, not made.
    let app = if command.creates_library() {
        newsdesk_api::App::open(&path)?
    } else {
        newsdesk_api::App::open_existing(&path)?
    };
    match command {
        Command::Tags(command) => commands::tags::run(&app, command),
        Command::Article(command) => commands::article::run(&app, command),
        Command::Search(args) => commands::search::run(&app, args),
        Command::Db(command) => commands::db::run(&app, command),
        Command::Image(command) => commands::image::run(&app, *command),
        Command::Export(args) => commands::export::run(&app, args),
        Command::Portal(command) => commands::portal::run(&app, command),
        Command::Publish(args) => commands::publish::publish(&app, args),
        Command::Withdraw(args) => commands::publish::withdraw(&app, args),
        Command::Outbox(command) => commands::outbox::run(&app, command),
        Command::Settings(command) => commands::settings::run(&app, command),
        Command::Desk(command) => commands::shared_desk::run(command),
    }
}

fn main() -> ExitCode {
    // Started to run an export's templates within their budget, this serves them and ends.
    newsdesk_api::serve_template_child_if_asked();
    // The package's man pages and completions (commands/docs.rs); not part of the command line.
    let result = match commands::docs::asked(std::env::args_os()) {
        Some(dir) => dir.and_then(|dir| commands::docs::generate(&dir)),
        None => run(Cli::parse()),
    };
    match result {
        Ok(()) | Err(Failure::PipeClosed) => ExitCode::SUCCESS,
        Err(Failure::Message(message)) => {
            eprintln!(
                "newsdesk: {}",
                output::clean_line(&message.replace('\n', " "))
            );
            ExitCode::FAILURE
        }
        Err(Failure::Conflict(message)) => {
            eprintln!("newsdesk: conflict: {}", output::clean_line(&message));
            ExitCode::from(3)
        }
    }
}
