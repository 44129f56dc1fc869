//! Portals, publications and the outbox on a real library file: jobs survive a reopen, a
//! second request for the same article joins the waiting job, a runner that died mid-send
//! leaves its job to be sent again, the pictures a portal holds are remembered.

use chrono::Duration;
use newsdesk_model::{GERMAN, JobAction, JobState, NewPortal, PortalKind, Status, Text, text};
use newsdesk_store::{JobOutcome, PortalMedia, PublishedPost, Store, StoreError};

use super::{article, at, library};

fn portal(name: &str) -> NewPortal {
    NewPortal {
        name: name.into(),
        kind: PortalKind::Wordpress,
        url: "https://portal.example".into(),
        user: "ba".into(),
        timeout_secs: Some(5),
    }
}

#[test]
fn a_portal_name_is_taken_once_and_a_missing_one_is_said() {
    let lib = library();
    let added = lib.store.add_portal(&portal("wp"), at(0)).expect("added");
    assert_eq!(added.timeout_secs, 5);
    assert!(matches!(
        lib.store.add_portal(&portal("wp"), at(1)),
        Err(StoreError::PortalExists(name)) if name == "wp"
    ));
    assert!(matches!(
        lib.store.portal("ghost"),
        Err(StoreError::PortalNotFound(_))
    ));
}

#[test]
fn jobs_survive_a_reopen_and_a_repeat_joins_the_waiting_job() {
    let lib = library();
    lib.store.add_portal(&portal("wp"), at(0)).expect("portal");
    let id = lib
        .store
        .insert_article(&article("Eins"), Status::Ready, "test", at(0))
        .expect("article")
        .id;
    let first = lib
        .store
        .enqueue(id, "wp", JobAction::Publish, None, at(1))
        .expect("queued");
    let again = lib
        .store
        .enqueue(id, "wp", JobAction::Withdraw, None, at(2))
        .expect("queued again");
    assert_eq!(
        again.id, first.id,
        "one job per article and portal while it waits"
    );
    assert_eq!(again.action, JobAction::Withdraw, "the newest request wins");
    let path = lib.path();
    drop(lib.store);
    let store = Store::open(&path).expect("reopens");
    let jobs = store.outbox_jobs(true, 10).expect("jobs");
    assert_eq!(jobs.len(), 1, "the job is still there after a restart");
    assert_eq!(jobs[0].state, JobState::Queued);
    assert_eq!(jobs[0].title, "Eins");
}

#[test]
fn a_job_left_sending_by_a_dead_runner_is_due_again() {
    let lib = library();
    lib.store.add_portal(&portal("wp"), at(0)).expect("portal");
    let id = lib
        .store
        .insert_article(&article("Zwei"), Status::Ready, "test", at(0))
        .expect("article")
        .id;
    let job = lib
        .store
        .enqueue(id, "wp", JobAction::Publish, None, at(1))
        .expect("queued");
    let claimed = lib.store.claim_due_job(at(1)).expect("claim").expect("due");
    assert_eq!(claimed.job.id, job.id);
    assert_eq!(claimed.job.state, JobState::Sending);
    assert!(
        lib.store.claim_due_job(at(1)).expect("claim").is_none(),
        "a job being sent is not claimed twice"
    );
    // The runner dies here. The next runner recovers it.
    assert_eq!(lib.store.recover_sending_jobs(at(5)).expect("recover"), 1);
    let again = lib
        .store
        .claim_due_job(at(5))
        .expect("claim")
        .expect("due again");
    assert_eq!(again.job.attempts, 2, "the interrupted attempt counts");
}

