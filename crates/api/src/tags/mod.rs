//! Tag suggestions for articles and pictures, and the editors' verdicts on them.
//!
//! The suggester's model of the library (vocabulary, how common each word is, which words
//! and tags go with each tag) is saved beside the library and kept up to date from the
//! library's queue of changed articles (see [`learned`]), so the first suggestion after a
//! start reads it instead of learning 100,000 articles again.

use newsdesk_model::text;
use std::path::Path;
use std::time::{Duration, Instant};

use newsdesk_model::{ArticleContent, EvalReport, SuggestionVerdict, TagSuggestion};
use newsdesk_store::SuggestionOwner;
use newsdesk_suggest::eval::Evaluation;
use newsdesk_suggest::{Document, Language, Request, Suggester, TagModel};

use crate::{ApiError, App};

mod learned;

use learned::{LearnedModel, REFRESH_EVERY};
pub(crate) use learned::{TagState, saved_model_path};

impl App {
    /// Suggestions for article `id` as saved, best first (its own tags and the tags rejected
    /// for it left out).
    pub fn suggest_tags(&self, id: i64, k: usize) -> Result<Vec<TagSuggestion>, ApiError> {
        let article = self.store.article(id)?;
        self.suggest_tags_for(&article.content, Some(id), k)
    }

    /// Suggestions for article content not saved yet (the editor's draft, a file), with
    /// what was rejected for article `id` left out.
    pub fn suggest_tags_for(
        &self,
        content: &ArticleContent,
        id: Option<i64>,
        k: usize,
    ) -> Result<Vec<TagSuggestion>, ApiError> {
        let rejected = match id {
            Some(id) => self.store.rejected_tags(SuggestionOwner::Article(id))?,
            None => Vec::new(),
        };
        self.suggest_document(&Document::from(content), rejected, k)
    }

    /// Suggestions for an article file in the interchange format (not stored).
    pub fn suggest_tags_for_file(
        &self,
        path: &Path,
        k: usize,
    ) -> Result<Vec<TagSuggestion>, ApiError> {
        let content = self.read_article_content(path)?;
        self.suggest_tags_for(&content, None, k)
    }

    /// Keyword suggestions for library picture `id`: from its caption, headline and
    /// keywords, and the articles it is placed in.
    pub fn suggest_image_tags(&self, id: i64, k: usize) -> Result<Vec<TagSuggestion>, ApiError> {
        let image = self.store.image(id)?;
        let meta = &image.metadata;
        let mut document = Document {
            title: meta.headline.clone().unwrap_or_default(),
            captions: [&meta.caption, &meta.alt_text]
                .into_iter()
                .flatten()
                .filter(|c| !c.trim().is_empty())
                .cloned()
                .collect(),
            tags: meta.keywords.clone(),
            ..Document::default()
        };
        for article in self.store.articles_showing(id)? {
            let content = self.store.article(article)?.content;
            let of_article = Document::from(&content);
            document.kicker = join(&document.kicker, &of_article.kicker);
            document.teaser = join(&document.teaser, &of_article.title);
            document.body = join(&document.body, &of_article.teaser);
            // The article's own tags are candidates for the picture.
            document.body = join(&document.body, &content.tags.join(". "));
            if document.section.is_empty() {
                document.section = content.section.clone();
            }
        }
        let rejected = self.store.rejected_tags(SuggestionOwner::Image(id))?;
        self.suggest_document(&document, rejected, k)
    }

    fn suggest_document(
        &self,
        document: &Document,
        rejected: Vec<String>,
        k: usize,
    ) -> Result<Vec<TagSuggestion>, ApiError> {
        let request = Request { k, rejected };
        self.with_model(&mut |_, _| {}, |suggester, model| {
            suggester.suggest(document, model, &request)
        })
    }

    /// Runs `use_model` with the model in memory, read or learned and brought up to date
    /// first (`progress` hears a learning's articles done and their number).
    fn with_model<T>(
        &self,
        progress: &mut dyn FnMut(usize, usize),
        use_model: impl FnOnce(&Suggester, &TagModel) -> T,
    ) -> Result<T, ApiError> {
        let suggester = self.tags.suggester();
        let mut guard = self.tags.model();
        let learned = self.refreshed_model(suggester, guard.take(), progress)?;
        let value = use_model(suggester, &learned.model);
        *guard = Some(learned);
        Ok(value)
    }

