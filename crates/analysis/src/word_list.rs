//! The word lists the analysis ships (lexicon, names, stop words) as they are read: one
//! entry a line, `#` comments.

/// The entries of a shipped list: trimmed lines, without empty lines and `#` comments.
pub(crate) fn list_lines(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_lines_skip_comments_and_blanks() {
        let lines: Vec<_> = list_lines("# head\n\n a \nb\n#c\n").collect();
        assert_eq!(lines, ["a", "b"]);
    }
}