#[test]
fn a_job_cut_off_twice_in_a_row_fails_instead_of_stopping_every_run() {
    let lib = library();
    lib.store.add_portal(&portal("wp"), at(0)).expect("portal");
    let id = lib
        .store
        .insert_article(&article("Absturz"), Status::Ready, "test", at(0))
        .expect("article")
        .id;
    let job = lib
        .store
        .enqueue(id, "wp", JobAction::Publish, None, at(1))
        .expect("queued");
    lib.store.claim_due_job(at(1)).expect("claim").expect("due");
    lib.store.recover_sending_jobs(at(2)).expect("recover");
    assert_eq!(
        lib.store.outbox_job(job.id).expect("job").state,
        JobState::Retrying,
        "cut off once: sent again"
    );
    lib.store.claim_due_job(at(2)).expect("claim").expect("due");
    // The process ends again while sending the same job (the job may be what ends it).
    lib.store.recover_sending_jobs(at(3)).expect("recover");
    let failed = lib.store.outbox_job(job.id).expect("job");
    assert_eq!(failed.state, JobState::Failed, "not sent again by itself");
    assert!(
        failed
            .error
            .as_deref()
            .is_some_and(|e| e.contains("stopped twice")),
        "says why: {failed:?}"
    );
    assert!(lib.store.claim_due_job(at(4)).expect("claim").is_none());
    let cancelled = lib
        .store
        .cancel_job(
            job.id,
            &text!("cancelled by the editor", "von der Redaktion abgebrochen"),
            at(5),
        )
        .expect("a failed job can be cancelled");
    assert_eq!(cancelled.state, JobState::Cancelled);

    // A job that was settled in between starts counting anew.
    let other = lib
        .store
        .enqueue(id, "wp", JobAction::Update, None, at(6))
        .expect("queued");
    lib.store.claim_due_job(at(6)).expect("claim").expect("due");
    lib.store.recover_sending_jobs(at(7)).expect("recover");
    let claimed = lib.store.claim_due_job(at(7)).expect("claim").expect("due");
    lib.store
        .settle_job(
            claimed.job.id,
            &JobOutcome::Retry {
                at: at(8),
                kind: "network",
                error: Text::verbatim("offline"),
            },
            at(7),
        )
        .expect("settled");
    lib.store.claim_due_job(at(8)).expect("claim").expect("due");
    lib.store.recover_sending_jobs(at(9)).expect("recover");
    assert_eq!(
        lib.store.outbox_job(other.id).expect("job").state,
        JobState::Retrying,
        "one cut-off after a settled attempt is sent again"
    );
}

#[test]
fn a_retry_waits_until_it_is_due_and_failures_are_counted() {
    let lib = library();
    lib.store.add_portal(&portal("wp"), at(0)).expect("portal");
    let id = lib
        .store
        .insert_article(&article("Drei"), Status::Ready, "test", at(0))
        .expect("article")
        .id;
    lib.store
        .enqueue(id, "wp", JobAction::Publish, None, at(1))
        .expect("queued");
    let claimed = lib.store.claim_due_job(at(1)).expect("claim").expect("due");
    let later = at(1) + Duration::seconds(30);
    let job = lib
        .store
        .settle_job(
            claimed.job.id,
            &JobOutcome::Retry {
                at: later,
                kind: "network",
                error: Text::verbatim("offline"),
            },
            at(1),
        )
        .expect("settled");
    assert_eq!(job.state, JobState::Retrying);
    assert!(
        lib.store.claim_due_job(at(1)).expect("claim").is_none(),
        "not yet"
    );
    assert_eq!(lib.store.next_job_due().expect("next"), Some(later));
    let summary = lib.store.outbox_summary().expect("summary");
    assert_eq!((summary.pending, summary.waiting_for_network), (1, 1));
    let claimed = lib
        .store
        .claim_due_job(later)
        .expect("claim")
        .expect("due now");
    lib.store
        .settle_job(
            claimed.job.id,
            &JobOutcome::Failed {
                error: Text::verbatim("401"),
            },
            later,
        )
        .expect("settled");
    assert_eq!(lib.store.outbox_summary().expect("summary").failed, 1);
}

