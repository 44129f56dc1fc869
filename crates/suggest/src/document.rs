//! What a suggestion is made for: an article's fields (or a picture's), and its language.

use newsdesk_analysis::{Language, fold, tokens};
use newsdesk_model::limits::analysed_part;

/// The text fields a suggestion reads, each weighing as [`Field::weight`] says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub kicker: String,
    pub title: String,
    pub teaser: String,
    pub body: String,
    /// Picture captions (and, for a picture, its headline).
    pub captions: Vec<String>,
    /// The section (Ressort): it proposes itself as a tag.
    pub section: String,
    /// The article type ("Meldung"): proposed only where the library uses it as a tag.
    pub kind: String,
    /// Tags (or keywords) it already has: never suggested again, and they bring the tags
    /// that usually go with them.
    pub tags: Vec<String>,
}

/// Where in a document a word stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Kicker,
    Teaser,
    Caption,
    Body,
}

impl Field {
    /// How much one mention in the field counts: what a headline names, the article is about.
    pub fn weight(self) -> f64 {
        match self {
            Field::Title => 3.0,
            Field::Kicker => 2.5,
            Field::Teaser => 2.0,
            Field::Caption => 1.5,
            Field::Body => 1.0,
        }
    }
}

impl Document {
    /// The fields with their text, headline first.
    pub fn fields(&self) -> Vec<(Field, &str)> {
        let mut fields = vec![
            (Field::Title, self.title.as_str()),
            (Field::Kicker, self.kicker.as_str()),
            (Field::Teaser, self.teaser.as_str()),
        ];
        fields.extend(self.captions.iter().map(|c| (Field::Caption, c.as_str())));
        // The analysis reads no further (a huge article is weighed by its beginning).
        fields.push((Field::Body, analysed_part(&self.body)));
        fields.retain(|(_, text)| !text.trim().is_empty());
        fields
    }

    /// A plain text as a document: its first line is the title when it is short and a
    /// blank line or more text follows (the layout of keyphrase data sets), the rest the body.
    pub fn from_plain_text(text: &str) -> Self {
        let text = text.trim_start_matches('\u{feff}').trim();
        if let Some((first, rest)) = text.split_once('\n') {
            let first = first.trim();
            if !first.is_empty() && first.chars().count() <= 200 && !rest.trim().is_empty() {
                return Self {
                    title: first.to_string(),
                    body: rest.trim().to_string(),
                    ..Self::default()
                };
            }
        }
        Self {
            body: text.to_string(),
            ..Self::default()
        }
    }

    /// German or English, by which language's common words the text uses more.
    pub fn language(&self) -> Language {
        let mut german = 0usize;
        let mut english = 0usize;
        for (_, text) in self.fields() {
            for token in tokens(text).take(2_000) {
                match fold(&token.text).as_str() {
                    "der" | "die" | "das" | "und" | "ist" | "nicht" | "mit" | "sich" | "auf"
                    | "fur" | "von" | "zu" | "den" | "ein" | "eine" | "im" | "dem" | "wird"
                    | "werden" | "auch" => german += 1,
                    "the" | "and" | "is" | "not" | "with" | "of" | "to" | "on" | "for" | "a"
                    | "an" | "was" | "are" | "be" | "by" | "that" | "this" | "it" | "from"
                    | "have" => english += 1,
                    _ => {}
                }
            }
        }
        if english > german {
            Language::English
        } else {
            Language::German
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_model::limits::MAX_ANALYSED_BODY_BYTES;

    #[test]
    fn a_huge_body_is_weighed_by_its_first_mebibyte() {
        let document = Document {
            title: "Titel".into(),
            body: "Wort ".repeat(MAX_ANALYSED_BODY_BYTES),
            ..Document::default()
        };
        let fields = document.fields();
        let body = fields.iter().find(|(field, _)| *field == Field::Body);
        assert_eq!(
            body.map(|(_, text)| text.len()),
            Some(MAX_ANALYSED_BODY_BYTES),
            "the analysis reads the first MiB of a 5 MiB body"
        );
    }
}
