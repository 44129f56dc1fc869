//! What the text itself says: its key terms and phrases (weighed by field, mentions and
//! position), the people it names and the places and bodies of the gazetteer.

use newsdesk_analysis::{Analyzer, Language, Span, Term, TermKind, find_people, sentences};
use rustc_hash::FxHashMap;

use crate::document::{Document, Field};
use crate::gazetteer::{EntityKind, Gazetteer};
use crate::keys::{capitalized, tag_key};
use crate::specificity::Specificity;

/// A compound's head (its last part) counts this much of its word's mention: a
/// "Verwaltungsdigitalisierung" is a kind of Digitalisierung.
const HEAD_SHARE: f64 = 0.6;
/// Other parts and hyphen segments count this much.
const PART_SHARE: f64 = 0.35;
/// A lower-case word this frequent in the lexicon (about the 2,000 most common) is too
/// generic to start a phrase.
const GENERIC_FREQUENCY: u32 = 500;
/// Phrases up to this many words.
const MAX_PHRASE_WORDS: usize = 3;

/// What a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CandidateKind {
    /// One word (or a compound part).
    Term,
    /// Two or three words in a row.
    Phrase,
    Person,
    Place,
    Organisation,
}

/// Everything the text says for one candidate tag.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub kind: CandidateKind,
    /// Spellings seen, with how often: standalone words first, then parts (capitalised).
    surfaces: FxHashMap<String, u32>,
    part_surfaces: FxHashMap<String, u32>,
    /// The gazetteer's or the person's name, when there is one: it is the tag's spelling.
    fixed: Option<String>,
    /// Sum of the mentions' field weights.
    pub weight: f64,
    /// Mentions (parts included).
    pub mentions: u32,
    /// Fields it is in.
    pub fields: Vec<Field>,
    /// Where the first mention in the body is, 0 (start) to 1 (end); 1 when not in the body.
    pub body_first: f64,
    /// Seen as a capitalised word inside a sentence (German nouns and names), or only in
    /// lower case.
    capitalized_inside: u32,
    lower_case: u32,
    /// The analysed terms (one per word), for specificity and the archive.
    pub terms: Vec<String>,
}

impl Candidate {
    fn new(kind: CandidateKind, terms: Vec<String>) -> Self {
        Self {
            kind,
            surfaces: FxHashMap::default(),
            part_surfaces: FxHashMap::default(),
            fixed: None,
            weight: 0.0,
            mentions: 0,
            fields: Vec::new(),
            body_first: 1.0,
            capitalized_inside: 0,
            lower_case: 0,
            terms,
        }
    }

    fn mention(&mut self, field: Field, weight: f64, body_at: Option<f64>) {
        self.weight += weight;
        self.mentions += 1;
        if !self.fields.contains(&field) {
            self.fields.push(field);
        }
        if let Some(at) = body_at {
            self.body_first = self.body_first.min(at);
        }
    }

    /// The tag's spelling: a fixed name, else the most frequent standalone spelling, else the
    /// most frequent part spelling with a capital (German nouns).
    pub fn display(&self) -> String {
        if let Some(fixed) = &self.fixed {
            return fixed.clone();
        }
        let best = |m: &FxHashMap<String, u32>| {
            m.iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.len().cmp(&a.0.len())))
                .map(|(s, _)| s.clone())
        };
        best(&self.surfaces)
            .or_else(|| best(&self.part_surfaces).map(|s| capitalized(&s)))
            .unwrap_or_default()
    }

    /// Whether it reads like a German noun or name (capitalised inside a sentence, or only
    /// ever seen capitalised), which key terms must be.
    pub fn noun_like(&self) -> bool {
        let in_headline =
            self.fields.contains(&Field::Title) || self.fields.contains(&Field::Kicker);
        self.capitalized_inside > 0
            || (self.lower_case == 0 && !self.surfaces.is_empty() && in_headline)
            || (self.surfaces.is_empty() && !self.part_surfaces.is_empty())
    }
}