#[test]
fn publishing_records_the_post_and_sets_the_status_as_a_revision() {
    let lib = library();
    lib.store.add_portal(&portal("wp"), at(0)).expect("portal");
    let id = lib
        .store
        .insert_article(&article("Vier"), Status::Ready, "test", at(0))
        .expect("article")
        .id;
    let begun = lib
        .store
        .begin_publication(id, "wp", "vier-nd0123456789")
        .expect("begun");
    assert_eq!(begun.state, newsdesk_model::PublicationState::Pending);
    let again = lib
        .store
        .begin_publication(id, "wp", "another-marker")
        .expect("begun again");
    assert_eq!(again.marker, "vier-nd0123456789", "the first marker stays");
    let post = PublishedPost {
        remote_id: "17".into(),
        remote_url: "https://portal.example/vier/".into(),
        remote_modified: "2026-11-28T09:02:00".into(),
        sent: "{}".into(),
        state: newsdesk_model::PublicationState::Published,
    };
    lib.store
        .record_published(id, "wp", &post, at(2))
        .expect("recorded");
    let article = lib.store.article(id).expect("article");
    assert_eq!(article.status, Status::Published);
    let history = lib.store.history(id).expect("history");
    assert_eq!(history[0].note, "published on wp");
    lib.store
        .record_published(id, "wp", &post, at(3))
        .expect("again");
    assert_eq!(
        lib.store.article(id).expect("article").status,
        Status::Updated
    );
    assert_eq!(
        lib.store.article_for_remote("wp", "17").expect("found"),
        Some(id)
    );
    lib.store
        .record_withdrawn(id, "wp", "x", at(4))
        .expect("withdrawn");
    assert_eq!(
        lib.store.article(id).expect("article").status,
        Status::Withdrawn
    );
    assert_eq!(
        lib.store.publications_of(id).expect("publications")[0].state,
        newsdesk_model::PublicationState::Withdrawn
    );
}

#[test]
fn a_portal_remembers_the_pictures_it_holds() {
    let lib = library();
    lib.store.add_portal(&portal("wp"), at(0)).expect("portal");
    assert!(lib.store.portal_media("wp", "ab").expect("read").is_none());
    let media = PortalMedia {
        remote_id: "5".into(),
        remote_url: "https://portal.example/a.jpg".into(),
        caption: "c".into(),
        alt: "a".into(),
    };
    lib.store
        .record_portal_media("wp", "ab", &media)
        .expect("recorded");
    assert_eq!(
        lib.store.portal_media("wp", "ab").expect("read"),
        Some(media)
    );
    lib.store.remove_portal("wp").expect("removed");
    assert!(
        lib.store.portal_media("wp", "ab").expect("read").is_none(),
        "a removed portal takes its records along"
    );
}

#[test]
fn a_pull_adds_new_tags_to_the_vocabulary_and_keeps_the_sections() {
    let lib = library();
    lib.store.add_portal(&portal("wp"), at(0)).expect("portal");
    lib.store
        .insert_article(&article("Fünf"), Status::Draft, "test", at(0))
        .expect("article");
    let added = lib
        .store
        .record_pull(
            "wp",
            &["Thüringen".into(), "Neu".into(), "neu".into()],
            &["Politik".into(), "Wirtschaft".into()],
            at(1),
        )
        .expect("pulled");
    assert_eq!(added, ["Neu"], "known tags and repeats are not new");
    assert!(
        lib.store
            .tag_names()
            .expect("tags")
            .contains(&"Neu".to_string())
    );
    let sections = lib.store.section_names().expect("sections");
    assert!(sections.contains(&"Wirtschaft".to_string()), "{sections:?}");
    assert!(lib.store.portal("wp").expect("portal").pulled_at.is_some());
}

