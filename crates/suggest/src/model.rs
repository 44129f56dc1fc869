//! What the library teaches: its tag vocabulary (with uses and editors' verdicts), how common
//! each term is across its articles, and — from articles tagged before — which key terms and
//! which other tags go with each tag.
//!
//! The model is counts, so it learns and forgets one article at a time ([`TagModel::learn`],
//! [`TagModel::forget`]); an article that changes is forgotten and learned again.

use newsdesk_analysis::Analyzer;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::keys::tag_key;
use crate::specificity::{DocumentFrequencies, Specificity};
use crate::text;

/// The layout of a saved model: raise it whenever [`TagModel`]'s fields or what they mean
/// change, so that a model saved by another build is learned again instead of misread.
pub const MODEL_FORMAT: u32 = 1;

/// Words whose analysis stands for the analyzer's behaviour (folding, stemming, compounds,
/// stop words): a saved model is only read back by an analysis that treats them alike.
const PROBE: &str = "Die Verwaltungsdigitalisierung in Thüringen und Thueringen: Maßnahmen des \
    Digitalisierungskabinetts, Ölpreise, E-Government-Gesetz, Bodo Ramelow, Krankenhaus, \
    Landesregierungen, aktuelle Straßen, Feuer, Mauer";

/// What a saved model depends on: [`MODEL_FORMAT`] and a fingerprint of how `analyzer`
/// treats a probe text. A model saved under another version is learned again.
pub fn model_version(analyzer: &Analyzer) -> String {
    let fingerprint = newsdesk_model::fnv1a(
        analyzer
            .analyze(PROBE)
            .iter()
            .flat_map(|t| t.text.bytes().chain(t.position.to_le_bytes()).chain([0])),
    );
    format!("{MODEL_FORMAT}-{fingerprint:016x}")
}

/// Key terms an article contributes to the association model.
const EVIDENCE_TERMS: usize = 15;
/// A term–tag pair counts once it was seen in this many articles.
pub(crate) const MIN_PAIR: u32 = 2;

/// One tag of the vocabulary.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct TagInfo {
    pub name: String,
    /// Its [`tag_key`].
    pub key: String,
    /// Articles and pictures carrying it.
    pub uses: u32,
    /// Articles learned that carry it.
    pub learned: u32,
    pub accepted: u32,
    pub rejected: u32,
    /// Its words' analysed terms (one per word), for finding it in a text.
    pub terms: Vec<String>,
}

/// What one learned article added, so it can be taken back.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Record {
    terms: Vec<u32>,
    tags: Vec<u32>,
}

/// The library's vocabulary and tagging habits.
///
/// Serializable, so that the app saves it beside the library and a library's model is
/// learned once and then only kept up to date.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct TagModel {
    pub(crate) tags: Vec<TagInfo>,
    by_key: FxHashMap<String, u32>,
    /// First term of a tag's words → tags starting with it.
    pub(crate) by_first_term: FxHashMap<String, Vec<u32>>,
    term_ids: FxHashMap<Box<str>, u32>,
    /// Per term id: in how many learned articles it occurs.
    pub(crate) document_frequency: Vec<u32>,
    /// Articles learned (tagged or not).
    pub(crate) documents: u32,
    counted: FxHashSet<i64>,
    /// Per term id: tag id → tagged articles with both.
    pub(crate) pairs: Vec<FxHashMap<u32, u32>>,
    /// Per term id: tagged articles with the term among their key terms.
    pub(crate) term_tagged: Vec<u32>,
    /// Tagged articles learned.
    pub(crate) tagged_documents: u32,
    /// Per tag id: other tag id → learned articles with both.
    pub(crate) together: Vec<FxHashMap<u32, u32>>,
    records: FxHashMap<i64, Record>,
}

impl TagModel {
    /// An empty model: suggestions come from the text alone.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a vocabulary tag, or updates it, with how many articles and pictures use it.
    pub fn set_tag_uses(&mut self, analyzer: &Analyzer, name: &str, uses: u32) {
        let id = self.tag_id(analyzer, name);
        if let Some(tag) = self.tags.get_mut(id as usize) {
            tag.uses = uses;
        }
    }

    /// Adds a vocabulary tag, or updates it, with how many pictures carry it: its uses are
    /// those and the articles learned that carry it (the library's articles outside the
    /// trash, once the model learned them all).
    pub fn set_picture_uses(&mut self, analyzer: &Analyzer, name: &str, pictures: u32) {
        let id = self.tag_id(analyzer, name);
        if let Some(tag) = self.tags.get_mut(id as usize) {
            tag.uses = tag.learned.saturating_add(pictures);
        }
    }

    /// Sets how often editors accepted and rejected suggestions of `name`.
    pub fn set_verdicts(&mut self, analyzer: &Analyzer, name: &str, accepted: u32, rejected: u32) {
        let id = self.tag_id(analyzer, name);
        if let Some(tag) = self.tags.get_mut(id as usize) {
            tag.accepted = accepted;
            tag.rejected = rejected;
        }
    }

