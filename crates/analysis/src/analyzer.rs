//! From text to index terms: tokens → folding → (German) compound splitting → stemming.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use crate::fold::{fold_into, fold_offsets, fold_transliterations};
use crate::names::is_folded_first_name;
use crate::stopwords::is_folded_stop_word;
use crate::token::{Token, TokenKind, is_overlong, tokens};
use crate::{Language, Lexicon, Span};

/// What a [`Term`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermKind {
    /// A whole word as written ("Digitalisierungskabinett", "E-Government-Gesetz").
    Word,
    /// A number as written ("2019", "4,4", "29.11.2026").
    Number,
    /// A part of the word at the same position: a compound part ("Kabinett" of
    /// "Digitalisierungskabinett") or a hyphen segment ("Gesetz" of "E-Government-Gesetz").
    CompoundPart,
}

/// One index term: what a search compares, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The indexed form: folded and stemmed ("digitalisier", "kabinett", "thuring").
    pub text: String,
    /// The surface in the analysed text, in bytes ("Kabinetts" for the part "kabinett").
    pub span: Span,
    /// The word's position (token index); a word's parts share it.
    pub position: u32,
    /// Whole word, number or part.
    pub kind: TermKind,
}

/// One word of a search query: its term, and its parts' terms when it is a compound.
///
/// A search can match the word itself, or — for a compound — all of its parts
/// ("Digitalisierungskabinett" also finds "das Kabinett zur Digitalisierung"), ranking the
/// exact word higher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    /// The word's indexed form, as [`Analyzer::analyze`] gives it for the same word.
    pub term: String,
    /// The indexed forms of its compound parts and hyphen segments; empty for simple words.
    pub parts: Vec<String>,
    /// Where the word is in the query.
    pub span: Span,
    /// The word's position in the query.
    pub position: u32,
    /// Word or number (never `CompoundPart`).
    pub kind: TermKind,
}

/// Turns text into index terms for one language. Build it once (the German lexicon takes some
/// 20–30 ms to load) and share it between threads: analysing takes `&self`.
pub struct Analyzer {
    language: Language,
    lexicon: Lexicon,
    stemmer: Stemmer,
    /// Folded word → its analysis: news text repeats its words, and stemming and splitting
    /// are the expensive steps. Cleared when the lexicon changes.
    cache: Mutex<FxHashMap<Box<str>, Arc<WordAnalysis>>>,
}

impl fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Analyzer")
            .field("language", &self.language)
            .field("lexicon_words", &self.lexicon.len())
            .finish_non_exhaustive()
    }
}

impl Analyzer {
    /// An analyzer for `language` that splits compounds by `lexicon` (German only; pass
    /// [`Lexicon::new`] to split nothing).
    pub fn new(language: Language, lexicon: Lexicon) -> Self {
        Self {
            language,
            lexicon,
            stemmer: language.stemmer(),
            cache: Mutex::default(),
        }
    }

    /// German with the shipped lexicon ([`Lexicon::german`]).
    pub fn german() -> Self {
        Self::new(Language::German, Lexicon::german())
    }

    /// English: no compound splitting, so no lexicon.
    pub fn english() -> Self {
        Self::new(Language::English, Lexicon::new())
    }

    /// The language analysed.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The lexicon compounds are split by.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The lexicon, to grow it ([`Lexicon::learn`] the library's texts).
    pub fn lexicon_mut(&mut self) -> &mut Lexicon {
        self.cache
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        &mut self.lexicon
    }

