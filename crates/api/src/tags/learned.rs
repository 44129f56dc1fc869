//! The suggester and the library's model of tags: learned once, saved beside the library
//! (`<library>.tagmodel`), and from then on only kept up to date.
//!
//! - At the first suggestion of a process (or when the window warms it up after opening)
//!   the saved model is read. Only when there is none, or it was saved by another analysis,
//!   model layout or library (a restored backup), is the whole library learned — with
//!   progress — and saved.
//! - Every article change adds a row to the library's tag-model queue in the change's own
//!   transaction (`tag_model_pending`); at most every [`REFRESH_EVERY`] a suggestion learns
//!   the articles queued since the model's point in the queue, and forgets those gone.
//! - The model is saved again once [`SAVE_AFTER`] articles were learned since it was last
//!   saved (or [`SAVE_EVERY`] passed with any), and the queue up to the saved point is
//!   pruned. A process whose model is older than the pruned point reads the saved one again.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use newsdesk_store::{Content, Existing, Store, write_whole};
use newsdesk_suggest::{Document, Language, Suggester, TagModel, model_version};
use serde::{Deserialize, Serialize};

use crate::ApiError;

/// How old the model may be before a suggestion looks for changed articles.
pub(super) const REFRESH_EVERY: Duration = Duration::from_secs(2);
/// Articles learned since the last save after which the model is saved again.
const SAVE_AFTER: usize = 200;
/// How long learned changes may wait unsaved.
const SAVE_EVERY: Duration = Duration::from_secs(600);
/// Articles read from the library per step of a whole learning.
const LEARN_CHUNK: usize = 500;

/// The suggester and the library's model, built when first needed.
#[derive(Default)]
pub(crate) struct TagState {
    suggester: OnceLock<Suggester>,
    model: Mutex<Option<LearnedModel>>,
}

impl TagState {
    pub(super) fn suggester(&self) -> &Suggester {
        self.suggester.get_or_init(Suggester::new)
    }

    /// The model in memory (none before the first suggestion). A panic while it was held
    /// left it whole or taken: it is learned again then.
    pub(super) fn model(&self) -> std::sync::MutexGuard<'_, Option<LearnedModel>> {
        self.model
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

pub(super) struct LearnedModel {
    pub(super) model: TagModel,
    /// The point of the library's tag-model queue the model has learned up to.
    seq: i64,
    /// The point it was last saved at, and when.
    saved_seq: i64,
    saved_at: Instant,
    /// Articles learned since the last save.
    unsaved: usize,
    pub(super) refreshed: Instant,
}

/// The saved model as it is on disk.
#[derive(Serialize, Deserialize)]
struct Saved {
    /// [`model_version`] of the build that saved it.
    version: String,
    /// [`Store::library_identity`] of the library it was learned from.
    library: String,
    seq: i64,
    model: TagModel,
}

/// Where library `library`'s model is saved: beside it, `<name>.tagmodel`.
pub(crate) fn saved_model_path(library: &Path) -> PathBuf {
    library.with_extension("tagmodel")
}

impl LearnedModel {
    fn new(model: TagModel, seq: i64) -> LearnedModel {
        LearnedModel {
            model,
            seq,
            saved_seq: seq,
            saved_at: Instant::now(),
            unsaved: 0,
            refreshed: Instant::now(),
        }
    }

    /// The saved model of the library, if there is one this build can use.
    fn read_saved(store: &Store, version: &str) -> Option<LearnedModel> {
        let bytes = std::fs::read(saved_model_path(store.path())).ok()?;
        let saved: Saved = postcard::from_bytes(&bytes).ok()?;
        let library = store.library_identity().ok()?;
        let horizon = store.tag_changes_horizon().ok()?;
        // A model older than the pruned queue would miss what was pruned.
        (saved.version == version && saved.library == library && saved.seq >= horizon)
            .then(|| LearnedModel::new(saved.model, saved.seq))
    }

    /// The saved model, or else the whole library learned (and saved).
    pub(super) fn saved_or_learned(
        store: &Store,
        suggester: &Suggester,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<LearnedModel, ApiError> {
        let analyzer = suggester.analyzer(Language::German);
        let version = model_version(analyzer);
        if let Some(saved) = LearnedModel::read_saved(store, &version) {
            return Ok(saved);
        }
        // What changes from here on is learned afterwards, so nothing is missed.
        let seq = store.tag_changes_head()?;
        let ids = store.live_article_ids()?;
        let mut model = TagModel::new();
        progress(0, ids.len());
        let mut learned = 0;
        for chunk in ids.chunks(LEARN_CHUNK) {
            for article in store.learnable_articles(chunk)? {
                model.learn(analyzer, article.id, &Document::from(&article.content));
            }
            learned += chunk.len();
            progress(learned, ids.len());
        }
        let mut learned = LearnedModel::new(model, seq);
        learned.save(store, &version);
        Ok(learned)
    }

    /// Learns the articles changed since the model's point in the queue; saves when due.
    pub(super) fn catch_up(
        mut self,
        store: &Store,
        suggester: &Suggester,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<LearnedModel, ApiError> {
        let analyzer = suggester.analyzer(Language::German);
        let mut changes = store.tag_changes_since(self.seq)?;
        if changes.horizon > self.seq {
            // Another process saved a newer model and pruned what this one has not learned.
            self = LearnedModel::saved_or_learned(store, suggester, progress)?;
            changes = store.tag_changes_since(self.seq)?;
        }
        let total = changes.articles.len();
        for (n, chunk) in changes.articles.chunks(LEARN_CHUNK).enumerate() {
            if total > LEARN_CHUNK {
                progress(n * LEARN_CHUNK, total);
            }
            let articles = store.learnable_articles(chunk)?;
            let live: HashSet<i64> = articles.iter().map(|a| a.id).collect();
            for &id in chunk.iter().filter(|id| !live.contains(id)) {
                self.model.forget(id);
            }
            for article in articles {
                self.model
                    .learn(analyzer, article.id, &Document::from(&article.content));
            }
        }
        self.unsaved += changes.articles.len();
        self.seq = changes.upto;
        for tag in store.tag_picture_uses()? {
            self.model.set_picture_uses(analyzer, &tag.name, tag.uses);
        }
        for count in store.verdict_counts()? {
            self.model
                .set_verdicts(analyzer, &count.tag, count.accepted, count.rejected);
        }
        if self.seq > self.saved_seq
            && (self.unsaved >= SAVE_AFTER || self.saved_at.elapsed() >= SAVE_EVERY)
        {
            self.save(store, &model_version(analyzer));
        }
        self.refreshed = Instant::now();
        Ok(self)
    }

    /// Saves the model beside the library and prunes the queue it holds. A model that
    /// cannot be saved (a full disk) is learned from the queue again next time: nothing is
    /// lost, so this never fails a suggestion.
    fn save(&mut self, store: &Store, version: &str) {
        let Ok(library) = store.library_identity() else {
            return;
        };
        let saved = Saved {
            version: version.to_string(),
            library,
            seq: self.seq,
            model: std::mem::take(&mut self.model),
        };
        let bytes = postcard::to_stdvec(&saved);
        self.model = saved.model;
        let Ok(bytes) = bytes else {
            return;
        };
        let path = saved_model_path(store.path());
        if write_whole(&path, Content::Bytes(&bytes), Existing::Replace).is_ok() {
            let _ = store.prune_tag_changes(self.seq);
            self.saved_seq = self.seq;
            self.saved_at = Instant::now();
            self.unsaved = 0;
        }
    }
}
