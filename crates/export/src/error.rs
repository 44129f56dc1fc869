//! What can go wrong while an article becomes a file, in words an editor understands.

/// An export that could not be made. Nothing is written when one of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A template of the newsroom's (HTML or print) does not compile or render.
    #[error("the {template} template cannot be used: {message}")]
    Template { template: String, message: String },
    /// The print version could not be typeset.
    #[error("the print version (PDF) could not be typeset: {0}")]
    Typeset(String),
    /// A template folder or font could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The bundle (ZIP) could not be written.
    #[error("the bundle could not be written: {0}")]
    Bundle(String),
}

impl ExportError {
    pub(crate) fn template(template: &str, error: impl std::fmt::Display) -> Self {
        ExportError::Template {
            template: template.to_owned(),
            message: error.to_string(),
        }
    }
}

impl newsdesk_model::Localized for ExportError {
    /// The template engine's, Typst's and the ZIP writer's own words stay as they came.
    fn german(&self) -> String {
        match self {
            ExportError::Template { template, message } => {
                format!("Die Vorlage {template} lässt sich nicht verwenden: {message}")
            }
            ExportError::Typeset(message) => {
                format!("Die Druckfassung (PDF) ließ sich nicht setzen: {message}")
            }
            ExportError::Io { path, source } => format!("{path} lässt sich nicht lesen: {source}"),
            ExportError::Bundle(message) => {
                format!("Das Paket (ZIP) ließ sich nicht schreiben: {message}")
            }
        }
    }
}
