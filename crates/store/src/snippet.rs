//! Excerpts around a search match, made in Rust from the stored text.
//!
//! (FTS5's own `snippet()` re-reads the index for every hit — a millisecond each on a large
//! trigram index — while the text is at hand anyway.) Matching folds case and diacritics
//! the way the index does, so `thuringen`, `Thüringen` and `THÜRINGEN` mark the same place.

/// Characters of context on each side of the match.
const CONTEXT: usize = 60;

use crate::fold::fold_char;

/// The folded text with, for each folded char, the byte range of its original char.
fn folded_with_offsets(text: &str) -> (Vec<char>, Vec<(usize, usize)>) {
    let mut chars = Vec::with_capacity(text.len());
    let mut spans = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        for f in fold_char(c) {
            chars.push(f);
            spans.push((start, end));
        }
    }
    (chars, spans)
}

fn find(haystack: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// An excerpt of the first text that contains one of `forms` (already folded), with the
/// match wrapped in `[` … `]`; `None` if no text contains any.
pub(crate) fn snippet(texts: &[&str], forms: &[String]) -> Option<String> {
    let needles: Vec<Vec<char>> = forms.iter().map(|f| f.chars().collect()).collect();
    for text in texts {
        let (chars, spans) = folded_with_offsets(text);
        let best = needles
            .iter()
            .filter_map(|n| find(&chars, n).map(|at| (at, n.len())))
            .min_by_key(|(at, len)| (*at, usize::MAX - len));
        let Some((at, len)) = best else { continue };
        let start = spans[at].0;
        let end = spans[at + len - 1].1;
        let before: String = {
            let head: Vec<char> = text[..start].chars().collect();
            let cut = head.len().saturating_sub(CONTEXT);
            let mut s: String = head[cut..].iter().collect();
            if cut > 0 {
                // Start at a word boundary.
                if let Some(space) = s.find(' ') {
                    s = s[space + 1..].to_string();
                }
                s.insert(0, '…');
            }
            s
        };
        let after: String = {
            let tail: Vec<char> = text[end..].chars().collect();
            let mut s: String = tail.iter().take(CONTEXT).collect();
            if tail.len() > CONTEXT {
                if let Some(space) = s.rfind(' ') {
                    s.truncate(space);
                }
                s.push('…');
            }
            s
        };
        let excerpt = format!("{before}[{}]{after}", &text[start..end]);
        return Some(excerpt.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    #[test]
    fn marks_the_match_with_its_original_spelling() {
        let s = snippet(
            &["Der Freistaat Thüringen stellt Geld bereit."],
            &[fold("THÜRINGEN")],
        );
        assert_eq!(
            s.as_deref(),
            Some("Der Freistaat [Thüringen] stellt Geld bereit.")
        );
    }

    #[test]
    fn finds_inside_compounds_and_cuts_at_words() {
        let text = format!(
            "{} die Verwaltungsdigitalisierung im Fokus {}",
            "Wort ".repeat(30),
            "Ende ".repeat(30)
        );
        let s = snippet(&[&text], &["digitalisierung".into()]).expect("found");
        assert!(s.contains("Verwaltungs[digitalisierung] im Fokus"), "{s}");
        assert!(
            s.starts_with('…') && s.ends_with('…'),
            "cut on both sides: {s}"
        );
        assert!(!s.contains("Wor …") && s.chars().count() < 160, "{s}");
    }

    #[test]
    fn falls_through_to_the_next_text() {
        let s = snippet(&["kein Treffer", "Kabinett tagt"], &["kabinett".into()]);
        assert_eq!(s.as_deref(), Some("[Kabinett] tagt"));
        assert!(snippet(&["nichts"], &["kabinett".into()]).is_none());
    }

    #[test]
    fn folded_characters_keep_their_place() {
        // ß does not fold, but İ lowercases to two chars: offsets must stay on char borders.
        let s = snippet(&["İstanbul und Straße"], &[fold("straße")]);
        assert_eq!(s.as_deref(), Some("İstanbul und [Straße]"));
    }
}
