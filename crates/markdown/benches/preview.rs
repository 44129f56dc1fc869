//! The live preview's cost: `cargo bench -p newsdesk-markdown --bench preview`.
//!
//! Renders a 10,000-word article (the demo articles' bodies with headings, quotes, lists,
//! links and a table, repeated) with the preview's path — pulldown-cmark, then the ammonia
//! sanitiser — and with raw pulldown-cmark alone, and prints p50/p95 of each and the ratio
//! (target: the preview at most 3× raw pulldown-cmark). Also the same body with one raw HTML
//! tag, which takes the allow-list sanitiser's slower path.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use pulldown_cmark::{Options, Parser, html};

const RUNS: usize = 60;
const WORDS: usize = 10_000;

fn article() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-articles");
    let mut bodies = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&root)
        .expect("assets/demo-articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("a demo article");
        // The body is what follows the second `---` line.
        if let Some(body) = text.split_once("\n---\n").map(|(_, body)| body) {
            bodies.push(body.to_string());
        }
    }
    let extras = "\n\n## Zwischenüberschrift\n\n> „Ein Zitat mit **Nachdruck**.“\n\n- eins\n- zwei mit [Link](https://www.thueringen.de)\n\n| Jahr | Mittel |\n|---|--:|\n| 2019 | 80 Mio. |\n\n";
    let mut out = String::new();
    let mut i = 0;
    while out.split_whitespace().count() < WORDS {
        out.push_str(&bodies[i % bodies.len()]);
        out.push_str(extras);
        i += 1;
    }
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[(((sorted.len() - 1) as f64) * p).round() as usize]
}

fn measure(mut f: impl FnMut() -> usize) -> (Duration, Duration) {
    f(); // warm-up
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.95))
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let markdown = article();
    let words = markdown.split_whitespace().count();
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let (raw50, raw95) = measure(|| {
        let mut out = String::new();
        html::push_html(&mut out, Parser::new_ext(&markdown, options));
        out.len()
    });
    let (safe50, safe95) = measure(|| newsdesk_markdown::to_safe_html(&markdown).len());
    // One raw HTML tag sends the whole body through the allow-list sanitiser.
    let with_html = format!("{markdown}\n\nText mit <sup>Hochzahl</sup>.\n");
    let (html50, html95) = measure(|| newsdesk_markdown::to_safe_html(&with_html).len());
    println!("preview of a {words}-word article, {RUNS} runs (release build)");
    println!(
        "  raw pulldown-cmark       p50 {}  p95 {}",
        ms(raw50),
        ms(raw95)
    );
    println!(
        "  render + sanitise        p50 {}  p95 {}",
        ms(safe50),
        ms(safe95)
    );
    println!(
        "  ratio (p50)              {:.2}× (target ≤ 3×)",
        safe50.as_secs_f64() / raw50.as_secs_f64()
    );
    println!(
        "  with raw HTML in it      p50 {}  p95 {}  ({:.2}× raw)",
        ms(html50),
        ms(html95),
        html50.as_secs_f64() / raw50.as_secs_f64()
    );
}
