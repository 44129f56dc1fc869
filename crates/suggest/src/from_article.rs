//! An article's (or picture's) fields as a [`Document`].

use newsdesk_model::ArticleContent;

use crate::Document;

impl From<&ArticleContent> for Document {
    fn from(article: &ArticleContent) -> Self {
        Self {
            kicker: article.kicker.clone(),
            title: article.title.clone(),
            teaser: article.teaser.clone(),
            body: article.body.clone(),
            captions: article
                .images
                .iter()
                .map(|i| i.caption.clone())
                .filter(|c| !c.trim().is_empty())
                .collect(),
            section: article.section.clone(),
            kind: article.kind.clone(),
            tags: article.tags.clone(),
        }
    }
}