    /// The vocabulary's id of `name`, adding it when new.
    fn tag_id(&mut self, analyzer: &Analyzer, name: &str) -> u32 {
        let key = tag_key(analyzer, name);
        if let Some(&id) = self.by_key.get(&key) {
            return id;
        }
        let id = self.tags.len() as u32;
        let terms = crate::keys::word_terms(analyzer, name);
        if let Some(first) = terms.first() {
            self.by_first_term
                .entry(first.clone())
                .or_default()
                .push(id);
        }
        self.together.push(FxHashMap::default());
        self.tags.push(TagInfo {
            name: name.trim().to_string(),
            key: key.clone(),
            uses: 0,
            learned: 0,
            accepted: 0,
            rejected: 0,
            terms,
        });
        self.by_key.insert(key, id);
        id
    }

    /// The vocabulary tag with this key.
    pub(crate) fn tag_by_key(&self, key: &str) -> Option<(u32, &TagInfo)> {
        let id = *self.by_key.get(key)?;
        Some((id, self.tags.get(id as usize)?))
    }

    /// The key of tag `id`.
    pub(crate) fn key_of(&self, id: u32) -> Option<String> {
        self.tags.get(id as usize).map(|t| t.key.clone())
    }

    /// The tags learned together with tag `id`, and in how many articles.
    pub(crate) fn together_with(&self, id: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.together
            .get(id as usize)
            .into_iter()
            .flat_map(|m| m.iter().map(|(&t, &n)| (t, n)))
    }

    /// How many tags the vocabulary has.
    pub fn vocabulary_len(&self) -> usize {
        self.tags.len()
    }

    /// How many articles it learned from.
    pub fn documents(&self) -> u32 {
        self.documents
    }

    fn term_id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.term_ids.get(term) {
            return id;
        }
        let id = self.document_frequency.len() as u32;
        self.term_ids.insert(term.into(), id);
        self.document_frequency.push(0);
        self.pairs.push(FxHashMap::default());
        self.term_tagged.push(0);
        id
    }

    pub(crate) fn known_term(&self, term: &str) -> Option<u32> {
        self.term_ids.get(term).copied()
    }

    /// Learns article `id`: its terms count for how common they are, and, when it has tags,
    /// its key terms and tags count for each other. Learning an id again replaces what it
    /// taught before.
    pub fn learn(&mut self, analyzer: &Analyzer, id: i64, document: &Document) {
        self.forget(id);
        let evidence = text::read(document, analyzer, None);
        if self.counted.insert(id) {
            self.documents += 1;
            for term in evidence.term_weights.keys() {
                let term = self.term_id(term);
                self.document_frequency[term as usize] += 1;
            }
        }
        let tags: Vec<u32> = {
            let mut seen = FxHashSet::default();
            document
                .tags
                .iter()
                .filter(|t| !t.trim().is_empty())
                .map(|t| self.tag_id(analyzer, t))
                .filter(|id| seen.insert(*id))
                .collect()
        };
        if tags.is_empty() {
            return;
        }
        let specificity = Specificity::new(analyzer, None);
        let terms: Vec<u32> = evidence
            .strongest_terms(&specificity, EVIDENCE_TERMS)
            .into_iter()
            .map(|(term, _)| term.clone())
            .collect::<Vec<_>>()
            .iter()
            .map(|t| self.term_id(t))
            .collect();
        let record = Record { terms, tags };
        self.apply(&record, true);
        self.records.insert(id, record);
    }

    /// Takes back what article `id` taught about tags (how common its words are stays).
    pub fn forget(&mut self, id: i64) {
        if let Some(record) = self.records.remove(&id) {
            self.apply(&record, false);
        }
    }

    fn apply(&mut self, record: &Record, add: bool) {
        let step = |n: &mut u32| {
            *n = if add {
                n.saturating_add(1)
            } else {
                n.saturating_sub(1)
            };
        };
        step(&mut self.tagged_documents);
        for &tag in &record.tags {
            if let Some(info) = self.tags.get_mut(tag as usize) {
                step(&mut info.learned);
            }
        }
        for &term in &record.terms {
            step(&mut self.term_tagged[term as usize]);
            let pairs = &mut self.pairs[term as usize];
            for &tag in &record.tags {
                let n = pairs.entry(tag).or_default();
                step(n);
                if *n == 0 {
                    pairs.remove(&tag);
                }
            }
        }
        for &a in &record.tags {
            for &b in &record.tags {
                if a == b {
                    continue;
                }
                let Some(with) = self.together.get_mut(a as usize) else {
                    continue;
                };
                let n = with.entry(b).or_default();
                step(n);
                if *n == 0 {
                    with.remove(&b);
                }
            }
        }
    }
}

impl DocumentFrequencies for TagModel {
    fn documents(&self) -> u32 {
        self.documents
    }

    fn holding(&self, term: &str) -> u32 {
        self.known_term(term)
            .and_then(|id| self.document_frequency.get(id as usize))
            .copied()
            .unwrap_or(0)
    }
}