#[test]
fn an_embargo_holds_a_queued_job_until_it_ends_and_lifting_it_releases_the_job() {
    let lib = library();
    lib.store.add_portal(&portal("wp"), at(0)).expect("portal");
    let mut content = article("Gesperrt");
    let id = lib
        .store
        .insert_article(&content, Status::Ready, "test", at(0))
        .expect("article")
        .id;
    let job = lib
        .store
        .enqueue(id, "wp", JobAction::Publish, None, at(1))
        .expect("queued");
    // The desk sets an embargo after the job was queued.
    content.embargo = Some(at(30));
    lib.store
        .update_article(id, &content, None, "embargo", at(2))
        .expect("embargo");
    assert!(
        lib.store.claim_due_job(at(3)).expect("claim").is_none(),
        "the job is held: nothing is due before the embargo"
    );
    assert_eq!(
        lib.store.next_job_due().expect("next"),
        Some(at(30)),
        "the runner sleeps until the embargo ends, not in a loop"
    );
    assert_eq!(
        lib.store.outbox_job(job.id).expect("job").embargo,
        Some(at(30)),
        "the outbox says until when it is held"
    );
    let claimed = lib.store.claim_due_job(at(30)).expect("claim at the end");
    assert_eq!(
        claimed.map(|c| c.job.id),
        Some(job.id),
        "due once the embargo ends"
    );
    // The portal did not answer: it waits again, and a new embargo holds it again.
    lib.store
        .settle_job(
            job.id,
            &JobOutcome::Retry {
                at: at(31),
                kind: "network",
                error: newsdesk_model::Text::verbatim("offline"),
            },
            at(31),
        )
        .expect("retrying");
    content.embargo = Some(at(50));
    lib.store
        .update_article(id, &content, None, "embargo again", at(32))
        .expect("embargo again");
    assert!(lib.store.claim_due_job(at(33)).expect("claim").is_none());
    content.embargo = None;
    lib.store
        .update_article(id, &content, None, "embargo cleared", at(34))
        .expect("cleared");
    assert_eq!(
        lib.store
            .claim_due_job(at(35))
            .expect("claim")
            .map(|c| c.job.id),
        Some(job.id),
        "lifting the embargo releases the job at once"
    );
}

#[test]
fn a_withdrawal_is_never_held_by_an_embargo() {
    let lib = library();
    lib.store.add_portal(&portal("wp"), at(0)).expect("portal");
    let mut content = article("Zurückgezogen");
    content.embargo = Some(at(50));
    let id = lib
        .store
        .insert_article(&content, Status::Published, "test", at(0))
        .expect("article")
        .id;
    let job = lib
        .store
        .enqueue(id, "wp", JobAction::Withdraw, None, at(1))
        .expect("queued");
    assert_eq!(
        lib.store
            .claim_due_job(at(2))
            .expect("claim")
            .map(|c| c.job.id),
        Some(job.id),
        "taking an article off the portal lets nothing out"
    );
}

#[test]
fn a_jobs_reason_is_kept_and_returned_in_german_beside_the_english() {
    let lib = library();
    lib.store.add_portal(&portal("wp"), at(0)).expect("portal");
    let id = lib
        .store
        .insert_article(&article("Vier"), Status::Ready, "test", at(0))
        .expect("article")
        .id;
    lib.store
        .enqueue(id, "wp", JobAction::Publish, None, at(1))
        .expect("queued");
    let claimed = lib.store.claim_due_job(at(1)).expect("claim").expect("due");
    let reason = text!(
        "the portal cannot be reached (offline)",
        "Das Portal ist nicht erreichbar (offline)."
    );
    lib.store
        .settle_job(
            claimed.job.id,
            &JobOutcome::Failed {
                error: reason.clone(),
            },
            at(1),
        )
        .expect("settled");
    let super::Library { dir, store } = lib;
    drop(store);
    let lib = super::Library {
        store: Store::open(&dir.path().join("library.sqlite")).expect("reopens"),
        dir,
    };
    let job = lib.store.outbox_job(claimed.job.id).expect("job");
    assert_eq!(
        job.error.as_deref(),
        Some(reason.en.as_str()),
        "the CLI's English"
    );
    assert_eq!(
        job.error_translations.get(GERMAN).map(String::as_str),
        Some(reason.de.as_str()),
        "the window's German, read back from the file"
    );
    let listed = lib.store.outbox_jobs(false, 10).expect("list");
    assert_eq!(listed[0].error_translations, job.error_translations);

    let requeued = lib
        .store
        .requeue_job(job.id, false, at(2))
        .expect("requeued");
    assert!(
        requeued.error.is_none() && requeued.error_translations.is_empty(),
        "a job sent again has no reason in either language: {requeued:?}"
    );
    let cancelled = lib
        .store
        .cancel_job(
            job.id,
            &text!("cancelled by the editor", "von der Redaktion abgebrochen"),
            at(3),
        )
        .expect("cancelled");
    assert_eq!(
        cancelled.error_translations.get(GERMAN).map(String::as_str),
        Some("von der Redaktion abgebrochen")
    );
}
