//! Turning what an editor types into the search box into an FTS5 query.
//!
//! Words and "quoted phrases" must all occur (AND), anywhere inside words, so `digitalisierung`
//! finds `Verwaltungsdigitalisierung`. The index folds case and diacritics (Ü = ü = u); on
//! top of that each word also matches its German transliteration: `strasse` finds `Straße`,
//! `duesseldorf` finds `Düsseldorf`, and the other way round.

/// Trigram search cannot match pieces shorter than this.
pub(crate) const MIN_INDEXED: usize = 3;

/// A parsed search: lower-cased words and phrases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    terms: Vec<String>,
}

const PAIRS: [(&str, &str); 4] = [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")];

/// The spellings a German word may have in a text: umlauts and ß written out or not.
fn variants(term: &str) -> Vec<String> {
    let mut forms = vec![term.to_string()];
    for (letter, digraph) in PAIRS {
        let mut more = Vec::new();
        for form in &forms {
            if form.contains(letter) {
                more.push(form.replace(letter, digraph));
            }
            if form.contains(digraph) {
                more.push(form.replace(digraph, letter));
            }
        }
        for form in more {
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

/// True when the trigram index cannot find the term: it, or one of its spellings
/// (`oel` → `öl`), is shorter than three characters.
fn is_short(term: &str) -> bool {
    variants(term)
        .iter()
        .any(|f| f.chars().count() < MIN_INDEXED)
}

fn quote(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

impl SearchQuery {
    /// Splits the input into words and `"quoted phrases"`.
    pub fn parse(input: &str) -> SearchQuery {
        let mut terms = Vec::new();
        for (index, part) in input.split('"').enumerate() {
            let part = part.trim().to_lowercase();
            if index % 2 == 1 {
                // Inside quotes: the phrase as a whole, spaces normalised.
                let phrase = part.split_whitespace().collect::<Vec<_>>().join(" ");
                if !phrase.is_empty() {
                    terms.push(phrase);
                }
            } else {
                terms.extend(
                    part.split(|c: char| c.is_whitespace() || ",;()*:^+".contains(c))
                        .map(|w| w.trim_matches(|c: char| c == '-' || c == '.'))
                        .filter(|w| !w.is_empty())
                        .map(str::to_string),
                );
            }
        }
        terms.dedup();
        SearchQuery { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The FTS5 MATCH expression for the terms long enough for the index, if any.
    pub fn fts_match(&self) -> Option<String> {
        let parts: Vec<String> = self
            .terms
            .iter()
            .filter(|t| !is_short(t))
            .map(|t| {
                let forms: Vec<String> = variants(t).iter().map(|f| quote(f)).collect();
                if forms.len() == 1 {
                    forms.concat()
                } else {
                    format!("({})", forms.join(" OR "))
                }
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(" AND "))
    }

    /// Every spelling of every term, folded like the index (for marking matches in snippets).
    pub fn folded_forms(&self) -> Vec<String> {
        self.terms
            .iter()
            .flat_map(|t| variants(t))
            .map(|f| crate::fold::fold(&f))
            .collect()
    }

    /// For each term too short for the trigram index, its spellings folded like the index
    /// (`öl` → `ol`, `oel`); such terms are matched in Rust instead.
    pub fn short_term_forms(&self) -> Vec<Vec<String>> {
        self.short_terms()
            .into_iter()
            .map(|t| {
                let mut forms: Vec<String> =
                    variants(t).iter().map(|f| crate::fold::fold(f)).collect();
                forms.dedup();
                forms
            })
            .collect()
    }

    /// Terms too short for the trigram index; they are matched in Rust instead.
    pub fn short_terms(&self) -> Vec<&str> {
        self.terms
            .iter()
            .filter(|t| is_short(t))
            .map(String::as_str)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_cased_and_joined_with_and() {
        let q = SearchQuery::parse("Digitalisierung  KABINETT");
        assert_eq!(
            q.fts_match().as_deref(),
            Some(r#""digitalisierung" AND "kabinett""#)
        );
    }

    #[test]
    fn german_spellings_are_searched_both_ways() {
        let q = SearchQuery::parse("Straße");
        assert_eq!(q.fts_match().as_deref(), Some(r#"("straße" OR "strasse")"#));
        let q = SearchQuery::parse("duesseldorf");
        let m = q.fts_match().expect("long word");
        assert!(
            m.contains(r#""düsseldorf""#),
            "ue→ü gives the usual spelling: {m}"
        );
        assert!(
            m.starts_with(r#"("duesseldorf" OR"#),
            "the typed form comes first: {m}"
        );
    }

    #[test]
    fn phrases_stay_together_and_quotes_cannot_break_out() {
        let q = SearchQuery::parse(r#"zweites "E-Government  und IT" OR"#);
        assert_eq!(
            q.fts_match().as_deref(),
            Some(r#""zweites" AND "e-government und it""#),
            "a lone OR is too short for the index and not an operator"
        );
        assert_eq!(q.short_terms(), ["or"]);
        let q = SearchQuery::parse(r#"a"b"#);
        assert!(
            q.fts_match().is_none(),
            "stray quotes never reach FTS5 unescaped"
        );
    }

    #[test]
    fn fts_syntax_characters_are_plain_text() {
        let q = SearchQuery::parse("NEAR(kabinett) title:foo* ^bar");
        let m = q.fts_match().expect("long words remain");
        assert_eq!(
            m,
            r#""near" AND "kabinett" AND "title" AND "foo" AND "bar""#
        );
    }
}
