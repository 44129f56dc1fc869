//! "Weitere Meldungen": articles related to one, found through the search index by the
//! article's most telling words ([`newsdesk_search::TextIndex::related`]), the same section
//! first.

use newsdesk_model::RelatedArticle;
use newsdesk_model::fold::fold;

use crate::articles::article::load;
use crate::{Store, StoreError};

impl Store {
    /// Up to `k` articles related to article `id`, most related first: by the article's key
    /// words in the search index, the same section weighing more. The trash is left out.
    pub fn related(&self, id: i64, k: usize) -> Result<Vec<RelatedArticle>, StoreError> {
        self.catch_up_search_index()?;
        let article = self.reading(|conn| load(conn, id))?;
        let found = self.text_index().related(&article.content, 60)?;
        self.reading(|conn| {
            let section = fold(&article.content.section);
            let mut related = Vec::new();
            for (other, relevance) in found {
                if other == id {
                    continue;
                }
                // The index may still list an article another process just removed.
                let found = match load(conn, other) {
                    Ok(found) if found.trashed_at.is_none() => found,
                    Ok(_) | Err(StoreError::ArticleNotFound(_)) => continue,
                    Err(e) => return Err(e),
                };
                let same_section = !section.is_empty() && fold(&found.content.section) == section;
                related.push(RelatedArticle {
                    id: other,
                    kicker: found.content.kicker,
                    title: found.content.title,
                    section: found.content.section,
                    score: relevance * if same_section { 1.5 } else { 1.0 },
                });
            }
            related.sort_by(|a, b| b.score.total_cmp(&a.score));
            related.truncate(k);
            Ok(related)
        })
    }
}
