//! A sentence for a person in both of Newsdesk's languages.
//!
//! The core's messages are English for the CLI and German (beside the English) for the
//! window, which is German first. A place that words a message writes both sentences with
//! [`text!`](crate::text!), whose format arguments the compiler checks in each; an error enum
//! words every variant in German through [`Localized`], one arm per variant.

use std::fmt;

/// The language key of the German sentence in a `translations` map (`UserError`,
/// `OutboxJob`, the import reports).
pub const GERMAN: &str = "de";

/// A message in English (`Display`, what the CLI prints) and German (what the window shows
/// when its language is German).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub en: String,
    pub de: String,
}

impl Text {
    /// Words from outside Newsdesk (an operating system's or a library's message, a
    /// portal's answer), kept as they came in both languages.
    pub fn verbatim(words: impl Into<String>) -> Self {
        let words = words.into();
        Text {
            en: words.clone(),
            de: words,
        }
    }

    /// Both sentences changed alike (e.g. the first letter lowered).
    pub fn map(&self, change: impl Fn(&str) -> String) -> Self {
        Text {
            en: change(&self.en),
            de: change(&self.de),
        }
    }

    /// The German sentence.
    pub fn german(&self) -> &str {
        &self.de
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// A message that can also be said in German. `Display` stays the English sentence.
pub trait Localized: fmt::Display {
    /// The same message in German. Text from outside Newsdesk (a portal's answer, the
    /// operating system's or SQLite's words, a file name) is kept as it came.
    fn german(&self) -> String;

    /// The translations a message carries across to the window: `{"de": …}`.
    fn translations(&self) -> std::collections::BTreeMap<String, String> {
        std::collections::BTreeMap::from([(GERMAN.to_string(), self.german())])
    }
}

impl Localized for Text {
    fn german(&self) -> String {
        self.de.clone()
    }
}

/// `text!("article {id} …", "Artikel {id} …")` or with arguments used by both sentences,
/// `text!("{} pictures", "{} Bilder", n)`: a [`Text`] with both sentences formatted.
#[macro_export]
macro_rules! text {
    ($en:literal, $de:literal $(,)?) => {
        $crate::Text {
            en: format!($en),
            de: format!($de),
        }
    };
    ($en:literal, $de:literal, $($arg:tt)+) => {
        $crate::Text {
            en: format!($en, $($arg)+),
            de: format!($de, $($arg)+),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_english_and_german_is_beside_it() {
        let id = 7;
        let text = crate::text!("article {id} is gone", "Artikel {id} ist fort");
        assert_eq!(text.to_string(), "article 7 is gone");
        assert_eq!(Localized::german(&text), "Artikel 7 ist fort");
        assert_eq!(
            text.translations().get(GERMAN).map(String::as_str),
            Some("Artikel 7 ist fort")
        );
    }

    #[test]
    fn arguments_after_the_sentences_serve_both() {
        let text = crate::text!("{} of {n}", "{} von {n}", 2, n = 3);
        assert_eq!(text.en, "2 of 3");
        assert_eq!(text.de, "2 von 3");
    }
}
