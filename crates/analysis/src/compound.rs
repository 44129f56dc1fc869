//! German compound splitting after Koehn & Knight (2003), "Empirical Methods for Compound
//! Splitting": a word is split where every part is a known word, and of all such splits (and
//! the unsplit word) the one whose parts have the highest geometric mean of frequencies wins.
//!
//! What a part may be, to keep junk out ("Ver" + "waltung", "Ank" + "lage"):
//! - a known word of at least 4 letters, or one of a few short nouns (Öl, Amt, Tag, Rat, …);
//! - seen at least twice, not a stop word (über, unter, nach); the last part is not a
//!   suffix that is also a word (-schaft, -heit, -keit, -ling, -nis, -innen), the first parts
//!   are not verb particles (zusammen, heraus);
//! - a modifier may carry a linking element (Fugenelement: s, es, n, en; er, e, ens, ns only
//!   when the piece is no word as it is) — Verwaltung·s·digitalisierung, Land·es·regierung —
//!   or have lost a final e (Schul·buch), or be a verb's stem (Wohn·zimmer: wohnen);
//! - the last part (head) may be inflected (Digitalisierungskabinett·s, Landesregierung·en).
//!
//! Never split: words under 6 letters or over [`MAX_COMPOUND_CHARS`], words with digits,
//! protected words (names, weekdays,
//! and compounds the lexicon marks as words of their own, such as Krankenhaus — those are
//! put back together when a split cuts through them: Krankenhaus·reform). A feminine form
//! splits like its masculine word (Wähler·innen is not wähle + Rinnen). At most 4 parts.
//!
//! Bounded work: a word is split only up to [`MAX_COMPOUND_CHARS`], and the search for the
//! best split stops after [`MAX_SPLIT_LOOKUPS`] lexicon lookups, keeping the best split found
//! until then (the same word always gets the same answer).

use newsdesk_model::limits::{MAX_COMPOUND_CHARS, MAX_SPLIT_LOOKUPS};

use crate::fold::{fold, fold_offsets};
use crate::lexicon::Lexicon;
use crate::stopwords::is_folded_stop_word;
use crate::{Language, Span};

/// Linking elements a modifier may end in; the piece without one competes with the piece as
/// it is ("Landes" is read as Land·es, the more frequent word).
const LINKING: &[&str] = &["es", "s", "en", "n"];
/// Rarer linking elements, tried only when the piece is no word as it is ("Bürger" is not
/// Burg·er, but "Hundehütte" is Hund·e·hütte).
const RARE_LINKING: &[&str] = &["ens", "ns", "er", "e"];
/// Inflection endings a head may carry.
const INFLECTION: &[&str] = &["ern", "nen", "en", "es", "er", "n", "s", "e"];
/// Feminine endings: a word with one splits as the word without it does, and a protected
/// word stays protected ("Staatssekretär·in").
const FEMININE: &[&str] = &["innen", "in"];
/// Words shorter than 4 letters that may be parts (folded).
const SHORT_PARTS: &[&str] = &[
    "ol", "alt", "amt", "app", "bad", "bau", "bus", "eis", "gas", "hof", "neu", "not", "ohr",
    "ort", "ost", "rat", "see", "tag", "tal", "tat", "tod", "uhr", "weg", "web", "zoo", "zug",
];
/// Known words that are suffixes, never the last part (folded): "Bürger·innen" and
/// "Wirt·schaft" are not compounds, while "Innen·minister" is.
const NOT_HEADS: &[&str] = &[
    "schaft", "heit", "keit", "lich", "ling", "nis", "tum", "innen", "erin", "erinnen", "chen",
    "lein", "isch", "haft", "ieren", "ierung", "isierung", "ation", "ismus", "isten", "itat",
];
/// Known words that are verb particles, never a first part (folded): "Zusammen·hang".
const NOT_MODIFIERS: &[&str] = &[
    "zusammen", "zuruck", "voran", "heraus", "hinaus", "herum", "heran", "hinein", "herein",
    "vorbei",
];
/// Words shorter than this (in characters) are not split.
const MIN_COMPOUND_CHARS: usize = 6;
/// Parts other than [`SHORT_PARTS`] have at least this many characters.
const MIN_PART_CHARS: usize = 4;
/// A part must have been counted at least this often (a word learned once may be a typo).
const MIN_PART_FREQUENCY: u32 = 2;
const MAX_PARTS: usize = 4;
/// Words up to this many bytes remember their lookups while they are split.
const MAX_REMEMBERED_LEN: usize = 64;