/// The text's evidence: candidates by tag key, and the weighted frequency of every term.
#[derive(Debug, Default)]
pub struct TextEvidence {
    pub candidates: FxHashMap<String, Candidate>,
    /// Term → sum of field weights of its mentions (parts at [`PART_SHARE`]).
    pub term_weights: FxHashMap<String, f64>,
    /// Term → the first spelling it was seen in (for the lexicon, which knows words).
    pub term_surfaces: FxHashMap<String, String>,
    /// Keys of words that named a gazetteer entity under another name.
    absorbed: Vec<String>,
    /// Each field's words in order: (whole term, its parts), for matching vocabulary tags.
    pub word_runs: Vec<Vec<(String, Vec<String>)>>,
}

impl TextEvidence {
    /// The text's `n` most telling terms, strongest first: ln(1 + weighted mentions) times
    /// how specific the word is.
    pub(crate) fn strongest_terms(
        &self,
        specificity: &Specificity<'_>,
        n: usize,
    ) -> Vec<(&String, f64)> {
        let mut ranked: Vec<(&String, f64)> = self
            .term_weights
            .iter()
            .map(|(term, weight)| {
                let surface = self
                    .term_surfaces
                    .get(term)
                    .map_or(term.as_str(), String::as_str);
                (term, (1.0 + weight).ln() * specificity.of(term, surface))
            })
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        ranked.truncate(n);
        ranked
    }
}

/// One word of a field: its term, parts and where it stands.
struct Word<'t> {
    whole: &'t Term,
    parts: Vec<&'t Term>,
    sentence: usize,
    sentence_start: bool,
}

/// Reads the document's fields.
pub fn read(
    document: &Document,
    analyzer: &Analyzer,
    gazetteer: Option<&Gazetteer>,
) -> TextEvidence {
    let mut evidence = TextEvidence::default();
    let german = analyzer.language() == Language::German;
    let fields = document.fields();
    // People first, so that a surname alone later counts for the person.
    let mut surnames: FxHashMap<String, String> = FxHashMap::default();
    for &(field, text) in &fields {
        for person in find_people(text) {
            let key = tag_key(analyzer, &person.name);
            let terms: Vec<String> = analyzer
                .analyze(&person.name)
                .into_iter()
                .map(|t| t.text)
                .collect();
            if let Some(last) = terms.last() {
                surnames.insert(last.clone(), key.clone());
            }
            let candidate = evidence
                .candidates
                .entry(key)
                .or_insert_with(|| Candidate::new(CandidateKind::Person, terms));
            candidate.fixed.get_or_insert(person.name.clone());
            candidate.mention(field, field.weight(), body_at(field, text, person.span));
        }
    }
    for &(field, text) in &fields {
        let terms = analyzer.analyze(text);
        let words = words_of(text, &terms);
        let weight = field.weight();
        let mut run = Vec::with_capacity(words.len());
        for (i, word) in words.iter().enumerate() {
            run.push((
                word.whole.text.clone(),
                word.parts.iter().map(|p| p.text.clone()).collect(),
            ));
            if word.whole.kind == TermKind::Number {
                continue;
            }
            let at = body_at(field, text, word.whole.span);
            *evidence
                .term_weights
                .entry(word.whole.text.clone())
                .or_default() += weight;
            let surface = word.whole.span.of(text);
            evidence
                .term_surfaces
                .entry(word.whole.text.clone())
                .or_insert_with(|| surface.to_string());
            let person_before = i > 0 && is_person_word(&evidence, &words[i - 1], text, analyzer);
            if let Some(person) = surnames.get(&word.whole.text).filter(|_| !person_before)
                && let Some(candidate) = evidence.candidates.get_mut(person)
                && candidate.terms.len() > 1
            {
                candidate.mention(field, weight, at);
            }
            let key = tag_key(analyzer, surface);
            let candidate = evidence.candidates.entry(key).or_insert_with(|| {
                Candidate::new(CandidateKind::Term, vec![word.whole.text.clone()])
            });
            candidate.mention(field, weight, at);
            *candidate.surfaces.entry(surface.to_string()).or_default() += 1;
            let upper = surface.chars().next().is_some_and(char::is_uppercase);
            if upper && !word.sentence_start {
                candidate.capitalized_inside += 1;
            } else if !upper {
                candidate.lower_case += 1;
            }
            let last = word.parts.len().saturating_sub(1);
            for (p, part) in word.parts.iter().enumerate() {
                let share = if p == last { HEAD_SHARE } else { PART_SHARE };
                *evidence.term_weights.entry(part.text.clone()).or_default() += weight * share;
                let part_surface = part.span.of(text);
                // A part must be a word of its own beside the rest ("Government" of
                // "E-Government" is not).
                let rest = surface
                    .chars()
                    .count()
                    .saturating_sub(part_surface.chars().count());
                if part_surface.chars().count() < 4
                    || rest < 4
                    || after_letter_prefix(text, part.span)
                {
                    continue;
                }
                evidence
                    .term_surfaces
                    .entry(part.text.clone())
                    .or_insert_with(|| part_surface.to_string());
                let key = tag_key(analyzer, part_surface);
                let candidate = evidence.candidates.entry(key).or_insert_with(|| {
                    Candidate::new(CandidateKind::Term, vec![part.text.clone()])
                });
                candidate.mention(field, weight * share, at);
                *candidate
                    .part_surfaces
                    .entry(part_surface.to_string())
                    .or_default() += 1;
            }
        }
        phrases(&mut evidence, analyzer, field, text, &words, german);
        if let Some(gazetteer) = gazetteer {
            entities(&mut evidence, analyzer, gazetteer, field, text, &words);
        }
        evidence.word_runs.push(run);
    }
    for key in std::mem::take(&mut evidence.absorbed) {
        if evidence
            .candidates
            .get(&key)
            .is_some_and(|c| c.kind != CandidateKind::Person && c.fixed.is_none())
        {
            evidence.candidates.remove(&key);
        }
    }
    evidence
}

