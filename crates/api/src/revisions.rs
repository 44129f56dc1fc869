//! The history of an article: every save, word-level differences, restoring an old state.

use newsdesk_model::{
    Article, ArticleContent, DiffKind, DiffSegment, FieldDiff, RevisionDiff, RevisionSummary,
};
use similar::{ChangeTag, TextDiff};

use crate::{ApiError, App};

/// The fields of an article as (front-matter name, text) for comparing two revisions.
fn comparable(c: &ArticleContent) -> Vec<(&'static str, String)> {
    let images = c
        .images
        .iter()
        .map(|i| format!("{} | {} | {} | {}", i.file, i.caption, i.credit, i.alt))
        .collect::<Vec<_>>()
        .join("\n");
    let links = c
        .links
        .iter()
        .map(|l| format!("{} | {} | {}", l.title, l.url, l.kind))
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        ("kicker", c.kicker.clone()),
        ("title", c.title.clone()),
        ("type", c.kind.clone()),
        ("section", c.section.clone()),
        ("date", c.date.map(|d| d.to_string()).unwrap_or_default()),
        ("author", c.author.clone()),
        ("teaser", c.teaser.clone()),
        ("tags", c.tags.join(", ")),
        ("images", images),
        ("links", links),
        ("body", c.body.clone()),
    ]
}

/// Word by word: runs of equal, deleted and inserted text.
fn word_diff(old: &str, new: &str) -> Vec<DiffSegment> {
    let diff = TextDiff::configure().diff_unicode_words(old, new);
    let mut segments: Vec<DiffSegment> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => DiffKind::Equal,
            ChangeTag::Delete => DiffKind::Delete,
            ChangeTag::Insert => DiffKind::Insert,
        };
        match segments.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => segments.push(DiffSegment {
                kind,
                text: change.value().to_string(),
            }),
        }
    }
    segments
}

/// What changed between two saved states of an article, field by field.
pub fn diff_contents(old: &ArticleContent, new: &ArticleContent) -> Vec<FieldDiff> {
    comparable(old)
        .into_iter()
        .zip(comparable(new))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, a), (_, b))| FieldDiff {
            field: field.to_string(),
            segments: word_diff(&a, &b),
        })
        .collect()
}

impl App {
    /// The revisions of an article, newest first.
    pub fn article_history(&self, id: i64) -> Result<Vec<RevisionSummary>, ApiError> {
        Ok(self.store.history(id)?)
    }

    /// Makes an old revision current again (as a new revision).
    pub fn restore_revision(&self, id: i64, revision: i64) -> Result<Article, ApiError> {
        Ok(self
            .store
            .restore_revision(id, revision, self.clock.now())?)
    }

    /// What changed from revision `from` to revision `to`, word by word.
    pub fn diff_revisions(&self, id: i64, from: i64, to: i64) -> Result<RevisionDiff, ApiError> {
        let old = self.store.revision(id, from)?;
        let new = self.store.revision(id, to)?;
        Ok(RevisionDiff {
            article_id: id,
            from,
            to,
            fields: diff_contents(&old.content, &new.content),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_word_is_one_deletion_and_one_insertion() {
        let segments = word_diff("Das Kabinett tagte heute.", "Das Kabinett tagte gestern.");
        let kinds: Vec<DiffKind> = segments.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                DiffKind::Equal,
                DiffKind::Delete,
                DiffKind::Insert,
                DiffKind::Equal
            ]
        );
        assert_eq!(segments[1].text, "heute");
        assert_eq!(segments[2].text, "gestern");
    }

    #[test]
    fn unchanged_fields_are_left_out() {
        let a = ArticleContent {
            title: "A".into(),
            body: "x".into(),
            ..Default::default()
        };
        let b = ArticleContent {
            body: "y".into(),
            ..a.clone()
        };
        let fields: Vec<String> = diff_contents(&a, &b).into_iter().map(|f| f.field).collect();
        assert_eq!(fields, ["body"]);
    }
}