/// One part of a split compound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompoundPart {
    /// Where the part is in the word that was split, in bytes, without its linking element
    /// ("Verwaltung" of "Verwaltungsdigitalisierung"); a head keeps its inflection
    /// ("Kabinetts").
    pub span: Span,
    /// The part as the lexicon knows it, folded: "verwaltung", "schule" for the "Schul" of
    /// "Schulbuch".
    pub base: String,
    /// The linking element after the part, "" if none ("s" after "Verwaltung").
    pub linking: &'static str,
}

/// A part found in a folded word: byte ranges of the folded word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    /// End of the part's surface: before the linking element, or the word's end for the head.
    pub end: usize,
    /// End of the base within the surface (the head's inflection is not in the base).
    pub base_end: usize,
    /// What the modifier lost, put back to make its base: "e" (Schul → Schule), "en" for a
    /// verb stem (Wohn → wohnen, Abnehm → abnehmen), or "".
    pub restored: &'static str,
    pub linking: &'static str,
    frequency: u32,
}

impl Piece {
    /// The part's base, folded.
    pub fn base(&self, folded: &str) -> String {
        let mut base = folded[self.start..self.base_end].to_owned();
        base.push_str(self.restored);
        base
    }
}

impl Lexicon {
    /// Splits a German compound into its parts, or returns an empty list when the word is
    /// not a compound (or not one the lexicon can tell).
    ///
    /// ```
    /// use newsdesk_analysis::Lexicon;
    /// let lexicon = Lexicon::german();
    /// let word = "Verwaltungsdigitalisierung";
    /// let parts = lexicon.split_compound(word);
    /// let surfaces: Vec<_> = parts.iter().map(|p| p.span.of(word)).collect();
    /// assert_eq!(surfaces, ["Verwaltung", "digitalisierung"]);
    /// assert_eq!(parts[0].linking, "s");
    /// assert!(lexicon.split_compound("Schubert").is_empty());
    /// ```
    pub fn split_compound(&self, word: &str) -> Vec<CompoundPart> {
        let folded = fold(word);
        let Some(pieces) = self.split_folded(&folded) else {
            return Vec::new();
        };
        let offsets = fold_offsets(word);
        pieces
            .iter()
            .map(|piece| CompoundPart {
                span: Span::new(offsets[piece.start], source_end(&offsets, piece.end)),
                base: piece.base(&folded),
                linking: piece.linking,
            })
            .collect()
    }

    /// The best split of a folded word, if splitting beats keeping it whole.
    pub(crate) fn split_folded(&self, folded: &str) -> Option<Vec<Piece>> {
        let chars = char_len(folded);
        if !(MIN_COMPOUND_CHARS..=MAX_COMPOUND_CHARS).contains(&chars)
            || !folded.chars().all(char::is_alphabetic)
        {
            return None;
        }
        // A feminine form of a known word splits as that word does: "Wählerinnen" is
        // Wähler + innen, never wähle + Rinnen; "Wirtschaftsministerin" splits like
        // "Wirtschaftsminister", its head keeping the ending.
        for ending in FEMININE {
            if let Some(masculine) = folded.strip_suffix(ending)
                && char_len(masculine) >= MIN_PART_CHARS
                && self.folded_frequency(masculine) >= MIN_PART_FREQUENCY
            {
                if self.is_protected_form(folded) {
                    return None;
                }
                let mut pieces = self.split_folded(masculine)?;
                let head = pieces.last_mut().expect("a split has parts");
                head.end = folded.len();
                head.base_end = folded.len();
                head.restored = "";
                return Some(pieces);
            }
        }
        let mut search = self.search(folded);
        let (score, mut pieces) = search.best.take()?;
        let whole = self.whole_frequency(folded);
        if (whole != 0 && score <= f64::from(whole).ln()) || self.is_protected_form(folded) {
            return None;
        }
        search.merge_protected(&mut pieces);
        (pieces.len() > 1).then_some(pieces)
    }

    /// Every split of `folded` tried, within the work allowed ([`MAX_SPLIT_LOOKUPS`]).
    fn search<'a>(&'a self, folded: &'a str) -> Search<'a> {
        let mut search = Search {
            lexicon: self,
            word: folded,
            parts: Vec::with_capacity(MAX_PARTS),
            best: None,
            scratch: String::new(),
            lookups: 0,
            looked_up: if folded.len() <= MAX_REMEMBERED_LEN {
                vec![u32::MAX; (folded.len() + 1) * (folded.len() + 1)]
            } else {
                Vec::new()
            },
        };
        search.explore(0);
        search
    }

