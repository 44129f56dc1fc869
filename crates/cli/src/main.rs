//! `newsdesk` — the headless twin of the Newsdesk app, over the same application API.
//!
//! Every command prints text for people or, with `--json`, JSON for scripts (field names as
//! in the interchange format plus `id`, `status`, `created_at`, `updated_at`). Exit code 0 on
//! success; otherwise one line on stderr and a non-zero code.

mod args;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

/// A failed command: the sentence for stderr. Printed once, by `main`.
pub struct Failure(pub String);

impl From<newsdesk_api::ApiError> for Failure {
    fn from(err: newsdesk_api::ApiError) -> Self {
        Failure(err.to_string())
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let path = match cli.db {
        Some(path) => path,
        None => newsdesk_api::App::default_library_path()?,
    };
    let app = newsdesk_api::App::open(&path)?;
    match cli.command {
        Command::Article(command) => commands::article::run(&app, command),
        Command::Search(args) => commands::search::run(&app, args),
        Command::Db(command) => commands::db::run(&app, command),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("newsdesk: {}", message.replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}
