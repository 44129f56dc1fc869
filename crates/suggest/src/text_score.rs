//! The text's own evidence, scored: key terms, phrases, people, places and bodies, each
//! 0..1 against the strongest, in the spelling a tag should have.

use newsdesk_analysis::{Analyzer, Language};
use newsdesk_model::SuggestionReason;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::Field;
use crate::keys::tag_key;
use crate::scored::Scored;
use crate::specificity::Specificity;
use crate::text::{Candidate, CandidateKind, TextEvidence};

/// Key terms, phrases, people, places and bodies the text names, scored 0..1 against the
/// strongest.
pub(crate) fn from_text(
    evidence: &TextEvidence,
    specificity: &Specificity<'_>,
    language: Language,
    scored: &mut FxHashMap<String, Scored>,
) {
    let person_words: FxHashSet<&str> = evidence
        .candidates
        .values()
        .filter(|c| c.kind == CandidateKind::Person)
        .flat_map(|c| c.terms.iter().map(String::as_str))
        .collect();
    let mut raw: Vec<(&String, &Candidate, f64)> = Vec::new();
    for (key, candidate) in &evidence.candidates {
        let display = base_form(specificity.analyzer(), key, candidate);
        let specific = match candidate.kind {
            CandidateKind::Term => {
                let Some(term) = candidate.terms.first() else {
                    continue;
                };
                let short = display.chars().count() < 3;
                let acronym = display.chars().all(|c| c.is_uppercase() || c.is_numeric());
                if person_words.contains(term.as_str())
                    || (short && !acronym)
                    || (language == Language::German && !candidate.noun_like())
                {
                    continue;
                }
                specificity.of(term, &display)
            }
            CandidateKind::Phrase => {
                if candidate.mentions < 2 {
                    continue;
                }
                let words: Vec<&str> = display.split_whitespace().collect();
                let sum: f64 = candidate
                    .terms
                    .iter()
                    .zip(words.iter().chain(std::iter::repeat(&"")))
                    .map(|(term, word)| specificity.of(term, word))
                    .sum();
                sum / candidate.terms.len().max(1) as f64 + 0.1
            }
            CandidateKind::Person | CandidateKind::Place | CandidateKind::Organisation => {
                let term = candidate.terms.first().map_or("", String::as_str);
                specificity.of(term, &display).max(0.75)
            }
        };
        let fields = candidate.fields.len() as f64;
        let position = if candidate.fields.contains(&Field::Body) {
            1.0 + 0.3 * (1.0 - candidate.body_first)
        } else {
            1.0
        };
        let kind = match candidate.kind {
            CandidateKind::Person => 1.9,
            CandidateKind::Place | CandidateKind::Organisation => 1.3,
            CandidateKind::Term | CandidateKind::Phrase => 1.0,
        };
        let score = (1.0 + candidate.weight).ln()
            * specific
            * (1.0 + 0.25 * (fields - 1.0))
            * position
            * kind;
        raw.push((key, candidate, score));
    }
    drop_contained(specificity.analyzer(), &mut raw);
    let best = raw.iter().map(|r| r.2).fold(0.0, f64::max);
    if best <= 0.0 {
        return;
    }
    for (key, candidate, score) in raw {
        let entry = scored.entry(key.clone()).or_default();
        entry.display = base_form(specificity.analyzer(), key, candidate);
        entry.text = score / best;
        entry.kind = Some(candidate.kind);
        for (field, reason) in [
            (Field::Title, SuggestionReason::InHeadline),
            (Field::Kicker, SuggestionReason::InKicker),
            (Field::Teaser, SuggestionReason::InTeaser),
            (Field::Caption, SuggestionReason::InCaption),
        ] {
            if candidate.fields.contains(&field) {
                entry.reasons.push(reason);
            }
        }
        match candidate.kind {
            CandidateKind::Person => entry.reasons.push(SuggestionReason::Person),
            CandidateKind::Place => entry.reasons.push(SuggestionReason::Place),
            CandidateKind::Organisation => entry.reasons.push(SuggestionReason::Organisation),
            CandidateKind::Term | CandidateKind::Phrase => {}
        }
        entry.reasons.push(SuggestionReason::Mentions {
            count: candidate.mentions,
        });
    }
}

/// Drops a word or phrase that the text names only inside a longer name: "Officer" and
/// "Chief Digital" beside "Chief Digital Officer", "Shop" beside "One-Stop-Shop". A phrase
/// led by a lower-case adjective gives way to its noun instead ("Verwaltungsleistungen"
/// over "digitale Verwaltungsleistungen").
fn drop_contained(analyzer: &Analyzer, raw: &mut Vec<(&String, &Candidate, f64)>) {
    let mentions: FxHashMap<&str, u32> = raw.iter().map(|r| (r.0.as_str(), r.1.mentions)).collect();
    let mut dropped: FxHashSet<String> = FxHashSet::default();
    for (key, candidate, _) in raw.iter() {
        let display = candidate.display();
        let words: Vec<&str> = display
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() < 2 {
            continue;
        }
        let adjective_led = words[0].chars().next().is_some_and(char::is_lowercase);
        for start in 0..words.len() {
            for end in start + 1..=words.len() {
                if end - start == words.len() {
                    continue;
                }
                let sub = tag_key(analyzer, &words[start..end].join(" "));
                let Some(&sub_mentions) = mentions.get(sub.as_str()) else {
                    continue;
                };
                if adjective_led && end == words.len() && sub_mentions >= candidate.mentions {
                    dropped.insert((*key).clone());
                } else if !adjective_led && sub_mentions <= candidate.mentions {
                    dropped.insert(sub);
                }
            }
        }
    }
    raw.retain(|r| !dropped.contains(r.0.as_str()));
}

/// The candidate's spelling in its base form where the lexicon knows it: "Kabinett" for
/// "Kabinetts", "Verwaltung" for "Verwaltungen" (same key, a known word).
fn base_form(analyzer: &Analyzer, key: &str, candidate: &Candidate) -> String {
    let display = candidate.display();
    if candidate.kind != CandidateKind::Term || analyzer.lexicon().is_empty() {
        return display;
    }
    // The word the lexicon is asked about: the last hyphen segment, or a compound's head.
    let last = display.rsplit('-').next().unwrap_or(&display);
    let lexicon = analyzer.lexicon();
    let head = if lexicon.frequency(last) > 0 {
        last
    } else {
        lexicon
            .split_compound(last)
            .last()
            .map_or(last, |part| &last[part.span.start..])
    };
    let known = lexicon.frequency(head);
    for ending in ["es", "s", "en"] {
        if let (Some(stem), Some(head_stem)) =
            (display.strip_suffix(ending), head.strip_suffix(ending))
            && head_stem.chars().count() >= 3
            && lexicon.frequency(head_stem) >= known.max(1)
            && tag_key(analyzer, stem) == key
        {
            return stem.to_string();
        }
    }
    display
}