    /// The word's own frequency, inflected or not ("landesregierungen" counts as
    /// "landesregierung" when that is more frequent).
    fn whole_frequency(&self, folded: &str) -> u32 {
        let mut best = self.folded_frequency(folded);
        for ending in INFLECTION {
            if let Some(stem) = folded.strip_suffix(ending).filter(|s| !s.is_empty()) {
                best = best.max(self.folded_frequency(stem));
            }
        }
        best
    }

    /// Whether the word, maybe inflected or in its feminine form, is never split
    /// ("Hartmanns", "Staatssekretärin").
    pub(crate) fn is_protected_form(&self, folded: &str) -> bool {
        self.is_folded_protected(folded)
            || INFLECTION.iter().chain(FEMININE).any(|ending| {
                folded
                    .strip_suffix(ending)
                    .is_some_and(|stem| self.is_folded_protected(stem))
            })
    }

    /// The frequency of `base` as a compound part, 0 when it may not be one.
    fn part_frequency(&self, base: &str, head: bool) -> u32 {
        // The lookup first: most pieces tried are no word at all.
        let frequency = self.folded_frequency(base);
        if frequency < MIN_PART_FREQUENCY || !may_be_part(base, head) {
            return 0;
        }
        frequency
    }
}

/// Whether a known word may be a compound part: long enough, not a stop word, not a suffix
/// (as the head) or a verb particle (as a modifier).
fn may_be_part(base: &str, head: bool) -> bool {
    if char_len(base) < MIN_PART_CHARS && !SHORT_PARTS.contains(&base) {
        return false;
    }
    let excluded = if head { NOT_HEADS } else { NOT_MODIFIERS };
    !excluded.contains(&base) && !is_folded_stop_word(base, Language::German)
}

struct Search<'a> {
    lexicon: &'a Lexicon,
    word: &'a str,
    parts: Vec<Piece>,
    /// Mean log frequency of the best split so far, and its parts.
    best: Option<(f64, Vec<Piece>)>,
    scratch: String,
    /// Lexicon lookups made so far; the search stops at [`MAX_SPLIT_LOOKUPS`].
    lookups: usize,
    /// Frequencies of `word[start..end]` looked up so far, at `start * (len + 1) + end`
    /// (`u32::MAX`: not yet); empty for very long words.
    looked_up: Vec<u32>,
}

