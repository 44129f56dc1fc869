//! The relevance index beside the library: a tantivy index in `<library>.search/`.
//!
//! It is derived data: the SQLite library stays the truth, and this index is rebuilt from it
//! whenever it is missing, unreadable, built by another schema or for another library (see
//! [`crate::index`] for when and how it is kept up to date).
//!
//! - **One text field, weighted by repetition.** Each article is one document whose `text`
//!   holds the title five times, kicker and tags three times, the teaser twice, captions and
//!   body once. BM25 over that field is BM25F (Robertson, Zaragoza & Taylor 2004: weighted
//!   term frequencies summed before saturation) with integer field weights — and, unlike a
//!   union of per-field queries, a one-word query is a single term, a query of plain words an
//!   intersection of terms, which tantivy answers with block-max WAND: it skips every block of
//!   postings that cannot reach the current top k instead of scoring every match.
//! - **Terms** are what [`newsdesk_analysis::Analyzer::analyze`] makes (folded, stemmed,
//!   compound parts at their word's position), through [`GermanTokenizer`].
//! - **Date.** A fast field holds the article's day; the final score is the BM25 score times
//!   [`recency`] (between 0.5 and 1). The top-k threshold handed back to block-max WAND is the
//!   k-th best *blended* score: no document whose BM25 score is below it can enter the top k
//!   whatever its date, so the blend keeps the pruning and the result is exact.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use newsdesk_analysis::Analyzer;
use tantivy::query::{BooleanQuery, EnableScoring, PhraseQuery, Query, TermQuery, Weight};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::{
    DocId, DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument,
    TantivyError, Term,
};

use crate::StoreError;

/// The version of what the index holds and how (schema, tokenizer, field weights). Raise it
/// when any of them changes: an index of another version is rebuilt on open.
pub(crate) const INDEX_SCHEMA: u32 = 1;

/// The analyzer every index and query shares (loads the German lexicon once, ~25 ms).
pub(crate) static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::german);

/// Words whose analysis stands for the analyzer's behaviour: folding, transliteration,
/// stemming, compound splitting, hyphens, acronyms, names, stop words.
const PROBE: &str = "Die Verwaltungsdigitalisierung in Thüringen und Thueringen: Maßnahmen des \
    Digitalisierungskabinetts, Ölpreise, E-Government-Gesetz, CDOs, Bodo Ramelow, Krankenhaus, \
    Schulbuch, Landesregierungen, Quellen, aktuelle Straßen, Feuer, Mauer, 4,4 MB";

/// What the index's terms depend on: [`INDEX_SCHEMA`] and a fingerprint of how the analyzer
/// treats [`PROBE`], so that an analysis that changed (a new lexicon, another stemmer) makes
/// the index be rebuilt instead of missing words.
pub(crate) static INDEX_VERSION: LazyLock<String> = LazyLock::new(|| {
    let fingerprint = ANALYZER
        .analyze(PROBE)
        .iter()
        .flat_map(|t| t.text.bytes().chain(t.position.to_le_bytes()).chain([0]))
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{INDEX_SCHEMA}-{fingerprint:016x}")
});

const TOKENIZER: &str = "nd_german";

/// How often each part of an article is repeated in the `text` field: its weight.
pub(crate) const WEIGHTS: Weights = Weights {
    title: 5,
    kicker: 3,
    tags: 3,
    teaser: 2,
    captions: 1,
    body: 1,
};

/// Field weights (see the module docs).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Weights {
    pub title: usize,
    pub kicker: usize,
    pub tags: usize,
    pub teaser: usize,
    pub captions: usize,
    pub body: usize,
}

/// Memory for the one indexing thread (tantivy's minimum is 15 MB).
const WRITER_MEMORY: usize = 50_000_000;

/// Half the date's weight fades over this many days (see [`recency`]).
const HALF_LIFE_DAYS: f32 = 365.0;

