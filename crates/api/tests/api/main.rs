//! The application API on a real library file with the shipped demo articles.

mod backups;
mod hostile_text;
mod imports;
mod overview;
mod places;
mod properties;
mod tags;

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use newsdesk_api::{App, Clock, ExportFormat};
use newsdesk_model::{ArticleFilter, ErrorCode, UserError};

struct Fixed;
impl Clock for Fixed {
    fn now(&self) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 28, 10, 0, 0)
            .single()
            .expect("valid")
    }
}

fn app(dir: &tempfile::TempDir) -> App {
    App::open_with_clock(&dir.path().join("lib.sqlite"), Arc::new(Fixed)).expect("open")
}

#[test]
fn opening_an_article_brings_its_preview_in_the_same_answer() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app(&dir);
    app.load_demo_articles().expect("demo import");
    let list = app.list_articles(&ArticleFilter::default()).expect("list");
    let id = list
        .iter()
        .find(|a| a.title == "Zweites Digitalisierungskabinett")
        .expect("the demo article")
        .id;
    let opened = app.open_article(id).expect("open");
    assert_eq!(
        opened.article,
        app.get_article(id).expect("get"),
        "the same article as get_article"
    );
    assert_eq!(
        opened.preview,
        app.render_markdown(&opened.article.content.body),
        "the preview is the body rendered as the editor's preview renders it"
    );
    assert!(
        opened.preview.contains("<blockquote>"),
        "the body's quote is rendered: {}",
        opened.preview
    );
    let missing: UserError = app
        .open_article(999_999)
        .expect_err("no such article")
        .into();
    assert_eq!(missing.code, ErrorCode::NotFound, "{}", missing.message);
}

#[test]
fn a_new_library_takes_the_demo_articles() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app(&dir);
    assert!(app.was_created());
    let report = app.load_demo_articles().expect("demo import");
    assert_eq!(
        report.imported.len(),
        6,
        "all six portal articles: {:?}",
        report.failed
    );
    let list = app.list_articles(&ArticleFilter::default()).expect("list");
    assert!(
        list.iter()
            .any(|a| a.title == "Zweites Digitalisierungskabinett")
    );
    let info = app.library_info().expect("info");
    assert_eq!(info.articles, 6);
    assert_eq!(info.sections, ["Politik"]);
    let seed = list
        .iter()
        .find(|a| a.kicker == "Thüringen" && a.date.is_some_and(|d| d.to_string() == "2018-12-13"))
        .expect("seed");
    assert_eq!(
        seed.created_at,
        Fixed.now(),
        "the injected clock stamps saves"
    );
}

#[test]
fn import_of_a_folder_reports_broken_files_and_keeps_the_rest() {
    let dir = tempfile::tempdir().expect("dir");
    let src = dir.path().join("in");
    std::fs::create_dir_all(src.join("sub")).expect("mkdir");
    std::fs::write(src.join("a.md"), "---\ntitle: Gut\n---\nText\n").expect("write");
    std::fs::write(src.join("sub/b.md"), "---\ntitle: Auch gut\n---\n").expect("write");
    std::fs::write(src.join("bad.md"), "---\ntitle: [unclosed\n---\n").expect("write");
    std::fs::write(src.join("notes.txt"), "not markdown").expect("write");
    std::fs::write(src.join("latin1.md"), b"---\ntitle: Th\xfcringen\n---\n").expect("write");
    let app = app(&dir);
    let mut acked = Vec::new();
    let report = app
        .import_paths_with(std::slice::from_ref(&src), |a| acked.push(a.id))
        .expect("import runs");
    assert_eq!(report.imported.len(), 2, "{report:?}");
    assert_eq!(acked.len(), 2, "each stored article is acknowledged");
    assert_eq!(report.failed.len(), 2, "bad.md and latin1.md: {report:?}");
    let bad = report
        .failed
        .iter()
        .find(|f| f.file.ends_with("bad.md"))
        .expect("bad.md reported");
    assert!(
        bad.line.is_some_and(|l| (2..=3).contains(&l)),
        "a line inside or closing the front matter: {bad:?}"
    );
    assert!(bad.message.contains("not valid YAML"), "{bad:?}");
    assert!(report.failed.iter().any(|f| f.message.contains("UTF-8")));
}

#[test]
fn export_writes_the_interchange_format_and_reimports_identically() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app(&dir);
    app.load_demo_articles().expect("demo");
    let mut exported = 0;
    for summary in app.list_articles(&ArticleFilter::default()).expect("list") {
        let target = dir.path().join(format!("{}.md", summary.id));
        let uncredited = app
            .get_article(summary.id)
            .expect("load")
            .content
            .images
            .iter()
            .any(|i| i.credit.trim().is_empty());
        let result = app.export_article(summary.id, ExportFormat::Markdown, &target, false);
        if uncredited {
            // The credit guard: no picture leaves without its credit, nothing is written.
            let refused = result.expect_err("a picture without credit is not exported");
            assert!(refused.to_string().contains("no credit"), "{refused}");
            assert!(!target.exists());
            continue;
        }
        result.expect("export");
        exported += 1;
        let other = App::open(&dir.path().join(format!("other-{}.sqlite", summary.id)))
            .expect("open other");
        let report = other.import_paths(&[target]).expect("reimport");
        let again = other.get_article(report.imported[0].id).expect("load");
        assert_eq!(
            again.content,
            app.get_article(summary.id).expect("load").content,
            "round trip of {}",
            summary.title
        );
    }
    assert!(
        exported >= 2,
        "the credited demo articles round-trip: {exported}"
    );
}

#[test]
fn errors_cross_to_the_ui_with_a_code() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app(&dir);
    let err: UserError = app.get_article(99).expect_err("missing").into();
    assert_eq!(err.code, ErrorCode::NotFound);
    let err: UserError = app
        .export_bytes(99, ExportFormat::Pdf)
        .expect_err("missing")
        .into();
    assert_eq!(err.code, ErrorCode::NotFound, "{}", err.message);
    assert!(
        "docx".parse::<ExportFormat>().is_err(),
        "an unknown format is refused"
    );
}

#[test]
fn preview_html_is_sanitised() {
    let dir = tempfile::tempdir().expect("dir");
    let html = app(&dir).render_markdown("**a** <script>x()</script>");
    assert!(
        html.contains("<strong>a</strong>") && !html.contains("<script"),
        "{html}"
    );
}