impl Search<'_> {
    /// The frequency of `word[start..end]` as a part (0: not one), each lookup made once.
    fn part(&mut self, start: usize, end: usize, head: bool) -> u32 {
        let width = self.word.len() + 1;
        let piece = &self.word[start..end];
        let frequency = match self.looked_up.get_mut(start * width + end) {
            Some(known) if *known != u32::MAX => *known,
            Some(slot) => {
                self.lookups += 1;
                *slot = self.lexicon.folded_frequency(piece);
                *slot
            }
            None => {
                self.lookups += 1;
                self.lexicon.folded_frequency(piece)
            }
        };
        if frequency < MIN_PART_FREQUENCY || !may_be_part(piece, head) {
            return 0;
        }
        frequency
    }

    fn explore(&mut self, from: usize) {
        if self.lookups >= MAX_SPLIT_LOOKUPS {
            return;
        }
        let word = self.word;
        if !self.parts.is_empty()
            && let Some(head) = self.head(from)
        {
            self.parts.push(head);
            let score = self
                .parts
                .iter()
                .map(|p| f64::from(p.frequency).ln())
                .sum::<f64>()
                / self.parts.len() as f64;
            if self.best.as_ref().is_none_or(|(best, _)| score > *best) {
                self.best = Some((score, self.parts.clone()));
            }
            self.parts.pop();
        }
        if self.parts.len() + 1 >= MAX_PARTS {
            return;
        }
        // A modifier has at least 2 characters and leaves at least 3 for the rest.
        let rest = &word[from..];
        let ascii = rest.is_ascii();
        for (end_in_rest, _) in rest.char_indices().skip(2) {
            let end = from + end_in_rest;
            let left = if ascii {
                rest.len() - end_in_rest
            } else {
                char_len(&word[end..])
            };
            if left < 3 || self.lookups >= MAX_SPLIT_LOOKUPS {
                break;
            }
            if let Some(modifier) = self.modifier(from, end) {
                self.parts.push(modifier);
                self.explore(end);
                self.parts.pop();
            }
        }
    }

    /// `word[start..end]` read as a modifier: as it is, without a linking element or with
    /// its lost final e restored ("Schul" → Schule), whichever is most frequent; a rare
    /// linking element only when the piece is no word as it is.
    fn modifier(&mut self, start: usize, end: usize) -> Option<Piece> {
        let piece = &self.word[start..end];
        if NOT_MODIFIERS.contains(&piece) {
            return None;
        }
        let mut best = Piece {
            start,
            end,
            base_end: end,
            restored: "",
            linking: "",
            frequency: self.part(start, end, false),
        };
        let rare = best.frequency == 0;
        for &linking in LINKING.iter().chain(if rare { RARE_LINKING } else { &[] }) {
            if piece.len() > linking.len() && piece.ends_with(linking) {
                let base_end = end - linking.len();
                let frequency = self.part(start, base_end, false);
                if frequency > best.frequency {
                    best = Piece {
                        end: base_end,
                        base_end,
                        linking,
                        frequency,
                        ..best
                    };
                }
            }
        }
        // A lost e follows a consonant, and the surface must be long enough itself:
        // "Ank·lage" is not Anke + Lage.
        let consonant = piece
            .chars()
            .next_back()
            .is_some_and(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'));
        if consonant && char_len(piece) >= MIN_PART_CHARS {
            // A lost e (Schul·buch), or a verb's stem (Wohn·zimmer, Such·maschine).
            for restored in ["e", "en"] {
                self.scratch.clear();
                self.scratch.push_str(piece);
                self.scratch.push_str(restored);
                self.lookups += 1;
                let frequency = self.lexicon.part_frequency(&self.scratch, false);
                if frequency > best.frequency {
                    best = Piece {
                        end,
                        base_end: end,
                        restored,
                        linking: "",
                        frequency,
                        ..best
                    };
                }
            }
        }
        (best.frequency > 0).then_some(best)
    }

    /// `word[start..]` read as the head: as it is, or without an inflection ending when
    /// that is more frequent — but "-e" and "-er" are only taken off a piece that is no word
    /// as it is ("Ebene" stays, while "Kabinetts" is read as Kabinett).
    fn head(&mut self, start: usize) -> Option<Piece> {
        let end = self.word.len();
        let piece = &self.word[start..];
        if NOT_HEADS.contains(&piece) {
            return None; // not even inflected: "Lehrer·innen" is not Lehrer + Inne·n
        }
        let mut best = Piece {
            start,
            end,
            base_end: end,
            restored: "",
            linking: "",
            frequency: self.part(start, end, true),
        };
        let known = best.frequency > 0;
        for &ending in INFLECTION {
            if (known && matches!(ending, "e" | "er"))
                || piece.len() <= ending.len()
                || !piece.ends_with(ending)
            {
                continue;
            }
            let base_end = end - ending.len();
            let frequency = self.part(start, base_end, true);
            if frequency > best.frequency {
                best.base_end = base_end;
                best.frequency = frequency;
            }
        }
        (best.frequency > 0).then_some(best)
    }

    /// Joins neighbouring parts that together make a word that is never split
    /// ("Kranken·haus·reform" → Krankenhaus·reform, "Haus·halts·entwurf" → Haushalt·s·entwurf).
    fn merge_protected(&self, pieces: &mut Vec<Piece>) {
        let mut i = 0;
        while i + 1 < pieces.len() {
            let merged = (i + 1..pieces.len()).rev().find_map(|j| {
                let last = pieces[j];
                let head = j == pieces.len() - 1;
                let surface = &self.word[pieces[i].start..last.end];
                let base = &self.word[pieces[i].start..last.base_end];
                // "Hoch·schul" of "Hochschulgesetz" is the protected "Hochschule".
                let with_e = last.restored == "e" && {
                    let mut restored = String::with_capacity(surface.len() + 1);
                    restored.push_str(surface);
                    restored.push('e');
                    self.lexicon.is_folded_protected(&restored)
                };
                let known = with_e
                    || self.lexicon.is_folded_protected(surface)
                    || (head && self.lexicon.is_protected_form(base));
                known.then_some((j, last, with_e))
            });
            if let Some((j, last, with_e)) = merged {
                pieces[i] = Piece {
                    start: pieces[i].start,
                    restored: if with_e { "e" } else { "" },
                    ..last
                };
                pieces.drain(i + 1..=j);
            }
            i += 1;
        }
    }
}

/// The source offset where a folded range ending at `end` ends: the start of the next
/// source character (folded bytes of one character share its offset).
fn source_end(offsets: &[usize], end: usize) -> usize {
    let last = offsets.len() - 1;
    if end >= last {
        return offsets[last];
    }
    offsets[end]
}