/// The date's part of the score: 1 for the library's newest article, fading towards 0.5 for
/// old ones (0.75 after a year). Never above 1: see the module docs on pruning.
pub(crate) fn recency(day: i64, newest: i64) -> f32 {
    let age = (newest - day).max(0) as f32;
    0.5 + 0.5 * (-age / HALF_LIFE_DAYS).exp2()
}

/// A term as the index holds it: the analyzer's term, folded once more — an acronym keeps its
/// letters ("ÖL" → "öl") where the same letters in a word fold ("Öl" → "ol").
pub(crate) fn index_term(term: String) -> String {
    if term.is_ascii() {
        term
    } else {
        newsdesk_analysis::fold(&term)
    }
}

/// Tantivy's view of [`newsdesk_analysis::Analyzer`]: the terms of a text as tokens.
#[derive(Clone, Default)]
pub(crate) struct GermanTokenizer;

pub(crate) struct AnalysedTokens {
    tokens: std::vec::IntoIter<Token>,
    current: Token,
}

impl TokenStream for AnalysedTokens {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(token) => {
                self.current = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

impl Tokenizer for GermanTokenizer {
    type TokenStream<'a> = AnalysedTokens;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalysedTokens {
        let tokens: Vec<Token> = ANALYZER
            .analyze(text)
            .into_iter()
            .map(|term| Token {
                offset_from: term.span.start,
                offset_to: term.span.end,
                position: term.position as usize,
                text: index_term(term.text),
                position_length: 1,
            })
            .collect();
        AnalysedTokens {
            tokens: tokens.into_iter(),
            current: Token::default(),
        }
    }
}

/// The fields of the index.
#[derive(Debug, Clone, Copy)]
struct Fields {
    /// The article id (indexed to delete by it, fast to map hits back).
    id: Field,
    /// Days since 1970 of the article's date (its creation day when it has none).
    day: Field,
    /// Everything searchable, weighted by repetition.
    text: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_u64_field("id", INDEXED | FAST);
    let day = builder.add_i64_field("day", FAST);
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = builder.add_text_field(
        "text",
        TextOptions::default().set_indexing_options(indexing),
    );
    (builder.build(), Fields { id, day, text })
}

/// What an article gives the index, read from the library.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct IndexedArticle {
    pub id: i64,
    pub day: i64,
    pub kicker: String,
    pub title: String,
    pub tags: Vec<String>,
    pub teaser: String,
    /// Captions, credits and alt texts of the article's pictures.
    pub captions: Vec<String>,
    pub body: String,
}

/// What the index says about itself in its last commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// [`INDEX_VERSION`] of the build that wrote it.
    pub schema: String,
    /// The library's search index id (see [`crate::index`]): another id is another library.
    pub library: String,
}

impl Stamp {
    /// Whether the index was made by this index schema for `library` (what can be told
    /// without the analyzer).
    pub(crate) fn is_for(&self, library: &str) -> bool {
        self.library == library && self.schema.starts_with(&format!("{INDEX_SCHEMA}-"))
    }

    fn payload(&self) -> String {
        format!("newsdesk-search {} {}", self.schema, self.library)
    }

    fn parse(payload: &str) -> Option<Stamp> {
        let mut words = payload.split(' ');
        (words.next()? == "newsdesk-search").then_some(())?;
        let schema = words.next()?.to_string();
        let library = words.next()?.to_string();
        Some(Stamp { schema, library })
    }
}

/// One query word for the index: its term, and its parts' terms (a compound matches its
/// word or all of its parts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordTerms {
    pub term: String,
    pub parts: Vec<String>,
}

/// What must match: each word (or its parts), each phrase as a sequence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct IndexQuery {
    pub words: Vec<WordTerms>,
    /// Each phrase: its words' terms with their positions relative to the first.
    pub phrases: Vec<Vec<(usize, String)>>,
}