    /// Forgets the words analysed so far. The analyzer remembers up to 200,000 words (a
    /// few tens of MB at most) to analyse repeated words quickly; this frees that memory.
    pub fn forget_cached_words(&self) {
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// The index terms of `text`, in order of position: each word's term, then its compound
    /// parts and hyphen segments at the same position. Stop words give no term but keep
    /// their position, so positions still tell which words were next to each other.
    ///
    /// ```
    /// use newsdesk_analysis::{Analyzer, TermKind};
    /// let analyzer = Analyzer::german();
    /// let text = "Die Landesregierungen tagten.";
    /// let terms = analyzer.analyze(text);
    /// let shown: Vec<_> = terms.iter().map(|t| (t.text.as_str(), t.span.of(text), t.position)).collect();
    /// assert_eq!(shown, [
    ///     ("landesregier", "Landesregierungen", 1),
    ///     ("land", "Land", 1),
    ///     ("regier", "regierungen", 1),
    ///     ("tagt", "tagten", 2),
    /// ]);
    /// ```
    pub fn analyze(&self, text: &str) -> Vec<Term> {
        let mut terms = Vec::with_capacity(text.len() / 6);
        let mut folded = String::new();
        let mut after_first_name = None;
        for token in tokens(text) {
            let surname = follows(text, after_first_name, &token);
            let first_name = self.token_terms(text, &token, &mut folded, &mut terms, surname);
            after_first_name = first_name.then_some(token.span);
        }
        terms
    }

    /// The words of a search query. Like [`analyze`](Self::analyze), but grouped by word
    /// (a word with its parts) so that a search can require the word *or* all its parts.
    /// Stop words are left out unless the query has nothing else ("wir").
    pub fn analyze_query(&self, query: &str) -> Vec<QueryWord> {
        let mut words = Vec::new();
        let mut stop_words = Vec::new();
        let mut folded = String::new();
        let mut terms = Vec::new();
        let mut after_first_name = None;
        for token in tokens(query) {
            if is_overlong(&token.text) {
                continue;
            }
            terms.clear();
            let surname = follows(query, after_first_name, &token);
            let first_name = self.token_terms(query, &token, &mut folded, &mut terms, surname);
            after_first_name = first_name.then_some(token.span);
            let Some((whole, parts)) = terms.split_first() else {
                stop_words.push(QueryWord {
                    term: self.whole_term(&token.text, &folded),
                    parts: Vec::new(),
                    span: token.span,
                    position: token.position,
                    kind: TermKind::Word,
                });
                continue;
            };
            words.push(QueryWord {
                term: whole.text.clone(),
                parts: parts.iter().map(|p| p.text.clone()).collect(),
                span: whole.span,
                position: whole.position,
                kind: whole.kind,
            });
        }
        if words.is_empty() { stop_words } else { words }
    }

    /// The indexed form of one word ("Thüringen" → "thuring"), as [`analyze`](Self::analyze)
    /// gives it for the whole word; stop words included.
    pub fn normalize(&self, word: &str) -> String {
        let mut folded = String::new();
        fold_into(word, &mut folded);
        self.whole_term(word, &folded)
    }

    /// Appends the terms of one token (`folded` is scratch space) and tells whether it is a
    /// capitalised first name. A `surname` (the word after a first name) is not split into
    /// compound parts: "Wolfgang Tiefensee" is no deep lake.
    fn token_terms(
        &self,
        text: &str,
        token: &Token<'_>,
        folded: &mut String,
        out: &mut Vec<Term>,
        surname: bool,
    ) -> bool {
        if is_overlong(&token.text) {
            return false;
        }
        if token.kind == TokenKind::Number {
            out.push(Term {
                text: token.text.clone().into_owned(),
                span: token.span,
                position: token.position,
                kind: TermKind::Number,
            });
            return false;
        }
        folded.clear();
        fold_into(&token.text, folded);
        let first_name = token.is_capitalized() && is_folded_first_name(folded);
        let analysis = self.word(folded);
        if analysis.stop {
            return first_name;
        }
        let whole = out.len();
        let acronym = acronym(&token.text);
        let is_acronym = acronym.is_some();
        out.push(Term {
            text: acronym.unwrap_or_else(|| analysis.term.to_string()),
            span: token.span,
            position: token.position,
            kind: TermKind::Word,
        });
        if token.is_hyphenated() {
            let mut segment_folded = String::new();
            for &segment in token.segments() {
                let surface = segment.of(text);
                segment_folded.clear();
                fold_into(surface, &mut segment_folded);
                if segment_folded.chars().nth(1).is_none() {
                    continue;
                }
                let analysis = self.word(&segment_folded);
                if analysis.stop {
                    continue;
                }
                let term = acronym_or(surface, &analysis.term);
                push_part(out, whole, term, segment, token.position);
                push_compound_parts(
                    out,
                    whole,
                    &analysis,
                    surface,
                    segment.start,
                    token.position,
                );
            }
        } else if !is_acronym && !surname {
            let surface = token.span.of(text);
            push_compound_parts(
                out,
                whole,
                &analysis,
                surface,
                token.span.start,
                token.position,
            );
        }
        first_name
    }

    /// The analysis of a folded word, from the cache or made and cached.
    fn word(&self, folded: &str) -> Arc<WordAnalysis> {
        let cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = cache.get(folded) {
            return Arc::clone(known);
        }
        drop(cache);
        let analysis = Arc::new(self.analyze_word(folded));
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        if cache.len() >= CACHE_WORDS {
            cache.clear();
        }
        cache.insert(folded.into(), Arc::clone(&analysis));
        analysis
    }

    /// Stop word or not, the stemmed term, and the compound parts of a folded word.
    fn analyze_word(&self, folded: &str) -> WordAnalysis {
        let key = self.key(folded);
        if is_folded_stop_word(&key, self.language) {
            return WordAnalysis {
                stop: true,
                term: Box::from(""),
                parts: Box::new([]),
            };
        }
        if folded.chars().any(char::is_numeric) {
            return WordAnalysis {
                stop: false,
                term: folded.into(),
                parts: Box::new([]),
            };
        }
        let pieces = match self.language {
            Language::German => self.lexicon.split_folded(folded).unwrap_or_default(),
            Language::English => Vec::new(),
        };
        let parts = pieces
            .iter()
            .map(|piece| PartAnalysis {
                term: self.stemmer.stem(&self.key(&piece.base(folded))).into(),
                start: piece.start,
                end: piece.end,
            })
            .collect();
        WordAnalysis {
            stop: false,
            term: self.stemmer.stem(&key).into(),
            parts,
        }
    }

    /// The term of a whole word: acronyms lower-cased ("CDOs" → "cdo"), words with digits
    /// as folded, others folded and stemmed.
    fn whole_term(&self, surface: &str, folded: &str) -> String {
        if let Some(acronym) = acronym(surface) {
            return acronym;
        }
        if folded.chars().any(char::is_numeric) {
            return folded.to_owned();
        }
        self.stemmer.stem(&self.key(folded)).into_owned()
    }

    /// The form words are compared in: German also reads `ae`/`oe`/`ue` as umlauts.
    fn key<'a>(&self, folded: &'a str) -> Cow<'a, str> {
        match self.language {
            Language::German => fold_transliterations(folded),
            Language::English => Cow::Borrowed(folded),
        }
    }
}

