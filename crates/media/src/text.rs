//! Small text helpers shared by the metadata readers and writers.

/// Windows-1252 code points for bytes 0x80..=0x9F; the five undefined bytes map to the C1
/// control of the same number, as Latin-1 would.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Decodes Latin-1 text the way exiftool's "Latin" charset does (Windows-1252).
pub(crate) fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Text from a file as a field value: trimmed, `None` when nothing is left.
pub(crate) fn clean(text: &str) -> Option<String> {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\0');
    (!text.is_empty()).then(|| text.to_owned())
}

/// Text for writing: control characters other than tab and line breaks are dropped (XML and
/// C strings cannot carry them), surrounding whitespace trimmed; `None` when nothing is left.
pub(crate) fn for_writing(text: &str) -> Option<String> {
    let kept: String = text
        .chars()
        .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    clean(&kept)
}

/// Bytes from EXIF ASCII fields: UTF-8 when valid (as exiftool writes), else Windows-1252.
pub(crate) fn exif_ascii(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => windows_1252(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_and_cp1252() {
        assert_eq!(windows_1252(b"Th\xFCringer"), "Thüringer");
        assert_eq!(windows_1252(b"\x84Hallo\x93 \x80"), "„Hallo“ €");
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean("  a \0"), Some("a".into()));
        assert_eq!(clean(" \0 "), None);
        assert_eq!(for_writing("a\u{0}b\u{1b}c\nd"), Some("abc\nd".into()));
    }
}