impl IndexQuery {
    /// The same query with each phrase's words required anywhere, not in sequence.
    fn loosened(&self) -> IndexQuery {
        let mut words = self.words.clone();
        for phrase in &self.phrases {
            words.extend(phrase.iter().map(|(_, term)| WordTerms {
                term: term.clone(),
                parts: Vec::new(),
            }));
        }
        IndexQuery {
            words,
            phrases: Vec::new(),
        }
    }
}

/// How many of the articles holding a phrase's words are checked for the sequence before the
/// search checks all of them.
const PHRASE_CANDIDATES: usize = 4096;

/// A hit: article id and score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scored {
    pub id: i64,
    pub score: f32,
    pub day: i64,
    /// Where the hit is in the searcher it came from: (segment, document).
    address: (u32, DocId),
}

impl Eq for Scored {}

impl Ord for Scored {
    /// Better first: higher score, then newer, then the higher id (a later article).
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(self.day.cmp(&other.day))
            .then(self.id.cmp(&other.id))
    }
}

impl PartialOrd for Scored {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The open index.
pub(crate) struct TextIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

fn index_error(dir: &Path, err: TantivyError) -> StoreError {
    StoreError::SearchIndex {
        path: dir.to_path_buf(),
        reason: err.to_string(),
    }
}

impl TextIndex {
    /// The folder of the index of the library at `library`.
    pub(crate) fn dir_of(library: &Path) -> PathBuf {
        library.with_extension("search")
    }

    /// Opens the index in `dir`, or makes a new empty one when there is none or it cannot be
    /// opened (a damaged index is derived data: it is replaced, and rebuilt by the caller).
    pub(crate) fn open_or_create(dir: &Path) -> Result<TextIndex, StoreError> {
        if dir.join("meta.json").is_file() {
            match TextIndex::open(dir) {
                Ok(index) => return Ok(index),
                Err(_) => {
                    // Unreadable: start again from an empty folder.
                    std::fs::remove_dir_all(dir).map_err(|e| {
                        StoreError::io(
                            format!("cannot remove the damaged search index {}", dir.display()),
                            e,
                        )
                    })?;
                }
            }
        }
        TextIndex::create(dir)
    }

    fn open(dir: &Path) -> Result<TextIndex, StoreError> {
        let index = Index::open_in_dir(dir).map_err(|e| index_error(dir, e))?;
        let (expected, fields) = schema();
        if index.schema() != expected {
            return Err(StoreError::SearchIndex {
                path: dir.to_path_buf(),
                reason: "it was made with another schema".into(),
            });
        }
        TextIndex::with(dir, index, fields)
    }

