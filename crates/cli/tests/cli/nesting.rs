//! An article nested 100,000 deep (raw HTML `<div>`s, Markdown quotes and lists) is saved,
//! shown, checked and exported in every format: its text kept, the nesting flattened, in time
//! that grows with its length (a hang or a stack overflow fails the test).

use std::time::{Duration, Instant};

use super::images::path_text;
use super::{json, nd};

#[test]
fn an_article_nested_100000_deep_exports_in_every_format() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let file = dir.path().join("tief.md");
    std::fs::write(
        &file,
        format!(
            "---\ntitle: Tief verschachtelt\n---\n{}Ganz innen{}\n\n{} Zitat innen\n\n{}Liste innen\n",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000),
            ">".repeat(100_000),
            "- ".repeat(50_000),
        ),
    )
    .expect("article");
    let imported = json(&db, &["article", "import", path_text(&file), "--json"]);
    let id = imported["imported"][0]["id"].to_string();
    // The checks and counts walk the body too.
    json(&db, &["article", "check", &id, "--json"]);
    let stats = json(&db, &["article", "stats", &id, "--json"]);
    assert!(stats["words"].as_u64().is_some_and(|w| w > 0), "{stats}");
    json(&db, &["article", "show", &id, "--json"]);
    for (format, needle) in [
        ("html", "Ganz innen"),
        ("pdf", ""),
        ("ninjs", "Ganz innen"),
        ("bundle", ""),
        ("md", "Ganz innen"),
    ] {
        let target = dir.path().join(format!("export.{format}"));
        let started = Instant::now();
        let out = nd(
            &db,
            &["export", &id, "--format", format, "-o", path_text(&target)],
        );
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Generous: a regression to time quadratic in the depth (minutes) fails here.
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{format} took {:?}",
            started.elapsed()
        );
        let bytes = std::fs::read(&target).expect("written");
        assert!(!bytes.is_empty(), "{format}");
        if !needle.is_empty() {
            assert!(
                String::from_utf8_lossy(&bytes).contains(needle),
                "{format}: the text stays"
            );
        }
        if format == "html" {
            let page = String::from_utf8_lossy(&bytes);
            assert!(page.contains("Zitat innen") && page.contains("Liste innen"));
            assert!(
                page.matches("<div>").count() <= newsdesk_model::limits::MAX_HTML_DEPTH,
                "the nesting is flattened"
            );
        }
    }
}
