//! People named in a text: a known first name followed by a surname ("Hartmut Schubert"),
//! with the title in front kept apart ("Ministerpräsident Bodo Ramelow", "Dr. Anna Müller").
//!
//! German capitalises every noun, so a capital letter says nothing by itself: "Die
//! Landesregierung" is not a name. A mention needs a first name from
//! `assets/analysis/first-names.txt` (written for Newsdesk, ~540 German and international
//! names); the words after it are the rest of the name:
//! - more first names ("Anna Lena Schmidt"), then particles ("von der", "zu"), then one
//!   capitalised surname that is not a stop word; hyphens join ("Frank-Walter Steinmeier",
//!   "Leutheusser-Schnarrenberger");
//! - all words separated by spaces only (a comma, full stop or blank line ends the name);
//! - not after an article or a number ("die Mark Brandenburg", "100 Mark Strafe").

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::fold::fold;
use crate::stopwords::is_folded_stop_word;
use crate::token::{Token, TokenKind, tokens};
use crate::word_list::list_lines;
use crate::{Language, Span};

pub(crate) const FIRST_NAMES: &str = include_str!("../../../assets/analysis/first-names.txt");

/// Name particles between first name and surname (folded).
const PARTICLES: &[&str] = &[
    "von", "vom", "zu", "der", "den", "van", "de", "di", "da", "du", "del", "la", "le", "ten",
    "ter", "al", "el", "bin", "ibn",
];
/// Words in front of a first name that make it a noun, not a name (folded).
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "eines",
];
/// Titles and functions written before a name (folded); a compound ending in one counts too
/// ("Wirtschaftsstaatssekretärin", "Thüringen-CIO").
const TITLES: &[&str] = &[
    "dr",
    "prof",
    "herr",
    "frau",
    "minister",
    "ministerin",
    "ministerprasident",
    "ministerprasidentin",
    "prasident",
    "prasidentin",
    "kanzler",
    "kanzlerin",
    "staatssekretar",
    "staatssekretarin",
    "burgermeister",
    "burgermeisterin",
    "oberburgermeister",
    "oberburgermeisterin",
    "landrat",
    "landratin",
    "senator",
    "senatorin",
    "abgeordnete",
    "abgeordneter",
    "vorsitzende",
    "vorsitzender",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "leiter",
    "leiterin",
    "direktor",
    "direktorin",
    "geschaftsfuhrer",
    "geschaftsfuhrerin",
    "beauftragte",
    "beauftragter",
    "dezernent",
    "dezernentin",
    "richter",
    "richterin",
    "cio",
    "cdo",
    "ceo",
    "cto",
    "referent",
    "referentin",
    "generalsekretar",
    "generalsekretarin",
    "kommissar",
    "kommissarin",
    "botschafter",
    "botschafterin",
    "pfarrer",
    "pfarrerin",
];
/// Titles that are abbreviated with a full stop.
const ABBREVIATED_TITLES: &[&str] = &["dr", "prof", "hr", "fr"];

/// A person named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// The name in the text ("Bodo Ramelow"), without the title.
    pub span: Span,
    /// The name with single spaces between its words and invisible characters removed.
    pub name: String,
    /// The title or function in front of the name ("Ministerpräsident", "Prof. Dr."), if any.
    pub title: Option<Span>,
}

/// Whether `word` is a known first name, in any case and with or without diacritics
/// ("BJÖRN", "Bjorn").
pub fn is_first_name(word: &str) -> bool {
    first_names().contains(fold(word).as_str())
}

/// Whether a folded word is a known first name.
pub(crate) fn is_folded_first_name(folded: &str) -> bool {
    first_names().contains(folded)
}

fn first_names() -> &'static FxHashSet<Box<str>> {
    static SET: OnceLock<FxHashSet<Box<str>>> = OnceLock::new();
    SET.get_or_init(|| list_lines(FIRST_NAMES).map(|n| fold(n).into()).collect())
}

/// The people named in `text`, in order.
///
/// ```
/// use newsdesk_analysis::find_people;
/// let text = "Das sagte Ministerpräsident Bodo Ramelow. Die Landesregierung schwieg.";
/// let people = find_people(text);
/// assert_eq!(people.len(), 1);
/// assert_eq!(people[0].name, "Bodo Ramelow");
/// assert_eq!(people[0].title.map(|t| t.of(text)), Some("Ministerpräsident"));
/// ```
pub fn find_people(text: &str) -> Vec<PersonMention> {
    let words: Vec<Token<'_>> = tokens(text).collect();
    let mut people = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match mention_at(text, &words, i) {
            Some((mention, next)) => {
                people.push(mention);
                i = next;
            }
            None => i += 1,
        }
    }
    people
}

