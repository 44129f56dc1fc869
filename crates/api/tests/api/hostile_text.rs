//! Property-based tests of every text path against long words and deep nesting (issue 19):
//! an article whose body, title, teaser or caption holds a word of up to a megabyte, or
//! Markdown or HTML nested up to 100,000 deep, goes through saving, reading, search, the
//! preview, the paste conversion, the checks and figures, related articles, tag suggestions,
//! every export format and the post a portal would get — each answers (or refuses in words),
//! none overflows a stack or hangs.
//!
//! Every case runs on a thread with the stack the app's workers have (2 MiB, Rust's and
//! Tokio's default), so a recursion that only a larger stack survives fails here. A case that
//! does not finish within [`HANG`] fails the test instead of stalling the run; how long each
//! path takes is measured in `scripts/bench/refusals/`, not here.
//!
//! Cases per run: 16 (each is large); `PROPTEST_CASES` overrides.

use std::sync::mpsc;
use std::time::Duration;

use newsdesk_api::{App, ExportFormat, html_to_markdown};
use newsdesk_export::ExportArticle;
use newsdesk_model::{ArticleContent, ImageRef};
use newsdesk_publish::{Post, PostStatus};
use proptest::prelude::*;

/// The stack of the threads the app runs core calls on.
const WORKER_STACK: usize = 2 * 1024 * 1024;

/// Far beyond what any path needs for a megabyte of text, even in a debug build; a path that
/// grows with the square of its input takes hours here.
const HANG: Duration = Duration::from_secs(300);

/// A run of one unit repeated: words made long in the ways text really gets long.
fn long_word() -> impl Strategy<Value = String> {
    let unit = prop::sample::select(vec![
        "Verwaltungsdigitalisierung",
        "a",
        "ä",
        "a\u{308}",   // a decomposed umlaut
        "ab-",        // one token of many hyphen segments
        "Wort\u{AD}", // soft hyphens inside the word
        "x7",         // letters and digits: a pasted hash or base64
        "9",          // one long number
        "日本",
        "amt", // a short known compound part, again and again
    ]);
    let times = prop::sample::select(vec![60, 2_000, 40_000]);
    (unit, times).prop_map(|(unit, times)| unit.repeat(times))
}

/// An opener nested `depth` times around a word, closed again or left open.
fn deep_nesting() -> impl Strategy<Value = String> {
    let opener = prop::sample::select(vec![
        ("> ", ""),
        ("- ", ""),
        ("1. ", ""),
        ("  - ", ""),
        ("**", "**"),
        ("_", "_"),
        ("~~", "~~"),
        ("[", "](https://example.org)"),
        ("![", "](bild.jpg)"),
        ("<div>", "</div>"),
        ("<blockquote>", "</blockquote>"),
        ("<ul><li>", "</li></ul>"),
        ("<b><i>", "</i></b>"),
        ("<table><tr><td>", "</td></tr></table>"),
        ("<a href=\"https://example.org\">", "</a>"),
        ("<span style=\"color:red\">", "</span>"),
    ]);
    // 100,000 deep in every format: crates/cli/tests/cli/nesting.rs.
    let depth = prop::sample::select(vec![30, 1_000, 10_000, 40_000]);
    (opener, depth, any::<bool>()).prop_map(|((open, close), depth, closed)| {
        let mut text = open.repeat(depth);
        text.push_str("Kern");
        if closed {
            text.push_str(&close.repeat(depth));
        }
        text
    })
}

/// Where the hostile text goes.
#[derive(Debug, Clone, Copy)]
enum Field {
    Body,
    Title,
    Teaser,
    Caption,
}

fn field() -> impl Strategy<Value = Field> {
    prop_oneof![
        4 => Just(Field::Body),
        1 => Just(Field::Title),
        1 => Just(Field::Teaser),
        1 => Just(Field::Caption),
    ]
}

