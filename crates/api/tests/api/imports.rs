//! Cancelling an import: it stops between two batches, what was stored is whole, and the
//! report says it was cancelled.

use std::sync::atomic::{AtomicBool, Ordering};

use newsdesk_api::App;
use newsdesk_model::ArticleFilter;

#[test]
fn a_cancelled_import_keeps_whole_batches_and_says_so() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).expect("a folder of articles");
    for n in 0..450 {
        std::fs::write(
            files.join(format!("{n:04}.md")),
            format!("---\ntitle: Meldung {n}\ndate: 2026-12-07\n---\nText {n}.\n"),
        )
        .expect("an article file");
    }
    let app = App::open(&dir.path().join("library.sqlite")).expect("a new library opens");
    let stop = AtomicBool::new(false);
    let mut seen = 0;
    let report = app
        .import_paths_until(
            std::slice::from_ref(&files),
            |_| {
                seen += 1;
                // The editor presses "Abbrechen" while the first batch is being stored.
                stop.store(true, Ordering::Relaxed);
            },
            &stop,
        )
        .expect("a cancelled import is no failure");
    assert!(report.cancelled, "the report says it was cancelled");
    let stored = app
        .list_articles(&ArticleFilter {
            limit: Some(1000),
            ..ArticleFilter::default()
        })
        .expect("the list")
        .len();
    assert_eq!(
        stored,
        report.imported.len(),
        "what the report lists is what the library holds"
    );
    assert!(
        stored > 0 && stored < 450,
        "one whole batch is stored, the rest not read: {stored}"
    );
    assert_eq!(
        seen, stored,
        "every stored article was reported as it was committed"
    );
}
