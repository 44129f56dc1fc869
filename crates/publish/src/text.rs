//! Small text helpers the adapters share: URL path segments, file names in headers, clipping.

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

/// `text` as one URL path segment or query value.
pub(crate) fn encode(text: &str) -> String {
    utf8_percent_encode(text, NON_ALPHANUMERIC).to_string()
}

/// A file name that fits in a quoted header parameter (`filename="…"`): visible ASCII only.
pub(crate) fn header_file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// At most `max` characters.
pub(crate) fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_segments_stay_inside_their_quotes() {
        assert_eq!(header_file_name("a \"b\"\\ü.jpg"), "a--b---.jpg");
        assert_eq!(encode("urn:newsdesk:a/b"), "urn%3Anewsdesk%3Aa%2Fb");
        assert_eq!(clip("Größe", 3), "Grö");
    }
}
