//! Printing results as text or JSON — safely.
//!
//! - Everything goes through [`line`] / [`outln!`]: when the reader of the output goes away
//!   (`newsdesk search x --json | head`), the command ends quietly instead of panicking.
//! - Text from the library is shown through [`clean`] / [`clean_line`]: terminal control
//!   sequences hidden in a title cannot reach the terminal.

use std::borrow::Cow;
use std::fmt;
use std::io::Write;

use serde::Serialize;

use crate::Failure;

/// Writes one line to stdout; a closed pipe becomes [`Failure::PipeClosed`].
pub fn line(args: fmt::Arguments<'_>) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_fmt(args)
        .and_then(|()| out.write_all(b"\n"))
        .map_err(Failure::from)
}

/// Writes text to stdout as it is (no newline added).
pub fn text(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Failure::from)
}

/// `println!` that ends the command quietly when stdout is closed.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::output::line(format_args!($($arg)*))?
    };
}
pub(crate) use outln;

/// Prints `value` as pretty JSON on stdout.
pub fn json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::Message(format!("cannot write JSON: {e}")))?;
    line(format_args!("{text}"))
}

/// Characters a terminal may act on: C0/C1 controls, DEL, and bidirectional overrides that
/// make text read differently from what it is.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Multi-line text for the terminal: line breaks and tabs kept, other controls shown as �.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && c != '\n' && c != '\t') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\t' => c,
                c if is_unsafe(c) => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

/// One line for the terminal: line breaks and tabs become spaces, other controls �.
pub fn clean_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                c if is_unsafe(c) => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

/// A date or a dash.
pub fn date(date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(|| "—".to_string(), |d| d.format("%Y-%m-%d").to_string())
}

/// "Kicker: Title", or the title alone, safe for one terminal line.
pub fn headline(kicker: &str, title: &str) -> String {
    if kicker.is_empty() {
        clean_line(title).into_owned()
    } else {
        format!("{}: {}", clean_line(kicker), clean_line(title))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        let title = "Titel\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
        let shown = clean_line(title);
        assert!(!shown.chars().any(is_unsafe), "{shown:?}");
        assert!(
            shown.starts_with("Titel"),
            "the text itself stays: {shown:?}"
        );
    }

    #[test]
    fn plain_text_is_not_copied() {
        assert!(matches!(clean("Straße\nzwei"), Cow::Borrowed(_)));
        assert!(matches!(clean_line("Straße"), Cow::Borrowed(_)));
    }
}
