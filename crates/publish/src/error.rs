use std::time::Duration;

use newsdesk_model::{Localized, Text};

use crate::RemotePost;

/// Why talking to a portal failed. `Display` is a sentence for the editor; it never holds the
/// portal's secret (requests carry it in a header that no error repeats).
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// No connection: offline, the name does not resolve, nothing listens, the line dropped.
    #[error("the portal cannot be reached ({0})")]
    Unreachable(String),
    #[error("the portal did not answer within {} s", .0.as_secs())]
    Timeout(Duration),
    /// 5xx, 408: the portal's own trouble, worth another try.
    #[error("the portal answered {status} ({message})")]
    Server { status: u16, message: String },
    /// 429.
    #[error("the portal asks to slow down (429)")]
    RateLimited { retry_after: Option<Duration> },
    /// 401, 403.
    #[error(
        "the portal refused the credentials ({status}: {message}): check the user and the \
         secret with `newsdesk portal test`"
    )]
    Unauthorized { status: u16, message: String },
    /// Any other 4xx: the request itself must change.
    #[error("the portal refused the article ({status}: {message})")]
    Rejected { status: u16, message: String },
    /// The portal's copy changed since it was last published from here (its own guard: Ghost's
    /// `updated_at`, ninjs's `If-Match`). Carries the current copy when the portal gave it.
    #[error("the article was changed on the portal since it was last published from here")]
    Changed { remote: Option<Box<RemotePost>> },
    /// An answer Newsdesk cannot read (not the JSON the API promises, a field missing).
    #[error("the portal's answer could not be understood: {0}")]
    Protocol(String),
    /// An answer beyond a limit (its size, a list's length): not retried, it would come the
    /// same again.
    #[error("the portal's answer is too large: {0}")]
    TooLarge(String),
    /// The portal sent the request elsewhere: another scheme, host or port, or a write to
    /// another address. Not followed, since the request carries the login.
    #[error(
        "the portal redirected ({status}) to {to}: Newsdesk does not send the login to another \
         address; if the portal lives there now, use that address (`newsdesk portal remove`, \
         then `newsdesk portal add` with it)"
    )]
    Redirected { status: u16, to: String },
    /// The TLS handshake failed (an untrusted certificate): not retried.
    #[error("the portal's secure connection failed ({0}): check its address and certificate")]
    Tls(String),
    #[error("{0}")]
    Invalid(Text),
}

impl Localized for PublishError {
    /// The portal's own words (its message, a status line) and the network's stay as they
    /// came; the details of an answer Newsdesk could not read stay English.
    fn german(&self) -> String {
        match self {
            PublishError::Unreachable(why) => {
                format!("Das Portal ist nicht erreichbar ({why}).")
            }
            PublishError::Timeout(after) => format!(
                "Das Portal hat nicht innerhalb von {} s geantwortet.",
                after.as_secs()
            ),
            PublishError::Server { status, message } => {
                format!("Das Portal hat mit {status} geantwortet ({message}).")
            }
            PublishError::RateLimited { .. } => {
                "Das Portal bittet, langsamer zu senden (429).".to_string()
            }
            PublishError::Unauthorized { status, message } => format!(
                "Das Portal hat die Zugangsdaten abgelehnt ({status}: {message}): Benutzer und \
                 Geheimnis mit `newsdesk portal test` prüfen."
            ),
            PublishError::Rejected { status, message } => {
                format!("Das Portal hat den Artikel abgelehnt ({status}: {message}).")
            }
            PublishError::Changed { .. } => "Der Artikel wurde im Portal geändert, seit er \
                                             zuletzt von hier veröffentlicht wurde."
                .to_string(),
            PublishError::Protocol(detail) => {
                format!("Die Antwort des Portals ist unverständlich: {detail}")
            }
            PublishError::TooLarge(detail) => {
                format!("Die Antwort des Portals ist zu groß: {detail}")
            }
            PublishError::Redirected { status, to } => format!(
                "Das Portal leitet um ({status}) nach {to}: Newsdesk sendet die Anmeldung an \
                 keine andere Adresse. Liegt das Portal jetzt dort, diese Adresse verwenden \
                 (`newsdesk portal remove`, dann `newsdesk portal add` mit ihr)."
            ),
            PublishError::Tls(why) => format!(
                "Die gesicherte Verbindung zum Portal ist gescheitert ({why}): Adresse und \
                 Zertifikat prüfen."
            ),
            PublishError::Invalid(text) => text.de.clone(),
        }
    }
}

/// How the outbox treats a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Offline: try again, as often as it takes.
    Network,
    /// The portal's trouble: try again, a bounded number of times.
    Server,
    /// The editor must change something first.
    Never,
    /// Stop: the editor chooses between the two versions.
    Conflict,
}

impl PublishError {
    pub fn retry(&self) -> Retry {
        match self {
            PublishError::Unreachable(_) | PublishError::Timeout(_) => Retry::Network,
            PublishError::Server { .. }
            | PublishError::RateLimited { .. }
            | PublishError::Protocol(_) => Retry::Server,
            PublishError::Unauthorized { .. }
            | PublishError::Rejected { .. }
            | PublishError::Tls(_)
            | PublishError::TooLarge(_)
            | PublishError::Redirected { .. }
            | PublishError::Invalid(_) => Retry::Never,
            PublishError::Changed { .. } => Retry::Conflict,
        }
    }

    /// The wait the portal asked for, if it asked.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            PublishError::RateLimited { retry_after } => *retry_after,
            _ => None,
        }
    }
}