    fn create(dir: &Path) -> Result<TextIndex, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::io(
                format!("cannot create the search index folder {}", dir.display()),
                e,
            )
        })?;
        let (schema, fields) = schema();
        match Index::create_in_dir(dir, schema) {
            Ok(index) => TextIndex::with(dir, index, fields),
            // Another opener made it a moment ago.
            Err(TantivyError::IndexAlreadyExists) => TextIndex::open(dir),
            Err(e) => Err(index_error(dir, e)),
        }
    }

    fn with(dir: &Path, index: Index, fields: Fields) -> Result<TextIndex, StoreError> {
        index.tokenizers().register(TOKENIZER, GermanTokenizer);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| index_error(dir, e))?;
        let opened = TextIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
        };
        // Every segment must open (their footers and term dictionaries are read here).
        opened.searcher()?;
        Ok(opened)
    }

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// The stamp of the last commit, if there was one.
    pub(crate) fn stamp(&self) -> Result<Option<Stamp>, StoreError> {
        let metas = self.index.load_metas().map_err(|e| self.error(e))?;
        Ok(metas.payload.as_deref().and_then(Stamp::parse))
    }

    fn error(&self, err: TantivyError) -> StoreError {
        index_error(&self.dir, err)
    }

    /// A searcher over the latest commit (of any process).
    pub(crate) fn searcher(&self) -> Result<Searcher, StoreError> {
        self.reader.reload().map_err(|e| self.error(e))?;
        Ok(self.reader.searcher())
    }

    /// The number of articles in the index.
    pub(crate) fn len(&self) -> Result<u64, StoreError> {
        Ok(self.searcher()?.num_docs())
    }

    /// Takes the index's writer lock, waiting up to `wait` while another process holds it;
    /// `None` when it stayed busy.
    pub(crate) fn writer(&self, wait: Duration) -> Result<Option<IndexUpdate<'_>>, StoreError> {
        let deadline = Instant::now() + wait;
        loop {
            match self
                .index
                .writer_with_num_threads::<TantivyDocument>(1, WRITER_MEMORY)
            {
                Ok(writer) => {
                    return Ok(Some(IndexUpdate {
                        index: self,
                        writer,
                    }));
                }
                Err(TantivyError::LockFailure(..)) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TantivyError::LockFailure(..)) => return Ok(None),
                Err(e) => return Err(self.error(e)),
            }
        }
    }

    /// The `limit` best articles for `query`, best first (see the module docs).
    pub(crate) fn search(
        &self,
        query: &IndexQuery,
        newest: i64,
        limit: usize,
    ) -> Result<Vec<Scored>, StoreError> {
        let Some(exact) = self.to_query(query) else {
            return Ok(Vec::new());
        };
        let searcher = self.searcher()?;
        let factor = |day| recency(day, newest);
        if query.phrases.iter().all(|p| p.len() < 2) {
            return self.top(&searcher, &*exact, limit, factor);
        }
        // Phrases: checking word positions for every article holding all the words costs
        // milliseconds per ten thousand. Instead rank the articles holding the words (block-max
        // WAND), keep those where the words stand in sequence, and look further only while
        // fewer than `limit` remain: the result is the phrase matches best by their words.
        let Some(loose) = self.to_query(&query.loosened()) else {
            return Ok(Vec::new());
        };
        let check = exact
            .weight(EnableScoring::disabled_from_searcher(&searcher))
            .map_err(|e| self.error(e))?;
        let mut wanted = (limit * 4).max(64);
        loop {
            let found = self.top(&searcher, &*loose, wanted, factor)?;
            let exhausted = found.len() < wanted;
            let mut kept = self.matching(&searcher, &*check, found)?;
            if kept.len() >= limit || exhausted {
                kept.truncate(limit);
                return Ok(kept);
            }
            if wanted >= PHRASE_CANDIDATES {
                return self.top(&searcher, &*exact, limit, factor);
            }
            wanted *= 4;
        }
    }

    /// The hits that `check` (a weight of the same searcher) matches, in their order.
    fn matching(
        &self,
        searcher: &Searcher,
        check: &dyn Weight,
        hits: Vec<Scored>,
    ) -> Result<Vec<Scored>, StoreError> {
        let mut by_place: Vec<(u32, DocId, usize)> = hits
            .iter()
            .enumerate()
            .map(|(i, h)| (h.address.0, h.address.1, i))
            .collect();
        by_place.sort_unstable();
        let mut keep = vec![false; hits.len()];
        let mut place = 0;
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            let ord = ord as u32;
            let mut scorer = None;
            while let Some(&(segment, doc, at)) = by_place.get(place) {
                if segment != ord {
                    break;
                }
                place += 1;
                let scorer = match &mut scorer {
                    Some(scorer) => scorer,
                    None => scorer.insert(check.scorer(reader, 1.0).map_err(|e| self.error(e))?),
                };
                let current = if scorer.doc() >= doc {
                    scorer.doc()
                } else {
                    scorer.seek(doc)
                };
                keep[at] = current == doc;
            }
        }
        Ok(hits
            .into_iter()
            .zip(keep)
            .filter_map(|(hit, keep)| keep.then_some(hit))
            .collect())
    }

    /// The `limit` best articles having any of `terms`, by BM25 alone (related articles).
    pub(crate) fn any_of(&self, terms: &[String], limit: usize) -> Result<Vec<Scored>, StoreError> {
        let clauses: Vec<Box<dyn Query>> = terms
            .iter()
            .map(|t| Box::new(self.term_query(t)) as Box<dyn Query>)
            .collect();
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        let query = BooleanQuery::union(clauses);
        self.top(&self.searcher()?, &query, limit, |_| 1.0)
    }

    fn term(&self, text: &str) -> Term {
        Term::from_field_text(self.fields.text, text)
    }

    fn term_query(&self, text: &str) -> TermQuery {
        TermQuery::new(self.term(text), IndexRecordOption::WithFreqs)
    }

    /// The tantivy query: all words (each: the word, or all its parts) and all phrases.
    fn to_query(&self, query: &IndexQuery) -> Option<Box<dyn Query>> {
        let mut musts: Vec<Box<dyn Query>> = Vec::new();
        for word in &query.words {
            let whole: Box<dyn Query> = Box::new(self.term_query(&word.term));
            if word.parts.is_empty() {
                musts.push(whole);
            } else {
                let parts: Vec<Box<dyn Query>> = word
                    .parts
                    .iter()
                    .map(|p| Box::new(self.term_query(p)) as Box<dyn Query>)
                    .collect();
                let parts = Box::new(BooleanQuery::intersection(parts));
                musts.push(Box::new(BooleanQuery::union(vec![whole, parts])));
            }
        }
        for phrase in &query.phrases {
            match phrase.as_slice() {
                [] => {}
                [(_, single)] => musts.push(Box::new(self.term_query(single))),
                terms => musts.push(Box::new(PhraseQuery::new_with_offset(
                    terms.iter().map(|(at, t)| (*at, self.term(t))).collect(),
                ))),
            }
        }
        match musts.len() {
            0 => None,
            1 => musts.pop(),
            _ => Some(Box::new(BooleanQuery::intersection(musts))),
        }
    }

    /// Top `limit` by BM25 times `factor(day)` (which must not exceed 1), pruning with the
    /// k-th best blended score.
    fn top(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
        factor: impl Fn(i64) -> f32,
    ) -> Result<Vec<Scored>, StoreError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let weight = query
            .weight(EnableScoring::enabled_from_searcher(searcher))
            .map_err(|e| self.error(e))?;
        // A min-heap of the best `limit` so far.
        let mut best: BinaryHeap<Reverse<Scored>> = BinaryHeap::with_capacity(limit + 1);
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            let ids = reader.fast_fields().u64("id").map_err(|e| self.error(e))?;
            let days = reader.fast_fields().i64("day").map_err(|e| self.error(e))?;
            let alive = reader.alive_bitset();
            let threshold = |best: &BinaryHeap<Reverse<Scored>>| match best.peek() {
                // Any score at or below the k-th best blended one cannot win, even dated
                // today (factor 1); the margin keeps exact ties for the date to decide.
                Some(Reverse(kth)) if best.len() >= limit => kth.score * (1.0 - 1e-6),
                _ => f32::MIN,
            };
            let start = threshold(&best);
            weight
                .for_each_pruning(start, reader, &mut |doc, score| {
                    if alive.is_some_and(|a| a.is_deleted(doc)) {
                        return threshold(&best);
                    }
                    let day = days.first(doc).unwrap_or_default();
                    let id = ids.first(doc).unwrap_or_default() as i64;
                    let hit = Scored {
                        id,
                        score: score * factor(day),
                        day,
                        address: (ord as u32, doc),
                    };
                    if best.len() < limit {
                        best.push(Reverse(hit));
                    } else if best.peek().is_some_and(|Reverse(kth)| hit > *kth) {
                        best.pop();
                        best.push(Reverse(hit));
                    }
                    threshold(&best)
                })
                .map_err(|e| self.error(e))?;
        }
        let mut hits: Vec<Scored> = best.into_iter().map(|Reverse(h)| h).collect();
        hits.sort_by(|a, b| b.cmp(a));
        Ok(hits)
    }
}

