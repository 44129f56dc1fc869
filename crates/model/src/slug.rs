//! The title of an article as a slug: lower-case ASCII words joined by hyphens, for the names
//! of exported files and the markers of posts on a portal.

/// `text` as lower-case ASCII words joined by `-` ("ä" → "ae", "ß" → "ss", "é" → "e"; any
/// other character separates words), as many whole words as fit in `max_len` bytes; a
/// first word longer than that is cut. Empty when `text` has no letter or digit.
///
/// ```
/// use newsdesk_model::slug;
/// assert_eq!(
///     slug("Thüringen: Zweites Digitalisierungskabinett", 80),
///     "thueringen-zweites-digitalisierungskabinett"
/// );
/// assert_eq!(slug("Straße über Café", 20), "strasse-ueber-cafe");
/// ```
pub fn slug(text: &str, max_len: usize) -> String {
    let mut ascii = String::with_capacity(text.len());
    for c in text.to_lowercase().chars() {
        let piece: &str = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' | 'å' => "a",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ò' | 'ó' | 'ô' | 'õ' | 'ø' => "o",
            'ù' | 'ú' | 'û' => "u",
            'ç' => "c",
            'ñ' => "n",
            c if c.is_ascii_alphanumeric() => {
                ascii.push(c);
                continue;
            }
            _ => "-",
        };
        ascii.push_str(piece);
    }
    let mut words: Vec<&str> = ascii.split('-').filter(|w| !w.is_empty()).collect();
    while words.iter().map(|w| w.len() + 1).sum::<usize>() > max_len + 1 && words.len() > 1 {
        words.pop();
    }
    let mut slug = words.join("-");
    slug.truncate(max_len);
    slug
}

/// The longest address part a post may have (WordPress keeps 200 bytes; room for its "-2").
pub const MAX_SLUG_LEN: usize = 190;

/// Why `text` cannot be a post's address part as it stands, if it cannot: it must be what
/// [`slug`] makes of it (lower-case ASCII letters, digits, single hyphens between them).
pub fn slug_problem(text: &str) -> Option<crate::Text> {
    let made = slug(text, MAX_SLUG_LEN);
    if made == text {
        None
    } else if made.is_empty() {
        Some(crate::text!(
            "'{text}' cannot be an address: it needs letters or digits",
            "„{text}“ kann keine Adresse sein: Sie braucht Buchstaben oder Ziffern."
        ))
    } else {
        Some(crate::text!(
            "'{text}' cannot be an address as it stands: use lower-case letters, digits and \
             hyphens, e.g. {made}",
            "„{text}“ kann so keine Adresse sein: nur Kleinbuchstaben, Ziffern und \
             Bindestriche, z. B. {made}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_fit_and_a_long_first_word_is_cut() {
        assert_eq!(slug("eins zwei drei", 9), "eins-zwei");
        assert_eq!(slug("eins zwei drei", 8), "eins");
        assert_eq!(slug("Donaudampfschifffahrt", 5), "donau");
        assert_eq!(slug("?!", 10), "");
    }

    #[test]
    fn an_address_part_is_what_slug_makes_of_it() {
        assert_eq!(slug_problem("landtag-haushalt-2027"), None);
        let said = slug_problem("Landtag Haushalt")
            .map(|t| t.to_string())
            .unwrap_or_default();
        assert!(said.contains("landtag-haushalt"), "{said}");
        assert!(slug_problem("--").is_some());
    }
}