/// How many words the analyzer remembers before it forgets them all.
const CACHE_WORDS: usize = 200_000;

/// What a folded word analyses to, whatever its case and spelling.
#[derive(Debug)]
struct WordAnalysis {
    stop: bool,
    term: Box<str>,
    parts: Box<[PartAnalysis]>,
}

/// A compound part's term and its byte range in the folded word.
#[derive(Debug)]
struct PartAnalysis {
    term: Box<str>,
    start: usize,
    end: usize,
}

/// Appends a word's compound parts, their spans mapped from the folded word to `surface`
/// (which starts at `offset` in the text).
fn push_compound_parts(
    out: &mut Vec<Term>,
    whole: usize,
    analysis: &WordAnalysis,
    surface: &str,
    offset: usize,
    position: u32,
) {
    if analysis.parts.is_empty() {
        return;
    }
    let offsets = fold_offsets(surface);
    let last = offsets.len() - 1;
    for part in &analysis.parts {
        let span = Span::new(
            offset + offsets[part.start.min(last)],
            offset + offsets[part.end.min(last)],
        );
        push_part(out, whole, part.term.to_string(), span, position);
    }
}

/// Whether `token` comes right after the token at `previous` (only white space between).
fn follows(text: &str, previous: Option<Span>, token: &Token<'_>) -> bool {
    previous.is_some_and(|previous| {
        text[previous.end..token.span.start]
            .chars()
            .all(char::is_whitespace)
    })
}

/// The acronym's term ("CDOs" → "cdo"), or else `term`.
fn acronym_or(surface: &str, term: &str) -> String {
    acronym(surface).unwrap_or_else(|| term.to_owned())
}

/// Pushes a part's term unless the word (from index `whole` on) already has it.
fn push_part(out: &mut Vec<Term>, whole: usize, text: String, span: Span, position: u32) {
    if out[whole..].iter().any(|t| t.text == text) {
        return;
    }
    out.push(Term {
        text,
        span,
        position,
        kind: TermKind::CompoundPart,
    });
}

