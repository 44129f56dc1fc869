use std::path::PathBuf;

use newsdesk_model::{ErrorCode, Localized, Text, UserError};
use newsdesk_store::StoreError;

mod german;

/// Why a user action failed. `Display` is a sentence for the user.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{}: {message}", location(file, *line))]
    Format {
        file: String,
        line: Option<u32>,
        message: String,
    },
    #[error("{0}")]
    Invalid(Text),
    /// A picture that cannot be read, decoded or given its credits.
    #[error(transparent)]
    Media(#[from] newsdesk_media::MediaError),
    #[error("{}", io_message(&context.en, path, source))]
    Io {
        /// What was being done, said before the path ("cannot make the export folder").
        context: Text,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("no folder for the library could be found: set NEWSDESK_DB or use --db")]
    NoDataDir,
    #[error(
        "article {id} cannot leave the library while a picture lacks its credit or \
         license:\n{}",
        list_problems(problems)
    )]
    PictureNotCleared {
        id: i64,
        problems: Vec<newsdesk_model::ReadinessProblem>,
    },
    /// An export could not be made (a template, the typesetting, the bundle).
    #[error(transparent)]
    Export(#[from] newsdesk_export::ExportError),
    /// Talking to a portal failed.
    #[error(transparent)]
    Publish(#[from] newsdesk_publish::PublishError),
    /// The system's keyring failed or is missing.
    #[error(transparent)]
    Secret(#[from] newsdesk_publish::SecretError),
    #[error(
        "the keyring holds no secret for the portal '{portal}': add the portal again \
         (`newsdesk portal remove {portal}`, then `portal add`)"
    )]
    NoSecret { portal: String },
    /// The article, or a picture it shows, is under embargo (Sperrfrist).
    #[error("{}", embargo_message(*id, *what, embargo))]
    Embargoed {
        id: i64,
        /// What was refused.
        what: Leaving,
        embargo: newsdesk_model::Embargo,
    },
    #[error("article {id} is not ready yet:\n{}", list_problems(problems))]
    NotReady {
        id: i64,
        problems: Vec<newsdesk_model::ReadinessProblem>,
    },
    /// The shared desk's server or its database refused or did not answer.
    #[error(transparent)]
    Desk(#[from] newsdesk_desk::DeskError),
}

/// How an article would leave the newsroom, refused under embargo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaving {
    Published,
    Scheduled,
    ExportedHtml,
    ExportedNinjs,
    ExportedBundle,
}

impl Leaving {
    fn english(self) -> &'static str {
        match self {
            Leaving::Published => "published",
            Leaving::Scheduled => "scheduled before then",
            Leaving::ExportedHtml => "exported as an HTML page",
            Leaving::ExportedNinjs => "exported as ninjs",
            Leaving::ExportedBundle => "exported as a bundle",
        }
    }
}

/// "article 7 cannot be published before 2026-12-14 10:00 (+01:00): it is under embargo
/// (Sperrfrist), set by picture 3 (plenum.jpg)".
fn embargo_message(id: i64, what: Leaving, embargo: &newsdesk_model::Embargo) -> String {
    let until = embargo
        .until
        .with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M (%:z)");
    let by = match &embargo.picture {
        Some(picture) => format!(", set by picture {} ({})", picture.id, picture.file),
        None => String::new(),
    };
    format!(
        "article {id} cannot be {} before {until}: it is under embargo (Sperrfrist){by}",
        what.english()
    )
}

fn list_problems(problems: &[newsdesk_model::ReadinessProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("{}: {}", p.field, p.problem))
        .collect::<Vec<_>>()
        .join("\n")
}

/// An I/O failure in words; a full disk is said as one, with the folder.
fn io_message(context: &str, path: &std::path::Path, source: &std::io::Error) -> String {
    if is_storage_full(source) {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        format!(
            "disk full: the disk holding {} has no space left: {context} {}. Free some \
             space there and try again; everything saved before is intact.",
            folder.display(),
            path.display()
        )
    } else {
        format!("{context} {}: {source}", path.display())
    }
}

/// True for the errors of a write that found no space (ENOSPC, EDQUOT).
pub(crate) fn is_storage_full(err: &std::io::Error) -> bool {
    matches!(
        err.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    )
}

fn location(file: &str, line: Option<u32>) -> String {
    match line {
        Some(line) => format!("{file}, line {line}"),
        None => file.to_string(),
    }
}

impl ApiError {
    pub(crate) fn io(context: Text, path: &std::path::Path, source: std::io::Error) -> Self {
        ApiError::Io {
            context,
            path: path.to_path_buf(),
            source,
        }
    }

