//! Putting the evidence together: the text's own key terms, people and places, the library's
//! vocabulary, what its tagged articles teach, the tags that go together, the section, and
//! the editors' verdicts — one score and the reasons for each tag.

use std::sync::OnceLock;

use newsdesk_analysis::{Analyzer, Language};
use newsdesk_model::{SuggestionReason, SuggestionSource, TagSuggestion};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::Document;
use crate::gazetteer::Gazetteer;
use crate::keys::tag_key;
use crate::model::{MIN_PAIR, TagModel};
use crate::scored::Scored;
use crate::specificity::{DocumentFrequencies, Specificity};
use crate::text::{self, CandidateKind, TextEvidence};
use crate::text_score::from_text;

/// How many of the text's strongest terms ask the archive which tags go with them.
const QUERY_TERMS: usize = 30;
/// A term among the key terms of more than this share of the tagged articles (and more than
/// [`COMMON_TERM_MIN`] of them) is not asked which tags go with it.
const COMMON_TERM_SHARE: f64 = 0.05;
const COMMON_TERM_MIN: f64 = 50.0;
/// The archive weighs half once this many tagged articles were learned.
const ARCHIVE_HALF_WEIGHT: f64 = 5.0;

/// What to suggest for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// How many suggestions, best first.
    pub k: usize,
    /// Tags not to suggest (rejected before for this article or picture).
    pub rejected: Vec<String>,
}

/// Suggests tags. Build once (it loads the German lexicon and the gazetteer, some 30 ms) and
/// share between threads.
pub struct Suggester {
    german: Analyzer,
    english: OnceLock<Analyzer>,
    gazetteer: Gazetteer,
}

impl std::fmt::Debug for Suggester {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Suggester").finish_non_exhaustive()
    }
}

impl Default for Suggester {
    fn default() -> Self {
        Self::new()
    }
}

impl Suggester {
    /// German analysis with the shipped lexicon and gazetteer; English on demand.
    pub fn new() -> Self {
        let german = Analyzer::german();
        let gazetteer = Gazetteer::german(&german);
        Self {
            german,
            english: OnceLock::new(),
            gazetteer,
        }
    }

    /// The analyzer for `language`: a model must be learned with the one its suggestions use.
    pub fn analyzer(&self, language: Language) -> &Analyzer {
        match language {
            Language::German => &self.german,
            Language::English => self.english.get_or_init(Analyzer::english),
        }
    }

    /// Suggestions for `document`, best first, at most `request.k`.
    pub fn suggest(
        &self,
        document: &Document,
        model: &TagModel,
        request: &Request,
    ) -> Vec<TagSuggestion> {
        let language = document.language();
        let analyzer = self.analyzer(language);
        let gazetteer = (language == Language::German).then_some(&self.gazetteer);
        let evidence = text::read(document, analyzer, gazetteer);
        let specificity = Specificity::new(analyzer, Some(model as &dyn DocumentFrequencies));
        let mut scored: FxHashMap<String, Scored> = FxHashMap::default();
        from_text(&evidence, &specificity, language, &mut scored);
        from_vocabulary(&evidence, model, &specificity, &mut scored);
        from_archive(&evidence, model, &specificity, &mut scored);
        from_tags_given(analyzer, document, model, &mut scored);
        from_section(analyzer, document, model, &mut scored);
        let skip: FxHashSet<String> = document
            .tags
            .iter()
            .chain(&request.rejected)
            .map(|t| tag_key(analyzer, t))
            .collect();
        let confidence = f64::from(model.tagged_documents)
            / (f64::from(model.tagged_documents) + ARCHIVE_HALF_WEIGHT);
        let max_uses = model.tags.iter().map(|t| t.uses).max().unwrap_or(0);
        let mut out: Vec<TagSuggestion> = scored
            .into_iter()
            .filter(|(key, s)| !key.is_empty() && !skip.contains(key) && !s.display.is_empty())
            .filter_map(|(key, s)| finish(&key, s, model, confidence, max_uses))
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.tag.cmp(&b.tag)));
        out.truncate(request.k);
        out
    }
}

