//! What an autosave costs: `cargo bench -p newsdesk-api --bench save`.
//!
//! The editor saves `AUTOSAVE_MS` (700 ms, ui/src/editor/draft.svelte.ts) after the last
//! keystroke; from then to "Gespeichert" is one `App::save_article` (a new revision with the
//! whole article, tags, search index; `synchronous=FULL`) plus the IPC round trip. This
//! measures the save itself on a 10,000-word article in a library of 1,000 articles, each save
//! one more word than the one before, as typing makes them.

use std::time::{Duration, Instant};

use newsdesk_api::App;
use newsdesk_model::ArticleContent;

const SAVES: usize = 200;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[(((sorted.len() - 1) as f64) * p).round() as usize]
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = App::open(&dir.path().join("save.sqlite")).expect("library");
    let paragraph =
        "Die Landesregierung hat die Strategie für E-Government und IT fortgeschrieben. ";
    for n in 0..1_000 {
        let content = ArticleContent {
            title: format!("Archivartikel {n}"),
            body: paragraph.repeat(30),
            ..Default::default()
        };
        app.create_article(&content).expect("archive");
    }
    let mut content = ArticleContent {
        kicker: "Thüringen".into(),
        title: "Zweites Digitalisierungskabinett".into(),
        section: "Politik".into(),
        tags: vec![
            "Politik".into(),
            "Thüringen".into(),
            "Digitalisierung".into(),
        ],
        body: paragraph.repeat(1_000), // about 10,000 words
        ..Default::default()
    };
    let mut article = app.create_article(&content).expect("article");
    let mut times = Vec::with_capacity(SAVES);
    for n in 0..SAVES {
        content.body.push_str(&format!(" Wort{n}"));
        let start = Instant::now();
        article = app
            .save_article(article.id, &content, Some(article.revision))
            .expect("save");
        times.push(start.elapsed());
    }
    times.sort();
    let words = content.body.split_whitespace().count();
    println!("autosave of a {words}-word article, {SAVES} saves (release build, synchronous=FULL)");
    println!(
        "  save_article           p50 {:.2} ms  p95 {:.2} ms  max {:.2} ms",
        percentile(&times, 0.5).as_secs_f64() * 1000.0,
        percentile(&times, 0.95).as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0
    );
    println!(
        "  keystroke → saved p95  700 ms debounce + {:.1} ms",
        percentile(&times, 0.95).as_secs_f64() * 1000.0
    );
}