fn char_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;

    static GERMAN: LazyLock<Lexicon> = LazyLock::new(Lexicon::german);

    fn parts(word: &str) -> Vec<String> {
        GERMAN
            .split_compound(word)
            .iter()
            .map(|p| p.span.of(word).to_owned())
            .collect()
    }

    #[test]
    fn splits_with_linking_elements() {
        assert_eq!(
            parts("Verwaltungsdigitalisierung"),
            ["Verwaltung", "digitalisierung"]
        );
        assert_eq!(
            parts("Digitalisierungskabinett"),
            ["Digitalisierung", "kabinett"]
        );
        assert_eq!(parts("Landesregierung"), ["Land", "regierung"]);
        assert_eq!(parts("Staatskanzlei"), ["Staat", "kanzlei"]);
        assert_eq!(parts("Ölpreis"), ["Öl", "preis"]);
    }

    #[test]
    fn a_verb_stem_is_a_modifier() {
        assert_eq!(parts("Wohnzimmer"), ["Wohn", "zimmer"]);
        assert_eq!(parts("Suchmaschine"), ["Such", "maschine"]);
        assert_eq!(parts("Abnehmtipps"), ["Abnehm", "tipps"]);
        let wohn = &GERMAN.split_compound("Wohnzimmer")[0];
        assert_eq!(wohn.base, "wohnen", "the verb is the part's base");
    }

    #[test]
    fn heads_keep_their_inflection_and_bases_lose_it() {
        let word = "Digitalisierungskabinetts";
        let split = GERMAN.split_compound(word);
        assert_eq!(split.len(), 2);
        assert_eq!(split[1].span.of(word), "kabinetts");
        assert_eq!(split[1].base, "kabinett");
        assert_eq!(split[0].linking, "s");
    }

    #[test]
    fn never_splits_short_words_or_names() {
        for word in [
            "Schubert",
            "Hartmut",
            "Hartmann",
            "Thüringen",
            "Erfurt",
            "Abend",
            "Freitag",
        ] {
            assert!(parts(word).is_empty(), "{word} is not a compound");
        }
    }

    #[test]
    fn words_longer_than_the_limit_stay_whole_and_cost_little() {
        let word = "Verwaltungsdigitalisierung".repeat(4);
        assert!(parts(&word).is_empty(), "104 letters are no compound");
        // 832 KB took minutes when the splitter looked at every piece of it.
        let huge = "Verwaltungsdigitalisierung".repeat(32_000);
        assert!(parts(&huge).is_empty());
        let at_limit = format!("Verwaltungsdigitalisierungs{}", "a".repeat(53));
        assert_eq!(at_limit.chars().count(), MAX_COMPOUND_CHARS);
        assert!(
            GERMAN.split_folded(&fold(&at_limit)).is_none(),
            "no known head: whole, but looked at"
        );
    }

    #[test]
    fn a_word_that_branches_everywhere_stops_at_the_work_allowed() {
        // Every piece of four letters or more is a known word: some 300,000 splits to try.
        let mut lexicon = Lexicon::new();
        for length in 4..=40 {
            lexicon.add(&"a".repeat(length), 10);
        }
        let word = "a".repeat(MAX_COMPOUND_CHARS);
        let search = lexicon.search(&word);
        assert!(
            search.lookups >= MAX_SPLIT_LOOKUPS,
            "this word needs more than the budget: {} lookups",
            search.lookups
        );
        assert!(
            search.lookups <= MAX_SPLIT_LOOKUPS + 16,
            "the search stops at its budget: {} lookups",
            search.lookups
        );
        assert!(search.best.is_some(), "the best split found so far is kept");
        assert_eq!(
            lexicon.split_folded(&word),
            lexicon.split_folded(&word),
            "the same word always splits the same way"
        );
        let real = GERMAN.search("verwaltungsdigitalisierung");
        assert!(
            real.lookups < MAX_SPLIT_LOOKUPS / 10,
            "a real compound needs little: {} lookups",
            real.lookups
        );
    }

    #[test]
    fn an_empty_lexicon_splits_nothing() {
        assert!(Lexicon::new().split_compound("Landesregierung").is_empty());
    }

    #[test]
    fn learned_words_become_parts_once_seen_twice() {
        let mut lexicon = Lexicon::new();
        lexicon.learn("Kabinett Kabinett Digitalisierung");
        assert!(
            lexicon
                .split_compound("Digitalisierungskabinett")
                .is_empty(),
            "Digitalisierung was seen once"
        );
        lexicon.learn("Digitalisierung");
        assert_eq!(lexicon.split_compound("Digitalisierungskabinett").len(), 2);
    }

    #[test]
    fn decomposed_umlauts_map_back_to_the_source() {
        let word = "O\u{308}lpreis";
        let split = GERMAN.split_compound(word);
        assert_eq!(split.len(), 2);
        assert_eq!(split[0].span.of(word), "O\u{308}l");
        assert_eq!(split[1].span.of(word), "preis");
    }
}