/// Whether `word` is part of a person's name already counted.
fn is_person_word(
    evidence: &TextEvidence,
    word: &Word<'_>,
    text: &str,
    analyzer: &Analyzer,
) -> bool {
    let key = tag_key(analyzer, word.whole.span.of(text));
    newsdesk_analysis::is_first_name(word.whole.span.of(text))
        || evidence
            .candidates
            .get(&key)
            .is_some_and(|c| c.kind == CandidateKind::Person)
}

/// Whether a hyphen segment follows a one-letter prefix ("Government" in "E-Government").
fn after_letter_prefix(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let Some(prefix) = before.strip_suffix('-') else {
        return false;
    };
    let mut letters = prefix.chars().rev();
    letters.next().is_some_and(char::is_alphanumeric)
        && letters.next().is_none_or(|c| !c.is_alphanumeric())
}

/// Where in the body a span is, 0 to 1; `None` outside the body.
fn body_at(field: Field, text: &str, span: Span) -> Option<f64> {
    (field == Field::Body).then(|| span.start as f64 / text.len().max(1) as f64)
}

/// The field's words with their parts, and which sentence each is in.
fn words_of<'t>(text: &str, terms: &'t [Term]) -> Vec<Word<'t>> {
    let sentence_spans = sentences(text);
    let mut words: Vec<Word<'t>> = Vec::new();
    let mut sentence = 0;
    let mut last_sentence = usize::MAX;
    for term in terms {
        if term.kind == TermKind::CompoundPart {
            if let Some(word) = words
                .last_mut()
                .filter(|w| w.whole.position == term.position)
            {
                word.parts.push(term);
            }
            continue;
        }
        while sentence + 1 < sentence_spans.len() && sentence_spans[sentence].end <= term.span.start
        {
            sentence += 1;
        }
        let first_in_sentence = sentence != last_sentence
            && sentence_spans.get(sentence).is_none_or(|s| {
                text[s.start..term.span.start]
                    .chars()
                    .all(|c| !c.is_alphanumeric())
            });
        last_sentence = sentence;
        words.push(Word {
            whole: term,
            parts: Vec::new(),
            sentence,
            sentence_start: first_in_sentence,
        });
    }
    words
}

/// Whether two words stand next to each other with only spaces between them.
fn adjacent(text: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    a.sentence == b.sentence
        && b.whole.position == a.whole.position + 1
        && text
            .get(a.whole.span.end..b.whole.span.start)
            .is_some_and(|gap| gap.chars().all(char::is_whitespace))
}

