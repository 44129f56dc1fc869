use std::path::PathBuf;

use newsdesk_model::{ErrorCode, UserError};
use newsdesk_store::StoreError;

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
    Invalid(String),
    /// A picture that cannot be read, decoded or given its credits.
    #[error(transparent)]
    Media(#[from] newsdesk_media::MediaError),
    #[error("{}", io_message(context, path, source))]
    Io {
        context: &'static str,
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
    #[error("{}", embargo_message(*id, what, embargo))]
    Embargoed {
        id: i64,
        /// What was refused: "published", "exported as ninjs", …
        what: &'static str,
        embargo: newsdesk_model::Embargo,
    },
    #[error("article {id} is not ready yet:\n{}", list_problems(problems))]
    NotReady {
        id: i64,
        problems: Vec<newsdesk_model::ReadinessProblem>,
    },
}

/// "article 7 cannot be published before 2026-12-14 10:00 (+01:00): it is under embargo
/// (Sperrfrist), set by picture 3 (plenum.jpg)".
fn embargo_message(id: i64, what: &str, embargo: &newsdesk_model::Embargo) -> String {
    let until = embargo
        .until
        .with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M (%:z)");
    let by = match &embargo.picture {
        Some(picture) => format!(", set by picture {} ({})", picture.id, picture.file),
        None => String::new(),
    };
    format!("article {id} cannot be {what} before {until}: it is under embargo (Sperrfrist){by}")
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
    pub(crate) fn io(
        context: &'static str,
        path: &std::path::Path,
        source: std::io::Error,
    ) -> Self {
        ApiError::Io {
            context,
            path: path.to_path_buf(),
            source,
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
                context,
                path,
                source,
            },
            empty @ newsdesk_suggest::KeyphraseSetError::Empty(_) => {
                ApiError::Invalid(empty.to_string())
            }
        }
    }
}

impl From<newsdesk_export::UnknownFormat> for ApiError {
    fn from(err: newsdesk_export::UnknownFormat) -> Self {
        ApiError::Invalid(err.to_string())
    }
}

impl From<ApiError> for UserError {
    fn from(err: ApiError) -> Self {
        UserError {
            code: err.code(),
            message: err.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_article_reaches_the_ui_as_not_found() {
        let err: UserError = ApiError::Store(StoreError::ArticleNotFound(7)).into();
        assert_eq!(err.code, ErrorCode::NotFound);
        assert_eq!(err.message, "article 7 does not exist in this library");
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
}
