//! The export formats and their names on the command line.

use std::str::FromStr;

/// A file format an article can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown with YAML front matter: the interchange format.
    Markdown,
    /// One self-contained HTML page (pictures embedded) with print CSS.
    Html,
    /// The print version: a typeset PDF.
    Pdf,
    /// IPTC ninjs 2.1 JSON.
    Ninjs,
    /// A ZIP with the article as Markdown, HTML and ninjs, its pictures and credits.csv.
    Bundle,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Html,
        Format::Pdf,
        Format::Ninjs,
        Format::Bundle,
    ];

    /// The name on the command line (`--format md`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Ninjs => "ninjs",
            Format::Bundle => "bundle",
        }
    }

    /// The file name extension of an exported file.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Ninjs => "json",
            Format::Bundle => "zip",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name nobody knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format '{0}' (available: md, html, pdf, ninjs, bundle)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "pdf" => Ok(Format::Pdf),
            "ninjs" | "json" => Ok(Format::Ninjs),
            "bundle" | "zip" => Ok(Format::Bundle),
            other => Err(UnknownFormat(other.to_owned())),
        }
    }
}