    /// A refusal by one of the model's rules (a setting's value, a credit format), which
    /// words its reason in English only: the German says what was refused and keeps the
    /// rule's reason in parentheses.
    pub(crate) fn refused_by_rule(german: &'static str) -> impl Fn(String) -> ApiError {
        move |why| {
            ApiError::Invalid(Text {
                de: format!("{german} ({why})"),
                en: why,
            })
        }
    }

    /// True when a save was refused because the article changed elsewhere meanwhile.
    pub fn is_conflict(&self) -> bool {
        self.code() == ErrorCode::Conflict
    }

    /// The code the UI branches on. Every variant is mapped by name: a new failure must
    /// be given its code here, not fall into a catch-all.
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Store(store) => match store {
                StoreError::InTrash(_) => ErrorCode::InvalidInput,
                StoreError::ArticleNotFound(_)
                | StoreError::ImageNotFound(_)
                | StoreError::RevisionNotFound { .. }
                | StoreError::PortalNotFound(_)
                | StoreError::JobNotFound(_)
                | StoreError::NoLibrary { .. } => ErrorCode::NotFound,
                StoreError::NewerSchema { .. } => ErrorCode::NewerLibrary,
                StoreError::Conflict { .. } => ErrorCode::Conflict,
                StoreError::Invalid(_)
                | StoreError::NotALibrary { .. }
                | StoreError::PortalExists(_) => ErrorCode::InvalidInput,
                StoreError::DiskFull { .. } => ErrorCode::DiskFull,
                StoreError::Corrupt(_)
                | StoreError::Sqlite(_)
                | StoreError::Database { .. }
                | StoreError::Io { .. }
                | StoreError::ReadOnly { .. }
                | StoreError::SearchIndex { .. } => ErrorCode::Storage,
            },
            ApiError::Format { .. }
            | ApiError::Embargoed { .. }
            | ApiError::Invalid(_)
            | ApiError::NotReady { .. }
            | ApiError::PictureNotCleared { .. } => ErrorCode::InvalidInput,
            ApiError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                ErrorCode::NotFound
            }
            ApiError::Io { source, .. } if is_storage_full(source) => ErrorCode::DiskFull,
            ApiError::Io { .. } => ErrorCode::Storage,
            ApiError::NoDataDir => ErrorCode::Internal,
            ApiError::Export(export) => match export {
                newsdesk_export::ExportError::Template { .. }
                | newsdesk_export::ExportError::Typeset(_) => ErrorCode::InvalidInput,
                newsdesk_export::ExportError::Io { source, .. } if is_storage_full(source) => {
                    ErrorCode::DiskFull
                }
                newsdesk_export::ExportError::Io { .. }
                | newsdesk_export::ExportError::Bundle(_) => ErrorCode::Storage,
            },
            ApiError::Publish(publish) => match publish {
                newsdesk_publish::PublishError::Unreachable(_)
                | newsdesk_publish::PublishError::Timeout(_)
                | newsdesk_publish::PublishError::Server { .. }
                | newsdesk_publish::PublishError::RateLimited { .. } => ErrorCode::Unreachable,
                newsdesk_publish::PublishError::Changed { .. } => ErrorCode::Conflict,
                newsdesk_publish::PublishError::Unauthorized { .. }
                | newsdesk_publish::PublishError::Rejected { .. }
                | newsdesk_publish::PublishError::Protocol(_)
                | newsdesk_publish::PublishError::Tls(_)
                | newsdesk_publish::PublishError::TooLarge(_)
                | newsdesk_publish::PublishError::Redirected { .. }
                | newsdesk_publish::PublishError::Invalid(_) => ErrorCode::InvalidInput,
            },
            ApiError::Secret(secret) => match secret {
                newsdesk_publish::SecretError::Unavailable(_) => ErrorCode::Storage,
                newsdesk_publish::SecretError::Refused(_) => ErrorCode::Storage,
            },
            ApiError::NoSecret { .. } => ErrorCode::NotFound,
            ApiError::Desk(desk) => match desk {
                newsdesk_desk::DeskError::Unreachable { .. } => ErrorCode::Unreachable,
                newsdesk_desk::DeskError::NoSuchMember(_) => ErrorCode::NotFound,
                newsdesk_desk::DeskError::Database(_)
                | newsdesk_desk::DeskError::Document(_)
                | newsdesk_desk::DeskError::Random(_)
                | newsdesk_desk::DeskError::NewerSchema { .. } => ErrorCode::Storage,
                newsdesk_desk::DeskError::BadAddress(_)
                | newsdesk_desk::DeskError::NameTaken(_)
                | newsdesk_desk::DeskError::BadName(_)
                | newsdesk_desk::DeskError::BadRole(_)
                | newsdesk_desk::DeskError::UnknownToken => ErrorCode::InvalidInput,
            },
            ApiError::Media(media) => match media {
                newsdesk_media::MediaError::Io { source, .. }
                    if source.kind() == std::io::ErrorKind::NotFound =>
                {
                    ErrorCode::NotFound
                }
                newsdesk_media::MediaError::Io { source, .. } if is_storage_full(source) => {
                    ErrorCode::DiskFull
                }
                newsdesk_media::MediaError::Io { .. } => ErrorCode::Storage,
                newsdesk_media::MediaError::Unsupported { .. }
                | newsdesk_media::MediaError::TooLarge { .. }
                | newsdesk_media::MediaError::Corrupt { .. }
                | newsdesk_media::MediaError::Metadata { .. } => ErrorCode::InvalidInput,
            },
        }
    }
}