/// An open index writer (holding the index's lock until it is committed or dropped).
pub(crate) struct IndexUpdate<'a> {
    index: &'a TextIndex,
    writer: IndexWriter<TantivyDocument>,
}

impl IndexUpdate<'_> {
    /// Removes every article from the index (a rebuild starts with this).
    pub(crate) fn clear(&mut self) -> Result<(), StoreError> {
        self.writer
            .delete_all_documents()
            .map_err(|e| self.index.error(e))?;
        Ok(())
    }

    /// Takes article `id` out of the index.
    pub(crate) fn remove(&mut self, id: i64) {
        let fields = self.index.fields;
        self.writer
            .delete_term(Term::from_field_u64(fields.id, id as u64));
    }

    /// Puts `article` into the index, replacing what it held for it.
    pub(crate) fn put(&mut self, article: &IndexedArticle) -> Result<(), StoreError> {
        self.remove(article.id);
        let fields = self.index.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(fields.id, article.id as u64);
        doc.add_i64(fields.day, article.day);
        let tags = article.tags.join(" · ");
        let captions = article.captions.join(" · ");
        let parts: [(&str, usize); 6] = [
            (&article.title, WEIGHTS.title),
            (&article.kicker, WEIGHTS.kicker),
            (&tags, WEIGHTS.tags),
            (&article.teaser, WEIGHTS.teaser),
            (&captions, WEIGHTS.captions),
            (&article.body, WEIGHTS.body),
        ];
        for (text, weight) in parts {
            if text.trim().is_empty() {
                continue;
            }
            for _ in 0..weight {
                doc.add_text(fields.text, text);
            }
        }
        self.writer
            .add_document(doc)
            .map_err(|e| self.index.error(e))?;
        Ok(())
    }

    /// Commits with `stamp`, waits for the merges it started (so that segments do not pile
    /// up across processes), and releases the lock.
    pub(crate) fn commit(mut self, stamp: &Stamp) -> Result<(), StoreError> {
        let index = self.index;
        let mut prepared = self.writer.prepare_commit().map_err(|e| index.error(e))?;
        prepared.set_payload(&stamp.payload());
        prepared.commit().map_err(|e| index.error(e))?;
        self.writer
            .wait_merging_threads()
            .map_err(|e| index.error(e))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recency_is_one_for_the_newest_and_fades_to_a_half() {
        assert_eq!(recency(100, 100), 1.0);
        assert!((recency(0, 365) - 0.75).abs() < 1e-6, "a year: 0.75");
        assert!(recency(0, 100_000) >= 0.5, "never below a half");
        assert_eq!(
            recency(200, 100),
            1.0,
            "a date after the newest counts as newest"
        );
    }

    #[test]
    fn stamps_read_back_and_foreign_payloads_do_not() {
        let stamp = Stamp {
            schema: INDEX_VERSION.clone(),
            library: "abc".into(),
        };
        assert!(stamp.schema.starts_with(&format!("{INDEX_SCHEMA}-")));
        assert_eq!(Stamp::parse(&stamp.payload()), Some(stamp));
        assert_eq!(Stamp::parse("something else"), None);
    }

    #[test]
    fn the_tokenizer_gives_compound_parts_at_their_words_position() {
        let mut tokenizer = GermanTokenizer;
        let mut stream = tokenizer.token_stream("Die Verwaltungsdigitalisierung kommt");
        let mut seen = Vec::new();
        while stream.advance() {
            seen.push((stream.token().text.clone(), stream.token().position));
        }
        assert!(
            seen.iter().any(|(t, p)| t == "digitalisier" && *p == 1),
            "the part stands at the compound's position: {seen:?}"
        );
    }
}
