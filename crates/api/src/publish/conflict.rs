//! A conflict: the portal's copy changed since it was last published from here. The outbox
//! stops the job and keeps three versions of every field that differs — as last published
//! (the base), as the library has it, as the portal has it — and the editor chooses.

use newsdesk_model::text;
use newsdesk_model::{ConflictChoice, ConflictField, OutboxJob, PublishConflict};
use newsdesk_publish::{Post, PostFields, PostStatus, RemoteImage, RemotePost};
use newsdesk_store::{ClaimedJob, JobOutcome};

use super::pull::content_from_remote;
use crate::{ApiError, App};

impl App {
    /// The conflict of job `claimed` as an outcome to store. `known` is the portal's copy when
    /// the caller has it (`Some(None)`: deleted there); otherwise it is read now.
    pub(super) fn conflict_outcome(
        &self,
        claimed: &ClaimedJob,
        known: Option<Option<RemotePost>>,
    ) -> Result<JobOutcome, ApiError> {
        let job = &claimed.job;
        let record = self
            .store
            .publication(job.article_id, &job.portal)?
            .ok_or_else(|| {
                ApiError::Invalid(text!(
                    "the publication vanished",
                    "Die Veröffentlichung ist verschwunden."
                ))
            })?;
        let adapter = self.adapter(&self.store.portal(&job.portal)?)?;
        let remote = match known {
            Some(known) => known,
            None => match &record.remote_id {
                Some(id) => adapter.fetch(id)?,
                None => None,
            },
        };
        let article = self.store.article(job.article_id)?;
        let post = Post::from_article(
            &self.gather(&article, true)?,
            &record.marker,
            PostStatus::Publish,
        );
        let uploaded = post
            .images
            .iter()
            .map(|image| {
                Ok(match self.store.portal_media(&job.portal, &image.digest)? {
                    Some(known) => RemoteImage {
                        id: known.remote_id,
                        url: known.remote_url,
                    },
                    None => RemoteImage {
                        id: String::new(),
                        url: image.file_name.clone(),
                    },
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        let base: PostFields = record
            .sent
            .as_deref()
            .and_then(|sent| serde_json::from_str(sent).ok())
            .unwrap_or_default();
        let local = adapter.sent_fields(&post, &uploaded);
        let remote_fields = remote
            .as_ref()
            .map(|r| r.fields.clone())
            .unwrap_or_default();
        let conflict = PublishConflict {
            job_id: job.id,
            article_id: job.article_id,
            portal: job.portal.clone(),
            remote_exists: remote.is_some(),
            recorded_modified: record.remote_modified.clone(),
            remote_modified: remote.as_ref().map(|r| r.modified.clone()),
            fields: differing_fields(&base, &local, &remote_fields),
        };
        let error = if remote.is_some() {
            text!(
                "the article was changed on {} since it was last published from here; \
                 nothing was overwritten",
                "Der Artikel wurde auf {} geändert, seit er zuletzt von hier veröffentlicht \
                 wurde; nichts wurde überschrieben.",
                job.portal
            )
        } else {
            text!(
                "the post was deleted on {} since it was last published from here",
                "Der Beitrag wurde auf {} gelöscht, seit er zuletzt von hier veröffentlicht \
                 wurde.",
                job.portal
            )
        };
        Ok(JobOutcome::Conflict {
            error,
            conflict: serde_json::to_string(&conflict).map_err(|e| {
                ApiError::Invalid(text!(
                    "the conflict cannot be kept: {e}",
                    "Der Konflikt lässt sich nicht speichern: {e}"
                ))
            })?,
        })
    }

    /// The three versions of job `id`'s conflict.
    pub fn publish_conflict(&self, id: i64) -> Result<PublishConflict, ApiError> {
        let text = self.store.job_conflict(id)?.ok_or_else(|| {
            ApiError::Invalid(text!(
                "outbox job {id} is not in conflict",
                "Auftrag {id} im Postausgang steckt in keinem Konflikt."
            ))
        })?;
        serde_json::from_str(&text).map_err(|e| {
            ApiError::Invalid(text!(
                "the conflict of outbox job {id} cannot be read: {e}",
                "Der Konflikt von Auftrag {id} im Postausgang ist nicht lesbar: {e}"
            ))
        })
    }

    /// Settles job `id`'s conflict as the editor chose.
    pub fn resolve_conflict(&self, id: i64, choice: ConflictChoice) -> Result<OutboxJob, ApiError> {
        let conflict = self.publish_conflict(id)?;
        let now = self.clock.now();
        let job = match choice {
            ConflictChoice::KeepMine => {
                let job = self.store.requeue_job(id, true, now)?;
                self.publishing.ring();
                job
            }
            ConflictChoice::Cancel => {
                self.store
                    .cancel_job(id, &super::cancelled_by_the_editor(), now)?
            }
            ConflictChoice::TakeTheirs => {
                let portal = self.store.portal(&conflict.portal)?;
                let record = self
                    .store
                    .publication(conflict.article_id, &portal.name)?
                    .ok_or_else(|| {
                        ApiError::Invalid(text!(
                            "the publication vanished",
                            "Die Veröffentlichung ist verschwunden."
                        ))
                    })?;
                let current = match &record.remote_id {
                    Some(remote_id) => self.adapter(&portal)?.fetch(remote_id)?,
                    None => None,
                };
                let Some(current) = current else {
                    return Err(ApiError::Invalid(text!(
                        "the post no longer exists on {}: there is nothing to take; keep mine \
                         publishes it again",
                        "Den Beitrag gibt es auf {} nicht mehr: Es gibt nichts zu übernehmen; „Meine Fassung senden“ veröffentlicht ihn neu.",
                        portal.name
                    )));
                };
                let article = self.store.article(conflict.article_id)?;
                let content = content_from_remote(&current, Some(&article.content));
                self.store.update_article(
                    article.id,
                    &content,
                    None,
                    &format!("taken from {}", portal.name),
                    now,
                )?;
                let sent = serde_json::to_string(&current.fields).map_err(|e| {
                    ApiError::Invalid(text!(
                        "the fields cannot be kept: {e}",
                        "Die Felder lassen sich nicht speichern: {e}"
                    ))
                })?;
                self.store.record_remote_base(
                    article.id,
                    &portal.name,
                    &current.modified,
                    &sent,
                )?;
                self.store.cancel_job(
                    id,
                    &text!(
                        "the portal's version was taken into the library",
                        "die Fassung des Portals wurde in die Bibliothek übernommen"
                    ),
                    now,
                )?
            }
        };
        Ok(job)
    }
}

/// The fields where the three versions are not all alike, each readable: HTML as Markdown,
/// tags as a list.
fn differing_fields(
    base: &PostFields,
    local: &PostFields,
    remote: &PostFields,
) -> Vec<ConflictField> {
    let readable = |html: &str| newsdesk_markdown::html_to_markdown(html);
    let rows = [
        (
            "title",
            base.title.clone(),
            local.title.clone(),
            remote.title.clone(),
        ),
        (
            "excerpt",
            base.excerpt.clone(),
            local.excerpt.clone(),
            remote.excerpt.clone(),
        ),
        (
            "content",
            readable(&base.content),
            readable(&local.content),
            readable(&remote.content),
        ),
        (
            "tags",
            base.tags.join(", "),
            local.tags.join(", "),
            remote.tags.join(", "),
        ),
        (
            "section",
            base.section.clone(),
            local.section.clone(),
            remote.section.clone(),
        ),
    ];
    // Tags in another order are the same tags (portals list them by name or id).
    let same = |field: &str, a: &str, b: &str| {
        if field == "tags" {
            let sorted = |s: &str| {
                let mut tags: Vec<String> =
                    s.split(", ").map(|t| t.trim().to_lowercase()).collect();
                tags.sort();
                tags
            };
            sorted(a) == sorted(b)
        } else {
            a.trim() == b.trim()
        }
    };
    rows.into_iter()
        .filter(|(field, b, l, r)| !(same(field, b, l) && same(field, l, r)))
        .map(|(field, base, local, remote)| ConflictField {
            field: field.into(),
            base,
            local,
            remote,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(title: &str, tags: &[&str]) -> PostFields {
        PostFields {
            title: title.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..PostFields::default()
        }
    }

    #[test]
    fn only_fields_that_differ_are_shown_and_tag_order_is_no_difference() {
        let base = fields("Thüringen: Kabinett", &["Thüringen", "E-Government"]);
        let local = fields("Thüringen: Kabinett", &["Thüringen", "E-Government"]);
        let remote = fields(
            "Thüringen: Kabinett (korrigiert)",
            &["E-Government", "thüringen"],
        );
        let shown = differing_fields(&base, &local, &remote);
        let names: Vec<&str> = shown.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            names,
            ["title"],
            "the title differs, the tags only in order and case"
        );
        assert_eq!(shown[0].remote, "Thüringen: Kabinett (korrigiert)");
    }
}
