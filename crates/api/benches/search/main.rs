//! Search over a large library: `cargo bench -p newsdesk-api --bench search`.
//!
//! Generates `NEWSDESK_BENCH_ARTICLES` (default 100,000) articles from the samples'
//! vocabulary, times their import through the app's own import path, then runs typical
//! queries through `App::search` and the same words on raw FTS5, and prints p50/p95.
//! Set `NEWSDESK_BENCH_DIR` to keep (and reuse) the generated library between runs.

mod corpus;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsdesk_api::App;

const QUERIES: [&str; 10] = [
    "digitalisierung",
    "Thüringen",
    "e-government",
    "Verwaltungsdigitalisierung",
    "kabinett strategie",
    "\"Hartmut Schubert\"",
    "düsseldorf",
    "massnahmen",
    "ozg",
    "chief digital officer",
];
const RUNS: usize = 40;
const LIMIT: usize = 20;

fn samples() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-articles");
    let mut texts: Vec<String> = std::fs::read_dir(&root)
        .expect("demo articles")
        .filter_map(|e| e.ok())
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    texts.sort();
    texts
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn time<F: FnMut() -> usize>(mut f: F) -> (Vec<Duration>, usize) {
    f(); // warm the page cache and the statement cache
    let mut times = Vec::with_capacity(RUNS);
    let mut hits = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        hits = f();
        times.push(start.elapsed());
    }
    times.sort();
    (times, hits)
}

fn build(dir: &Path, count: usize) -> PathBuf {
    let db = dir.join("bench.sqlite");
    if db.exists() {
        println!("reusing {}", db.display());
        return db;
    }
    let files = dir.join("files");
    let start = Instant::now();
    corpus::write_files(&corpus::Vocabulary::from_samples(&samples()), &files, count)
        .expect("write article files");
    println!(
        "generated {count} article files in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let app = App::open(&db).expect("open library");
    let start = Instant::now();
    let report = app
        .import_paths(std::slice::from_ref(&files))
        .expect("import");
    let took = start.elapsed();
    assert_eq!(report.imported.len(), count, "{:?}", report.failed.first());
    println!(
        "imported {count} articles in {:.1} s ({:.0} articles/s) through App::import_paths",
        took.as_secs_f64(),
        count as f64 / took.as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&files);
    db
}

fn main() {
    let count: usize = std::env::var("NEWSDESK_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let temp;
    let dir = match std::env::var_os("NEWSDESK_BENCH_DIR") {
        Some(d) => PathBuf::from(d),
        None => {
            temp = tempfile::tempdir().expect("temp dir");
            temp.path().to_path_buf()
        }
    };
    std::fs::create_dir_all(&dir).expect("bench dir");
    let db = build(&dir, count);
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    let app = App::open(&db).expect("open library");
    let raw = rusqlite::Connection::open(&db).expect("raw connection");
    let mut raw_stmt = raw
        .prepare(
            "SELECT rowid FROM article_search WHERE article_search MATCH ?1 ORDER BY rank LIMIT ?2",
        )
        .expect("raw statement");
    println!(
        "library: {} articles, {:.0} MiB; {RUNS} runs per query, top {LIMIT}\n",
        app.library_info().expect("info").articles,
        size as f64 / 1048576.0
    );
    println!(
        "{:<28} {:>7} {:>9} {:>9} {:>9} {:>9}",
        "query", "hits", "app p50", "app p95", "raw p50", "raw p95"
    );
    let mut all_app = Vec::new();
    let mut all_raw = Vec::new();
    for query in QUERIES {
        let (app_times, hits) = time(|| app.search(query, LIMIT).expect("search").len());
        // Raw FTS5: the same words as plain quoted terms, no variants, no join, no snippet.
        let raw_expr = query
            .trim_matches('"')
            .split_whitespace()
            .map(|w| format!("\"{}\"", w.to_lowercase()))
            .collect::<Vec<_>>()
            .join(" ");
        let (raw_times, _) = time(|| {
            raw_stmt
                .query_map(rusqlite::params![raw_expr, LIMIT as i64], |r| {
                    r.get::<_, i64>(0)
                })
                .expect("raw query")
                .count()
        });
        let total: i64 = if query == "ozg" {
            -1
        } else {
            raw.query_row(
                "SELECT count(*) FROM article_search WHERE article_search MATCH ?1",
                [&raw_expr],
                |r| r.get(0),
            )
            .unwrap_or(-1)
        };
        println!(
            "{:<28} {:>7} {:>9} {:>9} {:>9} {:>9}",
            query,
            if total >= 0 {
                total.to_string()
            } else {
                format!("{hits}+")
            },
            ms(percentile(&app_times, 0.5)),
            ms(percentile(&app_times, 0.95)),
            ms(percentile(&raw_times, 0.5)),
            ms(percentile(&raw_times, 0.95)),
        );
        all_app.extend(app_times);
        all_raw.extend(raw_times);
    }
    all_app.sort();
    all_raw.sort();
    println!(
        "\nall queries: app p50 {} ms, p95 {} ms; raw FTS5 p50 {} ms, p95 {} ms",
        ms(percentile(&all_app, 0.5)),
        ms(percentile(&all_app, 0.95)),
        ms(percentile(&all_raw, 0.5)),
        ms(percentile(&all_raw, 0.95)),
    );
}