    /// The model, read or learned, and brought up to date with the library.
    fn refreshed_model(
        &self,
        suggester: &Suggester,
        current: Option<LearnedModel>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<LearnedModel, ApiError> {
        let learned = match current {
            Some(learned) if learned.refreshed.elapsed() < REFRESH_EVERY => return Ok(learned),
            Some(learned) => learned,
            None => LearnedModel::saved_or_learned(&self.store, suggester, progress)?,
        };
        learned.catch_up(&self.store, suggester, progress)
    }

    /// Drops the tag model in memory and the one saved beside the library (after the library
    /// was replaced by a backup).
    pub(crate) fn forget_tag_model(&self) {
        *self.tags.model() = None;
        let _ = std::fs::remove_file(saved_model_path(self.store.path()));
    }

    /// Makes the tag model ready before the first suggestion: reads the saved one, or learns
    /// the whole library and saves it, then learns what changed; `progress` hears a learning's
    /// articles done and their number. The window calls it in the background after opening.
    pub fn prepare_tag_model(
        &self,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(), ApiError> {
        self.with_model(progress, |_, _| ())
    }

    /// Accepts suggested tags for article `id`: they join its tags (a new revision) and the
    /// suggester learns that editors take them.
    pub fn accept_tags(
        &self,
        id: i64,
        tags: &[String],
    ) -> Result<newsdesk_model::Article, ApiError> {
        let tags = clean(tags)?;
        let article = self.store.article(id)?;
        let mut content = article.content.clone();
        for tag in &tags {
            if !content
                .tags
                .iter()
                .any(|t| t.to_lowercase() == tag.to_lowercase())
            {
                content.tags.push(tag.clone());
            }
        }
        let saved = if content.tags == article.content.tags {
            article
        } else {
            self.save_article(id, &content, Some(article.revision))?
        };
        self.record(
            SuggestionOwner::Article(id),
            &tags,
            SuggestionVerdict::Accepted,
        )?;
        Ok(saved)
    }

    /// Rejects suggested tags for article `id`: they are not suggested to it again.
    pub fn reject_tags(&self, id: i64, tags: &[String]) -> Result<(), ApiError> {
        let tags = clean(tags)?;
        self.store.article(id)?;
        self.record(
            SuggestionOwner::Article(id),
            &tags,
            SuggestionVerdict::Rejected,
        )
    }

    /// The window's verdict on suggested tags, for an article or a picture: for an article
    /// it is remembered only (the editor's draft takes an accepted tag itself and saves it
    /// with the next autosave); a picture's accepted keywords are added at once.
    pub fn decide_tags(
        &self,
        article_id: Option<i64>,
        image_id: Option<i64>,
        tags: &[String],
        verdict: SuggestionVerdict,
    ) -> Result<(), ApiError> {
        match (article_id, image_id) {
            (Some(id), None) => {
                let tags = clean(tags)?;
                self.store.article(id)?;
                self.record(SuggestionOwner::Article(id), &tags, verdict)
            }
            (None, Some(id)) => self.decide_image_tags(id, tags, verdict),
            _ => Err(ApiError::Invalid(text!(
                "name either an article or a picture",
                "Entweder einen Artikel oder ein Bild nennen."
            ))),
        }
    }

    /// Accepts suggested keywords for picture `id` (they are added) or rejects them.
    pub fn decide_image_tags(
        &self,
        id: i64,
        tags: &[String],
        verdict: SuggestionVerdict,
    ) -> Result<(), ApiError> {
        let tags = clean(tags)?;
        if verdict == SuggestionVerdict::Accepted {
            self.tag_images(&[id], &tags, &[])?;
        } else {
            self.store.image(id)?;
        }
        self.record(SuggestionOwner::Image(id), &tags, verdict)
    }

    fn record(
        &self,
        owner: SuggestionOwner,
        tags: &[String],
        verdict: SuggestionVerdict,
    ) -> Result<(), ApiError> {
        let now = self.clock.now().to_rfc3339();
        Ok(self.store.record_verdicts(owner, tags, verdict, &now)?)
    }

    /// Leave-one-out over the library's tagged articles: each is suggested for as if it had
    /// no tags, by a model that learned all the others, and scored against its real tags.
    pub fn evaluate_tags_on_library(&self, ks: &[usize]) -> Result<EvalReport, ApiError> {
        let suggester = self.tags.suggester();
        let analyzer = suggester.analyzer(Language::German);
        let mut model = self.refreshed_model(suggester, None, &mut |_, _| {})?.model;
        let mut evaluation = Evaluation::new(ks);
        let k = ks.iter().copied().max().unwrap_or(10);
        let mut spent = Duration::ZERO;
        let ids = self.store.live_article_ids()?;
        for chunk in ids.chunks(500) {
            for article in self.store.learnable_articles(chunk)? {
                if article.content.tags.is_empty() {
                    continue;
                }
                let gold = article.content.tags.clone();
                let mut untagged = Document::from(&article.content);
                untagged.tags.clear();
                model.forget(article.id);
                let started = Instant::now();
                let got = suggester.suggest(
                    &untagged,
                    &model,
                    &Request {
                        k,
                        rejected: Vec::new(),
                    },
                );
                spent += started.elapsed();
                model.learn(analyzer, article.id, &Document::from(&article.content));
                let names: Vec<String> = got.into_iter().map(|s| s.tag).collect();
                evaluation.add(analyzer, &names, &gold);
            }
        }
        Ok(evaluation.report(newsdesk_suggest::per_document_ms(
            spent,
            evaluation.report(0.0).documents,
        )))
    }
}

/// Scores suggestions on a keyphrase data set in `dir` (no library needed): see
/// [`newsdesk_suggest::evaluate_keyphrase_set`], where the offline evaluation lives.
pub fn evaluate_tags_on_dir(
    dir: &Path,
    ks: &[usize],
    predictions: Option<&Path>,
) -> Result<EvalReport, ApiError> {
    Ok(newsdesk_suggest::evaluate_keyphrase_set(
        dir,
        ks,
        predictions,
    )?)
}

fn join(a: &str, b: &str) -> String {
    match (a.trim().is_empty(), b.trim().is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}\n\n{b}"),
    }
}

/// The tags without blanks; an error when none is left.
fn clean(tags: &[String]) -> Result<Vec<String>, ApiError> {
    let tags: Vec<String> = tags
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if tags.is_empty() {
        return Err(ApiError::Invalid(text!(
            "no tag was given",
            "Es wurde kein Schlagwort angegeben."
        )));
    }
    Ok(tags)
}
