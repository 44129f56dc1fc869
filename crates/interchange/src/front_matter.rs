//! Splitting a file into its YAML front matter and its Markdown body.

use crate::FormatError;

/// The two parts of an article file.
pub(crate) struct Split<'a> {
    pub yaml: &'a str,
    /// Line number (1-based) of the first YAML line in the file.
    pub yaml_first_line: u32,
    pub body: &'a str,
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\r', '\n']).trim_end() == "---"
}

/// Finds the front matter between the opening `---` line and the next `---` line.
pub(crate) fn split(text: &str) -> Result<Split<'_>, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if !is_fence(first) {
        return Err(FormatError::at(
            Some(1),
            "the file does not start with front matter: the first line must be '---'",
        ));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for line in lines {
        if is_fence(line) {
            let yaml = &text[yaml_start..offset];
            let body = &text[offset + line.len()..];
            return Ok(Split {
                yaml,
                yaml_first_line: 2,
                body,
            });
        }
        offset += line.len();
    }
    Err(FormatError::at(
        Some(1),
        "the front matter opened with '---' on line 1 is never closed by a second '---' line",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body() {
        let s = split("---\ntitle: A\n---\nBody\n").expect("well-formed");
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
    }

    #[test]
    fn accepts_crlf_and_a_byte_order_mark() {
        let s = split("\u{feff}---\r\ntitle: A\r\n---\r\nBody").expect("Windows files are common");
        assert_eq!(s.yaml, "title: A\r\n");
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn unclosed_front_matter_is_an_error_on_line_one() {
        let err = split("---\ntitle: A\nBody\n")
            .err()
            .expect("no closing fence");
        assert_eq!(err.line, Some(1));
        assert!(err.message.contains("never closed"), "{err}");
    }

    #[test]
    fn a_file_without_front_matter_is_refused() {
        let err = split("# Just Markdown\n").err().expect("no front matter");
        assert!(err.message.contains("'---'"), "{err}");
    }
}
