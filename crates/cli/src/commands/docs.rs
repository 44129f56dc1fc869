//! `newsdesk generate-docs DIR`: the man pages and the shell completions, made from the clap
//! command itself so they never drift from it. The Debian package ships them
//! (scripts/package/build-deb.sh). Not a clap subcommand: the command line users see, its help
//! and its completions stay exactly the contract; `main` asks [`asked`] before parsing.
//!
//! ```text
//! DIR/man/newsdesk.1, newsdesk-article.1, newsdesk-article-import.1, …   (clap_mangen)
//! DIR/completions/newsdesk.bash, _newsdesk, newsdesk.fish                (clap_complete)
//! ```

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

use crate::Failure;
use crate::args::Cli;

/// The word that asks for the documents.
const WORD: &str = "generate-docs";

/// The shells whose completions the package carries.
const SHELLS: [Shell; 3] = [Shell::Bash, Shell::Zsh, Shell::Fish];

/// `Some(folder)` when the arguments are `generate-docs FOLDER`; `Some(Err)` for
/// `generate-docs` with anything else; `None` for every other command line.
pub fn asked(mut args: impl Iterator<Item = OsString>) -> Option<Result<PathBuf, Failure>> {
    let _program = args.next();
    if args.next()? != WORD {
        return None;
    }
    Some(match (args.next(), args.next()) {
        (Some(dir), None) => Ok(PathBuf::from(dir)),
        _ => Err(Failure::Message(format!("usage: newsdesk {WORD} DIR"))),
    })
}

/// Writes the man pages into `dir/man` and the completions into `dir/completions`.
pub fn generate(dir: &Path) -> Result<(), Failure> {
    let in_words = |what: &str, path: &Path, error: std::io::Error| {
        Failure::Message(format!(
            "cannot write the {what} into {}: {error}",
            path.display()
        ))
    };
    let man = dir.join("man");
    let completions = dir.join("completions");
    for folder in [&man, &completions] {
        std::fs::create_dir_all(folder).map_err(|e| in_words("folder", folder, e))?;
    }
    let mut command = Cli::command();
    clap_mangen::generate_to(command.clone(), &man).map_err(|e| in_words("man pages", &man, e))?;
    for shell in SHELLS {
        clap_complete::generate_to(shell, &mut command, "newsdesk", &completions)
            .map_err(|e| in_words("completions", &completions, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> impl Iterator<Item = OsString> {
        words
            .iter()
            .map(OsString::from)
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn only_the_exact_word_with_one_folder_asks() {
        assert!(asked(args(&["newsdesk"])).is_none());
        assert!(asked(args(&["newsdesk", "article", "list"])).is_none());
        assert!(asked(args(&["newsdesk", "--db", "generate-docs"])).is_none());
        assert!(matches!(
            asked(args(&["newsdesk", "generate-docs", "out"])),
            Some(Ok(dir)) if dir == Path::new("out")
        ));
        assert!(matches!(
            asked(args(&["newsdesk", "generate-docs"])),
            Some(Err(_))
        ));
        assert!(matches!(
            asked(args(&["newsdesk", "generate-docs", "a", "b"])),
            Some(Err(_))
        ));
    }
}
