//! Pulling from a portal: its tags into the vocabulary, its sections for completion, and its
//! published articles into the library — for the archive, tag learning, and updating posts
//! that were made elsewhere.

use newsdesk_model::limits::MAX_PORTAL_PAGES;
use newsdesk_model::text;
use newsdesk_model::{ArticleContent, ErrorCode, PublicationState, PullReport};
use newsdesk_publish::RemotePost;
use newsdesk_store::PublishedPost;

use crate::{ApiError, App};

impl App {
    /// Pulls `portal`'s vocabulary and its published articles (those new to the library
    /// become articles with status "published", linked to their posts).
    pub fn pull_portal(&self, name: &str) -> Result<PullReport, ApiError> {
        let portal = self.store.portal(name)?;
        let adapter = self.adapter(&portal)?;
        let vocabulary = adapter.vocabulary()?;
        let mut report = PullReport {
            portal: portal.name.clone(),
            new_tags: self.store.record_pull(
                &portal.name,
                &vocabulary.tags,
                &vocabulary.sections,
                self.clock.now(),
            )?,
            sections: vocabulary.sections.clone(),
            notes: vocabulary.notes.clone(),
            ..PullReport::default()
        };
        let mut cursor: Option<String> = None;
        for page in 1..=MAX_PORTAL_PAGES {
            let (posts, next) = adapter.published(cursor.as_deref())?;
            for post in posts {
                if self
                    .store
                    .article_for_remote(&portal.name, &post.id)?
                    .is_some()
                {
                    report.known += 1;
                    continue;
                }
                let content = content_from_remote(&post, None);
                if content.title.trim().is_empty() {
                    continue;
                }
                let sent = serde_json::to_string(&post.fields).map_err(|e| {
                    ApiError::Invalid(text!(
                        "the fields cannot be kept: {e}",
                        "Die Felder lassen sich nicht speichern: {e}"
                    ))
                })?;
                let stored = self.store.insert_pulled_article(
                    &content,
                    &portal.name,
                    &PublishedPost {
                        remote_id: post.id.clone(),
                        remote_url: post.url.clone(),
                        remote_modified: post.modified.clone(),
                        sent,
                        state: PublicationState::Published,
                    },
                    &post.slug,
                    self.clock.now(),
                );
                match stored.map_err(ApiError::from) {
                    Ok(id) => report.added.push(id),
                    // One post the library refuses (too large, say) is left out, named; the
                    // rest of the pull goes on. A library that cannot write stops it.
                    Err(e) if e.code() == ErrorCode::InvalidInput => {
                        report.notes.push(format!(
                            "the post {} (\"{}\") was left out: {e}",
                            post.id,
                            short(&content.title)
                        ));
                    }
                    Err(e) => return Err(e),
                }
            }
            match next {
                Some(_) if page == MAX_PORTAL_PAGES => report.notes.push(format!(
                    "the portal's published posts run past {MAX_PORTAL_PAGES} pages: the rest \
                     was left out (MAX_PORTAL_PAGES)"
                )),
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        Ok(report)
    }
}

/// The portal's post as article content: kicker and title (apart where the portal keeps them
/// apart, else split from the shown title at the library's kicker or by the portal's
/// convention), the excerpt as teaser, the HTML as Markdown (what Newsdesk itself appended —
/// figures, the author's initials, the links — left out), tags and section. Over `base` (the
/// library's own version), the pictures, links and the rest stay as they are there.
pub(crate) fn content_from_remote(
    post: &RemotePost,
    base: Option<&ArticleContent>,
) -> ArticleContent {
    let parts = post.kicker_and_title(base.map_or("", |b| b.kicker.as_str()));
    let mut content = base.cloned().unwrap_or_default();
    content.kicker = parts.kicker;
    content.title = parts.title;
    content.teaser = post.fields.excerpt.trim().to_string();
    content.body =
        newsdesk_markdown::html_to_markdown(&without_newsdesk_parts(&post.fields.content));
    content.tags = post.fields.tags.clone();
    content.section = post.fields.section.clone();
    if base.is_none() {
        content.date = post.published.map(|at| at.date_naive());
    }
    content
}

/// The first 80 characters of `title`, for a note.
fn short(title: &str) -> String {
    let mut cut: String = title.chars().take(80).collect();
    if cut.len() < title.len() {
        cut.push('…');
    }
    cut
}

/// The HTML without the parts Newsdesk adds to the body when it publishes (in one pass per
/// kind of part, however many a post holds).
fn without_newsdesk_parts(html: &str) -> String {
    let mut html = html.to_string();
    for (open, close) in [
        ("<figure class=\"newsdesk-figure\"", "</figure>"),
        ("<p class=\"newsdesk-author\"", "</p>"),
        ("<ul class=\"newsdesk-links\"", "</ul>"),
    ] {
        let mut kept = String::with_capacity(html.len());
        let mut rest = html.as_str();
        while let Some(start) = rest.find(open) {
            let Some(end) = rest[start..].find(close) else {
                break;
            };
            kept.push_str(&rest[..start]);
            rest = &rest[start + end + close.len()..];
        }
        kept.push_str(rest);
        html = kept;
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_newsdesk_appended_does_not_come_back_into_the_body() {
        let html = "<p>Text.</p>\n<figure class=\"newsdesk-figure\"><img src=\"x\"/><figcaption>c</figcaption></figure>\
                    \n<p class=\"newsdesk-author\">(ba)</p>\n<ul class=\"newsdesk-links\"><li>l</li></ul>";
        assert_eq!(without_newsdesk_parts(html).trim(), "<p>Text.</p>");
        let many = "<p>a</p><figure class=\"newsdesk-figure\">x</figure>".repeat(3);
        assert_eq!(without_newsdesk_parts(&many), "<p>a</p><p>a</p><p>a</p>");
        let open = "<p>b</p><figure class=\"newsdesk-figure\"> never closed";
        assert_eq!(without_newsdesk_parts(open), open, "an unclosed part stays");
    }
}
