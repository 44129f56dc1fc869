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
    for n in 0..2_500 {
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
        stored > 0 && stored < 2_500,
        "one whole batch is stored, the rest not read: {stored}"
    );
    assert_eq!(
        seen, stored,
        "every stored article was reported as it was committed"
    );
}

/// `count` distinct JPEG pictures in `folder` (each a different colour, so none is a duplicate).
fn pictures(folder: &std::path::Path, count: u8) {
    std::fs::create_dir_all(folder).expect("a folder of pictures");
    for n in 0..count {
        let picture = image::RgbImage::from_fn(320, 240, |x, y| {
            image::Rgb([n.wrapping_mul(37), (x % 256) as u8, (y % 256) as u8])
        });
        picture
            .save(folder.join(format!("bild-{n:02}.jpg")))
            .expect("a JPEG file");
    }
}

#[test]
fn a_cancelled_picture_import_stores_only_whole_pictures_and_says_so() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("fotos");
    pictures(&folder, 24);
    let app = App::open(&dir.path().join("library.sqlite")).expect("a new library opens");
    let stop = AtomicBool::new(false);
    let report = app
        .import_images_until(
            std::slice::from_ref(&folder),
            // The editor presses "Abbrechen" when the first picture is in.
            |_| stop.store(true, Ordering::Relaxed),
            &stop,
        )
        .expect("a cancelled import is no failure");
    assert!(report.cancelled, "the report says it was cancelled");
    let stored = app
        .images(&newsdesk_model::ImageFilter::default())
        .expect("the pictures")
        .len();
    assert_eq!(
        stored,
        report.imported.len(),
        "what the report lists is what the library holds"
    );
    assert!(
        stored > 0 && stored < 24,
        "the pictures begun are stored, no further one is begun: {stored}"
    );
    assert!(
        app.check_library().expect("check").is_empty(),
        "nothing half-written"
    );
    // The rest comes in when imported again; the pictures in already are known.
    let again = app
        .import_images(std::slice::from_ref(&folder))
        .expect("the import again");
    assert!(!again.cancelled);
    assert_eq!(again.imported.iter().filter(|i| i.new).count(), 24 - stored);
}

#[test]
fn a_cancelled_batch_export_writes_whole_files_and_says_so() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let app = App::open(&dir.path().join("library.sqlite")).expect("a new library opens");
    app.load_demo_articles().expect("the demo articles");
    let out = dir.path().join("export");
    let stop = AtomicBool::new(false);
    let report = app
        .export_selection(
            &ArticleFilter::default(),
            newsdesk_api::ExportFormat::Html,
            &out,
            false,
            |_| stop.store(true, Ordering::Relaxed),
            &stop,
        )
        .expect("a cancelled export is no failure");
    assert!(report.cancelled, "the report says it was cancelled");
    assert_eq!(
        report.written.len() + report.failed.len(),
        1,
        "the article begun is done (written, or refused in words), no other begun: {:?}",
        report.failed
    );
    let files: Vec<_> = std::fs::read_dir(&out)
        .expect("the export folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files.len(),
        report.written.len(),
        "no partial file beside what was written: {files:?}"
    );
}