/// Vocabulary tags the text names (also as a compound part: "Digitalisierung" in
/// "Verwaltungsdigitalisierung"), in the vocabulary's spelling.
fn from_vocabulary(
    evidence: &TextEvidence,
    model: &TagModel,
    specificity: &Specificity<'_>,
    scored: &mut FxHashMap<String, Scored>,
) {
    if model.tags.is_empty() {
        return;
    }
    let mut found: FxHashSet<u32> = FxHashSet::default();
    for run in &evidence.word_runs {
        for (at, (whole, parts)) in run.iter().enumerate() {
            for term in std::iter::once(whole).chain(parts) {
                let Some(tags) = model.by_first_term.get(term) else {
                    continue;
                };
                for &id in tags {
                    let Some(tag) = model.tags.get(id as usize) else {
                        continue;
                    };
                    let rest = &tag.terms[1..];
                    let follows = term != whole && !rest.is_empty();
                    let matches = !follows
                        && rest
                            .iter()
                            .enumerate()
                            .all(|(i, t)| run.get(at + 1 + i).is_some_and(|(next, _)| next == t));
                    if matches {
                        found.insert(id);
                    }
                }
            }
        }
    }
    for id in found {
        let Some(tag) = model.tags.get(id as usize) else {
            continue;
        };
        let key = tag_key_of(model, id);
        let entry = scored.entry(key).or_default();
        if entry.text == 0.0 {
            // Named only as a part or in a way the text scoring left out: the tag's own
            // terms say how much.
            let weight = tag
                .terms
                .iter()
                .map(|t| evidence.term_weights.get(t).copied().unwrap_or(0.0))
                .fold(f64::INFINITY, f64::min);
            let specific = tag
                .terms
                .iter()
                .map(|t| specificity.of(t, &tag.name))
                .fold(0.0, f64::max);
            entry.text = ((1.0 + weight.min(50.0)).ln() * specific / 4.0).min(0.8);
            entry.reasons.push(SuggestionReason::Mentions {
                count: weight.round() as u32,
            });
        }
        entry.display = tag.name.clone();
        entry.vocabulary = Some(tag.uses);
    }
}

fn tag_key_of(model: &TagModel, id: u32) -> String {
    model.key_of(id).unwrap_or_default()
}

/// Tags whose articles share this text's key terms: for each of the text's strongest terms,
/// how likely each tag is among the tagged articles with that term.
fn from_archive(
    evidence: &TextEvidence,
    model: &TagModel,
    specificity: &Specificity<'_>,
    scored: &mut FxHashMap<String, Scored>,
) {
    if model.tagged_documents < 2 {
        return;
    }
    let query = evidence.strongest_terms(specificity, QUERY_TERMS);
    let total = f64::from(model.tagged_documents);
    // Dense by tag id: the inner loop runs once per (term, tag) pair of the archive.
    let mut association = vec![0.0_f64; model.tags.len()];
    let rarity: Vec<f64> = model
        .tags
        .iter()
        .map(|t| ((1.0 + total / f64::from(t.learned.max(1))).ln() / (1.0 + total).ln()).max(0.2))
        .collect();
    for (term, weight) in query {
        let Some(id) = model.known_term(term) else {
            continue;
        };
        let with_term = f64::from(model.term_tagged[id as usize]);
        // A term in a large share of the tagged articles says little about any one tag,
        // and walking its tags would cost the most.
        if with_term > COMMON_TERM_SHARE * total && with_term > COMMON_TERM_MIN {
            continue;
        }
        for (&tag, &both) in &model.pairs[id as usize] {
            if both < MIN_PAIR {
                continue;
            }
            let both = f64::from(both);
            // How likely the tag is given the term (smoothed, trusted more with more
            // articles), times how rare the tag is: a tag on every article says little.
            let given_term = both / (with_term + 1.0);
            let trust = both / (both + 1.0);
            if let (Some(slot), Some(rare)) =
                (association.get_mut(tag as usize), rarity.get(tag as usize))
            {
                *slot += weight * given_term * trust * rare;
            }
        }
    }
    let best = association.iter().copied().fold(0.0, f64::max);
    if best <= 0.0 {
        return;
    }
    for (tag, value) in association
        .into_iter()
        .enumerate()
        .filter(|(_, v)| *v > 0.0)
    {
        let tag = tag as u32;
        let Some(info) = model.tags.get(tag as usize) else {
            continue;
        };
        let entry = scored.entry(tag_key_of(model, tag)).or_default();
        entry.display = info.name.clone();
        entry.archive = value / best;
        entry.archive_articles = info.learned;
        entry.vocabulary.get_or_insert(info.uses);
    }
}

