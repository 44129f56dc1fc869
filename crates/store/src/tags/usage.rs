//! What tag suggestions read from the library and remember in it: the vocabulary with its
//! uses, the articles' texts to learn from, and editors' verdicts on suggestions (migration
//! 7, beside it). A rejected suggestion stays hidden for that article or picture; all
//! verdicts together tell the suggester which tags editors take.

use newsdesk_model::{ArticleContent, CONTENT_ADDRESS_PREFIX, SuggestionVerdict};
use rusqlite::params;

use crate::tags::vocabulary::{Tagged, tag_key};
use crate::{Store, StoreError};

/// A vocabulary tag and how many of something (pictures) carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagUse {
    pub name: String,
    pub uses: u32,
}

/// How editors answered suggestions of one tag, over all articles and pictures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagVerdictCount {
    pub tag: String,
    pub accepted: u32,
    pub rejected: u32,
}

/// An article as the suggester learns it: when it changed last, and its content.
#[derive(Debug, Clone)]
pub struct LearnableArticle {
    pub id: i64,
    pub content: ArticleContent,
}

impl Tagged {
    fn kind_name(self) -> &'static str {
        match self {
            Tagged::Article => "article",
            Tagged::Image => "image",
        }
    }
}

/// Whose suggestions: an article's or a picture's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionOwner {
    Article(i64),
    Image(i64),
}

impl SuggestionOwner {
    fn parts(self) -> (&'static str, i64) {
        match self {
            Self::Article(id) => (Tagged::Article.kind_name(), id),
            Self::Image(id) => (Tagged::Image.kind_name(), id),
        }
    }
}

fn verdict_name(verdict: SuggestionVerdict) -> &'static str {
    match verdict {
        SuggestionVerdict::Accepted => "accepted",
        SuggestionVerdict::Rejected => "rejected",
    }
}

impl Store {
    /// Every vocabulary tag with how many pictures carry it (the articles carrying it are
    /// counted by the tag model, which learned them: counting them here would read every
    /// article's row).
    pub fn tag_picture_uses(&self) -> Result<Vec<TagUse>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT t.name, (SELECT count(*) FROM image_tags it WHERE it.tag_id = t.id)
                 FROM tags t",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(TagUse {
                    name: r.get(0)?,
                    uses: r.get(1)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Remembers the editor's verdict on suggested `tags` for `owner` (a later verdict on
    /// the same tag replaces the earlier one).
    pub fn record_verdicts(
        &self,
        owner: SuggestionOwner,
        tags: &[String],
        verdict: SuggestionVerdict,
        now: &str,
    ) -> Result<(), StoreError> {
        let (kind, id) = owner.parts();
        self.writing(|tx| {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO tag_verdicts (owner_kind, owner_id, tag_key, tag, verdict, decided_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (owner_kind, owner_id, tag_key) DO UPDATE SET
                    tag = excluded.tag, verdict = excluded.verdict, decided_at = excluded.decided_at",
            )?;
            for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
                stmt.execute(params![kind, id, tag_key(tag), tag, verdict_name(verdict), now])?;
            }
            Ok(())
        })
    }

    /// The tags rejected for `owner`: never suggested to it again.
    pub fn rejected_tags(&self, owner: SuggestionOwner) -> Result<Vec<String>, StoreError> {
        let (kind, id) = owner.parts();
        self.reading(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT tag FROM tag_verdicts
                 WHERE owner_kind = ?1 AND owner_id = ?2 AND verdict = 'rejected' ORDER BY tag",
            )?;
            let rows = stmt.query_map(params![kind, id], |r| r.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Accepted and rejected counts per tag, over all articles and pictures.
    pub fn verdict_counts(&self) -> Result<Vec<TagVerdictCount>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT max(tag), sum(verdict = 'accepted'), sum(verdict = 'rejected')
                 FROM tag_verdicts GROUP BY tag_key",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(TagVerdictCount {
                    tag: r.get(0)?,
                    accepted: r.get(1)?,
                    rejected: r.get(2)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// The ids of every article outside the trash: what a model of the library learns.
    pub fn live_article_ids(&self) -> Result<Vec<i64>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn
                .prepare_cached("SELECT id FROM articles WHERE trashed_at IS NULL ORDER BY id")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// The articles `ids` (those still there and outside the trash) with their content.
    pub fn learnable_articles(&self, ids: &[i64]) -> Result<Vec<LearnableArticle>, StoreError> {
        self.reading(|conn| {
            let mut out = Vec::with_capacity(ids.len());
            for &id in ids {
                match crate::articles::article::load(conn, id) {
                    Ok(article) if article.trashed_at.is_none() => out.push(LearnableArticle {
                        id,
                        content: article.content,
                    }),
                    Ok(_) | Err(StoreError::ArticleNotFound(_)) => {}
                    Err(e) => return Err(e),
                }
            }
            Ok(out)
        })
    }
}

impl Store {
    /// The articles (outside the trash) that show library picture `image_id`.
    pub fn articles_showing(&self, image_id: i64) -> Result<Vec<i64>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT DISTINCT ai.article_id FROM article_images ai
                 JOIN images i ON ai.file = ?2 || i.hash
                 JOIN articles a ON a.id = ai.article_id
                 WHERE i.id = ?1 AND a.trashed_at IS NULL ORDER BY ai.article_id",
            )?;
            let rows = stmt.query_map(params![image_id, CONTENT_ADDRESS_PREFIX], |r| r.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }
}

impl Store {
    /// The tag vocabulary, most used first, for completion. (Uses in the trash count too:
    /// counting by the tag index alone keeps this at 40 ms for 100,000 articles, not 1 s.)
    pub fn tag_names(&self) -> Result<Vec<String>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT t.name FROM tags t
                 LEFT JOIN article_tags at ON at.tag_id = t.id
                 GROUP BY t.id ORDER BY count(at.tag_id) DESC, t.name",
            )?;
            let names = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(names)
        })
    }
}
