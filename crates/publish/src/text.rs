//! Small text helpers the adapters share: URL path segments, file names in headers, clipping,
//! and HTML entities and tags off what a portal answers.

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

/// WordPress's entities in names and titles (`&amp;`, `&#8211;`) back to text.
pub(crate) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let Some(end) = tail.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Plain text of a short HTML fragment (an excerpt: `<p>…</p>`).
pub(crate) fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_entities(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_tags_come_off_what_wordpress_answers() {
        assert_eq!(
            decode_entities("Bund &amp; Länder &#8211; 2024"),
            "Bund & Länder – 2024"
        );
        assert_eq!(decode_entities("AT&T; &unknown; &"), "AT&T; &unknown; &");
        assert_eq!(
            strip_tags("<p>Beim zweiten &#8222;Kabinett&#8220;</p>\n"),
            "Beim zweiten „Kabinett“"
        );
    }

    #[test]
    fn names_and_segments_stay_inside_their_quotes() {
        assert_eq!(header_file_name("a \"b\"\\ü.jpg"), "a--b---.jpg");
        assert_eq!(encode("urn:newsdesk:a/b"), "urn%3Anewsdesk%3Aa%2Fb");
        assert_eq!(clip("Größe", 3), "Grö");
    }
}