/// Tags that usually come with the tags the article already has.
fn from_tags_given(
    analyzer: &Analyzer,
    document: &Document,
    model: &TagModel,
    scored: &mut FxHashMap<String, Scored>,
) {
    for given in &document.tags {
        let Some((given_id, given_info)) = model.tag_by_key(&tag_key(analyzer, given)) else {
            continue;
        };
        for (other, both) in model.together_with(given_id) {
            if both < MIN_PAIR {
                continue;
            }
            let Some(info) = model.tags.get(other as usize) else {
                continue;
            };
            let share = f64::from(both) / f64::from(given_info.learned.max(1));
            let entry = scored.entry(tag_key_of(model, other)).or_default();
            entry.display = info.name.clone();
            entry.vocabulary.get_or_insert(info.uses);
            if entry.goes_with.as_ref().is_none_or(|(_, s)| *s < share) {
                entry.goes_with = Some((given_info.name.clone(), share.min(1.0)));
            }
        }
    }
}

/// The section proposes itself; the type only where the library tags with it.
fn from_section(
    analyzer: &Analyzer,
    document: &Document,
    model: &TagModel,
    scored: &mut FxHashMap<String, Scored>,
) {
    for (name, always) in [(&document.section, true), (&document.kind, false)] {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let key = tag_key(analyzer, name);
        let known = model.tag_by_key(&key);
        if !always && known.is_none() {
            continue;
        }
        let entry = scored.entry(key).or_default();
        entry.display = known.map_or_else(|| name.to_string(), |(_, t)| t.name.clone());
        entry.section = true;
        if let Some((_, tag)) = known {
            entry.vocabulary.get_or_insert(tag.uses);
        }
    }
}

/// The final score, source and reasons of one candidate; `None` when nothing supports it.
fn finish(
    key: &str,
    s: Scored,
    model: &TagModel,
    confidence: f64,
    max_uses: u32,
) -> Option<TagSuggestion> {
    let archive = 0.9 * s.archive * confidence;
    let goes_with = s.goes_with.as_ref().map_or(0.0, |(_, share)| 0.4 * share);
    let section = if s.section { 0.6 } else { 0.0 };
    let vocabulary = match s.vocabulary {
        Some(uses) if s.text > 0.0 => {
            0.15 + 0.25 * (1.0 + f64::from(uses)).ln() / (2.0 + f64::from(max_uses)).ln()
        }
        _ => 0.0,
    };
    let mut score = s.text + archive + goes_with + section + vocabulary;
    if score <= 0.0 {
        return None;
    }
    let (accepted, rejected) = model
        .tag_by_key(key)
        .map_or((0, 0), |(_, t)| (t.accepted, t.rejected));
    score *= ((1.0 + f64::from(accepted)) / (1.0 + f64::from(accepted + rejected))).sqrt();
    let source = if s.section {
        SuggestionSource::Section
    } else if s.kind == Some(CandidateKind::Person) {
        SuggestionSource::Person
    } else if s.kind == Some(CandidateKind::Place) {
        SuggestionSource::Place
    } else if s.kind == Some(CandidateKind::Organisation) {
        SuggestionSource::Organisation
    } else if archive + goes_with > s.text {
        SuggestionSource::Archive
    } else if s.vocabulary.is_some() {
        SuggestionSource::Vocabulary
    } else {
        SuggestionSource::Text
    };
    let mut reasons = Vec::new();
    if s.section {
        reasons.push(SuggestionReason::Section);
    }
    reasons.extend(s.reasons);
    if let Some(uses) = s.vocabulary.filter(|&u| u > 0) {
        reasons.push(SuggestionReason::InVocabulary { uses });
    }
    if archive > 0.0 {
        reasons.push(SuggestionReason::LearnedFrom {
            articles: s.archive_articles,
        });
    }
    if let Some((tag, _)) = s.goes_with {
        reasons.push(SuggestionReason::GoesWith { tag });
    }
    if accepted > 0 {
        reasons.push(SuggestionReason::Accepted { count: accepted });
    }
    let reason = reasons
        .iter()
        .map(SuggestionReason::describe)
        .collect::<Vec<_>>()
        .join("; ");
    Some(TagSuggestion {
        tag: s.display,
        score: (score * 1000.0).round() / 1000.0,
        reason,
        source,
        reasons,
    })
}
