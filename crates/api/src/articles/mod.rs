//! Articles: create, read, list, change, duplicate, the trash and the workflow status.

mod content_check;
mod desk;
mod readiness;
mod stats;

pub use desk::AddressChanges;
pub use readiness::check_readiness;
pub use stats::article_stats;

use newsdesk_model::{
    Article, ArticleContent, ArticleFilter, ArticleStats, ArticleSummary, OpenedArticle,
    ReadinessProblem, RelatedArticle, Status,
};

use crate::{ApiError, App};

impl App {
    pub fn list_articles(&self, filter: &ArticleFilter) -> Result<Vec<ArticleSummary>, ApiError> {
        Ok(self.store.list(filter)?)
    }

    pub fn get_article(&self, id: i64) -> Result<Article, ApiError> {
        Ok(self.store.article(id)?)
    }

    /// The article with its preview, as the editor opens it: one call, the body rendered once.
    pub fn open_article(&self, id: i64) -> Result<OpenedArticle, ApiError> {
        let article = self.store.article(id)?;
        let preview = self.render_markdown(&article.content.body);
        Ok(OpenedArticle { article, preview })
    }

    /// A new draft (revision 1).
    pub fn create_article(&self, content: &ArticleContent) -> Result<Article, ApiError> {
        Ok(self
            .store
            .insert_article(content, Status::Draft, "new", self.clock.now())?)
    }

    /// Saves new content as the next revision. With `expected_revision`, a save made on an
    /// older state is refused as a conflict (code `conflict`) and nothing is overwritten.
    pub fn save_article(
        &self,
        id: i64,
        content: &ArticleContent,
        expected_revision: Option<i64>,
    ) -> Result<Article, ApiError> {
        let saved =
            self.store
                .update_article(id, content, expected_revision, "save", self.clock.now())?;
        // An embargo set or lifted in the editor changes when the outbox's jobs are due.
        self.publishing.ring();
        Ok(saved)
    }

    /// A new draft with the same content, titled "… (Kopie)", without the original's address
    /// and corrections.
    pub fn duplicate_article(&self, id: i64) -> Result<Article, ApiError> {
        let original = self.store.article(id)?;
        let mut content = original.content;
        content.title = format!("{} (Kopie)", content.title);
        // The copy is a new article: the original's address and corrections are not its own
        // (its embargo stays: the copy holds the same news).
        content.slug.clear();
        content.corrections.clear();
        Ok(self.store.insert_article(
            &content,
            Status::Draft,
            &format!("copy of article {id}"),
            self.clock.now(),
        )?)
    }

    /// Sets the workflow status. "ready" is refused while a blocking problem remains
    /// ([`ApiError::NotReady`] lists them).
    pub fn set_status(&self, id: i64, status: Status) -> Result<Article, ApiError> {
        if status == Status::Ready {
            let blocking: Vec<ReadinessProblem> = self
                .check_article(id)?
                .into_iter()
                .filter(|p| p.blocking)
                .collect();
            if !blocking.is_empty() {
                return Err(ApiError::NotReady {
                    id,
                    problems: blocking,
                });
            }
        }
        Ok(self.store.set_status(id, status, self.clock.now())?)
    }

    /// What keeps the article from being ready, and accessibility hints; empty when ready.
    pub fn check_article(&self, id: i64) -> Result<Vec<ReadinessProblem>, ApiError> {
        self.check_content(&self.store.article(id)?.content)
    }

    /// Words, characters, reading time, long sentences and readability.
    pub fn article_stats(&self, id: i64) -> Result<ArticleStats, ApiError> {
        self.content_stats(&self.store.article(id)?.content)
    }

    /// The counts of `content` as written (saved or not), with the library's teaser length
    /// (setting `teaser_max_chars`).
    pub fn content_stats(&self, content: &ArticleContent) -> Result<ArticleStats, ApiError> {
        let mut stats = article_stats(content);
        stats.teaser_limit = self.teaser_limit()?;
        Ok(stats)
    }

    /// Articles that could stand under "Weitere Meldungen", most related first.
    pub fn related_articles(&self, id: i64, k: usize) -> Result<Vec<RelatedArticle>, ApiError> {
        Ok(self.store.related(id, k)?)
    }

    /// Sets the articles shown under "Weitere Meldungen", in order.
    pub fn set_related(&self, id: i64, related: &[i64]) -> Result<Article, ApiError> {
        Ok(self.store.set_related(id, related, self.clock.now())?)
    }

    /// The tag vocabulary, most used first, for completion.
    pub fn tag_names(&self) -> Result<Vec<String>, ApiError> {
        Ok(self.store.tag_names()?)
    }

    /// Moves an article to the trash; nothing is deleted until the trash is emptied.
    pub fn trash_article(&self, id: i64) -> Result<Article, ApiError> {
        Ok(self.store.trash_article(id, self.clock.now())?)
    }

    pub fn untrash_article(&self, id: i64) -> Result<Article, ApiError> {
        Ok(self.store.untrash_article(id)?)
    }

    /// Deletes the articles in the trash for good; returns how many.
    pub fn empty_trash(&self) -> Result<usize, ApiError> {
        Ok(self.store.empty_trash()?)
    }
}