fn article_with(hostile: &str, field: Field) -> ArticleContent {
    let mut content = ArticleContent {
        kicker: "Thüringen".into(),
        title: "Kabinett berät Strategie".into(),
        section: "Politik".into(),
        teaser: "Das Kabinett beriet die Digitalisierung.".into(),
        body: "Die Landesregierung beschloss die Strategie.\n\n".into(),
        tags: vec!["Digitalisierung".into()],
        images: vec![ImageRef {
            file: "bild.jpg".into(),
            caption: "Die Staatskanzlei".into(),
            credit: "Thüringer Staatskanzlei".into(),
            alt: "Ein Gebäude".into(),
        }],
        ..Default::default()
    };
    match field {
        Field::Body => content.body.push_str(hostile),
        Field::Title => content.title = format!("Kabinett {hostile}"),
        Field::Teaser => content.teaser = format!("Das Kabinett {hostile}"),
        Field::Caption => content.images[0].caption = hostile.to_owned(),
    }
    content
}

/// Every text path of the core, once; an `Err` is a test failure with its reason.
fn every_path(hostile: &str, field: Field) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let app = App::open(&dir.path().join("lib.sqlite")).map_err(|e| e.to_string())?;
    let content = article_with(hostile, field);

    // The paste conversion and the preview take any text.
    let pasted = html_to_markdown(hostile);
    let preview = app.render_markdown(&content.body);
    if preview.contains("<script") || pasted.contains("<script") {
        return Err("a script survived".into());
    }
    app.check_content(&content).map_err(|e| e.to_string())?;

    let article = match app.create_article(&content) {
        Ok(article) => article,
        // A refusal must say what is wrong.
        Err(e) if !e.to_string().is_empty() => return Ok(()),
        Err(e) => return Err(format!("refused without words: {e:?}")),
    };
    let id = article.id;
    let back = app.get_article(id).map_err(|e| e.to_string())?;
    if back.content != content {
        return Err("the article read back differs from what was saved".into());
    }
    let hits = app
        .search("Landesregierung", 10)
        .map_err(|e| e.to_string())?;
    if !hits.iter().any(|h| h.id == id) {
        return Err("the ordinary words beside the hostile text are no longer found".into());
    }
    let prefix: String = hostile.chars().take(200).collect();
    app.search(&prefix, 10).map_err(|e| e.to_string())?;
    app.article_stats(id).map_err(|e| e.to_string())?;
    app.related_articles(id, 5).map_err(|e| e.to_string())?;
    app.suggest_tags(id, 10).map_err(|e| e.to_string())?;
    for format in [
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Ninjs,
        ExportFormat::Bundle,
        ExportFormat::Pdf,
    ] {
        match app.export_bytes(id, format) {
            Ok(bytes) if bytes.is_empty() => return Err(format!("{format:?}: empty")),
            Ok(_) => {}
            Err(e) if !e.to_string().is_empty() => {}
            Err(e) => return Err(format!("{format:?} refused without words: {e:?}")),
        }
    }
    let export = ExportArticle {
        id,
        revision: back.revision,
        created_at: back.created_at,
        updated_at: back.updated_at,
        content: back.content,
        pictures: Vec::new(),
    };
    let post = Post::from_article(&export, "nd-test", PostStatus::Publish);
    // What a portal answers is converted back on pull: the post's own HTML included.
    html_to_markdown(&post.body_html);
    Ok(())
}

/// Runs `every_path` on a worker-sized stack, failing when it overflows (the process dies),
/// errs or does not finish within [`HANG`].
fn on_a_worker(hostile: String, field: Field) -> Result<(), String> {
    let (done, answer) = mpsc::channel();
    std::thread::Builder::new()
        .name("hostile-text".into())
        .stack_size(WORKER_STACK)
        .spawn(move || {
            let _ = done.send(every_path(&hostile, field));
        })
        .map_err(|e| e.to_string())?;
    answer
        .recv_timeout(HANG)
        .map_err(|_| format!("no answer within {HANG:?}: a path hangs"))?
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(16),
        failure_persistence: None,
        // A shrunk case is as large as the original; shrinking would take long.
        max_shrink_iters: 4,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn long_words_pass_every_text_path(word in long_word(), field in field()) {
        let outcome = on_a_worker(format!("Vor dem Wort {word} nach dem Wort."), field);
        prop_assert!(outcome.is_ok(), "{field:?}, {} bytes: {:?}", word.len(), outcome.err());
    }

    #[test]
    fn deep_nesting_passes_every_text_path(nested in deep_nesting(), field in field()) {
        let outcome = on_a_worker(nested.clone(), field);
        prop_assert!(
            outcome.is_ok(),
            "{field:?}, {}…: {:?}",
            nested.chars().take(40).collect::<String>(),
            outcome.err()
        );
    }
}