/// Two or three words in a row: names and noun phrases ("Europäische Union", "digitale
/// Verwaltung", "climate change").
fn phrases(
    evidence: &mut TextEvidence,
    analyzer: &Analyzer,
    field: Field,
    text: &str,
    words: &[Word<'_>],
    german: bool,
) {
    for start in 0..words.len() {
        for len in 2..=MAX_PHRASE_WORDS {
            let Some(run) = words.get(start..start + len) else {
                break;
            };
            if !run.windows(2).all(|w| adjacent(text, &w[0], &w[1])) {
                break;
            }
            if run.iter().any(|w| w.whole.kind == TermKind::Number) {
                continue;
            }
            let surfaces: Vec<&str> = run.iter().map(|w| w.whole.span.of(text)).collect();
            let upper = |s: &&str| s.chars().next().is_some_and(char::is_uppercase);
            if german {
                // The last word is a noun; those before it nouns (names) or adjectives that
                // say something ("digitale Verwaltung", not "zweiten Kabinett").
                let Some(last) = surfaces.last() else {
                    continue;
                };
                let telling =
                    |s: &&str| upper(s) || analyzer.lexicon().frequency(s) < GENERIC_FREQUENCY;
                if !upper(last) || !surfaces.iter().all(telling) {
                    continue;
                }
            }
            let surface = &text[run[0].whole.span.start..run[len - 1].whole.span.end];
            let key = tag_key(analyzer, surface);
            let terms = run.iter().map(|w| w.whole.text.clone()).collect();
            let candidate = evidence
                .candidates
                .entry(key)
                .or_insert_with(|| Candidate::new(CandidateKind::Phrase, terms));
            if candidate.kind != CandidateKind::Phrase {
                continue;
            }
            candidate.mention(
                field,
                field.weight(),
                body_at(field, text, run[0].whole.span),
            );
            *candidate.surfaces.entry(surface.to_string()).or_default() += 1;
            if surfaces.iter().all(upper) {
                candidate.capitalized_inside += 1;
            }
        }
    }
}

/// Places and organisations of the gazetteer, also as a hyphen segment or compound part
/// ("Thüringen-CIO").
fn entities(
    evidence: &mut TextEvidence,
    analyzer: &Analyzer,
    gazetteer: &Gazetteer,
    field: Field,
    text: &str,
    words: &[Word<'_>],
) {
    let mut start = 0;
    while start < words.len() {
        let mut matched = 0;
        for len in (1..=gazetteer.longest().min(words.len() - start)).rev() {
            let run = &words[start..start + len];
            if len > 1 && !run.windows(2).all(|w| adjacent(text, &w[0], &w[1])) {
                continue;
            }
            let terms: Vec<&str> = run.iter().map(|w| w.whole.text.as_str()).collect();
            if let Some(entity) = gazetteer.lookup(&terms) {
                add_entity(
                    evidence,
                    analyzer,
                    entity.name.clone(),
                    entity.kind,
                    field,
                    text,
                    run[0].whole.span,
                );
                // "NKR" is the Normenkontrollrat, not a tag of its own.
                let surface = &text[run[0].whole.span.start..run[len - 1].whole.span.end];
                let own = tag_key(analyzer, surface);
                if own != tag_key(analyzer, &entity.name) {
                    evidence.absorbed.push(own);
                }
                matched = len;
                break;
            }
        }
        if matched == 0 {
            for part in &words[start].parts {
                if let Some(entity) = gazetteer.lookup(&[part.text.as_str()]) {
                    add_entity(
                        evidence,
                        analyzer,
                        entity.name.clone(),
                        entity.kind,
                        field,
                        text,
                        part.span,
                    );
                }
            }
        }
        start += matched.max(1);
    }
}

fn add_entity(
    evidence: &mut TextEvidence,
    analyzer: &Analyzer,
    name: String,
    kind: EntityKind,
    field: Field,
    text: &str,
    span: Span,
) {
    let kind = match kind {
        EntityKind::Place => CandidateKind::Place,
        EntityKind::Organisation => CandidateKind::Organisation,
    };
    let key = tag_key(analyzer, &name);
    let terms = crate::keys::word_terms(analyzer, &name);
    let candidate = evidence
        .candidates
        .entry(key)
        .or_insert_with(|| Candidate::new(kind, terms));
    candidate.kind = kind;
    candidate.fixed = Some(name);
    candidate.mention(field, field.weight(), body_at(field, text, span));
}