/// "OZG" → "ozg", "CDOs" → "cdo": 2 to 6 capitals, maybe with a plural s.
fn acronym(surface: &str) -> Option<String> {
    let capitals = surface.strip_suffix('s').unwrap_or(surface);
    let count = capitals.chars().count();
    ((2..=6).contains(&count) && capitals.chars().all(|c| c.is_uppercase()))
        .then(|| capitals.to_lowercase())
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use newsdesk_model::limits::MAX_WORD_CHARS;

    static GERMAN: LazyLock<Analyzer> = LazyLock::new(Analyzer::german);

    fn texts(terms: &[Term]) -> Vec<&str> {
        terms.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn stems_inflections_together() {
        let a = &*GERMAN;
        assert_eq!(
            a.normalize("Digitalisierung"),
            a.normalize("Digitalisierungen")
        );
        for form in ["Kabinetts", "Kabinette", "Kabinetten"] {
            assert_eq!(a.normalize("Kabinett"), a.normalize(form), "{form}");
        }
    }

    #[test]
    fn umlaut_spellings_meet_and_false_friends_stay_apart() {
        let a = &*GERMAN;
        assert_eq!(a.normalize("Thüringen"), a.normalize("Thueringen"));
        assert_eq!(a.normalize("Thüringen"), a.normalize("THÜRINGEN"));
        assert_eq!(a.normalize("Müller"), a.normalize("Mueller"));
        assert_ne!(a.normalize("Feuer"), a.normalize("für"));
        assert_ne!(a.normalize("Mauer"), a.normalize("Maurer"));
        assert_eq!(a.normalize("Quelle"), a.normalize("Quellen"));
        assert_eq!(a.normalize("aktuell"), a.normalize("aktuelle"));
    }

    #[test]
    fn compound_parts_share_the_words_position() {
        let text = "Das Digitalisierungskabinett tagte.";
        let terms = GERMAN.analyze(text);
        let parts: Vec<_> = terms
            .iter()
            .filter(|t| t.kind == TermKind::CompoundPart)
            .map(|t| (t.text.as_str(), t.span.of(text), t.position))
            .collect();
        assert_eq!(
            parts,
            [
                ("digitalisier", "Digitalisierung", 1),
                ("kabinett", "kabinett", 1)
            ]
        );
        let alone = GERMAN.analyze("Kabinett");
        assert!(
            terms.iter().any(|t| t.text == alone[0].text),
            "the word alone matches the compound's part"
        );
    }

    #[test]
    fn hyphenated_words_give_whole_segments_and_their_parts() {
        let text = "OZG-Änderungsgesetz";
        let terms = GERMAN.analyze(text);
        assert_eq!(
            texts(&terms),
            [
                "ozganderungsgesetz",
                "ozg",
                "anderungsgesetz",
                "ander",
                "gesetz"
            ]
        );
        assert!(
            terms[1..]
                .iter()
                .all(|t| t.kind == TermKind::CompoundPart && t.position == 0)
        );
        assert_eq!(terms[3].span.of(text), "Änderung");
    }

    #[test]
    fn stop_words_keep_their_position() {
        let terms = GERMAN.analyze("Die Regierung und das Kabinett");
        let positions: Vec<_> = terms.iter().map(|t| t.position).collect();
        assert_eq!(texts(&terms), ["regier", "kabinett"]);
        assert_eq!(positions, [1, 4]);
    }

    #[test]
    fn surnames_after_first_names_are_not_split() {
        let parts = |text: &str| {
            GERMAN
                .analyze(text)
                .into_iter()
                .filter(|t| t.kind == TermKind::CompoundPart)
                .count()
        };
        assert!(
            parts("am Tiefensee") > 0,
            "the word alone looks like tief + See"
        );
        assert_eq!(
            parts("Wolfgang Tiefensee"),
            0,
            "after a first name it is a surname"
        );
        assert_eq!(
            parts("Anja Siegesmund, Landesregierung"),
            2,
            "only the compound splits"
        );
    }

    #[test]
    fn numbers_and_acronyms_are_kept_as_written() {
        let terms = GERMAN.analyze("80 Millionen für CDOs und OZG 2.0");
        assert_eq!(texts(&terms), ["80", "million", "cdo", "ozg", "2.0"]);
        assert_eq!(terms[0].kind, TermKind::Number);
    }

    #[test]
    fn queries_group_parts_and_keep_lonely_stop_words() {
        let query = GERMAN.analyze_query("die Verwaltungsdigitalisierung");
        assert_eq!(query.len(), 1);
        assert_eq!(
            query[0].term,
            GERMAN.normalize("Verwaltungsdigitalisierung")
        );
        assert_eq!(query[0].parts, ["verwalt", "digitalisier"]);
        let lonely = GERMAN.analyze_query("Wir");
        assert_eq!(lonely.len(), 1, "a query of stop words only keeps them");
        assert_eq!(lonely[0].term, "wir");
    }

    #[test]
    fn an_overlong_word_gives_no_term_but_keeps_its_place() {
        let blob = "Verwaltungsdigitalisierung".repeat(32_000);
        let text = format!("Das Kabinett {blob} tagte in Erfurt");
        let terms = GERMAN.analyze(&text);
        assert_eq!(
            texts(&terms),
            ["kabinett", "tagt", "erfurt"],
            "the 832 KB word is skipped, its neighbours are not"
        );
        assert_eq!(terms[1].position, 3, "the skipped word keeps its position");
        let hyphens = vec!["ab"; 10_000].join("-");
        assert!(
            GERMAN.analyze(&hyphens).is_empty(),
            "10,000 hyphen segments are one overlong token"
        );
        let at_limit = "x".repeat(MAX_WORD_CHARS);
        assert_eq!(
            GERMAN.analyze(&at_limit).len(),
            1,
            "the limit itself is a word"
        );
        let query = GERMAN.analyze_query(&format!("{blob} Kabinett"));
        assert_eq!(query.len(), 1, "a query drops the overlong word too");
        assert_eq!(query[0].term, "kabinett");
    }

    #[test]
    fn english_stems_without_splitting() {
        let english = Analyzer::english();
        let terms = english.analyze("The governments' digital strategies");
        assert_eq!(texts(&terms), ["govern", "digit", "strategi"]);
    }
}
