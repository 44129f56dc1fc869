//! What the index's content depends on: its schema version and a fingerprint of the
//! analysis. An index made by another version is rebuilt from the library.

use std::sync::LazyLock;

use super::analysis::ANALYZER;

/// The version of what the index holds and how (schema, tokenizer, field weights). Raise it
/// when any of them changes: an index of another version is rebuilt on open.
pub(crate) const INDEX_SCHEMA: u32 = 1;

/// Words whose analysis stands for the analyzer's behaviour: folding, transliteration,
/// stemming, compound splitting (linking elements, a lost e, a verb stem), hyphens, acronyms,
/// names, stop words.
const PROBE: &str = "Die Verwaltungsdigitalisierung in Thüringen und Thueringen: Maßnahmen des \
    Digitalisierungskabinetts, Ölpreise, E-Government-Gesetz, CDOs, Bodo Ramelow, Krankenhaus, \
    Schulbuch, Wohnzimmer, Landesregierungen, Quellen, aktuelle Straßen, Feuer, Mauer, 4,4 MB";

/// What the index's terms depend on: [`INDEX_SCHEMA`] and a fingerprint of how the analyzer
/// treats [`PROBE`], so that an analysis that changed (a new lexicon, another stemmer) makes
/// the index be rebuilt instead of missing words.
pub static INDEX_VERSION: LazyLock<String> = LazyLock::new(|| {
    let fingerprint = newsdesk_model::fnv1a(
        ANALYZER
            .analyze(PROBE)
            .iter()
            .flat_map(|t| t.text.bytes().chain(t.position.to_le_bytes()).chain([0])),
    );
    format!("{INDEX_SCHEMA}-{fingerprint:016x}")
});
