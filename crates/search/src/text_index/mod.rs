//! The relevance index beside the library: a tantivy index in `<library>.search/`.
//!
//! It is derived data: the SQLite library stays the truth, and this index is rebuilt from it
//! whenever it is missing, unreadable, built by another schema or for another library (the
//! store's `index` module keeps it up to date: its queue, its stamp, when it is rebuilt).
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

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{
    Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, TantivyError, Term,
};

use crate::SearchError;
use crate::error::tantivy_failed_for_space;
use newsdesk_model::{Text, text};

mod analysis;
mod query;
mod version;

use analysis::TOKENIZER;
pub(crate) use analysis::{ANALYZER, GermanTokenizer, index_term};
pub use query::Scored;
pub(crate) use query::{IndexQuery, WordTerms};
use version::INDEX_SCHEMA;
pub use version::INDEX_VERSION;

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
/// Memory per indexing thread when the whole library is written (a rebuild, the end of an
/// import): larger segments, fewer merges.
const BULK_WRITER_MEMORY: usize = 100_000_000;
/// Indexing threads for a whole library at most (analysis is most of the work; one core is
/// left to read the library).
const BULK_THREADS: usize = 4;

/// Half the date's weight fades over this many days (see [`recency`]).
const HALF_LIFE_DAYS: f32 = 365.0;