/// The mention starting with the first name at `words[i]`, and the index after it.
fn mention_at(text: &str, words: &[Token<'_>], i: usize) -> Option<(PersonMention, usize)> {
    if !starts_first_name(text, &words[i]) {
        return None;
    }
    if i > 0 && joined_by_space(text, &words[i - 1], &words[i]) {
        let before = &words[i - 1];
        if before.kind == TokenKind::Number || DETERMINERS.contains(&fold(&before.text).as_str()) {
            return None;
        }
    }
    // More first names, then particles, then the surname.
    let mut last = i;
    let mut first_names_end = i;
    while first_names_end + 1 < words.len()
        && first_names_end - i < 2
        && joined_by_space(text, &words[first_names_end], &words[first_names_end + 1])
        && starts_first_name(text, &words[first_names_end + 1])
    {
        first_names_end += 1;
    }
    let mut j = first_names_end + 1;
    let mut particles = 0;
    while j < words.len()
        && particles < 3
        && joined_by_space(text, &words[j - 1], &words[j])
        && !words[j].is_capitalized()
        && PARTICLES.contains(&fold(&words[j].text).as_str())
    {
        particles += 1;
        j += 1;
    }
    if j < words.len() && joined_by_space(text, &words[j - 1], &words[j]) && is_surname(&words[j]) {
        last = j;
    } else if particles == 0 && first_names_end > i {
        // "Anna Maria" with no surname after: the last first name is the surname.
        last = first_names_end;
    }
    if last == i {
        return None;
    }
    let span = Span::new(words[i].span.start, words[last].span.end);
    let name = words[i..=last]
        .iter()
        .map(|w| w.text.as_ref())
        .collect::<Vec<_>>()
        .join(" ");
    Some((
        PersonMention {
            span,
            name,
            title: title_before(text, words, i),
        },
        last + 1,
    ))
}

/// Whether the token is a capitalised first name (or starts with one: "Frank-Walter").
fn starts_first_name(text: &str, token: &Token<'_>) -> bool {
    if token.kind != TokenKind::Word || !token.is_capitalized() || is_all_caps(&token.text) {
        return false;
    }
    let first = fold(
        token
            .segments()
            .first()
            .map_or(token.text.as_ref(), |s| s.of(text)),
    );
    first_names().contains(first.as_str())
}

fn is_surname(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Word
        && token.is_capitalized()
        && !is_all_caps(&token.text)
        && token
            .text
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !is_folded_stop_word(&fold(&token.text), Language::German)
        && !is_folded_stop_word(&fold(&token.text), Language::English)
}

fn is_all_caps(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() > 1 && !text.chars().any(char::is_lowercase)
}

/// Whether only spaces (and at most one line break) stand between two tokens.
fn joined_by_space(text: &str, left: &Token<'_>, right: &Token<'_>) -> bool {
    let gap = &text[left.span.end..right.span.start];
    !gap.is_empty()
        && gap.chars().all(char::is_whitespace)
        && gap.chars().filter(|&c| c == '\n').count() <= 1
}

/// The title or function right before the first name at `words[i]`: one title word
/// ("Ministerpräsident", "Thüringen-CIO") or a chain of abbreviated ones ("Prof. Dr.").
fn title_before(text: &str, words: &[Token<'_>], i: usize) -> Option<Span> {
    let mut k = i;
    let mut end = None;
    while k > 0 {
        let candidate = &words[k - 1];
        let gap = &text[candidate.span.end..words[k].span.start];
        let abbreviated = gap
            .strip_prefix('.')
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(char::is_whitespace))
            && ABBREVIATED_TITLES.contains(&fold(&candidate.text).as_str());
        if abbreviated {
            end.get_or_insert(candidate.span.end + 1);
            k -= 1;
            continue;
        }
        let spaced = !gap.is_empty() && gap.chars().all(char::is_whitespace);
        if end.is_none() && spaced && candidate.is_capitalized() && is_title(text, candidate) {
            return Some(candidate.span);
        }
        break;
    }
    end.map(|end| Span::new(words[k].span.start, end))
}

/// Whether the word (or its last hyphen segment) is or ends in a title.
fn is_title(text: &str, token: &Token<'_>) -> bool {
    let word = fold(
        token
            .segments()
            .last()
            .map_or(token.text.as_ref(), |s| s.of(text)),
    );
    TITLES
        .iter()
        .any(|title| word.ends_with(title) && (title.len() >= 5 || word == *title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find_people(text).into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn finds_first_name_and_surname() {
        let text = "Thüringen-CIO Hartmut Schubert und Wirtschaftsstaatssekretärin Valentina \
                    Kerst informieren die Presse.";
        let people = find_people(text);
        assert_eq!(names(text), ["Hartmut Schubert", "Valentina Kerst"]);
        assert_eq!(people[0].title.map(|t| t.of(text)), Some("Thüringen-CIO"));
        assert_eq!(
            people[1].title.map(|t| t.of(text)),
            Some("Wirtschaftsstaatssekretärin")
        );
        assert_eq!(people[1].span.of(text), "Valentina Kerst");
    }

    #[test]
    fn abbreviated_titles_chain() {
        let text = "Es sprach Prof. Dr. Anna Müller.";
        let people = find_people(text);
        assert_eq!(names(text), ["Anna Müller"]);
        assert_eq!(people[0].title.map(|t| t.of(text)), Some("Prof. Dr."));
    }

    #[test]
    fn capitalised_nouns_are_not_names() {
        assert!(names("Die Landesregierung hat das Kabinett informiert.").is_empty());
        assert!(names("Die Mark Brandenburg und 100 Mark Strafe").is_empty());
        assert!(names("Katja. Wolf").is_empty(), "a full stop ends the name");
        assert!(
            names("Hartmut, Schubert").is_empty(),
            "a comma ends the name"
        );
        assert!(names("Bodo und").is_empty(), "a stop word is no surname");
    }

    #[test]
    fn particles_hyphens_and_middle_names() {
        assert_eq!(names("Ursula von der Leyen kam."), ["Ursula von der Leyen"]);
        assert_eq!(
            names("Frank-Walter Steinmeier sprach."),
            ["Frank-Walter Steinmeier"]
        );
        assert_eq!(names("Anna Lena Schmidt sprach."), ["Anna Lena Schmidt"]);
        assert_eq!(names("Katja Wolf (BSW)"), ["Katja Wolf"]);
    }

    #[test]
    fn first_names_fold() {
        assert!(is_first_name("björn") && is_first_name("BODO"));
        assert!(!is_first_name("Landesregierung"));
        assert!(!is_first_name("August"), "months are left out");
    }
}
