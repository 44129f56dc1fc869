use std::fmt;

/// Why a file is not a valid article, in words for the editor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FormatError {
    /// 1-based line in the file, where the problem has one.
    pub line: Option<u32>,
    pub message: String,
}

impl FormatError {
    pub(crate) fn at(line: Option<u32>, message: impl Into<String>) -> Self {
        FormatError {
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