/// The date's part of the score: 1 for the library's newest article, fading towards 0.5 for
/// old ones (0.75 after a year). Never above 1: see the module docs on pruning.
pub(crate) fn recency(day: i64, newest: i64) -> f32 {
    let age = (newest - day).max(0) as f32;
    0.5 + 0.5 * (-age / HALF_LIFE_DAYS).exp2()
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
pub struct IndexedArticle {
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
pub struct Stamp {
    /// [`INDEX_VERSION`] of the build that wrote it.
    pub schema: String,
    /// The library's search index id: another id is another library.
    pub library: String,
}

impl Stamp {
    /// Whether the index was made by this index schema for `library` (what can be told
    /// without the analyzer).
    pub fn is_for(&self, library: &str) -> bool {
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

/// The open index.
pub struct TextIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

fn index_error(dir: &Path, err: TantivyError) -> SearchError {
    if tantivy_failed_for_space(&err) {
        return SearchError::DiskFull {
            // The index's own folder: it may be on a disk of its own.
            folder: std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf()),
            what: text!(
                "the search index {} could not be written",
                "Der Suchindex {} konnte nicht geschrieben werden",
                dir.display()
            ),
        };
    }
    SearchError::Damaged {
        path: dir.to_path_buf(),
        reason: Text::verbatim(err.to_string()),
    }
}

impl TextIndex {
    /// The folder of the index of the library at `library`.
    pub fn dir_of(library: &Path) -> PathBuf {
        library.with_extension("search")
    }

    /// Opens the index in `dir`, or makes a new empty one when there is none or it cannot be
    /// opened (a damaged index is derived data: it is replaced, and rebuilt by the caller).
    pub fn open_or_create(dir: &Path) -> Result<TextIndex, SearchError> {
        if dir.join("meta.json").is_file() {
            match TextIndex::open(dir) {
                Ok(index) => return Ok(index),
                Err(_) => {
                    // Unreadable: start again from an empty folder.
                    std::fs::remove_dir_all(dir).map_err(|e| {
                        SearchError::io(
                            text!(
                                "cannot remove the damaged search index {}",
                                "Der beschädigte Suchindex {} lässt sich nicht entfernen",
                                dir.display()
                            ),
                            dir,
                            e,
                        )
                    })?;
                }
            }
        }
        TextIndex::create(dir)
    }

    /// An empty index in memory, standing in for the one beside the library while that
    /// cannot be opened or made (a full disk).
    pub fn in_memory(dir: &Path) -> Result<TextIndex, SearchError> {
        let (schema, fields) = schema();
        TextIndex::with(dir, Index::create_in_ram(schema), fields)
    }

    fn open(dir: &Path) -> Result<TextIndex, SearchError> {
        let index = Index::open_in_dir(dir).map_err(|e| index_error(dir, e))?;
        let (expected, fields) = schema();
        if index.schema() != expected {
            return Err(SearchError::Damaged {
                path: dir.to_path_buf(),
                reason: text!(
                    "it was made with another schema",
                    "er wurde mit einem anderen Schema angelegt"
                ),
            });
        }
        TextIndex::with(dir, index, fields)
    }

    fn create(dir: &Path) -> Result<TextIndex, SearchError> {
        std::fs::create_dir_all(dir).map_err(|e| {
            SearchError::io(
                text!(
                    "cannot create the search index folder {}",
                    "Der Ordner des Suchindex {} lässt sich nicht anlegen",
                    dir.display()
                ),
                dir,
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

    fn with(dir: &Path, index: Index, fields: Fields) -> Result<TextIndex, SearchError> {
        index
            .tokenizers()
            .register(TOKENIZER, GermanTokenizer::default());
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

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The stamp of the last commit, if there was one.
    pub fn stamp(&self) -> Result<Option<Stamp>, SearchError> {
        let metas = self.index.load_metas().map_err(|e| self.error(e))?;
        Ok(metas.payload.as_deref().and_then(Stamp::parse))
    }

    fn error(&self, err: TantivyError) -> SearchError {
        index_error(&self.dir, err)
    }

    /// A searcher over the latest commit (of any process).
    pub(crate) fn searcher(&self) -> Result<Searcher, SearchError> {
        self.reader.reload().map_err(|e| self.error(e))?;
        Ok(self.reader.searcher())
    }

    /// The number of articles in the index.
    pub fn article_count(&self) -> Result<u64, SearchError> {
        Ok(self.searcher()?.num_docs())
    }

    /// Takes the index's writer lock, waiting up to `wait` while another process holds it;
    /// `None` when it stayed busy.
    pub fn writer(&self, wait: Duration) -> Result<Option<IndexUpdate<'_>>, SearchError> {
        self.writer_with(wait, 1, WRITER_MEMORY)
    }

    /// As [`TextIndex::writer`], for writing many articles (a rebuild, an import): one
    /// indexing thread per core (up to [`BULK_THREADS`]).
    pub fn bulk_writer(&self, wait: Duration) -> Result<Option<IndexUpdate<'_>>, SearchError> {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, BULK_THREADS);
        self.writer_with(wait, threads, threads * BULK_WRITER_MEMORY)
    }

    fn writer_with(
        &self,
        wait: Duration,
        threads: usize,
        memory: usize,
    ) -> Result<Option<IndexUpdate<'_>>, SearchError> {
        let deadline = Instant::now() + wait;
        loop {
            match self
                .index
                .writer_with_num_threads::<TantivyDocument>(threads, memory)
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
}

/// An open index writer (holding the index's lock until it is committed or dropped).
pub struct IndexUpdate<'a> {
    index: &'a TextIndex,
    writer: IndexWriter<TantivyDocument>,
}

impl IndexUpdate<'_> {
    /// Removes every article from the index (a rebuild starts with this).
    pub fn clear(&mut self) -> Result<(), SearchError> {
        self.writer
            .delete_all_documents()
            .map_err(|e| self.index.error(e))?;
        Ok(())
    }

    /// Takes article `id` out of the index.
    pub fn remove(&mut self, id: i64) {
        let fields = self.index.fields;
        self.writer
            .delete_term(Term::from_field_u64(fields.id, id as u64));
    }

    /// Puts `article` into the index, replacing what it held for it.
    pub fn put(&mut self, article: &IndexedArticle) -> Result<(), SearchError> {
        self.remove(article.id);
        self.add(article)
    }

    /// Adds `article`, which the index does not hold (after [`IndexUpdate::clear`]): no
    /// deletion is queued for it.
    pub fn add(&mut self, article: &IndexedArticle) -> Result<(), SearchError> {
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
    pub fn commit(mut self, stamp: &Stamp) -> Result<(), SearchError> {
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
}