impl From<newsdesk_suggest::KeyphraseSetError> for ApiError {
    fn from(err: newsdesk_suggest::KeyphraseSetError) -> Self {
        match err {
            newsdesk_suggest::KeyphraseSetError::Io {
                context,
                path,
                source,
            } => ApiError::Io {
                context: Text {
                    en: context.to_string(),
                    de: "Der Datensatz der Schlüsselwörter lässt sich nicht lesen:".to_string(),
                },
                path,
                source,
            },
            newsdesk_suggest::KeyphraseSetError::Empty(dir) => ApiError::Invalid(Text {
                de: format!(
                    "In {} liegen keine Texte mit Schlüsselwörtern.",
                    dir.display()
                ),
                en: newsdesk_suggest::KeyphraseSetError::Empty(dir).to_string(),
            }),
        }
    }
}

impl From<newsdesk_export::UnknownFormat> for ApiError {
    fn from(err: newsdesk_export::UnknownFormat) -> Self {
        ApiError::Invalid(Text {
            de: format!(
                "Unbekanntes Exportformat '{}' (möglich: md, html, pdf, ninjs, bundle)",
                err.0
            ),
            en: err.to_string(),
        })
    }
}

impl From<ApiError> for UserError {
    fn from(err: ApiError) -> Self {
        UserError {
            code: err.code(),
            translations: err.translations(),
            message: err.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_model::text;

    #[test]
    fn a_missing_article_reaches_the_ui_as_not_found() {
        let err: UserError = ApiError::Store(StoreError::ArticleNotFound(7)).into();
        assert_eq!(err.code, ErrorCode::NotFound);
        assert_eq!(err.message, "article 7 does not exist in this library");
        assert_eq!(
            err.translations.get("de").map(String::as_str),
            Some("Artikel 7 gibt es in dieser Bibliothek nicht.")
        );
    }

    #[test]
    fn a_format_error_names_file_and_line() {
        let err = ApiError::Format {
            file: "bad.md".into(),
            line: Some(2),
            message: "the front matter is not valid YAML".into(),
        };
        assert_eq!(
            err.to_string(),
            "bad.md, line 2: the front matter is not valid YAML"
        );
    }

    /// One value of every variant, nested enums included (their variants listed by name, so a
    /// new one shows up here as a missing case in review).
    fn one_of_each() -> Vec<ApiError> {
        use newsdesk_export::ExportError;
        use newsdesk_media::MediaError;
        use newsdesk_publish::{PublishError, SecretError};
        use std::path::Path;
        use std::time::Duration;
        let path = || PathBuf::from("/home/ba/library.sqlite");
        let io = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let full = || std::io::Error::from(std::io::ErrorKind::StorageFull);
        let sqlite = || rusqlite_error(rusqlite::ffi::SQLITE_BUSY);
        let problem = newsdesk_model::ReadinessProblem {
            field: "images[1].credit".into(),
            problem: "the picture has no credit".into(),
            code: newsdesk_model::ProblemCode::Missing,
            detail: String::new(),
            blocking: true,
        };
        let store = [
            StoreError::NewerSchema {
                path: path(),
                found: 13,
                known: 12,
            },
            StoreError::NoLibrary { path: path() },
            StoreError::ArticleNotFound(7),
            StoreError::ImageNotFound(7),
            StoreError::InTrash(7),
            StoreError::RevisionNotFound { id: 7, revision: 3 },
            StoreError::Conflict {
                id: 7,
                expected: 2,
                current: 3,
            },
            StoreError::PortalNotFound("wp".into()),
            StoreError::PortalExists("wp".into()),
            StoreError::JobNotFound(7),
            StoreError::Invalid(text!(
                "an article needs a title",
                "Ein Artikel braucht einen Titel."
            )),
            StoreError::NotALibrary {
                path: path(),
                reason: text!(
                    "it holds no Newsdesk schema",
                    "sie enthält kein Newsdesk-Schema"
                ),
            },
            StoreError::Corrupt("date '2026' is not YYYY-MM-DD".into()),
            StoreError::Sqlite(sqlite()),
            StoreError::Database {
                path: path(),
                source: sqlite(),
            },
            StoreError::SearchIndex {
                path: path(),
                reason: text!(
                    "it was made with another schema",
                    "er wurde mit einem anderen Schema angelegt"
                ),
            },
            StoreError::Io {
                context: text!(
                    "cannot read the folder /x",
                    "Der Ordner /x lässt sich nicht lesen"
                ),
                source: io(),
            },
            StoreError::DiskFull {
                folder: path(),
                what: text!(
                    "the change was not saved",
                    "die Änderung wurde nicht gespeichert"
                ),
            },
            StoreError::ReadOnly {
                path: path(),
                reason: Text::verbatim("Permission denied (os error 13)"),
            },
        ];
        let file = || Path::new("/photos/a.jpg");
        let media = [
            MediaError::Io {
                file: file().to_path_buf(),
                source: io(),
            },
            MediaError::Unsupported {
                file: file().to_path_buf(),
                reason: text!("is a GIF", "ist ein GIF"),
            },
            MediaError::TooLarge {
                file: file().to_path_buf(),
                reason: text!("it has 2 pixels", "es hat 2 Pixel"),
            },
            MediaError::Corrupt {
                file: file().to_path_buf(),
                reason: Text::verbatim("JPEG marker 0xD9 missing"),
            },
            MediaError::Metadata {
                file: file().to_path_buf(),
                reason: text!("is damaged: x", "sind beschädigt: x"),
            },
        ];
        let export = [
            ExportError::Template {
                template: "article.html".into(),
                message: "unknown filter `shout`".into(),
            },
            ExportError::Typeset("unknown font".into()),
            ExportError::Io {
                path: "/templates/a.typ".into(),
                source: io(),
            },
            ExportError::Bundle("credits.csv: broken pipe".into()),
        ];
        let publish = [
            PublishError::Unreachable("connection refused".into()),
            PublishError::Timeout(Duration::from_secs(30)),
            PublishError::Server {
                status: 502,
                message: "Bad Gateway".into(),
            },
            PublishError::RateLimited { retry_after: None },
            PublishError::Unauthorized {
                status: 401,
                message: "invalid token".into(),
            },
            PublishError::Rejected {
                status: 400,
                message: "bad slug".into(),
            },
            PublishError::Changed { remote: None },
            PublishError::Protocol("missing field `id`".into()),
            PublishError::TooLarge("the answer is larger than 32 MiB".into()),
            PublishError::Redirected {
                status: 301,
                to: "https://elsewhere.example".into(),
            },
            PublishError::Tls("unknown issuer".into()),
            PublishError::Invalid(text!(
                "'x' is not a web address",
                "'x' ist keine Webadresse"
            )),
        ];
        let mut all: Vec<ApiError> = Vec::new();
        all.extend(store.into_iter().map(ApiError::Store));
        all.push(ApiError::Format {
            file: "bad.md".into(),
            line: Some(2),
            message: "the front matter is not valid YAML".into(),
        });
        all.push(ApiError::Invalid(text!(
            "no tag was given",
            "Es wurde kein Schlagwort angegeben."
        )));
        all.extend(media.into_iter().map(ApiError::Media));
        all.push(ApiError::io(
            text!(
                "cannot make the export folder",
                "Der Exportordner lässt sich nicht anlegen"
            ),
            Path::new("/exports/a"),
            io(),
        ));
        all.push(ApiError::io(
            text!(
                "cannot make the export folder",
                "Der Exportordner lässt sich nicht anlegen"
            ),
            Path::new("/exports/a"),
            full(),
        ));
        all.push(ApiError::NoDataDir);
        all.push(ApiError::PictureNotCleared {
            id: 7,
            problems: vec![problem.clone()],
        });
        all.extend(export.into_iter().map(ApiError::Export));
        all.extend(publish.into_iter().map(ApiError::Publish));
        all.push(ApiError::Secret(SecretError::Unavailable(
            "no D-Bus".into(),
        )));
        all.push(ApiError::Secret(SecretError::Refused("locked".into())));
        all.push(ApiError::NoSecret {
            portal: "wp".into(),
        });
        all.push(ApiError::NotReady {
            id: 7,
            problems: vec![problem],
        });
        all
    }

    fn rusqlite_error(code: std::os::raw::c_int) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn every_error_has_a_german_sentence_of_its_own() {
        let errors = one_of_each();
        assert!(errors.len() > 40, "every variant, nested ones included");
        for error in errors {
            let english = error.to_string();
            let german = error.german();
            assert!(!german.trim().is_empty(), "no German for {error:?}");
            assert_ne!(german, english, "the German is the English for {error:?}");
            let user: UserError = error.into();
            assert_eq!(user.message, english, "the CLI's English stays as it was");
            assert_eq!(
                user.translations.get(newsdesk_model::GERMAN),
                Some(&german),
                "the window gets the German beside it"
            );
        }
    }
}
