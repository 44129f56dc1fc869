//! The German of every [`ApiError`]: one arm per variant (a new one must be worded here), and
//! the German of the sentences `mod.rs` builds in English.

use newsdesk_model::{Localized, Text};

use super::{ApiError, Leaving, is_storage_full, list_problems};

impl Leaving {
    fn german(self) -> &'static str {
        match self {
            Leaving::Published => "veröffentlicht",
            Leaving::Scheduled => "für früher eingeplant",
            Leaving::ExportedHtml => "als HTML-Seite exportiert",
            Leaving::ExportedNinjs => "als ninjs exportiert",
            Leaving::ExportedBundle => "als Paket exportiert",
        }
    }
}

/// [`embargo_message`] in German: "Artikel 7 darf vor dem 14.12.2026, 10:00 Uhr nicht
/// veröffentlicht werden: Sperrfrist (durch das Bild 3, plenum.jpg)."
fn embargo_german(id: i64, what: Leaving, embargo: &newsdesk_model::Embargo) -> String {
    let until = embargo
        .until
        .with_timezone(&chrono::Local)
        .format("%d.%m.%Y, %H:%M Uhr");
    let by = match &embargo.picture {
        Some(picture) => format!(" (durch das Bild {}, {})", picture.id, picture.file),
        None => String::new(),
    };
    format!(
        "Artikel {id} darf vor dem {until} nicht {} werden: Sperrfrist{by}.",
        what.german()
    )
}

/// The German of [`io_message`].
fn io_german(context: &Text, path: &std::path::Path, source: &std::io::Error) -> String {
    if is_storage_full(source) {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        format!(
            "Datenträger voll: Auf dem Datenträger mit {} ist kein Platz mehr: {} ({}). Dort \
             Platz schaffen und es noch einmal versuchen; alles vorher Gespeicherte ist erhalten.",
            folder.display(),
            context.de.trim_end_matches(':'),
            path.display()
        )
    } else {
        format!(
            "{} ({}): {source}",
            context.de.trim_end_matches(':'),
            path.display()
        )
    }
}

fn location_german(file: &str, line: Option<u32>) -> String {
    match line {
        Some(line) => format!("{file}, Zeile {line}"),
        None => file.to_string(),
    }
}

/// The readiness problems in German: the field and the problem's own sentence (the window
/// words each problem from its code in the readiness panel).
fn list_problems_german(problems: &[newsdesk_model::ReadinessProblem]) -> String {
    list_problems(problems)
}

impl Localized for ApiError {
    /// Every variant worded by name: a new one must be given its German here.
    fn german(&self) -> String {
        match self {
            ApiError::Store(store) => store.german(),
            ApiError::Format {
                file,
                line,
                message,
            } => format!("{}: {message}", location_german(file, *line)),
            ApiError::Invalid(text) => text.de.clone(),
            ApiError::Embargoed { id, what, embargo } => embargo_german(*id, *what, embargo),
            ApiError::Media(media) => media.german(),
            ApiError::Io {
                context,
                path,
                source,
            } => io_german(context, path, source),
            ApiError::NoDataDir => "Es findet sich kein Ordner für die Bibliothek: NEWSDESK_DB \
                                    setzen oder --db angeben."
                .to_string(),
            ApiError::PictureNotCleared { id, problems } => format!(
                "Artikel {id} kann die Bibliothek nicht verlassen, solange einem Bild die \
                 Bildquelle oder die Lizenz fehlt:\n{}",
                list_problems_german(problems)
            ),
            ApiError::Export(export) => export.german(),
            ApiError::Publish(publish) => publish.german(),
            ApiError::Secret(secret) => secret.german(),
            ApiError::NoSecret { portal } => format!(
                "Der Schlüsselbund enthält kein Geheimnis für das Portal '{portal}': das Portal \
                 neu hinzufügen (`newsdesk portal remove {portal}`, dann `portal add`)."
            ),
            ApiError::NotReady { id, problems } => format!(
                "Artikel {id} ist noch nicht fertig:\n{}",
                list_problems_german(problems)
            ),
            ApiError::Desk(desk) => desk.german(),
        }
    }
}
